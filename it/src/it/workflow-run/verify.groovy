// Runs the generated workflow as GitHub would for a pushed tag (it/workflow-run): both Linux legs build here
// (aarch64 by the plugin's own plan, cross on this x86_64 machine, not on the arm runner GitHub would use),
// log in to the TLS cache registry with the secrets the POM names, upload their archives; the release job
// downloads them, writes SHA256SUMS, records the attestation and publishes to a local stand-in for GitHub.
// A second run of the whole workflow for the same tag, on a fresh engine, must change nothing there.
import java.security.MessageDigest

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))

// The runner's own tests first (its YAML parser comes from it/workflow-lint's packages).
def lint = new File(basedir, '../../../workflow-lint').canonicalFile
if (!new File(lint, 'node_modules').isDirectory()) {
  def npm = new ProcessBuilder('npm', 'ci', '--no-audit', '--no-fund').directory(lint).redirectErrorStream(true).start()
  def npmOut = npm.inputStream.text
  assert npm.waitFor() == 0 : "npm ci in ${lint} failed:\n${npmOut}"
}
def selfTest = new ProcessBuilder('node', '--test', 'test/').directory(new File(lint, '../workflow-run').canonicalFile)
    .redirectErrorStream(true).start()
def selfTestOut = selfTest.inputStream.text
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/workflow-run-tests.log').text = selfTestOut
assert selfTest.waitFor() == 0 : "node --test it/workflow-run/test failed:\n${selfTestOut.readLines().findAll { it.contains('not ok') || it.contains('error') }.take(40).join('\n')}"
assert selfTestOut =~ /(?m)^# fail 0$/

def workflow = new File(basedir, '.github/workflows/cross-build.yml')
assert workflow.isFile()
def text = workflow.text
assert text.contains('build-pull-request:') && text.contains('docker login')

def git = { String... args -> c.git(basedir, *args) }
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n.cross-cache/\n'
git('init', '-q')
git('add', '.gitignore', 'pom.xml', 'wfdemo.c', 'Makefile', 'mvnw', '.github/workflows/cross-build.yml')
git('commit', '-q', '-m', 'wfdemo 1.0.0')
git('tag', '-a', 'v1.0.0', '-m', 'wfdemo 1.0.0')
def head = git('rev-parse', 'HEAD')

def token = 'ghs_workflowRunIt_' + UUID.randomUUID().toString().replace('-', '')
def (server, state, apiUrl) = evaluate(new File(basedir, '../../../src/it/_common/fake-github.groovy'))('acme/wfdemo', token, head)
def reg = c.registries()
def tool = new File(basedir, '../../../workflow-run/run-workflow.mjs').canonicalFile
def maven = "${System.getProperty('maven.home')}/bin/mvn".toString()
def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath

// The GitHub cache both runs share: empty at the start, as for a new repository.
new File(basedir, 'target/actions-cache').deleteDir()
def runWorkflow = { String name ->
  def work = new File(basedir, "target/${name}")
  work.deleteDir()
  def command = ['node', tool.path, '--workflow', workflow.path, '--repo', basedir.path, '--ref', 'refs/tags/v1.0.0',
      '--event', 'push', '--work', work.path, '--repository', 'acme/wfdemo',
      '--server-url', apiUrl.replace('/api/v3', ''), '--api-url', apiUrl,
      '--secret', "GITHUB_TOKEN=${token}", '--secret', "CACHE_USERNAME=${reg.getProperty('tls.username')}",
      '--secret', "CACHE_PASSWORD=${reg.getProperty('tls.password')}",
      '--env', "CROSS_IT_MAVEN=${maven}", '--env', "CROSS_IT_SETTINGS=${settings}",
      '--env', "CROSS_IT_REPO=${localRepositoryPath}",
      '--cache-dir', new File(basedir, 'target/actions-cache').path]*.toString()
  def p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def out = p.inputStream.getText('UTF-8')
  new File(basedir, "target/${name}.log").text = out
  assert p.waitFor() == 0 : "the workflow run ${name} failed:\n${out.readLines().takeRight(80).join('\n')}"
  [out, new groovy.json.JsonSlurper().parse(new File(work, 'report.json'))]
}

try {
  def (out1, report1) = runWorkflow('run1')
  def jobs = report1.jobs.collectEntries { [(it.id): it] }
  assert jobs.build.result == 'success'
  assert jobs.build.legs.size() == 2 && jobs.build.legs.every { it.result == 'success' }
  assert jobs['build-pull-request'].result == 'skipped' : 'the pull-request job ran for a tag push'
  assert jobs.release.result == 'success'
  assert out1.contains('Login Succeeded') : 'the legs did not log in to the cache registry'
  assert out1.contains('cache: pushed') : 'the push run did not push its deps images'
  assert text.contains('actions/cache/restore@') && text.contains('-Dcross.buildCache=directory')
  def cacheSteps = jobs.build.legs.collectMany { it.steps.findAll { s -> s.name ==~ /(Restore|Save) the build cache/ } }
  assert cacheSteps.size() == 4 && cacheSteps.every { it.result == 'success' } : "cache steps: ${cacheSteps}"
  // ccache's counts are in each leg's target log
  def legLogs = { String run -> new File(basedir, "target/${run}/jobs/build").listFiles().collect { leg ->
    new File(leg, 'workspace/target/cross').listFiles().find { it.name.endsWith('.build.log') }.text } }
  assert legLogs('run1').every { it =~ /Misses:\s+1 \/\s+1/ } : 'the first run did not compile each leg into an empty build cache'
  assert report1.attestations*.path.collect { new File(it).name }.sort() ==
      ['wfdemo-1.0.0-linux-aarch_64.tar.gz', 'wfdemo-1.0.0-linux-x86_64.tar.gz']
  assert !out1.contains(token) && !out1.contains(reg.getProperty('tls.password')) : 'a secret reached the output'

  def archives = ['wfdemo-1.0.0-linux-aarch_64.tar.gz', 'wfdemo-1.0.0-linux-x86_64.tar.gz']
  assert state.releases.size() == 1
  def release = state.releases[0]
  assert release.tag == 'v1.0.0' && release.draft == false && release.target == head
  assert release.assets*.name.sort() == (archives + ['SHA256SUMS']).sort()
  def published = new File(basedir, 'target/published')
  published.mkdirs()
  release.assets.each { new File(published, it.name).bytes = it.content }
  def check = new ProcessBuilder('sha256sum', '-c', 'SHA256SUMS').directory(published).redirectErrorStream(true).start()
  def checked = check.inputStream.text
  assert check.waitFor() == 0 && checked.readLines().size() == 2 : "sha256sum -c: ${checked}"
  def (code, listing) = c.run(['tar', '-xzf', new File(published, archives[0]).path, '-C', published.path])
  assert code == 0 : listing
  assert c.elfMachine(new File(published, 'wfdemo')) == 0xB7 : 'the aarch64 leg did not ship an aarch64 binary'

  // The same workflow again for the same tag, on a fresh engine (the legs pull their deps images from the
  // cache): reproducible archives, so nothing changes on the server.
  def keys = new File(basedir, 'target/run1/jobs/build').listFiles().collect { leg ->
    def image = new groovy.json.JsonSlurper().parse(new File(leg, 'workspace/target/cross/report.json')).targets[0].depsImage
    c.run(['docker', 'image', 'inspect', '-f', '{{index .Config.Labels "dev.crossbuild.deps-key"}}', image])[1].trim()
  }
  assert keys.size() == 2 && keys.every { it ==~ /[0-9a-f]{64}/ } : keys
  c.removeDepsImages('wfdemo', keys)
  def before = state.requests.size()
  def (out2, report2) = runWorkflow('run2')
  ['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu'].each { t ->
    assert out2.contains("[${t}] deps: pulled") : "the second run did not pull the deps image of ${t}"
  }
  assert report2.jobs.find { it.id == 'release' }.result == 'success'
  // The legs restored the build cache the first run saved (the same commit: an exact hit): a fresh checkout
  // gives every file a new time, yet the build tree, synced by content, leaves make nothing to compile.
  assert legLogs('run2').size() == 2 && legLogs('run2').every {
    it.contains('cross-build: build tree from the build cache: 0 source file(s) changed, 0 removed') &&
        it.contains("make: 'wfdemo' is up to date.") && !(it =~ /(Hits|Misses):\s+[1-9]/)
  } : 'the second run did not reuse the restored build tree:\n' + legLogs('run2').join('\n----\n')
  def again = state.requests.drop(before)
  assert !again.isEmpty() : 'the second run did not ask GitHub at all'
  assert again.every { it.method == 'GET' } : "the second run wrote to the release: ${again.findAll { it.method != 'GET' }}"
  assert state.releases.size() == 1 && state.releases[0].assets*.name.sort() == (archives + ['SHA256SUMS']).sort()
  assert c.noLeftoverContainers('wfdemo')
} finally {
  server.stop(0)
}
true
