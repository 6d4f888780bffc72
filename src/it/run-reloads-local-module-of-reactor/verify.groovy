import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.maven.it.BackgroundMaven
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.time.Duration

// wavecraft:run from the reactor root on the processor's module; every edit below is in its sibling dsp.
def params = new File(basedir, 'dsp/src/main/java/com/example/dsp/Params.java')
def underModule = 'src/main/java/com/example/dsp/Params.java'
def original = params.text
def withTone = original
        .replace('List.of(DRIVE, MIX)', 'List.of(DRIVE, MIX, TONE)')
        .replace('    /** Every parameter', '    public static final FloatParameter TONE = FloatParameter.of("tone", "Tone", -1, 1, 0);\n\n    /** Every parameter')
assert withTone != original
RpcTestClient client = null
// As editors save: the whole file at once, through a rename (staged beside the project, never inside it).
def save = { String text ->
    client.drain()
    def staged = File.createTempFile('Params', '.staged', basedir.parentFile)
    staged.text = text
    Files.move(staged.toPath(), params.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
}
def reload = Duration.ofMinutes(2)

def maven = BackgroundMaven.start(binding.variables, '-pl', 'plugin', '-am', 'wavecraft:run', '-Dwavecraft.port=0')
try {
    client = RpcTestClient.connect(maven.awaitWatching(Duration.ofMinutes(3)))
    assert client.parameterIds() == ['drive', 'mix']
    assert client.call('setParameter', RpcTestClient.valueParams('drive', 12)).has('result')

    save(withTone)
    def changed = client.notification('parametersChanged', reload).getAsJsonObject('params')
    assert changed.getAsJsonArray('added').collect { it.asString } == ['tone']
    maven.awaitLine("File changed: [dsp] ${underModule}", Duration.ofSeconds(10))
    def all = client.call('getAllParameters', null).getAsJsonObject('result').getAsJsonArray('parameters')
    assert all.collect { it.get('id').asString } == ['drive', 'mix', 'tone']
    assert all.find { it.get('id').asString == 'drive' }.get('value').asDouble == 12.0d : 'the value set before the reload is kept'
    assert client.valueOf('tone') == 0.0d

    save(withTone.replace('private Params() {', 'private Params() {\n        int broken = ;'))
    def failed = client.notification('buildFailed', reload).getAsJsonObject('params')
    def files = failed.getAsJsonArray('diagnostics').findAll { it.get('severity').asString == 'error' }
            .collect { it.get('file').asString }
    assert !files.isEmpty() && files.every { it.endsWith(underModule) } : "errors name ${underModule}: ${failed}"
    assert client.parameterIds() == ['drive', 'mix', 'tone'] : 'the old generation keeps serving'

    // The fix also adds a parameter, so the reload shows as a changed parameter list.
    save(withTone.replace('List.of(DRIVE, MIX, TONE)', 'List.of(DRIVE, MIX, TONE, BIAS)')
            .replace('    /** Every parameter', '    public static final FloatParameter BIAS = FloatParameter.of("bias", "Bias", 0, 1, 0);\n\n    /** Every parameter'))
    def fixed = client.notification('parametersChanged', reload).getAsJsonObject('params')
    assert fixed.getAsJsonArray('added').collect { it.asString } == ['bias']
    assert client.valueOf('drive') == 12.0d

    def log = maven.output()
    assert (log =~ /Wavecraft dev server running at/).count == 1 : 'one server, for the module with the processor'
    assert log.contains('Passing over saturator-parent for wavecraft:run: a pom module; the dev server runs for plugin.')
    assert log.contains('Passing over dsp for wavecraft:run: no processor in this module; the dev server runs for plugin.')
    assert !new File(localRepositoryPath, 'it/wavecraft/saturator').exists() : 'nothing of the reactor was installed'
} finally {
    client?.close()
    maven.close()
}
