// examples/hello-c's sources.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'hello-c')
true
