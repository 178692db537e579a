// Builds the real example as a git repository whose one commit is dated 2020-01-01; starts cold (no images of
// this IT left from earlier runs).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'hello-cmake')
c.removeProjectImages('cmake-two-targets')
new File(basedir, '.git').deleteDir()
// Written here: the invoker does not copy dot files into the IT's directory.
new File(basedir, '.gitignore').text = 'target/\n*.log\n'
c.git(basedir, 'init', '-q')
c.git(basedir, 'add', '.')
c.git(basedir, '-c', 'core.quotePath=false', 'commit', '-q', '--date=2020-01-01T12:00:00Z', '-m', 'hello-cmake')
// The committer date is the commit time cross-build reads: amend it to the same day.
def amend = new ProcessBuilder(['git', '-c', 'user.name=IT', '-c', 'user.email=it@example.invalid', '-c', 'commit.gpgsign=false',
                                'commit', '-q', '--amend', '--no-edit', '--date=2020-01-01T12:00:00Z'])
    .directory(basedir).redirectErrorStream(true)
amend.environment().put('GIT_COMMITTER_DATE', '2020-01-01T12:00:00Z')
def p = amend.start()
def out = p.inputStream.text
assert p.waitFor() == 0 : out
true
