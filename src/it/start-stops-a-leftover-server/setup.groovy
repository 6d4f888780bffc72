// A server an earlier, crashed run left behind: a live process recorded in the state file, whose
// control port answers nobody. wavecraft:start must find it through the pid and start instant.
def leftover = new ProcessBuilder('sleep', '600').start()
context.leftover = leftover
def handle = leftover.toHandle()
def state = new File(basedir, 'target/wavecraft/devserver.json')
state.parentFile.mkdirs()
state.text = groovy.json.JsonOutput.toJson([goal: 'start', pid: handle.pid(),
        startedAt: handle.info().startInstant().get().toString(), port: 1, url: 'http://127.0.0.1:1/',
        control: '127.0.0.1:1'])
true
