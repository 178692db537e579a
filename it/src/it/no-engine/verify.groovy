def log = new File(basedir, 'build.log').text
assert log.contains('No container engine at unix:///nonexistent/docker.sock (from -Dcross.dockerHost).')
assert log.contains('Start Docker (or Podman\'s Docker-compatible service), or set DOCKER_HOST / -Dcross.dockerHost.')
assert !new File(basedir, 'target/cross').exists()
true
