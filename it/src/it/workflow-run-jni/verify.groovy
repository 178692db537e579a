// Runs the generated workflow of a JNI project as GitHub would for a pushed tag (it/workflow-run), with real
// Maven and the engine in every job: the two Linux legs each build one target with native resources skipped and
// upload their archive; the package job downloads both, runs `cross:collect verify` (the example's test loads the
// x86_64 library from the collected classes) and uploads the multi-platform jar; the release job publishes the
// archives, the jar and SHA256SUMS to a local stand-in for GitHub; the deploy job gets the repository's
// credentials from named secrets through setup-java's settings.xml and deploys the jar and both classifier
// archives to a loopback Maven repository: the same bytes as released.
import java.util.zip.ZipFile

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))

def workflow = new File(basedir, '.github/workflows/cross-build.yml')
assert workflow.isFile()
def text = workflow.text
assert text.contains('  package:') && text.contains('  deploy:') && text.contains('server-id: it-deploy')

def deployUser = 'wfjni-deployer'
def deployPassword = 'pw-' + UUID.randomUUID().toString().replace('-', '')
def (repoServer, repoState, repoUrl) = evaluate(new File(basedir, '../../../src/it/_common/fake-maven-repo.groovy'))(deployUser, deployPassword)
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('@deploy.url@', repoUrl)

def git = { String... args -> c.git(basedir, *args) }
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git('init', '-q')
git('add', '.gitignore', 'pom.xml', 'Makefile', 'src', 'mvnw', '.github/workflows/cross-build.yml')
git('commit', '-q', '-m', 'wfjni 2.0.0')
git('tag', '-a', 'v2.0.0', '-m', 'wfjni 2.0.0')
def head = git('rev-parse', 'HEAD')

def token = 'ghs_workflowRunJniIt_' + UUID.randomUUID().toString().replace('-', '')
def (server, state, apiUrl) = evaluate(new File(basedir, '../../../src/it/_common/fake-github.groovy'))('acme/wfjni', token, head)
def tool = new File(basedir, '../../../workflow-run/run-workflow.mjs').canonicalFile
def maven = "${System.getProperty('maven.home')}/bin/mvn".toString()
def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
// The jobs' home, where setup-java writes settings.xml (never this machine's own home).
def home = new File(basedir, 'target/home')
home.mkdirs()

def archives = ['wfjni-2.0.0-linux-aarch_64.tar.gz', 'wfjni-2.0.0-linux-x86_64.tar.gz']
def jarName = 'wfjni-2.0.0.jar'
try {
  def work = new File(basedir, 'target/run')
  def command = ['node', tool.path, '--workflow', workflow.path, '--repo', basedir.path, '--ref', 'refs/tags/v2.0.0',
      '--event', 'push', '--work', work.path, '--repository', 'acme/wfjni',
      '--server-url', apiUrl.replace('/api/v3', ''), '--api-url', apiUrl,
      '--secret', "GITHUB_TOKEN=${token}", '--secret', "IT_DEPLOY_USERNAME=${deployUser}",
      '--secret', "IT_DEPLOY_PASSWORD=${deployPassword}", '--env', "HOME=${home}",
      '--env', "CROSS_IT_MAVEN=${maven}", '--env', "CROSS_IT_SETTINGS=${settings}",
      '--env', "CROSS_IT_REPO=${localRepositoryPath}"]*.toString()
  def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.getText('UTF-8')
  new File(basedir, 'target/run.log').text = out
  assert p.waitFor() == 0 : "the workflow run failed:\n${out.readLines().takeRight(80).join('\n')}"
  def report = new groovy.json.JsonSlurper().parse(new File(work, 'report.json'))
  def jobs = report.jobs.collectEntries { [(it.id): it] }
  ['build', 'package', 'release', 'deploy'].each { assert jobs[it]?.result == 'success' : "job ${it}: ${jobs[it]?.result}" }
  assert jobs.build.legs.size() == 2
  assert out.contains('Native resources skipped (-Dcross.nativeResources.skip=true)') : 'a leg copied native resources'
  assert out.contains('Collected 2 archive(s) for linux-x86_64, linux-aarch_64')
  assert out =~ /Tests run: \d+, Failures: 0, Errors: 0/ : 'the package job did not run the example test'
  assert !out.contains(token) && !out.contains(deployPassword) : 'a secret reached the output'

  // The release: both archives, the jar and SHA256SUMS over all three.
  assert state.releases.size() == 1
  def release = state.releases[0]
  assert release.tag == 'v2.0.0' && release.target == head
  assert release.assets*.name.sort() == (archives + [jarName, 'SHA256SUMS']).sort()
  assert report.attestations*.path.collect { new File(it).name }.sort() == (archives + [jarName]).sort()
  def published = new File(basedir, 'target/published')
  published.mkdirs()
  release.assets.each { new File(published, it.name).bytes = it.content }
  def check = new ProcessBuilder('sha256sum', '-c', 'SHA256SUMS').directory(published).redirectErrorStream(true).start()
  def checked = check.inputStream.text
  assert check.waitFor() == 0 && checked.readLines().size() == 3 : "sha256sum -c: ${checked}"

  // The released jar holds both platforms' libraries; a fresh JVM with only that jar loads this machine's.
  def jar = new File(published, jarName)
  new ZipFile(jar).withCloseable { zip ->
    ['linux-x86_64': 0x3E, 'linux-aarch_64': 0xB7].each { classifier, machine ->
      def entry = zip.getEntry("META-INF/native/${classifier}/libhello.so")
      assert entry != null : "the released jar has no library for ${classifier}"
      def lib = new File(published, "${classifier}-libhello.so")
      lib.bytes = zip.getInputStream(entry).bytes
      assert c.elfMachine(lib) == machine : "${classifier}: ELF machine ${c.elfMachine(lib)}"
    }
  }
  def java = new File(System.getProperty('java.home'), 'bin/java').path
  def (code, ran) = c.run([java, '-cp', jar.path, 'dev.crossbuild.examples.jni.Hello'])
  assert code == 0 && ran.contains('native x86_64: 2 + 3 = 5') : ran

  // The deploy: with the secrets' credentials, the same jar and archives as released, and the POM.
  def deployed = 'dev/crossbuild/it/wfjni/2.0.0/'
  def puts = repoState.requests.findAll { it.method == 'PUT' }
  assert !puts.isEmpty() && puts.every { it.user == deployUser } : "deploy requests: ${repoState.requests}"
  (archives + [jarName]).each { name ->
    def bytes = repoState.files[deployed + name]
    assert bytes != null : "not deployed: ${name} (deployed: ${repoState.files.keySet().sort()})"
    assert bytes == new File(published, name).bytes : "deployed ${name} differs from the released one"
  }
  assert repoState.files.containsKey(deployed + 'wfjni-2.0.0.pom')
  assert c.noLeftoverContainers('wfjni')
} finally {
  server.stop(0)
  repoServer.stop(0)
}
true
