def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text

// Three cross builds on this x86_64 machine; riscv64 from a trixie base (bookworm has no riscv64 packages).
['aarch64-unknown-linux-gnu', 'armv7-unknown-linux-gnueabihf', 'riscv64gc-unknown-linux-gnu'].each { t ->
  assert log =~ /${t}\s+cross\s+local/ : "${t} was not planned as a cross build"
}

// Every binary is an ELF file of its target's machine.
def machines = ['x86_64-unknown-linux-gnu': 0x3E, 'aarch64-unknown-linux-gnu': 0xB7,
                'armv7-unknown-linux-gnueabihf': 0x28, 'riscv64gc-unknown-linux-gnu': 0xF3]
machines.each { triple, machine ->
  def hello = new File(basedir, "target/cross/${triple}/hello")
  assert c.elfMachine(hello) == machine : "${hello} is not ELF machine ${machine}"
}

// The smoke test ran each binary on its own platform: natively, or under QEMU in a container of that platform.
['x86_64', 'aarch64', 'armv7', 'riscv64'].each { arch ->
  assert log =~ /\] smoke \| hello from ${arch}: zlib 1\.\d/ : "no smoke output from ${arch}"
}
def report = c.report(basedir)
report.targets.each { t ->
  assert t.smokeTest == 'passed' : "${t.target}: smoke test ${t.smokeTest}"
  assert t.binaries.size() == 1 && t.binaries[0].needed.contains('libz.so.1') : t.binaries
  assert t.glibcFloor ==~ /2\.\d+/ : "${t.target}: no glibc floor in report.json"
}
// The audit agrees with the ELF header the check above read, and the summary keeps it to one short cell.
assert report.targets.collect { it.binaries[0].machine } == ['amd64', 'arm64', 'arm', 'riscv64']
assert log =~ /riscv64gc-unknown-linux-gnu\s+cross\s+(?:built|hit|pulled).*built\s+hello \([0-9.]+ KiB\), glibc>=2\.\d+, smoke passed/

// Each target's whole log is kept beside its outputs.
def riscvLog = new File(basedir, 'target/cross/riscv64gc-unknown-linux-gnu.build.log')
assert riscvLog.isFile() && riscvLog.text.contains('==> deps stage') && riscvLog.text.contains('trixie')

c.noLeftoverContainers(basedir.name)
true
