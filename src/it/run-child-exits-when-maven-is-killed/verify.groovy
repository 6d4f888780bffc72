import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.maven.it.BackgroundMaven
import java.time.Duration

def maven = BackgroundMaven.start(binding.variables, 'wavecraft:run', '-Dwavecraft.port=0')
try {
    int port = maven.awaitDevServerPort(Duration.ofMinutes(2))
    def client = RpcTestClient.connect(port)
    def parameters = client.call('getAllParameters', null).getAsJsonObject('result').getAsJsonArray('parameters')
    client.close()
    assert parameters.collect { it.get('id').asString } == ['rate', 'depth', 'shape']

    def devServer = maven.devServerProcess()
    maven.killMaven()
    assert BackgroundMaven.awaitGone(devServer, Duration.ofSeconds(2)) : "dev server still running 2 s after SIGKILL of Maven"
} finally {
    maven.close()
}
