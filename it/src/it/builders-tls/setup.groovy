def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
c.boxUp(basedir)
def b = c.builders()
['box.host', 'box.certPath'].each { context.get('userProperties').put(it, b.getProperty(it)) }
true
