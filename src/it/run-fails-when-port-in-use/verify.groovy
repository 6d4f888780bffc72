context.heldPort?.close()
def log = new File(basedir, 'build.log').text
assert log.contains('Port 47913 on 127.0.0.1 is already in use')
assert log.contains('-Dwavecraft.port=<port>')
assert !(log =~ /\tat [a-z]/) : 'no stack trace for a user error without -e'
