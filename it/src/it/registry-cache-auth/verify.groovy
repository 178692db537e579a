// The TLS registry wants a password for pulls and pushes. Credentials come from a config.json in a
// DOCKER_CONFIG of the test's own, or from <username> + <passwordEnvironmentVariable>; a wrong password
// is a warning that names the registry, where the credentials were looked up and the fix; no log (all at -X)
// ever holds the password.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def project = 'registry-cache-auth'
def t = 'x86_64-unknown-linux-gnu'
def reg = c.registries()
def registry = reg.getProperty('tls')
def user = reg.getProperty('tls.username')
def password = reg.getProperty('tls.password')
def repository = "${registry}/it-${System.currentTimeMillis()}/auth-cache".toString()
def secrets = [password, "${user}:${password}".bytes.encodeBase64().toString()]
def logs = []

def dockerConfig = { String name, String pw ->
  def dir = new File(basedir, "target/${name}")
  dir.mkdirs()
  def auth = "${user}:${pw}".bytes.encodeBase64().toString()
  new File(dir, 'config.json').text = groovy.json.JsonOutput.toJson([auths: [(registry): [auth: auth]]])
  dir.canonicalPath
}
def good = dockerConfig('docker-good', password)
def wrong = dockerConfig('docker-wrong', password + 'x')
def empty = new File(basedir, 'target/docker-empty').with { mkdirs(); canonicalPath }
def build = { String name, Map env, List<String> extra = [] ->
  new File(basedir, 'target/cross').deleteDir()
  def out = c.mvn(basedir, localRepositoryPath, name, ['cross:build', "-Dcross.cache.repository=${repository}".toString()] + extra, env)
  logs << out
  [out, c.report(basedir).targets.find { it.target == t }]
}
def fresh = { c.removeDepsImages(project, c.depsKeysOf(project)) }

// 1. Cold, with push and config.json credentials.
fresh()
def (cold, r1) = build('cold', [DOCKER_CONFIG: good], ['-Dcross.cache.push=true'])
assert r1.deps == 'built'
assert cold.contains("[${t}] cache: pushed ${repository}:${t}-")
def targetLog = { new File(basedir, "target/cross/${t}.build.log").text }
assert targetLog().contains("with credentials from ${good}/config.json (auths)")

// 2. A fresh runner with the same credentials pulls.
fresh()
def (warm, r2) = build('warm', [DOCKER_CONFIG: good])
assert r2.deps == 'pulled' : warm.readLines().findAll { it.contains('WARN') }

// 3. <username> and <passwordEnvironmentVariable> instead, with an empty docker configuration.
fresh()
def (pom, r3) = build('pom-credentials', [DOCKER_CONFIG: empty, IT_CACHE_PASSWORD: password],
    ["-Dcross.cache.username=${user}".toString(), '-Dcross.cache.passwordEnvironmentVariable=IT_CACHE_PASSWORD'])
assert r3.deps == 'pulled' : pom.readLines().findAll { it.contains('WARN') }
assert targetLog().contains("with credentials from <cache><username> '${user}' with the password in \$IT_CACHE_PASSWORD")

// 4. A wrong password: the pull and the push are refused, each one warning, and the build succeeds.
fresh()
def (bad, r4) = build('wrong-password', [DOCKER_CONFIG: wrong], ['-Dcross.cache.push=true'])
assert bad.contains('BUILD SUCCESS')
assert r4.deps == 'built'
def warnings = bad.readLines().findAll { it.startsWith("[WARNING] [${t}] Deps cache:") }
assert warnings.size() == 2 : warnings
assert warnings[0].contains("cannot pull ${repository}") && warnings[0].contains('the registry refused the credentials')
assert warnings[1].contains("the registry ${registry} refused the push of ${repository}")
assert warnings[1].contains("Credentials were looked up in ${wrong}/config.json (auths)")
assert warnings[1].contains("docker login ${registry}") && warnings[1].contains('-Dcross.cache.push=false')

// No secret in any output, debug included.
def all = logs + [new File(basedir, 'build.log').text, targetLog()]
secrets.each { s -> all.eachWithIndex { log, i -> assert !log.contains(s) : "log ${i} holds a registry secret" } }
assert c.noLeftoverContainers(project)
true
