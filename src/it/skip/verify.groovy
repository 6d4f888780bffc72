def log = new File(basedir, 'build.log').text
['start', 'stop', 'run'].each { assert log.contains("Skipping wavecraft:${it} (wavecraft.skip is true)") }
assert !log.contains('Wavecraft dev server running at')
assert log.contains('BUILD SUCCESS')
