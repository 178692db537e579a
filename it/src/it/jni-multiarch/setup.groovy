// Builds the real example; starts cold (no images of this IT left from earlier runs).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'jni-multiarch')
c.removeProjectImages('jni-multiarch')
true
