// Checks the fake GitHub's state after two runs of cross:release: one published release with every
// archive and a SHA256SUMS that sha256sum -c accepts, nothing written by the second run, no token in the log.
import java.security.MessageDigest

def server = context.get('fakeGitHubServer')
def state = context.get('fakeGitHubState')
try {
  assert state != null : 'setup.groovy did not run'
  def sha256 = { byte[] bytes -> MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() }

  assert state.releases.size() == 1
  def release = state.releases[0]
  assert release.tag == 'v1.2.3'
  assert release.draft == false : 'the release was not published'
  assert release.target == state.head : "the release targets ${release.target}, not the tagged commit ${state.head}"

  def cross = new File(basedir, 'target/cross')
  def archives = ['widget-1.2.3-linux-aarch_64.tar.gz', 'widget-1.2.3-linux-x86_64.tar.gz', 'widget-1.2.3-windows-x86_64.zip']
  assert release.assets*.name as Set == (archives + ['SHA256SUMS']) as Set
  archives.each { name ->
    def uploaded = release.assets.find { it.name == name }.content
    assert uploaded == new File(cross, name).bytes : "${name} differs from the local file"
  }
  def sums = new String(release.assets.find { it.name == 'SHA256SUMS' }.content, 'UTF-8')
  def expected = archives.collect { "${sha256(new File(cross, it).bytes)}  ${it}\n" }.join('')
  assert sums == expected
  def check = new ProcessBuilder('sha256sum', '-c', 'SHA256SUMS').directory(cross).redirectErrorStream(true).start()
  def checkOutput = check.inputStream.text
  assert check.waitFor() == 0 : "sha256sum -c rejected SHA256SUMS: ${checkOutput}"

  def writes = state.requests.findAll { it.method != 'GET' }
  assert writes*.method == ['POST', 'POST', 'POST', 'POST', 'POST', 'PATCH'] : "unexpected writes: ${writes}"
  assert writes.findAll { it.path.startsWith('/uploads/') }.size() == 4

  def log = new File(basedir, 'build.log').text
  assert !log.contains(state.token) : 'the token appears in the build log'
  assert log.contains('already published') : 'the second run did not report the release as already published'
  assert log.contains('4 already there')
  assert log.contains('repository acme/widget (from the environment variable GITHUB_REPOSITORY)')
} finally {
  server?.stop(0)
}
return true
