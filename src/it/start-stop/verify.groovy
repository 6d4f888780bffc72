def log = new File(basedir, 'build.log').text
assert log.contains('Wavecraft dev server running at http://127.0.0.1:')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
def stopped = log =~ /Dev server stopped \(pid (\d+)\)/
assert stopped.find() : 'wavecraft:stop asked the server to stop'
assert !ProcessHandle.of(stopped.group(1) as long).map { it.isAlive() }.orElse(false)
assert !new File(basedir, 'target/wavecraft/devserver.json').exists()
assert !new File(basedir, 'target/wavecraft/control.secret').exists()
assert new File(basedir, 'target/wavecraft/devserver.log').exists()
