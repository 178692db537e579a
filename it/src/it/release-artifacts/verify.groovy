import java.security.MessageDigest

def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def archive = new File(basedir, 'target/cross/release-artifacts-1.0-linux-x86_64.tar.gz')
assert archive.isFile()
def first = sha(archive)

// The symlinked program ships as its file; the SONAME chain stays a chain of relative links.
def listing = c.run(['tar', '-tvzf', archive.path])
assert listing[0] == 0 : listing[1]
def entries = listing[1].readLines()
assert entries.find { it.startsWith('-rwxr-xr-x 0/0') && it.endsWith(' greeter') } : "greeter is not an executable file: ${entries}"
assert entries.find { it.startsWith('lrwxrwxrwx 0/0') && it.endsWith(' libgreet.so -> libgreet.so.1') } : entries
assert entries.find { it.startsWith('lrwxrwxrwx 0/0') && it.endsWith(' libgreet.so.1 -> libgreet.so.1.2.3') } : entries
assert entries.find { it.startsWith('-rwxr-xr-x 0/0') && it.endsWith(' libgreet.so.1.2.3') } : entries

// The summary, report.json and the archive list the same files.
def names = c.run(['tar', '-tzf', archive.path])[1].readLines().sort()
def report = c.report(basedir).targets[0]
assert names == ['build-info.txt', 'greeter', 'libgreet.so', 'libgreet.so.1', 'libgreet.so.1.2.3']
assert report.outputs*.path.sort() == names
assert report.outputs.find { it.path == 'libgreet.so' }.link == 'libgreet.so.1'
assert log =~ /x86_64-unknown-linux-gnu\s+native\s+(?:built|hit|pulled).*built\s+5 files, [0-9.]+ KiB, glibc>=2\.\d+, smoke passed/

// The smoke test ran the program next to its library, as a user unpacking the archive would.
assert log.contains('smoke | hello, release (libgreet 1.2.3)')

// The build saw SOURCE_DATE_EPOCH: the commit time of HEAD of the repository around the project (the IT runs
// inside this project's clone), and every archive entry carries that same time.
def (gitCode, commitTime) = c.run(['git', '-C', basedir.path, 'log', '-1', '--format=%ct'])
assert gitCode == 0 : commitTime
def epoch = commitTime.trim() as long
def iso = java.time.Instant.ofEpochSecond(epoch).toString()
def epochDate = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/build-info.txt').text.trim()
assert epochDate == "built ${iso}".toString()
def mtimes = c.run(['python3', '-c', 'import sys, tarfile; print(sorted({m.mtime for m in tarfile.open(sys.argv[1])}))',
    archive.path])
assert mtimes[1].trim() == "[${epoch}]".toString() : "archive mtimes ${mtimes[1]}, not the commit time ${iso}"

// Every tar reads it without a warning, and modes survive.
def gnu = new File(basedir, 'target/untar-gnu'); gnu.mkdirs()
def p = new ProcessBuilder('tar', '-xzf', archive.path, '-C', gnu.path).start()
def gnuErr = p.errorStream.text; assert p.waitFor() == 0 && gnuErr.isEmpty() : gnuErr
assert new File(gnu, 'greeter').canExecute()
def bsd = new File(basedir, 'target/untar-bsd'); bsd.mkdirs()
p = new ProcessBuilder('bsdtar', '-xf', archive.path, '-C', bsd.path).start()
def bsdErr = p.errorStream.text; assert p.waitFor() == 0 && bsdErr.isEmpty() : bsdErr
def py = new File(basedir, 'target/untar-py'); py.mkdirs()
p = new ProcessBuilder('python3', '-W', 'error', '-c',
    'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])', archive.path, py.path).start()
def pyErr = p.errorStream.text; assert p.waitFor() == 0 && pyErr.isEmpty() : pyErr
assert java.nio.file.Files.readSymbolicLink(new File(py, 'libgreet.so').toPath()).toString() == 'libgreet.so.1'

// Built again from scratch: without the project's images the engine's layer cache can't replay the first build,
// so everything compiles anew, a few seconds later, with new file times: still the same bytes.
c.removeProjectImages(basedir.name)
Thread.sleep(1100)
def rebuild = c.mvn(basedir, localRepositoryPath, 'rebuild', ['install', '-Dcross.force=true'])
assert rebuild =~ /x86_64-unknown-linux-gnu\s+native\s+built/ : 'the rebuild reused the deps image'
assert sha(archive) == first : 'the archive changed between two builds of the same sources'

c.noLeftoverContainers(basedir.name)
true
