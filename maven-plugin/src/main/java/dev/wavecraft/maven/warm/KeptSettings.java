package dev.wavecraft.maven.warm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.SettingsBuilder;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingResult;
import org.apache.maven.settings.building.SettingsProblem;

/**
 * Maven's settings builder, keeping the settings it read for the life of the container while
 * builds ask for the same files with the same properties: a change to a settings file drops the
 * container. Each build gets its own copy of the settings, as from a fresh read. Only the last
 * request is kept, so properties that changed from build to build would cost a read, not memory.
 */
final class KeptSettings implements SettingsBuilder {

    private final SettingsBuilder builder = new DefaultSettingsBuilderFactory().newInstance();
    private volatile Read last;
    private volatile int reads;

    @Override
    public SettingsBuildingResult build(SettingsBuildingRequest request) throws SettingsBuildingException {
        if (request.getUserSettingsSource() != null || request.getGlobalSettingsSource() != null) {
            // Settings given as text or a URL, not files: nothing whose change this could see.
            return builder.build(request);
        }
        List<Object> key = List.of(String.valueOf(request.getGlobalSettingsFile()),
                String.valueOf(request.getUserSettingsFile()), copy(request.getSystemProperties()),
                copy(request.getUserProperties()));
        Read read = last;
        if (read == null || !read.key().equals(key)) {
            read = new Read(key, builder.build(request));
            last = read;
            reads++;
        }
        return new Result(read.result().getEffectiveSettings().clone(), read.result().getProblems());
    }

    /** How many times the settings files were read. */
    int reads() {
        return reads;
    }

    private static Map<Object, Object> copy(Map<Object, Object> properties) {
        return properties == null ? Map.of() : new HashMap<>(properties);
    }

    private record Read(List<Object> key, SettingsBuildingResult result) {
    }

    private record Result(Settings effectiveSettings, List<SettingsProblem> problems) implements SettingsBuildingResult {

        @Override
        public Settings getEffectiveSettings() {
            return effectiveSettings;
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return problems;
        }
    }
}
