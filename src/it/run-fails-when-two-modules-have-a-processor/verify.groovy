def log = new File(basedir, 'build.log').text
assert log.contains('Several modules of this build have a processor: delay, reverb.')
assert log.contains('mvn wavecraft:run -pl delay -am')
assert !log.contains('Initial build') : 'nothing is built before the choice is made'
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
