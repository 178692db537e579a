// box died during the source stage of the target it was building (whichever it started first). That target
// fails within seconds, with a message naming box and the stage; box's queued target fails without starting;
// the local target is built; no cleanup error hides what happened; nothing is left on the local engine, and
// cross:clean empties box once it is back.
def c = evaluate(new File(basedir, '../../../src/it/_common/checks.groovy'))
def b = c.builders()
def box = b.getProperty('box.host')
def log = new File(basedir, 'build.log').text
def killedAt = new File(basedir, 'killed-at')
assert killedAt.isFile() : "box was never killed: ${new File(basedir, 'killer.log').text}"
// box is started again first, whatever the checks below find: the ITs after this one build on it.
c.boxUp(basedir)

def report = c.report(basedir)
def t = report.targets.collectEntries { [(it.target): it] }
assert t['x86_64-unknown-linux-gnu'].status == 'ok' : t['x86_64-unknown-linux-gnu'].error
assert c.elfMachine(new File(basedir, 'target/cross/x86_64-unknown-linux-gnu/hello')) == 0x3E

// box builds one target at a time, and which of its two comes first is the scheduler's choice: the watcher
// wrote down the one whose source container ran when box was killed. The other was still queued.
def boxTargets = ['aarch64-unknown-linux-gnu', 'armv7-unknown-linux-gnueabihf']
def running = new File(basedir, 'killed-target').text.trim()
assert running in boxTargets : "the watcher saw a source container of '${running}' on box"
def queuedTriple = (boxTargets - running)[0]
println "[builders-killed] box was killed while building ${running}; ${queuedTriple} was queued"

def lost = t[running]
assert lost.status == 'failed' && lost.failedStage == 'source' : "${running}: ${lost.status} at ${lost.failedStage}: ${lost.error}"
assert lost.builder == 'box'
assert lost.error.contains("Builder 'box' (${box}) stopped answering during the source stage")
// Within seconds of the kill, not when the 90 s build would have ended.
def end = java.time.Instant.parse(lost.stages[-1].end).epochSecond
def killed = killedAt.text.trim() as long
assert end - killed < 20 : "the lost target failed ${end - killed} s after box was killed"

// What becomes of the target still queued on box. Today it is not started, and fails at once naming the
// target box was building; with failover it would be built on local instead: change this one closure.
def queuedOutcome = { queued ->
  assert queued.status == 'failed' : "${queuedTriple}: ${queued.status}"
  assert queued.error.contains("Builder 'box' (${box}) stopped answering during the source stage of ${running}, so ${queuedTriple} was not started")
  assert queued.seconds < 5
}
queuedOutcome(t[queuedTriple])

assert log.contains("Builder 'box' (${box}) did not answer when this build's containers were to be removed")
assert !log.contains('Listing containers') : 'a cleanup call hides what happened'
c.noStackTrace(log)
assert log.contains('2 of 3 targets failed: aarch64-unknown-linux-gnu, armv7-unknown-linux-gnueabihf')
c.noLeftoverContainers('builders-killed')

// box back: cross:clean removes what the killed build left there.
c.mvn(basedir, localRepositoryPath, 'clean', ['cross:clean', "-Dbox.host=${box}".toString(),
    "-Dbox.certPath=${b.getProperty('box.certPath')}".toString()])
c.noLeftoverContainers('builders-killed', b.getProperty('box.socket'))
true
