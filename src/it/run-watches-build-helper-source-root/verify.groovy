import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.maven.it.BackgroundMaven
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.time.Duration

// The parameters live under src/gen/java, a source root only build-helper-maven-plugin's add-source names.
def declarations = new File(basedir, 'src/gen/java/com/example/filter/FilterParams.java')
def original = declarations.text
def withResonance = original.replace('List.of(CUTOFF)', 'List.of(CUTOFF, FloatParameter.of("resonance", "Resonance", 0, 1, 0.5))')
assert withResonance != original

def maven = BackgroundMaven.start(binding.variables, 'wavecraft:run', '-Dwavecraft.port=0')
RpcTestClient client = null
try {
    client = RpcTestClient.connect(maven.awaitWatching(Duration.ofMinutes(3)))
    assert client.parameterIds() == ['cutoff']

    // As editors save: the whole file at once, through a rename (staged beside the project, never inside it).
    def staged = File.createTempFile('FilterParams', '.staged', basedir.parentFile)
    staged.text = withResonance
    Files.move(staged.toPath(), declarations.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)

    def changed = client.notification('parametersChanged', Duration.ofMinutes(2)).getAsJsonObject('params')
    assert changed.getAsJsonArray('added').collect { it.asString } == ['resonance']
    assert client.parameterIds() == ['cutoff', 'resonance']
} finally {
    client?.close()
    maven.close()
}
