def log = new File(basedir, 'build.log').text
assert log.contains('The constructor of it.fixture.Broken threw java.lang.IllegalStateException: wavetable file missing')
assert log.contains('it.fixture.Broken.<init>(Broken.java:12)')
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
