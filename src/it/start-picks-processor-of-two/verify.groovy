def log = new File(basedir, 'build.log').text
assert log.contains('(it.fixture.Second, 1 parameter)')
assert log.contains('Dev server stopped (pid')
