def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def log = new File(basedir, 'build.log').text

// Go cross-compiles without a C toolchain: the plan says cross, and no cross gcc is installed.
assert log =~ /aarch64-unknown-linux-gnu\s+cross\s+local/
def depsImage = c.report(basedir).targets.find { it.target == 'aarch64-unknown-linux-gnu' }.depsImage
def (noGcc, which) = c.run(['docker', 'run', '--rm', depsImage, 'sh', '-c', 'command -v aarch64-linux-gnu-gcc'])
assert noGcc != 0 : "the go recipe installed a cross gcc it does not need: ${which}"

def x86 = new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello-go')
def arm = new File(basedir, 'target/cross/aarch64-unknown-linux-gnu/hello-go')
assert c.elfMachine(x86) == 0x3E
assert c.elfMachine(arm) == 0xB7
def (code1, out1) = c.run([x86.path])
assert code1 == 0 && out1.contains('hello from go: linux/amd64') : out1
def (code2, out2) = c.runArm64(arm)
assert code2 == 0 && out2.contains('hello from go: linux/arm64') : out2

// Go's VCS stamping worked inside the build: the build info Go embeds (`go version -m` prints it) names the
// host's HEAD, its commit time, and a clean tree.
def head = c.git(basedir, 'rev-parse', 'HEAD')
def headTime = java.time.Instant.ofEpochSecond(c.git(basedir, 'log', '-1', '--format=%ct') as long).toString()
def buildInfo = { File binary -> new String(binary.bytes, 'ISO-8859-1') }
[x86, arm].each { binary ->
  def info = buildInfo(binary)
  assert info.contains("build\tvcs=git\n") : "${binary}: no VCS stamp"
  assert info.contains("build\tvcs.revision=${head}\n")
  assert info.contains("build\tvcs.time=${headTime}\n")
  assert info.contains("build\tvcs.modified=false\n")
}

// The deps stage compiled the standard library for the target, so a source change compiles only main.
def main = new File(basedir, 'main.go')
main.text = main.text.replace('hello from go', 'hello again from go')
c.mvn(basedir, localRepositoryPath, 'second')
def second = c.report(basedir)
['x86_64-unknown-linux-gnu', 'aarch64-unknown-linux-gnu'].each { t ->
  assert second.targets.find { it.target == t }.depsCacheHit == true : "source-only change rebuilt the deps of ${t}"
}
def (code3, out3) = c.runArm64(arm)
assert code3 == 0 && out3.contains('hello again from go: linux/arm64') : out3
// That change is not committed: Go says so, as `go build` on the host would.
assert buildInfo(arm).contains("build\tvcs.modified=true\n")
assert buildInfo(arm).contains("build\tvcs.revision=${head}\n")

def repo = new File(localRepositoryPath, 'dev/crossbuild/it/go-two-targets/1.0')
['linux-x86_64', 'linux-aarch_64'].each { classifier ->
  assert new File(repo, "go-two-targets-1.0-${classifier}.tar.gz").isFile()
}
c.noLeftoverContainers(basedir.name)
true
