// Builds the real example's sources; starts cold (no images of this IT left from earlier runs).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'hello-maven')
c.removeProjectImages('maven-app')
true
