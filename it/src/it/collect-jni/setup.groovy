// The real JNI example's sources.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'jni-multiarch')
true
