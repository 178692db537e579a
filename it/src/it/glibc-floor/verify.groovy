def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
def report = c.report(basedir)
def minor = { String v -> def p = v.tokenize('.'); assert p[0] == '2' : v; p[1] as int }

// Both targets built on bullseye: the native one FROM its image, the cross one on amd64's with bullseye's cross gcc.
['x86_64-unknown-linux-gnu': 0x3E, 'aarch64-unknown-linux-gnu': 0xB7].each { triple, machine ->
  def hello = new File(basedir, "target/cross/${triple}/hello")
  assert c.elfMachine(hello) == machine
  def targetLog = new File(basedir, "target/cross/${triple}.build.log").text
  assert targetLog =~ /base image \S+\/debian:bullseye-slim/ : "${triple} was not built on bullseye"
  // What the binary needs, by readelf: no symbol version newer than 2.31.
  def (rc, versions) = c.run(['readelf', '-VW', hello.path])
  assert rc == 0
  def glibc = (versions =~ /GLIBC_(\d+)\.(\d+)/).collect { [it[1] as int, it[2] as int] }
  assert !glibc.isEmpty() : versions
  assert glibc.every { it[0] == 2 && it[1] <= 31 } : "needs more than GLIBC_2.31: ${glibc}"
  // The audit says so too, and the smoke test ran it on bullseye (aarch64 under QEMU).
  def r = report.targets.find { it.target == triple }
  assert r.glibcFloor != null && minor(r.glibcFloor) <= 31 : r.glibcFloor
  assert r.smokeTest == 'passed' : r.smokeTest
}
assert log.contains('hello on glibc 2.31') : 'the smoke test did not run on bullseye'
// Natively and under QEMU, in bullseye containers of the target's platform, outside the plugin too.
def x86 = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello')
def (code1, out1) = c.run(['docker', 'run', '--rm', '--platform', 'linux/amd64', '-v', "${x86.parentFile.path}:/x:ro".toString(),
                           'amd64/debian:bullseye-slim', '/x/hello'])
assert code1 == 0 && out1.contains('hello on glibc 2.31') : out1
def (code2, out2) = c.run(['docker', 'run', '--rm', '--platform', 'linux/arm64', '-v', "${arm.parentFile.path}:/x:ro".toString(),
                           'arm64v8/debian:bullseye-slim', '/x/hello'])
assert code2 == 0 && out2.contains('hello on glibc 2.31') : out2

// Invocation 2: -Dcross.glibc=2.17 fails at plan time, naming the value, the element, the property and the way out.
def planLog = log.substring(log.lastIndexOf('--- cross:'))
assert planLog.contains('2.17') && planLog.contains('<glibc>') && planLog.contains('-Dcross.glibc') : planLog
assert planLog.contains('2.31') && planLog.contains('bullseye') && planLog.contains('<image>') : planLog
c.noStackTrace(planLog)

c.noLeftoverContainers(basedir.name)
true
