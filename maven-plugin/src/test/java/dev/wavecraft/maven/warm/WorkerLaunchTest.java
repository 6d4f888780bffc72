package dev.wavecraft.maven.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerLaunchTest {

    private static final String MAVEN_3_CONF = String.join("\n",
            "main is org.apache.maven.cli.MavenCli from plexus.core",
            "",
            "set maven.conf default ${maven.home}/conf",
            "",
            "[plexus.core]",
            "load       ${maven.conf}/logging",
            "optionally ${maven.home}/lib/ext/*.jar",
            "load       ${maven.home}/lib/*.jar");

    @Test
    void startsTheWorkerInsteadOfMavensCliAndLoadsItIntoTheCoreRealm() throws Exception {
        String conf = WorkerLaunch.classworldsConfiguration(MAVEN_3_CONF, Path.of("/plugins/wavecraft.jar"));

        assertThat(conf.lines()).startsWith("main is dev.wavecraft.maven.warm.WarmMavenWorker from plexus.core")
                .containsSubsequence("[plexus.core]", "load /plugins/wavecraft.jar", "load       ${maven.home}/lib/*.jar")
                .doesNotContain(WorkerLaunch.MAVEN_MAIN);
    }

    @Test
    void refusesAConfigurationThatDoesNotStartMaven3sCli() {
        String maven4 = MAVEN_3_CONF.replace("org.apache.maven.cli.MavenCli", "org.apache.maven.cling.MavenCling");

        assertThatThrownBy(() -> WorkerLaunch.classworldsConfiguration(maven4, Path.of("/w.jar")))
                .isInstanceOf(WarmMavenUnavailable.class)
                .hasMessageContaining("does not start org.apache.maven.cli.MavenCli");
    }
}
