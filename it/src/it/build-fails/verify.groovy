def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
assert log.contains('Target x86_64-unknown-linux-gnu, source stage:') : 'the failing stage is not named'
assert log.contains('Last lines of the source log of x86_64-unknown-linux-gnu')
assert log =~ /\|.*undeclared_variable/ : 'the tail of the compiler output is not shown'
assert log.contains('1 of 1 targets failed: x86_64-unknown-linux-gnu')
def report = c.report(basedir)
assert report.targets[0].status == 'failed'
c.noLeftoverContainers(basedir.name)
true
