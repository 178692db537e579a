// The project as a git repository: one commit, tagged v1.4.0 (annotated), with a .gitignore for what
// Maven and the invoker write, so that the host's `git status` is clean.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
new File(basedir, '.git').deleteDir()
// Written here: the invoker does not copy dot files into the IT's directory.
new File(basedir, '.gitignore').text = 'target/\n*.log\nhello\n'
c.git(basedir, 'init', '-q')
c.git(basedir, 'add', '.')
c.git(basedir, 'commit', '-q', '-m', 'hello 1.4.0')
c.git(basedir, 'tag', '-a', 'v1.4.0', '-m', 'hello 1.4.0')
true
