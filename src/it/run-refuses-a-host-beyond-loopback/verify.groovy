def log = new File(basedir, 'build.log').text
assert log.contains("wavecraft.host is '0.0.0.0', which other machines can reach")
assert log.contains('-Dwavecraft.allowRemote=true')
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
assert !new File(basedir, 'target/wavecraft/devserver.argfile').exists() : 'refused before any server was forked'
