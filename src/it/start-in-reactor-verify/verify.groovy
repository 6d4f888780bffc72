import dev.wavecraft.maven.it.BackgroundMaven
import java.time.Duration

def log = new File(basedir, 'build.log').text
assert log.contains('Wavecraft dev server running at http://127.0.0.1:')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
def stopped = log =~ /Dev server stopped \(pid (\d+)\)/
assert stopped.find() : 'wavecraft:stop asked the server to stop'
assert !new File(basedir, 'plugin/target/wavecraft/devserver.json').exists()
assert !new File(localRepositoryPath, 'it/wavecraft/saturator').exists() : 'nothing of the reactor was installed'

// Nothing started for this project outlives the build: no process whose command line names its folder.
def ours = [ProcessHandle.current()] + ProcessHandle.current().parent().map { [it] }.orElse([])
def left = ProcessHandle.allProcesses().filter { !(it in ours) }
        .filter { it.info().commandLine().orElse('').contains(basedir.canonicalPath) }
        .toList()
def alive = left.findAll { !BackgroundMaven.awaitGone(it, Duration.ofSeconds(5)) }
assert alive.isEmpty() : "still running: ${alive.collect { it.pid() + ' ' + it.info().commandLine().orElse('') }}"
