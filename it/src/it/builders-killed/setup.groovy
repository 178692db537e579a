def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
c.boxUp(basedir)
def b = c.builders()
['box.host', 'box.certPath'].each { context.get('userProperties').put(it, b.getProperty(it)) }
// The watcher: as a crash would, kill -9 box's dockerd (and its containerd) 3 s into this project's first
// source container there. Its output goes to killer.log; it gives up after ten minutes.
def builders = new File(basedir, '../../../engine/builders.sh').canonicalPath
def socket = b.getProperty('box.socket')
def script = """for i in \$(seq 1 1200); do
  if docker -H ${socket} ps -q --filter label=dev.crossbuild.project=builders-killed --filter label=dev.crossbuild.stage=source | grep -q .; then
    sleep 3; date +%s > killed-at; bash ${builders} kill-box; exit 0
  fi
  sleep 0.5
done
echo gave up"""
new ProcessBuilder(['setsid', 'bash', '-c', script.toString()]).directory(basedir)
    .redirectOutput(new File(basedir, 'killer.log')).redirectErrorStream(true).start()
true
