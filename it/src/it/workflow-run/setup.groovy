// The cache repository, new per run, goes into the POM before the workflow is generated from it.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def repository = "${c.registries().getProperty('tls')}/it-${System.currentTimeMillis()}/wfdemo".toString()
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('@cache.repository@', repository)
new File(basedir, 'mvnw').setExecutable(true)
true
