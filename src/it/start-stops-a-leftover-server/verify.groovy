def leftover = context.leftover
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("still running (pid ${leftover.pid()}")
    assert !leftover.isAlive() : 'the leftover process was stopped'
    assert log.contains('Dev server stopped (pid')
} finally {
    leftover.destroyForcibly()
}
