def log = new File(basedir, 'build.log').text
assert log.contains("Unknown parameter 'gian' in <params> in the POM. it.fixture.Gain has these parameters: gain, bypass; use one of these ids.")
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
def out = new File(basedir, 'target/wavecraft')
assert !new File(out, 'render.wav').exists()
assert !(out.listFiles() ?: []).any { it.name.endsWith('.wav') || it.name.endsWith('.part') }
