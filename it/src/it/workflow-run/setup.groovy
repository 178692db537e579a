// The cache repository, new per run, goes into the POM before the workflow is generated from it.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
// Cold: no deps image of this project from an earlier run, so the push run builds and pushes.
c.removeDepsImages('wfdemo', c.depsKeysOf('wfdemo'))
def repository = "${c.registries().getProperty('tls')}/it-${System.currentTimeMillis()}/wfdemo".toString()
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('@cache.repository@', repository)
new File(basedir, 'mvnw').setExecutable(true)
true
