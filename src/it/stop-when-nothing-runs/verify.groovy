def log = new File(basedir, 'build.log').text
assert log.contains('No dev server is running for this project')
assert log.contains('BUILD SUCCESS')
