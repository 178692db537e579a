def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
assert log =~ /aarch64-unknown-linux-gnu\s+emulated\s+local\s+linux\/arm64\s+forced by <strategy>emulated<\/strategy>/
assert log.contains('builds under QEMU emulation')
// uname -m inside the build said aarch64: the build ran in an arm64 container.
def arch = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/arch.txt')
assert arch.text.trim() == 'aarch64' : "uname -m in the build said '${arch.text.trim()}'"
assert log.contains('machine: aarch64') : 'the build log does not show aarch64 from uname -m'
def report = c.report(basedir)
assert report.targets[0].strategy == 'emulated'
c.noLeftoverContainers(basedir.name)
true
