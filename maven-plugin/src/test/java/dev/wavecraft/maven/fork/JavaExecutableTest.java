package dev.wavecraft.maven.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaExecutableTest {

    @TempDir
    Path temp;

    @Test
    void usesTheJdkRunningMavenWithoutAToolchain() throws Exception {
        String javaHome = System.getProperty("java.home");

        assertThat(JavaExecutable.find(Optional.empty(), javaHome, "Linux"))
                .isEqualTo(Path.of(javaHome, "bin", "java"));
    }

    @Test
    void prefersTheToolchainsJava() throws Exception {
        Path toolchainJava = executable(temp.resolve("jdk-21/bin/java"));

        assertThat(JavaExecutable.find(Optional.of(toolchainJava.toString()), System.getProperty("java.home"), "Linux"))
                .isEqualTo(toolchainJava);
    }

    @Test
    void looksForJavaExeOnWindows() throws Exception {
        Path javaExe = executable(temp.resolve("jdk/bin/java.exe"));

        assertThat(JavaExecutable.find(Optional.empty(), temp.resolve("jdk").toString(), "Windows 11"))
                .isEqualTo(javaExe);
    }

    @Test
    void explainsAMissingLauncher() {
        assertThatThrownBy(() -> JavaExecutable.find(Optional.empty(), temp.resolve("nojdk").toString(), "Linux"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContainingAll("No Java launcher at", "nojdk", "JAVA_HOME", "toolchains.xml");
    }

    @Test
    void readsTheFeatureVersionFromTheJdksReleaseFile() throws Exception {
        Path java = executable(temp.resolve("jdk/bin/java"));
        Files.writeString(temp.resolve("jdk/release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");

        assertThat(JavaExecutable.featureVersion(java)).isEqualTo(25);
        assertThat(JavaExecutable.featureVersion(Path.of(System.getProperty("java.home"), "bin", "java")))
                .isEqualTo(Runtime.version().feature());
        assertThat(JavaExecutable.featureVersion(temp.resolve("elsewhere/bin/java"))).isZero();
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }
}
