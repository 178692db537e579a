// Each wrong piece of TLS material: a message naming the builder, the file and the fix, before any target
// starts building, and no stack trace.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def box = c.builders().getProperty('box.host')
def material = new File(basedir, 'material').canonicalFile

// The builds verify.groovy runs have -X (debug), where Maven prints stack traces: checked on the first one only.
def noBuildStarted = { String log, String what, boolean noTrace = false ->
  assert !(log =~ /\] base \.\.\./) : "${what}: a target started building"
  if (noTrace) {
    c.noStackTrace(log)
  }
  assert log.contains("Builder 'box' (${box}") : "${what}: the message does not name the builder"
}

def foreign = new File(basedir, 'build.log').text
noBuildStarted(foreign, 'foreign CA', true)
assert foreign.contains("the engine's server certificate is not signed by the CA in ${material}/foreign-ca/ca.pem")
assert foreign.contains("Use the CA that signed the engine's --tlscert")

def expired = c.mvnFails(basedir, localRepositoryPath, 'expired', ['cross:build', "-Dmaterial=${material}/expired".toString(),
    "-Dbox.host=${box}".toString()])
noBuildStarted(expired, 'expired')
assert expired.contains("the client certificate ${material}/expired/cert.pem expired on 2020-01-02T00:00:00Z")
assert expired.contains('Make a new client certificate signed by the engine')

def noKey = c.mvnFails(basedir, localRepositoryPath, 'no-key', ['cross:build', "-Dmaterial=${material}/no-key".toString(),
    "-Dbox.host=${box}".toString()])
noBuildStarted(noKey, 'missing key')
assert noKey.contains("the TLS file ${material}/no-key/key.pem does not exist")
assert noKey.contains('the private key that cert.pem was made for')
c.noLeftoverContainers('builders-tls-wrong')
true
