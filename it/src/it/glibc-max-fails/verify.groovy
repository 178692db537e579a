def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text

// Bookworm's glibc stamps GLIBC_2.34 on every program: above the ceiling, so the target fails, naming the
// file, the version it needs, the parameter and how to lower it.
assert log =~ /output 'hello' requires GLIBC_2\.3\d, above <glibcMax>2\.17<\/glibcMax> \(-Dcross\.glibcMax\)/
assert log.contains('older base image through <image>')
assert log.contains('glibc-max-fails.build.log') || log =~ /x86_64-unknown-linux-gnu\.build\.log/
// Nothing was packed: a release must not carry it.
assert !new File(basedir, 'target/cross/glibc-max-fails-1.0-linux-x86_64.tar.gz').exists()
c.noLeftoverContainers(basedir.name)
true
