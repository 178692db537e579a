// A JNI project whose own loader reads native/Linux/x86_64 and native/Linux/arm64 next to its class (the layout
// jansi and others use): with <nativeResourceDir> on each target, the bound cross:build puts each library there,
// nothing goes to META-INF/native, the test loads the x86_64 library, and the jar alone runs.
import java.util.zip.ZipFile

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
def base = 'dev/crossbuild/examples/jni/native/Linux'
assert log.contains("Native resources in ${new File(basedir, 'target/classes').path}: ${base}/arm64/libhello.so, ${base}/x86_64/libhello.so")
assert log =~ /Tests run: \d+, Failures: 0, Errors: 0/
def jar = new File(basedir, 'target/jni-own-loader-1.0.0.jar')
new ZipFile(jar).withCloseable { zip ->
  assert zip.entries().toList().every { !it.name.startsWith('META-INF/native/') } : 'a library went to META-INF/native'
  ['x86_64': 0x3E, 'arm64': 0xB7].each { arch, machine ->
    def entry = zip.getEntry("${base}/${arch}/libhello.so")
    assert entry != null : "the jar has no ${base}/${arch}/libhello.so"
    def lib = new File(basedir, "target/${arch}-libhello.so")
    lib.bytes = zip.getInputStream(entry).bytes
    assert c.elfMachine(lib) == machine
  }
}
def java = new File(System.getProperty('java.home'), 'bin/java').path
def (code, ran) = c.run([java, '-cp', jar.path, 'dev.crossbuild.examples.jni.Hello'])
assert code == 0 && ran.contains('native x86_64: 2 + 3 = 5') : ran
assert c.noLeftoverContainers('jni-own-loader')
true
