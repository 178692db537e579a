import java.time.Instant
// Two builders at once: the planner spread the four targets over both (maxParallel 1 each), every row says
// which builder built it, the timeline has a lane per builder, and nothing is left on either engine.
// Then box alone as the local engine: through the TLS environment variables, and through a docker context.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def b = c.builders()
def box = b.getProperty('box.host')
def certs = b.getProperty('box.certPath')
def boxSocket = b.getProperty('box.socket')

def log = new File(basedir, 'build.log').text
def report = c.report(basedir)
assert report.builders*.id == ['local', 'box']
assert report.builders.find { it.id == 'box' }.endpoint == box
report.builders.each { assert it.maxParallel == 1 && it.targets == 2 && it.connectSeconds > 0 : it }
def on = report.targets.collectEntries { [(it.target): it.builder] }
assert on == ['x86_64-unknown-linux-gnu': 'local', 'aarch64-unknown-linux-gnu': 'box',
              'armv7-unknown-linux-gnueabihf': 'local', 'riscv64gc-unknown-linux-gnu': 'box'] : on
report.targets.each { assert it.status == 'ok' : "${it.target}: ${it.error}" }
assert log =~ /Builder 'box': Docker \S+ \(API [0-9.]+\) at \Q${box}\E, linux\/amd64, up to 1 targets at once/
assert log =~ /(?m)^\[INFO\] aarch64-unknown-linux-gnu\s+cross\s+box\s/
// Each builder ran its own smoke tests (QEMU on box for aarch64 and riscv64).
assert log =~ /\[riscv64gc-unknown-linux-gnu\] smoke \| hello from riscv64/
def machines = ['x86_64-unknown-linux-gnu': 0x3E, 'aarch64-unknown-linux-gnu': 0xB7,
                'armv7-unknown-linux-gnueabihf': 0x28, 'riscv64gc-unknown-linux-gnu': 0xF3]
machines.each { t, m -> assert c.elfMachine(new File(basedir, "target/cross/${t}/hello")) == m : t }
// The timeline: a lane per builder, side by side on one time axis.
def html = new File(basedir, 'target/cross/report.html').text
['local', 'box'].each { assert html.contains("data-builder=\"${it}\"") : "no lane for ${it}" }
// Box's lane overlapped the local one: two builders really built at the same time. Each builder's lane runs
// from its first stage's start to its last stage's end, whichever of its two targets it took first.
def lane = { String builder ->
  def stages = report.targets.findAll { it.builder == builder }.collectMany { it.stages }
  [stages.collect { Instant.parse(it.start) }.min(), stages.collect { Instant.parse(it.end) }.max()]
}
def (l1, l2) = lane('local')
def (b1, b2) = lane('box')
assert l1.isBefore(b2) && b1.isBefore(l2) : "the two builders did not build at the same time: local ${l1}..${l2}, box ${b1}..${b2}"
c.noLeftoverContainers('builders-tls')
c.noLeftoverContainers('builders-tls', boxSocket)

// box as the local engine, from DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
def tlsEnv = [DOCKER_HOST: box, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs]
def viaEnv = c.mvn(basedir, localRepositoryPath, 'tls-env',
    ['cross:build', '-DlocalOnly', '-Dcross.force', '-Dcross.targets=aarch64-unknown-linux-gnu'], tlsEnv)
def envReport = c.report(basedir)
assert envReport.builders*.endpoint == [box]
assert envReport.targets*.deps == ['hit'] : 'box had this deps image from the first build'
assert viaEnv =~ /Builder 'local': Docker \S+ \(API [0-9.]+\) at \Q${box}\E/

// box through a docker context, in a DOCKER_CONFIG of its own.
def config = new File(basedir, 'target/docker-config')
config.mkdirs()
def (rc, out) = c.run(['docker', '--config', config.path, 'context', 'create', 'box', '--docker',
    "host=${box},ca=${certs}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem".toString()])
assert rc == 0 : out
def viaContext = c.mvn(basedir, localRepositoryPath, 'tls-context',
    ['cross:build', '-DlocalOnly', '-Dcross.force', '-Dcross.targets=aarch64-unknown-linux-gnu'],
    [DOCKER_CONFIG: config.path, DOCKER_CONTEXT: 'box'])
assert c.report(basedir).builders*.endpoint == [box]
assert viaContext.contains("docker context 'box'") || viaContext =~ /Builder 'local': Docker \S+ .*\Q${box}\E/
c.noLeftoverContainers('builders-tls', boxSocket)
true
