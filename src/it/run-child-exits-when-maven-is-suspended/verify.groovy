import dev.wavecraft.maven.it.BackgroundMaven
import java.time.Duration

// SIGSTOP keeps Maven's end of the pipe open, so only the missing heartbeat can tell the server.
def maven = BackgroundMaven.start(binding.variables, 'wavecraft:run', '-Dwavecraft.port=0')
try {
    maven.awaitDevServerPort(Duration.ofMinutes(2))
    def devServer = maven.devServerProcess()
    maven.suspendMaven()
    assert BackgroundMaven.awaitGone(devServer, Duration.ofSeconds(10 + 3)) : "dev server still running 13 s after SIGSTOP of Maven"
} finally {
    maven.close()
}
