def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text

// The plan: x86_64 native, aarch64 cross on this x86_64 machine.
assert log =~ /x86_64-unknown-linux-gnu\s+native\s+local/
assert log =~ /aarch64-unknown-linux-gnu\s+cross\s+local/

// Both binaries, for the right machines.
def x86 = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')
assert c.elfMachine(x86) == 0x3E : 'x86_64 binary is not ELF x86-64'
assert c.elfMachine(arm) == 0xB7 : 'aarch64 binary is not ELF AArch64'

// Both archives attached: install put them into the local repository with their classifiers.
def repo = new File(localRepositoryPath, 'dev/crossbuild/it/make-two-targets/1.0')
['linux-x86_64', 'linux-aarch_64'].each { classifier ->
  def archive = new File(repo, "make-two-targets-1.0-${classifier}.tar.gz")
  assert archive.isFile() && archive.length() > 0 : "attached archive missing: ${archive}"
  def (code, listing) = c.run(['tar', 'tzf', archive.path])
  assert code == 0 && listing.readLines().contains('hello') : "archive ${archive} does not hold hello: ${listing}"
}

// The x86_64 binary runs here; the aarch64 one runs under QEMU in an arm64 container (it links libz).
def (code1, out1) = c.run([x86.path])
assert code1 == 0 && out1.contains('hello from x86_64: zlib') : out1
def (code2, out2) = c.run(['docker', 'run', '--rm', '--platform', 'linux/arm64', '-v', "${arm.parentFile.path}:/x:ro".toString(),
    'arm64v8/debian:bookworm-slim', '/x/hello'])
assert code2 == 0 && out2.contains('hello from aarch64: zlib') && out2.contains('crc32') : out2

c.noLeftoverContainers(basedir.name)
true
