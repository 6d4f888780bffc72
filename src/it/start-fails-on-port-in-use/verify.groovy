context.heldPort?.close()
def log = new File(basedir, 'build.log').text
assert log.contains('Port 47914 on 127.0.0.1 is already in use')
assert log.contains('-Dwavecraft.port=<port>')
assert !new File(basedir, 'target/wavecraft/devserver.json').exists()
