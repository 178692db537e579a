// Three certificate directories for box, each wrong in one way, made with openssl from box's own material.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
c.boxUp(basedir)
def b = c.builders()
def good = new File(b.getProperty('box.certPath'))
def boxCa = new File(b.getProperty('box.tls'))
def ssl = { File dir, String... args ->
  def (rc, out) = c.run(['openssl'] + args.toList())
  assert rc == 0 : "openssl ${args.join(' ')}: ${out}"
}
def copy = { File dir, String... names -> names.each { new File(dir, it).bytes = new File(good, it).bytes } }

// A CA of its own: the client's files are right, but ca.pem did not sign the engine's certificate.
def foreign = new File(basedir, 'material/foreign-ca')
foreign.mkdirs()
copy(foreign, 'cert.pem', 'key.pem')
ssl(foreign, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=another CA',
    '-keyout', "${foreign}/other-ca-key.pem", '-out', "${foreign}/ca.pem")

// A client certificate signed by box's CA, valid for one day in 2020.
def expired = new File(basedir, 'material/expired')
expired.mkdirs()
copy(expired, 'ca.pem', 'key.pem')
new File(expired, 'index.txt').text = ''
new File(expired, 'serial').text = '1000\n'
new File(expired, 'ca.cnf').text = """[ ca ]
default_ca = it
[ it ]
database = ${expired}/index.txt
new_certs_dir = ${expired}
serial = ${expired}/serial
default_md = sha256
policy = any
[ any ]
commonName = supplied
"""
ssl(expired, 'req', '-new', '-key', "${expired}/key.pem", '-subj', '/CN=cross-build client', '-out', "${expired}/client.csr")
ssl(expired, 'ca', '-batch', '-config', "${expired}/ca.cnf", '-cert', "${boxCa}/ca.pem", '-keyfile', "${boxCa}/ca-key.pem",
    '-startdate', '20200101000000Z', '-enddate', '20200102000000Z', '-notext', '-in', "${expired}/client.csr",
    '-out', "${expired}/cert.pem")

// No key.pem.
def noKey = new File(basedir, 'material/no-key')
noKey.mkdirs()
copy(noKey, 'ca.pem', 'cert.pem')

context.get('userProperties').put('box.host', b.getProperty('box.host'))
context.get('userProperties').put('material', foreign.path)
true
