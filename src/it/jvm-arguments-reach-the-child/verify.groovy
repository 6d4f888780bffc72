def log = new File(basedir, 'build.log').text
assert log.contains('greeting=[hello big world]')
assert log.contains('quoted=[say "hi"]')
def heap = log =~ /maxHeapMiB=\[(\d+)\]/
assert heap.find() && (heap.group(1) as int) <= 96
def argfile = new File(basedir, 'target/wavecraft/devserver.argfile')
assert argfile.exists()
