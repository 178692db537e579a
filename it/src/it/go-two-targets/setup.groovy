// Builds the real example in a git repository; starts cold (no images of this IT left from earlier runs).
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
c.copyExample(basedir, 'hello-go')
// A git repository, as a Go module's checkout is, so that Go stamps its VCS information (vcs.revision,
// vcs.time, vcs.modified); what Maven and the invoker write is ignored, so the host's tree is clean.
new File(basedir, '.gitignore').text = 'target/\n*.log\n'
new File(basedir, '.git').deleteDir()
c.git(basedir, 'init', '-q')
c.git(basedir, 'add', '.')
c.git(basedir, 'commit', '-q', '-m', 'hello-go')
c.removeProjectImages('go-two-targets')
true
