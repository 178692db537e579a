// The build cache's correctness on the real engine (make, native x86_64 and cross aarch64 with ccache and the
// build tree): every build with the cache gives the archive a clean build (-Dcross.buildCache=none) of the same
// sources gives, byte for byte, and the cache is really used.
//  0. the same sources again: the build tree is used, make compiles nothing; one changed unit: only it compiles;
//  1. a header included by one unit changes: make cannot know (the Makefile does not say), so the build starts
//     from the sources: that unit misses, the others hit, the output changes;
//  2. CFLAGS through <env> (-O0 against -O2): a rebuild with the new flag;
//  3. branch A, branch B, back to A: the last output is the first, all hits;
//  4. a unit compiled before is deleted: the build fails exactly as a clean build fails, then succeeds as it does;
//  5. two builds of the project at once: both right (one waits for the other's lock on the cache);
//  6. cross:clean removes the cache volumes.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triples = ['x86_64-unknown-linux-gnu': 'linux-x86_64', 'aarch64-unknown-linux-gnu': 'linux-aarch_64']
def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
int n = 0

// One cross:build (the source stage forced: the up-to-date check would skip an unchanged project).
def mvn = { File dir, String name, List<String> args, boolean ok = true ->
  def command = ["${System.getProperty('maven.home')}/bin/mvn".toString(), '-B', '-s', settings,
      "-Dmaven.repo.local=${localRepositoryPath}".toString(), 'cross:build', '-Dcross.force=true'] + args
  def p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
  def out = p.inputStream.text
  new File(basedir, "target").mkdirs()
  new File(basedir, "target/${String.format('%02d', ++n)}-${name}.log").text = out
  int code = p.waitFor()
  assert (code == 0) == ok : "${name}: expected ${ok ? 'success' : 'failure'}, got exit ${code}:\n${out.readLines().takeRight(40).join('\n')}"
  out
}
def archives = { File dir = basedir ->
  triples.collectEntries { t, cl -> [(t): new File(dir, "target/cross/build-cache-c-1.0.0-${cl}.tar.gz").bytes.sha256()] }
}
def build = { String name, List<String> args = [] -> mvn(basedir, name, args); archives() }
def clean = { String name, List<String> args = [] -> mvn(basedir, name, args + ['-Dcross.buildCache=none']); archives() }
// ccache's counts of the last build of a target, from its build log.
def stats = { String triple ->
  def log = new File(basedir, "target/cross/${triple}.build.log").text
  def section = log.substring(log.lastIndexOf('cross-build: ccache statistics of this build:'))
  // ccache leaves out the Hits and Misses lines when nothing was compiled
  def count = { String what -> def m = section =~ /${what}:\s+(\d+)/; m.find() ? m.group(1) as int : 0 }
  [hits: count('Hits'), misses: count('Misses')]
}
def git = { String... args -> c.git(basedir, *args) }
def volumes = { -> c.run(['docker', 'volume', 'ls', '-q', '--filter', 'label=dev.crossbuild.project=build-cache-c'])[1].readLines().sort() }
// A fresh start: no cache volume from an earlier run of this IT.
volumes().each { c.run(['docker', 'volume', 'rm', '-f', it]) }
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init', '-q', '-b', 'a')
git('add', '.')
git('commit', '-q', '-m', 'a')

// Cold: every unit misses; the same sources again: every unit hits, the same bytes.
def cold = build('cold')
triples.keySet().each { t -> assert stats(t) == [hits: 0, misses: 3] : "${t}: ${stats(t)}" }
assert new File(basedir, 'target/01-cold.log').text.contains('build cache: volume') ||
    new File(basedir, 'target/cross/x86_64-unknown-linux-gnu.build.log').text.contains('build cache: volume cross-build-cache-build-cache-c-x86_64-unknown-linux-gnu')
assert volumes() == triples.keySet().collect { "cross-build-cache-build-cache-c-${it}".toString() }.sort()
def treeLine = { String triple -> new File(basedir, "target/cross/${triple}.build.log").readLines().find { it.contains('cross-build: build tree') || it.contains('not from a build tree') } }
triples.keySet().each { t -> assert treeLine(t).contains('not from a build tree in the build cache: there is none yet') : treeLine(t) }
def again = build('again')
triples.keySet().each { t ->
  assert treeLine(t).contains('build tree from the build cache: 0 source file(s) changed, 0 removed') : treeLine(t)
  assert stats(t) == [hits: 0, misses: 0] : "${t}: make compiled with the build tree of the same sources: ${stats(t)}"
  assert new File(basedir, "target/cross/${t}.build.log").text.contains("make: 'calc' is up to date.")
}
assert again == cold
assert clean('cold-clean') == cold : 'a clean build gives other bytes than the cached one'
def (rc, ran) = c.run([new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/calc').path])
assert rc == 0 && ran.trim() == 'calc: 42' : ran

// 0. One changed unit: the build tree is used and only that unit compiles (a ccache miss: new code). The first
// edit after a commit makes the work tree dirty, which the build sees (git describe --dirty): that build starts
// from the sources once, the next edits use the tree.
def unit = new File(basedir, 'main.c').text
new File(basedir, 'main.c').text = unit.replace('calc: %d', 'calc so far: %d')
build('dirty')
triples.keySet().each { t -> assert treeLine(t).contains('the last one was built with another configuration') : treeLine(t) }
new File(basedir, 'main.c').text = unit.replace('calc: %d', 'calc now: %d')
def oneUnit = build('one-unit')
triples.keySet().each { t ->
  assert treeLine(t).contains('build tree from the build cache: 1 source file(s) changed, 0 removed') : treeLine(t)
  assert stats(t) == [hits: 0, misses: 1] : "${t}: more than the changed unit compiled: ${stats(t)}"
}
assert oneUnit.every { t, sha -> sha != cold[t] }
assert clean('one-unit-clean') == oneUnit : 'the build tree gave other bytes than a clean build'
new File(basedir, 'main.c').text = unit

// 1. The header of one unit changes.
new File(basedir, 'scale.h').text = '#define FACTOR 3\n'
def header = build('header')
triples.keySet().each { t ->
  assert treeLine(t).contains('scale.h changed, and make knows only what its Makefile says a unit depends on') : treeLine(t)
  assert stats(t) == [hits: 2, misses: 1] : "${t}: ${stats(t)}"
}
assert header.every { t, sha -> sha != cold[t] } : 'the header change did not change the output'
assert clean('header-clean') == header
(rc, ran) = c.run([new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/calc').path])
assert ran.trim() == 'calc: 62' : ran
new File(basedir, 'scale.h').text = '#define FACTOR 2\n'

// 2. A compiler flag through <env>.
def o0 = build('cflags-O0', ['-Dcflags=-O0'])
triples.keySet().each { t -> assert stats(t).misses == 3 : "${t}: -O0 hit a cache entry of -O2: ${stats(t)}" }
assert o0.every { t, sha -> sha != cold[t] }
assert clean('cflags-O0-clean', ['-Dcflags=-O0']) == o0
assert build('cflags-O2') == cold
triples.keySet().each { t -> assert stats(t) == [hits: 3, misses: 0] }

// 3. Branch A, branch B, back to A.
def onA = build('branch-a')
git('checkout', '-q', '-b', 'b')
new File(basedir, 'main.c').text = new File(basedir, 'main.c').text.replace('calc: %d', 'calc (b): %d')
git('commit', '-q', '-am', 'b')
def onB = build('branch-b')
assert onB.every { t, sha -> sha != onA[t] }
triples.keySet().each { t -> assert stats(t) == [hits: 2, misses: 1] }
git('checkout', '-q', 'a')
def backOnA = build('branch-a-again')
assert backOnA == onA : 'back on branch a, the output is not the first one'
triples.keySet().each { t -> assert stats(t) == [hits: 3, misses: 0] : "back on a: ${stats(t)}" }

// 4. A unit compiled before is deleted: it fails as a clean build fails; without its caller it succeeds as one does.
new File(basedir, 'offset.c').delete()
def failed = mvn(basedir, 'deleted-unit', [], false)
def failedClean = mvn(basedir, 'deleted-unit-clean', ['-Dcross.buildCache=none'], false)
[failed, failedClean].each { assert it.contains("undefined reference to `offset'") }
new File(basedir, 'main.c').text = new File(basedir, 'main.c').text.replace('offset(scale(20))', 'scale(20)')
def without = build('deleted-unit-and-call')
assert clean('deleted-unit-and-call-clean') == without
git('checkout', '-q', '--', '.')

// 5. Two builds of the project at once, from two checkouts: both give the clean build's bytes.
def twins = ['twin-1', 'twin-2'].collect { name ->
  def dir = new File(basedir, "target/${name}")
  dir.deleteDir()
  dir.mkdirs()
  ['pom.xml', 'Makefile', 'main.c', 'scale.c', 'scale.h', 'offset.c'].each { new File(dir, it).bytes = new File(basedir, it).bytes }
  dir
}
def errors = Collections.synchronizedList([])
def threads = twins.collect { dir -> Thread.start { try { mvn(dir, dir.name, []) } catch (Throwable t) { errors << t } } }
threads*.join()
assert errors.isEmpty() : "a build of the two at once failed:\n${errors*.message.join('\n')}"
twins.each { dir -> assert archives(dir) == cold : "${dir.name} built other bytes" }
def logs = twins.collect { dir -> new File(basedir, "target").listFiles().find { it.name.endsWith("-${dir.name}.log") }.text }
assert logs.every { it.contains('BUILD SUCCESS') }
assert c.noLeftoverContainers('build-cache-c')

// 6. cross:clean removes the cache volumes.
def cleanGoal = new ProcessBuilder(["${System.getProperty('maven.home')}/bin/mvn".toString(), '-B', '-s', settings,
    "-Dmaven.repo.local=${localRepositoryPath}".toString(), 'cross:clean']).directory(basedir).redirectErrorStream(true).start()
def cleanOut = cleanGoal.inputStream.text
new File(basedir, 'target/cross-clean.log').text = cleanOut
assert cleanGoal.waitFor() == 0 : cleanOut
assert cleanOut.contains("removed 2 build cache volume(s)") : cleanOut
assert volumes().isEmpty()
true
