// The project's jar carries libhello.so for x86_64 and aarch64; the x86_64 one loads in this JVM.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text

// The example's JUnit test ran after cross:build (process-classes) and called into the native library.
assert log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/ : 'the example test did not run'

// The smoke test loaded each library from a JVM of its own platform (aarch64 under QEMU) through NativeLoader.
assert log.contains('[x86_64-unknown-linux-gnu] smoke | native x86_64: 2 + 3 = 5')
assert log.contains('[aarch64-unknown-linux-gnu] smoke | native aarch64: 2 + 3 = 5')
// The smoke test's classes never reach the archive.
def (tc, tlist) = c.run(['tar', '-tzf', new File(basedir, 'target/cross/jni-multiarch-1.0-linux-aarch_64.tar.gz').path])
assert tc == 0 && tlist.readLines() == ['libhello.so'] : tlist

def jar = new File(basedir, 'target/jni-multiarch-1.0.jar')
assert jar.isFile()
def tmp = File.createTempDir()
def libs = [:]
new java.util.zip.ZipFile(jar).withCloseable { z ->
  ['linux-x86_64', 'linux-aarch_64'].each { classifier ->
    def entry = z.getEntry("META-INF/native/${classifier}/libhello.so")
    assert entry != null : "the jar has no META-INF/native/${classifier}/libhello.so"
    def out = new File(tmp, "${classifier}.so")
    out.bytes = z.getInputStream(entry).bytes
    libs[classifier] = out
  }
}
assert c.elfMachine(libs['linux-x86_64']) == 0x3E
assert c.elfMachine(libs['linux-aarch_64']) == 0xB7

// A fresh JVM with only the jar on the class path: the loader picks the x86_64 library and calls it.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def (code, out) = c.run([java, '-cp', jar.path, 'dev.crossbuild.examples.jni.Hello'])
assert code == 0 && out.contains('native x86_64: 2 + 3 = 5') : out

// The aarch64 library exports the JNI entry points the JVM looks up.
def (rc, symbols) = c.run(['readelf', '--dyn-syms', '-W', libs['linux-aarch_64'].path])
assert rc == 0 && symbols.contains('Java_dev_crossbuild_examples_jni_Hello_add') : symbols
tmp.deleteDir()
c.noLeftoverContainers(basedir.name)
true
