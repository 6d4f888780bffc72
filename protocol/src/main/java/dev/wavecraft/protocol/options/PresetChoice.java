package dev.wavecraft.protocol.options;

import java.nio.file.Path;

/**
 * A preset by name, in the folder where the project keeps its presets
 * ({@code src/main/wavecraft/presets} by default).
 */
public record PresetChoice(Path directory, String name) {

    /** @throws IllegalArgumentException when the name is not a safe file name ({@link PresetName}) */
    public PresetChoice {
        if (directory == null) {
            throw new IllegalArgumentException("A preset needs the folder it is kept in");
        }
        PresetName.check(name);
    }
}
