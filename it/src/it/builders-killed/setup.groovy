def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
evaluate(new File(basedir, '../../../src/it/_common/copy-example.groovy'))
c.boxUp(basedir)
def b = c.builders()
['box.host', 'box.certPath'].each { context.get('userProperties').put(it, b.getProperty(it)) }
// The watcher: as a crash would, kill -9 box's dockerd (and its containerd) 3 s into this project's first
// source container there. box builds one target at a time, in an order the scheduler does not promise, so
// the watcher writes down which target that container belongs to (killed-target): verify.groovy asserts on
// that one. Its output goes to killer.log; it gives up after ten minutes.
def builders = new File(basedir, '../../../engine/builders.sh').canonicalPath
def socket = b.getProperty('box.socket')
def script = """for i in \$(seq 1 1200); do
  running=\$(docker -H ${socket} ps --filter label=dev.crossbuild.project=builders-killed \\
    --filter label=dev.crossbuild.stage=source --format '{{.Label "dev.crossbuild.target"}}')
  if [ -n "\$running" ]; then
    echo "\$running" > killed-target
    sleep 3; date +%s > killed-at; bash ${builders} kill-box; exit 0
  fi
  sleep 0.5
done
echo gave up"""
new ProcessBuilder(['setsid', 'bash', '-c', script.toString()]).directory(basedir)
    .redirectOutput(new File(basedir, 'killer.log')).redirectErrorStream(true).start()
true
