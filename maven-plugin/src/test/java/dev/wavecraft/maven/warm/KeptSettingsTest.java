package dev.wavecraft.maven.warm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptSettingsTest {

    @TempDir
    Path directory;

    private final KeptSettings settings = new KeptSettings();

    @Test
    void readsTheFilesOnceForRepeatedRequestsAndGivesEachBuildItsOwnCopy() throws Exception {
        Path user = written("<settings><localRepository>${repository.root}/repository</localRepository></settings>");

        Settings first = settings.build(request(user, "/first")).getEffectiveSettings();
        first.setLocalRepository("changed by a plugin");
        Settings second = settings.build(request(user, "/first")).getEffectiveSettings();

        assertThat(settings.reads()).isEqualTo(1);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getLocalRepository()).isEqualTo("/first/repository");
    }

    @Test
    void readsAgainWhenTheRequestsPropertiesDiffer() throws Exception {
        Path user = written("<settings><localRepository>${repository.root}/repository</localRepository></settings>");

        settings.build(request(user, "/first"));
        Settings other = settings.build(request(user, "/second")).getEffectiveSettings();

        assertThat(settings.reads()).isEqualTo(2);
        assertThat(other.getLocalRepository()).isEqualTo("/second/repository");
    }

    private Path written(String content) throws Exception {
        return Files.writeString(directory.resolve("settings.xml"), content);
    }

    private static SettingsBuildingRequest request(Path userSettings, String repositoryRoot) {
        Properties user = new Properties();
        user.setProperty("repository.root", repositoryRoot);
        return new DefaultSettingsBuildingRequest()
                .setUserSettingsFile(userSettings.toFile())
                .setSystemProperties(new Properties())
                .setUserProperties(user);
    }
}
