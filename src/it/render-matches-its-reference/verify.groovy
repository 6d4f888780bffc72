def log = new File(basedir, 'build.log').text
def golden = new File(basedir, 'src/test/wavecraft/golden.wav')

assert golden.isFile()
assert log.contains("Created the reference ${golden.canonicalPath} with this render")
assert log.contains("Matches the reference ${golden.canonicalPath}: peak difference -inf dBFS (identical) (tolerance -90.0 dBFS)")
assert golden.bytes == new File(basedir, 'target/wavecraft/render.wav').bytes
assert !new File(basedir, 'target/wavecraft/render-diff.wav').exists()
