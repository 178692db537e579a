// Cold build with push; then, as a fresh CI runner: every image gone, the same build pulls every deps image,
// runs no deps command, and packs byte-identical archives. A stopped registry is a warning, never a failure.
import java.security.MessageDigest

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triples = ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu']
def repository = new File(basedir, 'cache-repository.txt').text.trim()
def ranDeps = ~/(?m)\] DEPS-COMMAND-RAN\s*$/
def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def archives = { new File(basedir, 'target/cross').listFiles().findAll { it.name.endsWith('.tar.gz') }
    .collectEntries { [(it.name): sha(it)] } }

def cold = new File(basedir, 'build.log').text
assert cold =~ ranDeps : 'the cold build did not run the deps command'
def first = c.report(basedir)
triples.each { t ->
  def r = first.targets.find { it.target == t }
  assert r.deps == 'built' : "cold ${t}: ${r.deps}"
  assert cold.contains("[${t}] cache: pushed ${repository}:${t}-") : "no push of ${t}"
}
def firstArchives = archives()
assert firstArchives.size() == 2

// The registry really has both tags.
def name = repository.substring(repository.indexOf('/') + 1)
def tags = new groovy.json.JsonSlurper().parse(new URL("http://${repository.substring(0, repository.indexOf('/'))}/v2/${name}/tags/list"))
assert tags.tags.sort() == first.targets.collect { it.depsImage.substring(it.depsImage.indexOf(':') + 1) }.sort()

// A fresh runner: no deps or source image, no layer they share with anything, no target/ directory.
def keys = c.depsKeysOf('registry-cache')
assert keys.size() == 2
c.removeDepsImages('registry-cache', keys)
new File(basedir, 'target').deleteDir()

def warm = c.mvn(basedir, localRepositoryPath, 'warm', ['cross:build', "-Dcross.cache.repository=${repository}".toString()])
def second = c.report(basedir)
triples.each { t ->
  def r = second.targets.find { it.target == t }
  assert r.deps == 'pulled' : "warm ${t}: ${r.deps}"
  assert r.stages.find { it.stage == 'deps' }.outcome == 'pulled'
  assert warm.contains("[${t}] deps: pulled")
}
assert !(warm =~ ranDeps) : 'the deps command ran although every deps image was pulled'
assert !warm.contains('cache: pushed') : 'nothing was built, so nothing is pushed'
assert warm =~ /(?m)^\[INFO\] x86_64-unknown-linux-gnu\s+native\s+pulled\s/ : 'the summary does not say pulled'
assert archives() == firstArchives : "archives differ after pulling the deps images: ${archives()} vs ${firstArchives}"
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')
assert c.elfMachine(arm) == 0xB7
def (armCode, armOut) = c.runArm64(arm)
assert armCode == 0 && armOut.contains('hello from the registry cache IT') : armOut

// A stopped registry: one warning for the pull, one for the push, and the deps image is built.
def dead = new ServerSocket(0, 1, InetAddress.loopbackAddress)
def deadPort = dead.localPort
dead.close()
c.removeProjectImages('registry-cache')
def down = c.mvn(basedir, localRepositoryPath, 'registry-down', ['cross:build', '-Dcross.targets=x86_64-unknown-linux-gnu',
    "-Dcross.cache.repository=127.0.0.1:${deadPort}/stopped/cache".toString(), '-Dcross.force=true'])
assert down.contains('BUILD SUCCESS')
def pullWarning = down.readLines().findAll { it.startsWith('[WARNING] [x86_64-unknown-linux-gnu] Deps cache: cannot pull') }
assert pullWarning.size() == 1 && pullWarning[0].contains('the registry does not answer') &&
    pullWarning[0].contains("127.0.0.1:${deadPort}") : pullWarning
assert down.readLines().count { it.startsWith('[WARNING] [x86_64-unknown-linux-gnu] Deps cache: cannot push') } == 1
assert c.report(basedir).targets[0].deps == 'built'
assert c.noLeftoverContainers('registry-cache')
true
