// The multi-platform JNI jar from archives built elsewhere, as the workflow's package job makes it: two
// single-target runs ("legs", native resources skipped) each leave one archive; a clean project gets them as
// downloaded artifacts in target/cross; `cross:collect install -Dcross.build.skip=true` (the bound build skipped)
// runs the example's test, packs a jar with both libraries and installs both classifier archives; a fresh JVM
// loads the library from the jar alone. A missing archive, another version's archive and two archives for one
// classifier fail naming the files.
import java.util.zip.ZipFile

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def triples = ['x86_64-unknown-linux-gnu': 'linux-x86_64', 'aarch64-unknown-linux-gnu': 'linux-aarch_64']
def downloads = new File(basedir, 'downloads')
downloads.mkdirs()
def mvn = { String name, List<String> goals -> c.mvn(basedir, localRepositoryPath, name, goals) }
def mvnFails = { String name, List<String> goals ->
  def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
  def command = ["${System.getProperty('maven.home')}/bin/mvn".toString(), '-B', '-s', settings,
      "-Dmaven.repo.local=${localRepositoryPath}".toString()] + goals
  def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.text
  new File(basedir, "${name}.log").text = out
  assert p.waitFor() != 0 : "${name} should have failed:\n${out.readLines().takeRight(30).join('\n')}"
  out
}

// The legs: one target each, compiled classes for the smoke test, no native resources in the classes.
triples.each { triple, classifier ->
  new File(basedir, 'target').deleteDir()
  def out = mvn("leg-${classifier}", ['compile', 'cross:build', "-Dcross.targets=${triple}".toString(),
      '-Dcross.nativeResources.skip=true'])
  assert out.contains('Native resources skipped (-Dcross.nativeResources.skip=true)')
  assert !new File(basedir, 'target/classes/META-INF/native').exists() : 'a leg put native resources in its classes'
  def archive = new File(basedir, "target/cross/collect-jni-1.2.0-${classifier}.tar.gz")
  assert archive.isFile()
  new File(downloads, archive.name).bytes = archive.bytes
}

// The package job: a clean checkout, the legs' archives downloaded into target/cross.
def place = { ->
  new File(basedir, 'target').deleteDir()
  new File(basedir, 'target/cross').mkdirs()
  downloads.eachFile { f -> new File(basedir, "target/cross/${f.name}").bytes = f.bytes }
}
place()
def out = mvn('collect-install', ['cross:collect', 'install', '-Dcross.build.skip=true'])
assert out.contains('Skipping cross:build (cross.build.skip=true)')
assert out.contains('Collected 2 archive(s) for linux-x86_64, linux-aarch_64')
assert out =~ /Tests run: \d+, Failures: 0, Errors: 0/ : 'the example test did not run against the collected library'
def jar = new File(basedir, 'target/collect-jni-1.2.0.jar')
new ZipFile(jar).withCloseable { zip ->
  triples.values().each { classifier ->
    def entry = zip.getEntry("META-INF/native/${classifier}/libhello.so")
    assert entry != null : "the jar has no library for ${classifier}"
  }
}
def installed = new File(localRepositoryPath, 'dev/crossbuild/it/collect-jni/1.2.0')
triples.values().each { classifier ->
  def file = new File(installed, "collect-jni-1.2.0-${classifier}.tar.gz")
  assert file.isFile() : "not installed: ${file}"
  assert file.bytes == new File(downloads, file.name).bytes
}
assert new File(installed, 'collect-jni-1.2.0.jar').bytes == jar.bytes

// A fresh JVM with only the jar on its class path loads this machine's library from it.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def (code, run) = c.run([java, '-cp', jar.path, 'dev.crossbuild.examples.jni.Hello'])
assert code == 0 && run.contains('native x86_64: 2 + 3 = 5') : run

// Bad input: a missing archive, an archive of another version, two archives for one classifier.
place()
new File(basedir, 'target/cross/collect-jni-1.2.0-linux-aarch_64.tar.gz').delete()
def missing = mvnFails('collect-missing', ['cross:collect'])
assert missing.contains('Target aarch64-unknown-linux-gnu: no collect-jni-1.2.0-linux-aarch_64.tar.gz')
new File(basedir, 'target/cross/collect-jni-1.1.0-linux-aarch_64.tar.gz').bytes = new File(downloads, 'collect-jni-1.2.0-linux-aarch_64.tar.gz').bytes
def other = mvnFails('collect-version', ['cross:collect'])
assert other.contains('collect-jni-1.1.0-linux-aarch_64.tar.gz is of version 1.1.0, but the project is 1.2.0')
new File(basedir, 'target/cross/collect-jni-1.2.0-linux-aarch_64.tar.gz').bytes = new File(downloads, 'collect-jni-1.2.0-linux-aarch_64.tar.gz').bytes
def twice = mvnFails('collect-twice', ['cross:collect'])
assert twice.contains('Target aarch64-unknown-linux-gnu (linux-aarch_64) has 2 archives: collect-jni-1.1.0-linux-aarch_64.tar.gz, collect-jni-1.2.0-linux-aarch_64.tar.gz')
assert c.noLeftoverContainers('collect-jni')
true
