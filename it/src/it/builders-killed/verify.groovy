// box died during its first target's source stage. That target fails within seconds, with a message naming
// box and the stage; box's queued target fails without starting; the local target is built; no cleanup
// error hides what happened; nothing is left on the local engine, and cross:clean empties box once it is back.
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

def lost = t['aarch64-unknown-linux-gnu']
assert lost.status == 'failed' && lost.failedStage == 'source'
assert lost.error.contains("Builder 'box' (${box}) stopped answering during the source stage")
// Within seconds of the kill, not when the 90 s build would have ended.
def end = java.time.Instant.parse(lost.stages[-1].end).epochSecond
def killed = killedAt.text.trim() as long
assert end - killed < 20 : "the lost target failed ${end - killed} s after box was killed"

def queued = t['armv7-unknown-linux-gnueabihf']
assert queued.status == 'failed'
assert queued.error.contains("Builder 'box' (${box}) stopped answering during the source stage of aarch64-unknown-linux-gnu, so armv7-unknown-linux-gnueabihf was not started")
assert queued.seconds < 5

assert log.contains("Builder 'box' (${box}) did not answer when this build's containers were to be removed")
assert !log.contains('Listing containers') : 'a cleanup call hides what happened'
// The invoker runs Maven with -e, which prints the failure's stack trace after BUILD FAILURE: none before.
assert !(log.split('BUILD FAILURE')[0] =~ /(?m)^\s+at [a-z]+\./) : 'a stack trace was printed'
assert log.contains('2 of 3 targets failed: aarch64-unknown-linux-gnu, armv7-unknown-linux-gnueabihf')
c.noLeftoverContainers('builders-killed')

// box back: cross:clean removes what the killed build left there.
c.mvn(basedir, localRepositoryPath, 'clean', ['cross:clean', "-Dbox.host=${box}".toString(),
    "-Dbox.certPath=${b.getProperty('box.certPath')}".toString()])
c.noLeftoverContainers('builders-killed', b.getProperty('box.socket'))
true
