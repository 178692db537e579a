// Shared checks for the invoker ITs: evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
// returns a map of closures. Everything here inspects real files, the real engine and the real log.

def run = { List<String> command ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).start()
  def output = process.inputStream.text
  [process.waitFor(), output]
}

// ELF e_machine: 0x3E x86-64, 0xB7 AArch64 (little-endian, offset 18).
def elfMachine = { File file ->
  byte[] b = file.bytes
  assert b.length > 20 && b[0] == 0x7f && b[1] == (byte) 'E' && b[2] == (byte) 'L' && b[3] == (byte) 'F' :
      "${file} is not an ELF file"
  (b[18] & 0xff) | ((b[19] & 0xff) << 8)
}

def noLeftoverContainers = {
  def (code, out) = run(['docker', 'ps', '-a', '-q', '--filter', 'label=dev.crossbuild.managed=true'])
  assert code == 0 : "docker ps failed: ${out}"
  assert out.trim().isEmpty() : "containers with our labels were left behind: ${out}"
  true
}

def report = { File basedir ->
  new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cross/report.json'))
}

def removeProjectImages = { String project ->
  // By name, sorted: the source images (-build) go before the deps images they are built FROM.
  def (code, out) = run(['docker', 'images', '--format', '{{.Repository}}:{{.Tag}}', '--filter',
      "label=dev.crossbuild.project=${project}".toString()])
  assert code == 0 : out
  out.readLines().findAll { it.trim() && !it.contains('<none>') }.sort().each { ref ->
    def (rc, msg) = run(['docker', 'rmi', '-f', ref.trim()])
    assert rc == 0 : "could not remove ${ref}: ${msg}"
  }
  // images a rebuild untagged
  run(['docker', 'image', 'prune', '-f', '--filter', "label=dev.crossbuild.project=${project}".toString()])
}

[run: run, elfMachine: elfMachine, noLeftoverContainers: noLeftoverContainers, report: report,
 removeProjectImages: removeProjectImages]
