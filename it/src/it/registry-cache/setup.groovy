// A repository of its own per run, on the plain HTTP registry: the cold build finds nothing to pull.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
// Cold for real: no deps image of this project from an earlier run, nor the builder's layers under it.
c.removeDepsImages('registry-cache', c.depsKeysOf('registry-cache'))
def registry = c.registries().getProperty('plain')
def repository = "${registry}/it-${System.currentTimeMillis()}/registry-cache".toString()
context.get('userProperties').put('cross.cache.repository', repository)
new File(basedir, 'cache-repository.txt').text = repository
println "deps cache: ${repository}"
true
