// The real JNI example's sources, with a loader (and its test) of this project's own in place of the example's.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'jni-multiarch')
new File(basedir, 'src/main/java/dev/crossbuild/examples/jni/NativeLoader.java').text =
    new File(basedir, 'own-loader/NativeLoader.java').text
new File(basedir, 'src/test/java/dev/crossbuild/examples/jni/HelloTest.java').text =
    new File(basedir, 'own-loader/HelloTest.java').text
true
