def log = new File(basedir, 'build.log').text
def ready = log =~ /Wavecraft dev server running at (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9_-]{43}) /
assert ready.find() : 'start printed the URL with its token'
def token = ready.group(2)
assert log.count(token) == 1 : 'the token printed once, and nowhere else in the build'
assert log.contains('It listens on 0.0.0.0, beyond this machine')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert !new File(basedir, 'target/wavecraft/devserver.log').text.contains(token)
assert !new File(basedir, 'target/wavecraft/devserver.argfile').text.contains(token)
