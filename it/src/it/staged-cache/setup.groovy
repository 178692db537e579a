evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
// Start cold: remove the images earlier runs of this IT left in the engine.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.removeProjectImages('staged-cache')
true
