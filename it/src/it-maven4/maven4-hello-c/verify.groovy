// examples/hello-c under Maven 4: the plan, both targets built and smoke-tested (aarch64 under QEMU), the archives
// attached, and the workflow generated; no warning at all (the plugin's logger settings use Maven 4's names).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
assert log =~ /Apache Maven 4\.\d/ : 'not run under Maven 4'
assert log.contains('aarch64-unknown-linux-gnu  cross     local')
['linux-x86_64': 0x3E, 'linux-aarch_64': 0xB7].each { classifier, machine ->
  assert new File(basedir, "target/cross/maven4-hello-c-1.0.0-${classifier}.tar.gz").isFile()
}
assert c.elfMachine(new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')) == 0xB7
assert log =~ /\[aarch64-unknown-linux-gnu\] smoke: passed/
def workflow = new File(basedir, '.github/workflows/cross-build.yml')
assert workflow.isFile() && workflow.text.contains('- target: aarch64-unknown-linux-gnu')
def warnings = log.readLines().findAll { it.startsWith('[WARNING]') }
// The plugin's own warnings name their target: the example's hello needs zlib1g wherever it runs, and says so.
def targetWarnings = warnings.findAll { it =~ /^\[WARNING\] \[[a-z0-9_]+-[a-z0-9_]+-linux-[a-z0-9_]+\] / }
assert targetWarnings.every { it.contains('needs libz.so.1 (Debian package zlib1g)') } : targetWarnings.join('\n')
warnings -= targetWarnings
assert warnings.isEmpty() : "warnings under Maven 4 (repositories, deprecated logger properties):\n${warnings.join('\n')}"
assert c.noLeftoverContainers('maven4-hello-c')
true
