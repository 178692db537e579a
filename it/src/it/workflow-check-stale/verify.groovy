// The check fails on the stale file, shows what differs and how to fix it, and writes nothing.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('.github/workflows/cross-build.yml is stale: it differs from what the plugin configuration generates.')
assert log.contains('+           - target: aarch64-unknown-linux-gnu')
assert log.contains('Run `mvn cross:generate-workflow` and commit the result.')
def file = new File(basedir, '.github/workflows/cross-build.yml')
assert !file.getText('UTF-8').contains('aarch64-unknown-linux-gnu') : 'the check must not rewrite the file'
return true
