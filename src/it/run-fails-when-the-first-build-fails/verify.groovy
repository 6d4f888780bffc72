def log = new File(basedir, 'build.log').text
assert log.contains('Initial build of run-fails-when-the-first-build-fails')
assert log.contains('Initial build failed:')
assert !log.contains('old code still running')
assert log =~ /src\/main\/java\/it\/fixture\/Broken\.java:4:\d+: illegal start of expression/
assert log.contains('The project did not build (see the errors above), so there is nothing to run yet.')
assert !log.contains('Wavecraft dev server running at') : 'no server without classes'
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
