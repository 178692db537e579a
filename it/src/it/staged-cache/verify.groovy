// Three builds of the same project: cold, after a source-only change, and with no change at all.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triples = ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu']

def ranDeps = ~/(?m)\] DEPS-COMMAND-RAN\s*$/
assert new File(basedir, 'build.log').text =~ ranDeps : 'the cold run did not run the deps command'
def first = c.report(basedir)
triples.each { t -> assert first.targets.find { it.target == t }.depsCacheHit == false : "cold run of ${t} hit the cache" }

def mvn = { String name -> c.mvn(basedir, localRepositoryPath, name) }

// Source-only change: the deps image is reused and the deps command does not run.
def hello = new File(basedir, 'hello.c')
hello.text = hello.text.replace('cross-build', 'cross-build, changed')
def second = mvn('second')
def report2 = c.report(basedir)
triples.each { t ->
  def r = report2.targets.find { it.target == t }
  assert r.depsCacheHit == true : "source-only change rebuilt the deps of ${t}"
  assert r.stages.find { it.stage == 'source' }.outcome == 'built'
}
assert !(second =~ ranDeps) : 'the deps command ran on a deps cache hit'
assert second.contains('[aarch64-unknown-linux-gnu] deps: cached')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')
assert c.elfMachine(arm) == 0xB7

// No change: every target is up to date and the engine builds nothing.
def third = mvn('third')
def report3 = c.report(basedir)
triples.each { t ->
  def r = report3.targets.find { it.target == t }
  assert r.upToDate == true : "no-change rebuild of ${t} was not skipped"
}
assert third.contains('Nothing changed since the last build: the engine is not used')
assert !third.contains('Step 1/') : 'the engine was asked to build on a no-change run'

c.noLeftoverContainers(basedir.name)
true
