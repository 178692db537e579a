// Makes this project a tagged git repository with archives in target/cross, and starts a
// stateful stand-in for GitHub's Releases API (release endpoints + a separate upload path).
import java.util.zip.GZIPOutputStream
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def git(String... args) {
  def command = ['git', '-c', 'user.name=IT', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false',
                 '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main'] + args.toList()
  def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
  def output = process.inputStream.text.trim()
  if (process.waitFor() != 0) {
    throw new IllegalStateException("${command.join(' ')} failed: ${output}")
  }
  return output
}

git('init', '-q')
git('add', 'pom.xml', 'invoker.properties')
git('commit', '-q', '-m', 'widget 1.2.3')
git('tag', '-a', 'v1.2.3', '-m', 'widget 1.2.3')
git('remote', 'add', 'origin', 'https://github.com/acme/widget.git')
def head = git('rev-parse', 'HEAD')

def cross = new File(basedir, 'target/cross')
cross.mkdirs()
['linux-x86_64', 'linux-aarch_64'].each { classifier ->
  new File(cross, "widget-1.2.3-${classifier}.tar.gz").withOutputStream { out ->
    new GZIPOutputStream(out).withStream { it.write("binary for ${classifier}\n".bytes) }
  }
}
new File(cross, 'widget-1.2.3-windows-x86_64.zip').withOutputStream { out ->
  new ZipOutputStream(out).withStream { zip ->
    zip.putNextEntry(new ZipEntry('widget.exe'))
    zip.write('binary for windows\n'.bytes)
    zip.closeEntry()
  }
}

def props = new Properties()
new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
def token = props.getProperty('invoker.environmentVariables.GITHUB_TOKEN')

def (server, state, apiUrl) = evaluate(new File(basedir, '../../../src/it/_common/fake-github.groovy'))('acme/widget', token, head)

context.put('fakeGitHubServer', server)
context.put('fakeGitHubState', state)
context.get('userProperties').put('cross.release.apiUrl', apiUrl)
println "Fake GitHub API listening on ${apiUrl}; tagged ${head} as v1.2.3"
return true
