// Starts cold: no images of this IT left from earlier runs.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.removeProjectImages('glibc-floor')
true
