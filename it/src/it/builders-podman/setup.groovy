// Podman as a second engine: its service's socket (it/engine/builders.sh), cold for this project.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
def podman = c.builders().getProperty('podman.host')
['builders-podman', 'hello-cargo'].each { c.removeProjectImages(it, podman) }
context.get('userProperties').put('cross.dockerHost', podman)
// examples/hello-cargo, built in verify.groovy with the plugin version under test.
def example = new File(basedir, '../../../../examples/hello-cargo').canonicalFile
def cargo = new File(basedir, 'cargo')
example.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  def rel = example.toPath().relativize(f.toPath()).toString()
  if (rel == 'README.md' || rel.startsWith('target/')) return
  def to = new File(cargo, rel)
  to.parentFile.mkdirs()
  to.bytes = f.bytes
}
def version = (new File(basedir, 'pom.xml').text =~ /<artifactId>cross-build-maven-plugin<\/artifactId>\s*<version>([^<]+)/)[0][1]
def pom = new File(cargo, 'pom.xml')
pom.text = pom.text.replaceFirst(/(<artifactId>cross-build-maven-plugin<\/artifactId>\s*<version>)[^<]+/, "\$1${version}")
true
