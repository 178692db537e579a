def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
def report = c.report(basedir)

// musl targets: x86_64 natively, aarch64 cross-compiled on amd64 with musl-dev:arm64 (Debian has no musl cross gcc).
assert log =~ /aarch64-unknown-linux-musl\s+cross\s+local/
def musl = ['x86_64-unknown-linux-musl': [0x3E, 'linux/amd64'], 'aarch64-unknown-linux-musl': [0xB7, 'linux/arm64']]
musl.each { triple, t ->
  def (machine, platform) = t
  def hello = new File(basedir, "target/cross/${triple}/hello")
  def lib = new File(basedir, "target/cross/${triple}/libgreet.so")
  assert c.elfMachine(hello) == machine
  assert c.elfMachine(lib) == machine
  // The program is static (no loader, no dynamic section) and holds none of glibc's start files.
  def (rc1, program) = c.run(['readelf', '-lW', hello.path])
  assert rc1 == 0 && !program.contains('INTERP') && !program.contains('DYNAMIC') : "${triple} hello is not static:\n${program}"
  def (rc2, notes) = c.run(['readelf', '-nW', hello.path])
  assert rc2 == 0 && !notes.contains('ABI_TAG') : "${triple} hello has glibc's .note.ABI-tag:\n${notes}"
  // The shared library needs musl's libc.so, never glibc's libc.so.6 or a GLIBC_ version.
  def (rc3, dynamic) = c.run(['readelf', '-dW', lib.path])
  assert rc3 == 0 && dynamic.contains('[libc.so]') && !dynamic.contains('libc.so.6') : dynamic
  def (rc4, versions) = c.run(['readelf', '-VW', lib.path])
  assert rc4 == 0 && !versions.contains('GLIBC_') : versions
  // hello-shared names libgreet.so by its path: linked dynamically against musl, run by the smoke test.
  def shared = new File(basedir, "target/cross/${triple}/hello-shared")
  def (rc5, sharedHeaders) = c.run(['readelf', '-lW', shared.path])
  assert rc5 == 0 && sharedHeaders =~ /ld-musl-[a-z0-9_]+\.so\.1/ : sharedHeaders
  def (rc6, sharedDynamic) = c.run(['readelf', '-dW', shared.path])
  assert sharedDynamic.contains('[libgreet.so]') && sharedDynamic.contains('[libc.so]') : sharedDynamic
  assert log.readLines().count { it.contains("[${triple}] smoke | hello from musl") } == 2 : 'hello-shared did not run'

  // The audit says musl; the summary says musl for the target's row (static when every program is).
  def r = report.targets.find { it.target == triple }
  assert r.binaries.find { it.path == 'hello' }.libc == null || r.binaries.find { it.path == 'hello' }.libc == 'musl'
  assert r.binaries.find { it.path == 'libgreet.so' }.libc == 'musl' : r.binaries
  assert r.abi.startsWith('musl') && !r.abi.contains('glibc') : r.abi
  assert log =~ /${triple}\s+.*musl/ : "the summary row of ${triple} does not say musl"
  assert r.smokeTest == 'passed' : r.smokeTest

  // The program runs in an image holding nothing but itself (FROM scratch), natively and under QEMU.
  def dir = File.createTempDir()
  try {
    def copy = new File(dir, 'hello')
    copy.bytes = hello.bytes
    copy.setExecutable(true, false)
    new File(dir, 'Dockerfile').text = 'FROM scratch\nCOPY hello /hello\nENTRYPOINT ["/hello"]\n'
    def tag = "musl-static-scratch:${platform.replace('linux/', '')}".toString()
    def build = new ProcessBuilder(['docker', 'build', '-q', '--no-cache', '--platform', platform, '-t', tag, dir.path])
        .redirectErrorStream(true)
    build.environment().put('DOCKER_BUILDKIT', '0')
    def p = build.start()
    def built = p.inputStream.text
    assert p.waitFor() == 0 : built
    def (code, out) = c.run(['docker', 'run', '--rm', '--platform', platform, tag])
    c.run(['docker', 'rmi', '-f', tag])
    assert code == 0 && out.contains('hello from musl') : "${triple} in FROM scratch: ${out}"
  } finally {
    dir.deleteDir()
  }
}

// The glibc target links zlib: its libz.so.1 is in the build image (and in Debian's base image, where the smoke
// test passes) but is no system library, so the build warns, naming the library and its Debian package.
def gnu = report.targets.find { it.target == 'x86_64-unknown-linux-gnu' }
assert gnu.smokeTest == 'passed'
def warning = log.readLines().find { it.contains('[WARNING]') && it.contains('libz.so.1') }
assert warning != null : 'no warning names libz.so.1'
assert warning.contains('zlib1g') && warning.contains('hello') && warning.contains('<neededLibraries>') : warning
assert gnu.unlistedLibraries.collect { it.library }.unique() == ['libz.so.1'] : gnu.unlistedLibraries
assert gnu.unlistedLibraries.collect { it.path }.sort() == ['hello', 'hello-shared'] : 'libgreet.so is shipped: not to be reported'
// libgreet.so needs nothing but libc, and no musl target warns.
assert !log.readLines().any { it.contains('[WARNING]') && it.contains('musl') && it.contains('needs') }

c.noLeftoverContainers(basedir.name)
true
