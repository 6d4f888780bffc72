def log = new File(basedir, 'build.log').text
assert basedir.name.contains(' ')
assert log.contains('(it.fixture.Level, 1 parameter)')
assert log.contains('Dev server stopped (pid')
