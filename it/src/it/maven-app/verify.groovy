// The deps stage resolves from the remote repository through <caCertificates>; the source stage is offline.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text
def triple = 'x86_64-unknown-linux-gnu'

// The JDK in the deps image got the extra CA certificates, and the deps stage downloaded through them.
assert log =~ /cross-build: CA certificates added to \S+/ : 'no JDK trust store received the CA certificates'
int sourceStart = log.indexOf("[${triple}] source ...")
assert sourceStart > 0
def depsLog = log.substring(0, sourceStart)
def sourceLog = log.substring(sourceStart)
assert depsLog.contains('maven-dependency-plugin:3.8.1:go-offline') : 'the deps stage did not resolve offline needs'
assert depsLog =~ /Downloaded from \S+: .*commons-lang3/ || depsLog.contains('commons-lang3') : 'commons-lang3 was not resolved in the deps stage'

// The source stage built offline: tests ran (the provider was resolved by the deps stage's probe), nothing
// was downloaded, and the plugin itself was not needed inside the image.
def script = new File(basedir, "target/cross/${triple}.cross-build.sh").text
assert script.contains('mvn -B -ntp -o package') : script
assert sourceLog =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0/ : 'the example tests did not run in the source stage'
assert !(sourceLog =~ /Downloading from|Downloaded from/) : 'the source stage downloaded something'
assert !sourceLog.contains('CrossBuildDepsProbeTest') : 'the deps probe test leaked into the source build'

// The jar is the output, with the application's classes.
def jar = new File(basedir, "target/cross/${triple}/maven-app-1.0.jar")
assert jar.isFile()
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('dev/crossbuild/examples/hello/Hello.class') : entries
c.noLeftoverContainers(basedir.name)
true
