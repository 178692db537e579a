// Shared checks for the invoker ITs: evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
// returns a map of closures. Everything here inspects real files, the real engine and the real log.

def run = { List<String> command ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).start()
  def output = process.inputStream.text
  [process.waitFor(), output]
}

// ELF e_machine: 0x3E x86-64, 0xB7 AArch64 (little-endian, offset 18).
def elfMachine = { File file ->
  byte[] b = file.bytes
  assert b.length > 20 && b[0] == 0x7f && b[1] == (byte) 'E' && b[2] == (byte) 'L' && b[3] == (byte) 'F' :
      "${file} is not an ELF file"
  (b[18] & 0xff) | ((b[19] & 0xff) << 8)
}

// The docker CLI for an engine: the machine's own (null), or another one's address (unix:// of box or Podman).
def docker = { String host -> host == null ? ['docker'] : ['docker', '-H', host] }

// Containers of one IT's project (its artifactId): other builds may be running on the same engine.
def noLeftoverContainers = { String project, String host = null ->
  def (code, out) = run(docker(host) + ['ps', '-a', '-q', '--filter', 'label=dev.crossbuild.managed=true',
      '--filter', "label=dev.crossbuild.project=${project}".toString()])
  assert code == 0 : "docker ps failed: ${out}"
  assert out.trim().isEmpty() : "containers with our labels were left behind: ${out}"
  true
}

def report = { File basedir ->
  new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cross/report.json'))
}

def removeProjectImages = { String project, String host = null ->
  // By name, sorted: the source images (-build) go before the deps images they are built FROM.
  def (code, out) = run(docker(host) + ['images', '--format', '{{.Repository}}:{{.Tag}}', '--filter',
      "label=dev.crossbuild.project=${project}".toString()])
  assert code == 0 : out
  out.readLines().findAll { it.trim() && !it.contains('<none>') }.sort().each { ref ->
    def (rc, msg) = run(docker(host) + ['rmi', '-f', ref.trim()])
    assert rc == 0 : "could not remove ${ref}: ${msg}"
  }
  // images a rebuild untagged
  run(docker(host) + ['image', 'prune', '-f', '--filter', "label=dev.crossbuild.project=${project}".toString()])
}

// -X would log every byte sent to the engine (the whole build context): keep the HTTP wire log quiet.
QUIET_WIRE = '-Dorg.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire=info'

// Runs the project's build again, as the invoker did (same Maven, settings and local repository); the
// output is kept under target/ (never part of the build context).
def mvnRun = { File basedir, localRepositoryPath, String name, List<String> goals, Map env, boolean succeed ->
  def home = System.getProperty('maven.home')
  // The invoker's settings, next to the IT's directory (or a parent's, for a project inside an IT).
  def dir = basedir.canonicalFile
  while (dir != null && !new File(dir.parentFile, 'interpolated-settings.xml').isFile()) dir = dir.parentFile
  assert dir != null : "no interpolated-settings.xml above ${basedir}"
  def settings = new File(dir.parentFile, 'interpolated-settings.xml').canonicalPath
  def command = ["${home}/bin/mvn".toString(), '-B', '-s', settings,
      "-Dmaven.repo.local=${localRepositoryPath}".toString(), '-X'] + goals
  def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
  builder.environment().put('MAVEN_OPTS', QUIET_WIRE)
  env.each { k, v -> builder.environment().put(k as String, v as String) }
  def process = builder.start()
  def output = process.inputStream.text
  def logFile = new File(basedir, "target/${name}.log")
  logFile.parentFile.mkdirs()
  logFile.text = output
  def code = process.waitFor()
  if (succeed) {
    assert code == 0 : "${name} failed:\n${output.readLines().takeRight(60).join('\n')}"
  } else {
    assert code != 0 : "${name} should have failed:\n${output.readLines().takeRight(60).join('\n')}"
  }
  output
}
def mvn = { File basedir, localRepositoryPath, String name, List<String> goals = ['install'], Map env = [:] ->
  mvnRun(basedir, localRepositoryPath, name, goals, env, true)
}
// The same, for a build that must fail: its output.
def mvnFails = { File basedir, localRepositoryPath, String name, List<String> goals, Map env = [:] ->
  mvnRun(basedir, localRepositoryPath, name, goals, env, false)
}

// The loopback registries it/engine/registry.sh started (plain HTTP, and TLS with htpasswd).
def registries = {
  def file = new File((System.getenv('CROSS_ENGINE_STATE') ?: '/var/tmp/cross-build-engine') + '/registry.properties')
  assert file.isFile() : "no ${file}: run bash it/engine/setup.sh (it starts the test registries)"
  def props = new Properties()
  file.withInputStream { props.load(it) }
  props
}

// The extra builders it/engine/builders.sh started: box (TLS dockerd) and the Podman service.
def builders = {
  def file = new File((System.getenv('CROSS_ENGINE_STATE') ?: '/var/tmp/cross-build-engine') + '/builders.properties')
  assert file.isFile() : "no ${file}: run bash it/engine/setup.sh (it starts the extra builders)"
  def props = new Properties()
  file.withInputStream { props.load(it) }
  props
}

// box answering (started again when it does not, e.g. after the builder-killed IT): builders.sh is idempotent.
def boxUp = { File basedir ->
  def script = new File(basedir, '../../../engine/builders.sh').canonicalFile
  def (code, out) = run(['bash', script.path, 'box'])
  assert code == 0 : out
  true
}

// As a fresh CI runner starts: no image of this project, and none that shares its deps image's layers
// (another project with the same deps key), then dangling layers pruned.
def removeDepsImages = { String project, Collection<String> depsKeys ->
  removeProjectImages(project)
  depsKeys.each { key ->
    def (code, out) = run(['docker', 'images', '-q', '--filter', "label=dev.crossbuild.deps-key=${key}".toString()])
    out.readLines()*.trim().findAll { it }.unique().each { run(['docker', 'rmi', '-f', it]) }
  }
  run(['docker', 'image', 'prune', '-f'])
  depsKeys.each { key ->
    def (code, out) = run(['docker', 'images', '-q', '--filter', "label=dev.crossbuild.deps-key=${key}".toString()])
    assert out.trim().isEmpty() : "images with deps key ${key} are still there: ${out}"
  }
  true
}

// The deps keys of a project's deps images in the engine, from their labels.
def depsKeysOf = { String project ->
  def (code, out) = run(['docker', 'images', '-q', '--filter', "label=dev.crossbuild.project=${project}".toString(),
      '--filter', 'label=dev.crossbuild.stage=deps'])
  assert code == 0 : out
  out.readLines()*.trim().findAll { it }.unique().collect { id ->
    run(['docker', 'image', 'inspect', '-f', '{{index .Config.Labels "dev.crossbuild.deps-key"}}', id])[1].trim()
  }.unique()
}

// Copies an example's files (all but its pom.xml, README.md and target/) into the IT's directory, so the
// IT builds the real example.
def copyExample = { File basedir, String name ->
  def example = new File(basedir, "../../../../examples/${name}").canonicalFile
  assert example.isDirectory() : "no example ${example}"
  example.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def rel = example.toPath().relativize(f.toPath()).toString()
    if (rel == 'pom.xml' || rel == 'README.md' || rel.startsWith('target/')) return
    def to = new File(basedir, rel)
    to.parentFile.mkdirs()
    to.bytes = f.bytes
  }
}

// Runs a binary of another architecture under QEMU in a container of that platform.
def runArm64 = { File binary, List<String> args = [] ->
  run(['docker', 'run', '--rm', '--platform', 'linux/arm64', '-v', "${binary.parentFile.path}:/x:ro".toString(),
       'arm64v8/debian:bookworm-slim', "/x/${binary.name}".toString()] + args)
}

// git in a project directory, as the ITs that commit and tag use it: no user config, no signing, branch main.
def git = { File dir, String... args ->
  def command = ['git', '-c', 'user.name=IT', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false',
                 '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
  def p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
  def out = p.inputStream.text.trim()
  assert p.waitFor() == 0 : "${command.join(' ')}: ${out}"
  out
}

// No stack trace in what the plugin printed: from its goal's first line to BUILD FAILURE (the invoker runs
// Maven with -e, which prints the failure's own trace after that). Maven's resolution of the project before
// the goal starts (a checksum warning with its trace, on a fresh local repository) is not the plugin's.
def noStackTrace = { String log ->
  def start = log.indexOf('--- cross:')
  assert start >= 0 : 'the cross goal never started'
  def printed = log.substring(start).split('BUILD FAILURE')[0]
  def trace = printed.readLines().findAll { it =~ /^\s+at [a-z]+\./ }
  assert trace.isEmpty() : "a stack trace was printed:\n${trace.take(5).join('\n')}"
  true
}

[git: git, noStackTrace: noStackTrace, docker: docker, builders: builders, boxUp: boxUp, registries: registries, depsKeysOf: depsKeysOf, removeDepsImages: removeDepsImages, run: run, elfMachine: elfMachine, noLeftoverContainers: noLeftoverContainers, report: report,
 removeProjectImages: removeProjectImages, mvn: mvn, mvnFails: mvnFails, copyExample: copyExample, runArm64: runArm64]
