// cargo's target directory in the build cache, on the real engine: the first build after the deps image seeds it
// and rebuilds the workspace's own crates once; a change in the binary crate then recompiles only it (the library
// and serde stay fresh); a change in the library recompiles both; back on the first sources the output is the
// first build's. Every output is the one a clean build (-Dcross.buildCache=none) gives, byte for byte.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triple = 'x86_64-unknown-linux-gnu'
def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
int n = 0
def mvn = { String name, List<String> args ->
  def command = ["${System.getProperty('maven.home')}/bin/mvn".toString(), '-B', '-s', settings,
      "-Dmaven.repo.local=${localRepositoryPath}".toString(), 'cross:build', '-Dcross.force=true'] + args
  def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.text
  new File(basedir, 'target').mkdirs()
  new File(basedir, "target/${String.format('%02d', ++n)}-${name}.log").text = out
  assert p.waitFor() == 0 : "${name} failed:\n${out.readLines().takeRight(40).join('\n')}"
  def log = new File(basedir, "target/cross/${triple}.build.log").text
  new File(basedir, "target/${String.format('%02d', n)}-${name}.build.log").text = log
  [sha: new File(basedir, 'target/cross/build-cache-cargo-1.0.0-linux-x86_64.tar.gz').bytes.sha256(),
   compiled: (log =~ /(?m)^\s*Compiling (\S+) v/).collect { it[1] }.sort(), log: log,
   ran: c.run([new File(basedir, "target/cross/${triple}/app").path])[1].trim()]
}
def build = { String name -> mvn(name, []) }
def clean = { String name -> mvn(name, ['-Dcross.buildCache=none']) }
def volume = "cross-build-cache-build-cache-cargo-${triple}".toString()
c.run(['docker', 'volume', 'rm', '-f', volume])

def cold = build('cold')
assert cold.log.contains('cross-build: the cargo target directory seeded from the deps image')
assert cold.compiled == ['app', 'greet'] : "the first build compiles the workspace's own crates only: ${cold.compiled}"
assert cold.ran == '{"to":"cache","times":1}'
def coldClean = clean('cold-clean')
assert coldClean.sha == cold.sha : 'the cached build gives other bytes than a clean one'

// The binary crate changes: only it is compiled again.
def main = new File(basedir, 'app/src/main.rs')
def mainBefore = main.text
main.text = mainBefore.replace('"cache"', '"leaf"')
def leaf = build('leaf-change')
assert !leaf.log.contains('seeded from the deps image')
assert leaf.compiled == ['app'] : "a change in the binary crate compiled ${leaf.compiled}"
assert leaf.log =~ /Finished/
assert leaf.ran == '{"to":"leaf","times":1}'
assert clean('leaf-change-clean').sha == leaf.sha

// The library changes: both crates, not serde.
def lib = new File(basedir, 'greet/src/lib.rs')
def libBefore = lib.text
lib.text = libBefore.replace('times: 1', 'times: 2')
def both = build('library-change')
assert both.compiled == ['app', 'greet'] : both.compiled
assert both.ran == '{"to":"leaf","times":2}'
assert clean('library-change-clean').sha == both.sha

// Back on the first sources (written now, so newer than the last build, as a checkout writes them).
main.text = mainBefore
lib.text = libBefore
def back = build('back')
assert back.sha == cold.sha : 'back on the first sources, the output is not the first build\'s'
assert back.ran == '{"to":"cache","times":1}'
assert c.noLeftoverContainers('build-cache-cargo')
def (rc, volumes) = c.run(['docker', 'volume', 'ls', '-q', '--filter', 'label=dev.crossbuild.project=build-cache-cargo'])
assert volumes.readLines() == [volume]
true
