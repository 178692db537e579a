// Cold build, then a source-only change and a version bump: both must reuse the deps images.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triples = ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu']
def log = new File(basedir, 'build.log').text
assert log =~ /aarch64-unknown-linux-gnu\s+cross\s+local/
def cold = c.report(basedir)
triples.each { t -> assert cold.targets.find { it.target == t }.depsCacheHit == false : "cold run of ${t} hit the cache" }

def x86 = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello-cargo')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello-cargo')
def check = { String message, String version ->
  assert c.elfMachine(x86) == 0x3E
  assert c.elfMachine(arm) == 0xB7
  def (code1, out1) = c.run([x86.path])
  assert code1 == 0 && out1.contains("\"message\":\"${message}\",\"version\":\"${version}\",\"arch\":\"x86_64\"") : out1
  def (code2, out2) = c.runArm64(arm)
  assert code2 == 0 && out2.contains("\"message\":\"${message}\",\"version\":\"${version}\",\"arch\":\"aarch64\"") : out2
}
check('hello from cargo', '1.0.0')

def depsHitEverywhere = { String what ->
  def report = c.report(basedir)
  triples.each { t ->
    def r = report.targets.find { it.target == t }
    assert r.depsCacheHit == true : "${what} rebuilt the deps image of ${t}"
    assert r.stages.find { it.stage == 'source' }.outcome == 'built'
  }
}

// A source-only change: the deps images are reused and the real source is compiled (not the stub).
def main = new File(basedir, 'src/main.rs')
main.text = main.text.replace('hello from cargo', 'hello again from cargo')
def second = c.mvn(basedir, localRepositoryPath, 'second')
depsHitEverywhere('a source-only change')
assert second.contains('Compiling hello-cargo') : 'the source stage did not compile the crate'
assert !second.contains('Compiling serde') : 'dependencies were compiled again'
check('hello again from cargo', '1.0.0')

// Bumping the crate's own version keeps the deps cache too (the skeleton masks it).
def manifest = new File(basedir, 'Cargo.toml')
manifest.text = manifest.text.replaceFirst(/(?m)^version = "1\.0\.0"$/, 'version = "1.1.0"')
assert manifest.text.contains('version = "1.1.0"')
c.mvn(basedir, localRepositoryPath, 'third')
depsHitEverywhere('a version bump')
check('hello again from cargo', '1.1.0')

c.noLeftoverContainers(basedir.name)
true
