package dev.wavecraft.maven.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the top-level POM by walking up through the modules lists, as Quarkus's workspace discovery does. */
class BuildScopeTest {

    @TempDir
    Path temp;

    @Test
    void buildsAModuleOfAReactorFromTheTopLevelPomWithTheModulesItDependsOn() throws IOException {
        Path root = temp.resolve("audio");
        pom(root, "<modules><module>dsp</module><module>plugin</module></modules>");
        pom(root.resolve("dsp"), "");
        Path plugin = pom(root.resolve("plugin"), "");

        BuildScope scope = BuildScope.of(plugin);

        assertThat(scope.directory()).isEqualTo(root);
        assertThat(scope.pom()).isEqualTo(root.resolve("pom.xml"));
        assertThat(scope.module()).contains("plugin");
    }

    @Test
    void walksUpThroughNestedAggregatorsAndProfileModules() throws IOException {
        Path root = temp.resolve("checkout");
        pom(root, "<profiles><profile><id>all</id><modules><module>effects/</module></modules></profile></profiles>");
        pom(root.resolve("effects"), "<modules><module>./delay/pom.xml</module></modules>");
        Path delay = pom(root.resolve("effects/delay"), "");

        BuildScope scope = BuildScope.of(delay);

        assertThat(scope.directory()).isEqualTo(root);
        assertThat(scope.module()).contains("effects/delay");
    }

    @Test
    void aModuleThatNoPomAboveListsIsItsOwnRoot() throws IOException {
        pom(temp, "<modules><module>other</module></modules>");
        Path gain = pom(temp.resolve("gain"), "");

        BuildScope scope = BuildScope.of(gain);

        assertThat(scope.directory()).isEqualTo(temp.resolve("gain"));
        assertThat(scope.pom()).isEqualTo(gain);
        assertThat(scope.module()).isEqualTo(Optional.empty());
    }

    @Test
    void anUnreadablePomAboveEndsTheWalk() throws IOException {
        Files.writeString(temp.resolve("pom.xml"), "<project><modules><module>gain</modules>");
        Path gain = pom(temp.resolve("gain"), "");

        assertThat(BuildScope.of(gain).directory()).isEqualTo(temp.resolve("gain"));
    }

    @Test
    void theMultiModuleDirectoryIsTheNearestWithAMvnFolder() throws IOException {
        Path root = temp.resolve("audio");
        pom(root, "<modules><module>plugin</module></modules>");
        Path plugin = pom(root.resolve("plugin"), "");
        assertThat(BuildScope.of(plugin).multiModuleDirectory()).isEqualTo(root);

        Files.createDirectories(temp.resolve(".mvn"));
        assertThat(BuildScope.of(plugin).multiModuleDirectory()).isEqualTo(temp);
    }

    private static Path pom(Path directory, String body) throws IOException {
        Files.createDirectories(directory);
        return Files.writeString(directory.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>it</groupId><artifactId>" + directory.getFileName() + "</artifactId><version>1</version>"
                + body + "</project>");
    }
}
