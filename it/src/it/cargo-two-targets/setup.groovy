// Builds the real example; starts cold (no images of this IT left from earlier runs).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'hello-cargo')
c.removeProjectImages('cargo-two-targets')
true
