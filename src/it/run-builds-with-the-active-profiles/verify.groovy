import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.maven.it.BackgroundMaven
import java.time.Duration

// run builds the project itself: the profile asked for on the command line must reach that build,
// or the service file it adds is not copied and no processor is found.
def maven = BackgroundMaven.start(binding.variables, '-Pwith-service', 'wavecraft:run', '-Dwavecraft.port=0')
try {
    def client = RpcTestClient.connect(maven.awaitDevServerPort(Duration.ofMinutes(2)))
    assert client.parameterIds() == ['level']
    client.close()
    assert maven.output().contains('(it.fixture.Listed, 1 parameter)')
} finally {
    maven.close()
}
