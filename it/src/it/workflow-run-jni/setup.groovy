// The real JNI example's sources, and the Maven Wrapper stand-in the workflow's steps call.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'jni-multiarch')
new File(basedir, 'mvnw').setExecutable(true)
true
