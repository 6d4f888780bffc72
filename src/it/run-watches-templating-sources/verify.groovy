import dev.wavecraft.devserver.testing.RpcTestClient
import dev.wavecraft.devserver.testing.Waits
import dev.wavecraft.maven.it.BackgroundMaven
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.time.Duration

// The parameter's name comes from src/main/java-templates, which templating-maven-plugin filters into a source root.
def template = new File(basedir, 'src/main/java-templates/com/example/level/Names.java')
def original = template.text
def edited = original.replace('"Level of ${project.artifactId}"', '"Loudness of ${project.artifactId}"')
assert edited != original

def maven = BackgroundMaven.start(binding.variables, 'wavecraft:run', '-Dwavecraft.port=0')
RpcTestClient client = null
def nameOfLevel = {
    client.call('getAllParameters', null).getAsJsonObject('result').getAsJsonArray('parameters')
            .find { it.get('id').asString == 'level' }?.get('name')?.asString
}
try {
    client = RpcTestClient.connect(maven.awaitWatching(Duration.ofMinutes(3)))
    assert nameOfLevel() == 'Level of templated-level'

    // As editors save: the whole file at once, through a rename (staged beside the project, never inside it).
    def staged = File.createTempFile('Names', '.staged', basedir.parentFile)
    staged.text = edited
    Files.move(staged.toPath(), template.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)

    // Only a name changes, so the parameter list may not: poll the name, bounded.
    Waits.waitFor('the edited name', Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).untilAsserted {
        assert nameOfLevel() == 'Loudness of templated-level' : "the edited template reached the server\n${maven.output()}"
    }
} finally {
    client?.close()
    maven.close()
}
