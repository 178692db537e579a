def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
// Every problem at once, each in POM terms with what to do.
assert log.contains('3 configuration problem(s)') : 'problems were not collected and reported together'
assert log.contains("Unknown target 'aarch64-unknown-linux-gn' in <targets> (-Dcross.targets). Did you mean aarch64-unknown-linux-gnu?")
assert log.contains('Unknown <strategy>fastest</strategy> for target riscv64gc-unknown-linux-gnu')
assert log.contains("Target 'x86_64-unknown-linux-gnu' is listed twice in <targets>")
assert !log.contains('[x86_64-unknown-linux-gnu] deps') : 'a build started despite the configuration errors'
assert !new File(basedir, 'target/cross').exists()
c.noLeftoverContainers(basedir.name)
true
