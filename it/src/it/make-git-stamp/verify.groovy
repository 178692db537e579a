// One build command (`make CC="$CC"` over a Makefile that says CC = gcc) for a native, a cross and an
// emulated target; the program stamps what git says inside the build, which is what git says on the host:
// the tag, then a new tag on the same files (a new build), an uncommitted change (-dirty), a commit after
// the tag; a second run with nothing changed does not build; and the same on a TLS builder.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def git = { String... args -> c.git(basedir, *args) }
def triples = ['x86_64-unknown-linux-gnu': 0x3E, 'aarch64-unknown-linux-gnu': 0xB7, 'armv7-unknown-linux-gnueabihf': 0x28]
def arch = ['x86_64-unknown-linux-gnu': 'x86_64', 'aarch64-unknown-linux-gnu': 'aarch64', 'armv7-unknown-linux-gnueabihf': 'arm']
def program = { String t -> new File(basedir, "target/cross/${t}/hello") }

// What the program must print: the host's own answers for this work tree.
def expected = { String t ->
  def changes = git('status', '--porcelain').readLines().findAll { it.trim() }.size()
  "hello ${git('describe', '--tags', '--dirty')} commit ${git('rev-parse', 'HEAD')} at ${git('log', '-1', '--format=%ct')}," +
      " ${changes} changes (project 1.4.0, described ${git('describe', '--tags', '--dirty')}) on ${arch[t]}"
}
def runX86 = {
  def (code, out) = c.run([program('x86_64-unknown-linux-gnu').path])
  assert code == 0 : out
  out.trim()
}
// The smoke test ran each program on its platform (QEMU for aarch64 and armv7): its line is in the log.
def smoked = { String log, String t ->
  def line = log.readLines().find { it.contains("[${t}] smoke | hello ") }
  assert line != null : "no smoke line for ${t}"
  line.substring(line.indexOf('smoke | ') + 8).trim()
}

def log = new File(basedir, 'build.log').text
assert git('describe', '--tags', '--dirty') == 'v1.4.0'
assert log =~ /aarch64-unknown-linux-gnu\s+cross\s/
assert log =~ /armv7-unknown-linux-gnueabihf\s+emulated\s/
triples.each { t, machine ->
  assert c.elfMachine(program(t)) == machine : "${t}: the Makefile's own CC = gcc won over \$CC"
  assert smoked(log, t) == expected(t)
}
assert runX86() == expected('x86_64-unknown-linux-gnu')
def firstKeys = c.report(basedir).targets.collectEntries { [(it.target): it.depsImage] }

// A new tag on the same files is a new build: every program says v1.4.1, and the deps images are the same.
// Annotated, as releases are: of an annotated and a lightweight tag on one commit, git describe names the
// annotated one (the lightweight case is in BuildRepositoryTest).
git('tag', '-a', 'v1.4.1', '-m', 'hello 1.4.1')
def retagged = c.mvn(basedir, localRepositoryPath, 'retagged', ['cross:build'])
assert !retagged.contains('Nothing changed since the last build')
triples.each { t, machine -> assert smoked(retagged, t) == expected(t) && expected(t).startsWith('hello v1.4.1 ') }
assert runX86() == expected('x86_64-unknown-linux-gnu')
def retaggedReport = c.report(basedir)
retaggedReport.targets.each { assert it.deps == 'hit' && it.depsImage == firstKeys[it.target] : "${it.target}: ${it.deps}" }

// Nothing changed: no build at all.
def again = c.mvn(basedir, localRepositoryPath, 'unchanged', ['cross:build'])
assert again.contains('Nothing changed since the last build')

// An uncommitted change: -dirty, as on the host; then a commit after the tag.
def x86Only = ['cross:build', '-Dcross.targets=x86_64-unknown-linux-gnu']
new File(basedir, 'hello.c').append('/* an uncommitted change */\n')
assert git('describe', '--tags', '--dirty') == 'v1.4.1-dirty'
c.mvn(basedir, localRepositoryPath, 'dirty', x86Only)
assert runX86() == expected('x86_64-unknown-linux-gnu')
assert runX86().startsWith('hello v1.4.1-dirty ') && runX86().contains(', 1 changes ')
git('commit', '-q', '-am', 'after the tag')
assert git('describe', '--tags', '--dirty') ==~ /v1\.4\.1-1-g[0-9a-f]{7,}/
c.mvn(basedir, localRepositoryPath, 'after-tag', x86Only)
assert runX86() == expected('x86_64-unknown-linux-gnu')

// On a builder over TLS (box as the engine): the git directory goes with the sources, no bind mount.
c.boxUp(basedir)
def b = c.builders()
def tls = [DOCKER_HOST: b.getProperty('box.host'), DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: b.getProperty('box.certPath')]
def onBox = c.mvn(basedir, localRepositoryPath, 'tls-builder', x86Only + ['-Dcross.force'], tls)
assert c.report(basedir).builders*.endpoint == [b.getProperty('box.host')]
assert runX86() == expected('x86_64-unknown-linux-gnu')
c.noLeftoverContainers('make-git-stamp')
c.noLeftoverContainers('make-git-stamp', b.getProperty('box.socket'))
true
