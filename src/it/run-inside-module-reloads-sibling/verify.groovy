import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.maven.it.BackgroundMaven
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.time.Duration

// wavecraft:run inside the processor's module, with nothing installed: the sibling dsp comes from the reactor.
def params = new File(basedir, 'dsp/src/main/java/com/example/dsp/Params.java')
def original = params.text
def withTone = original
        .replace('List.of(DRIVE, MIX)', 'List.of(DRIVE, MIX, TONE)')
        .replace('    /** Every parameter', '    public static final FloatParameter TONE = FloatParameter.of("tone", "Tone", -1, 1, 0);\n\n    /** Every parameter')
assert withTone != original

def maven = BackgroundMaven.startIn(binding.variables, 'plugin', 'wavecraft:run', '-Dwavecraft.port=0')
RpcTestClient client = null
try {
    client = RpcTestClient.connect(maven.awaitWatching(Duration.ofMinutes(3)))
    assert client.parameterIds() == ['drive', 'mix']
    assert client.call('setParameter', RpcTestClient.valueParams('mix', 0.25)).has('result')

    // As editors save: the whole file at once, through a rename (staged beside the project, never inside it).
    client.drain()
    def staged = File.createTempFile('Params', '.staged', basedir.parentFile)
    staged.text = withTone
    Files.move(staged.toPath(), params.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)

    def changed = client.notification('parametersChanged', Duration.ofMinutes(2)).getAsJsonObject('params')
    assert changed.getAsJsonArray('added').collect { it.asString } == ['tone']
    maven.awaitLine('File changed: [dsp] src/main/java/com/example/dsp/Params.java', Duration.ofSeconds(10))
    def all = client.call('getAllParameters', null).getAsJsonObject('result').getAsJsonArray('parameters')
    assert all.collect { it.get('id').asString } == ['drive', 'mix', 'tone']
    assert all.find { it.get('id').asString == 'mix' }.get('value').asDouble == 0.25d : 'the value set before the reload is kept'
    assert client.valueOf('mix') == 0.25d

    assert !new File(localRepositoryPath, 'it/wavecraft/saturator').exists() : 'nothing of the reactor was installed'
} finally {
    client?.close()
    maven.close()
}
