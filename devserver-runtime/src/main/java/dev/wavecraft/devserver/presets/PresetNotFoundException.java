package dev.wavecraft.devserver.presets;

/** No preset has the name asked for; the message names those that exist. */
public final class PresetNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    PresetNotFoundException(String message) {
        super(message, null, false, false);
    }
}
