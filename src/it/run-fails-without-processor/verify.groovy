def log = new File(basedir, 'build.log').text
assert log.contains('No processor found')
assert log.contains('Classes implementing Processor: it.fixture.Lonely')
assert log.contains('META-INF/services/dev.wavecraft.api.Processor')
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
