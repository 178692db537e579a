// Podman's Docker-compatible service, driven like any engine: both targets built and smoke-tested through it,
// the deps images found again on the next build (DOCKER_HOST this time), hello-cargo too, and nothing left.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def podman = c.builders().getProperty('podman.host')
def triples = ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu']

def log = new File(basedir, 'build.log').text
assert log.contains('Podman') : 'the plan does not say the engine is Podman'
def first = c.report(basedir)
triples.each { t ->
  def r = first.targets.find { it.target == t }
  assert r.status == 'ok' && r.deps == 'built' : "${t}: ${r.status} ${r.deps}"
}
assert first.builders*.endpoint == [podman]
assert c.elfMachine(new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello')) == 0x3E
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')
assert c.elfMachine(arm) == 0xB7
def (armCode, armOut) = c.runArm64(arm)
assert armCode == 0 && armOut.contains('hello from aarch64') : armOut
assert log =~ /\[aarch64-unknown-linux-gnu\] smoke \| hello from aarch64/
c.noLeftoverContainers('builders-podman', podman)

// Again through DOCKER_HOST, sources changed: the deps images are the ones Podman stored (its localhost/ names).
new File(basedir, 'hello.c').text += '\n/* changed */\n'
def second = c.mvn(basedir, localRepositoryPath, 'second', ['cross:build'], [DOCKER_HOST: podman])
def again = c.report(basedir)
triples.each { t ->
  def r = again.targets.find { it.target == t }
  assert r.status == 'ok' && r.deps == 'hit' : "second ${t}: ${r.status} ${r.deps}"
  assert second.contains("[${t}] deps: cached")
}
c.noLeftoverContainers('builders-podman', podman)

// examples/hello-cargo through Podman.
def cargo = new File(basedir, 'cargo')
c.mvn(cargo, localRepositoryPath, 'cargo', ['cross:build'], [DOCKER_HOST: podman])
def cargoReport = c.report(cargo)
triples.each { t ->
  def r = cargoReport.targets.find { it.target == t }
  assert r.status == 'ok' : "cargo ${t}: ${r.error}"
}
assert c.elfMachine(new File(cargo, 'target/cross/aarch64-unknown-linux-gnu/hello-cargo')) == 0xB7
c.noLeftoverContainers('hello-cargo', podman)
true
