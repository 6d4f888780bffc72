def log = new File(basedir, 'build.log').text
assert log.contains('it.fixture.Hang.process() did not return within 2 s, at 0.096 s (block 10) of the audio,'
        + ' so the render was stopped. It is stuck at it.fixture.Hang.process(Hang.java:25).')
assert log.contains('-Dwavecraft.processorTimeout=<seconds>')
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
def took = log =~ /Total time:\s+([\d.]+) s/
assert took.find() && (took.group(1) as double) < 60 : 'the build fails soon after the 2 s timeout'
def out = new File(basedir, 'target/wavecraft')
assert !new File(out, 'render.wav').exists()
assert !(out.listFiles() ?: []).any { it.name.endsWith('.wav') || it.name.endsWith('.part') }
