def log = new File(basedir, 'build.log').text
assert log.contains('The dev server did not become ready within 3 s, so it was stopped')
assert log.contains('-Dwavecraft.startupTimeout=<seconds>')
assert log.contains('Level: loading a very large impulse response...') : 'the child\'s last output is shown'
assert !new File(basedir, 'target/wavecraft/devserver.json').exists()
