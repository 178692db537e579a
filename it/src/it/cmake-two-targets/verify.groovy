def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
assert log =~ /aarch64-unknown-linux-gnu\s+cross\s+local/

// cmake installs into the output: bin/hello, for the right machines.
def x86 = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/bin/hello')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/bin/hello')
assert c.elfMachine(x86) == 0x3E
assert c.elfMachine(arm) == 0xB7 : 'the toolchain file did not make CMake use the cross gcc'

// The aarch64 program links the arm64 libz found through the toolchain file's multiarch directory.
def (rc, dynamic) = c.run(['readelf', '-d', arm.path])
assert rc == 0 && dynamic.contains('libz.so.1') : dynamic
def (code1, out1) = c.run([x86.path])
assert code1 == 0 && out1.contains('hello from x86_64: zlib') : out1
def (code2, out2) = c.runArm64(arm)
assert code2 == 0 && out2.contains('hello from aarch64: zlib') : out2

// The deps stage configured with its fixed SOURCE_DATE_EPOCH (1980-01-01); the date the project keeps in a
// cache variable is still the commit's (2020-01-01), for both targets.
assert out1.contains('build 20200101') : out1
assert out2.contains('build 20200101') : out2

// The generated toolchain file is in the aarch64 deps image and names the cross compiler.
def deps = c.report(basedir).targets.find { it.target == 'aarch64-unknown-linux-gnu' }.depsImage
def (rc2, toolchain) = c.run(['docker', 'run', '--rm', deps, 'cat', '/cross/toolchain.cmake'])
assert rc2 == 0 && toolchain.contains('set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)') : toolchain

c.noLeftoverContainers(basedir.name)
true
