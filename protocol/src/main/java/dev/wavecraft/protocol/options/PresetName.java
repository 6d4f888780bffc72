package dev.wavecraft.protocol.options;

import java.util.regex.Pattern;

/**
 * The rule for a preset's name, which is also its file name ({@code <name>.json}): letters, digits,
 * {@code -}, {@code _} and spaces, at most {@value #MAX_LENGTH} characters, not blank and not
 * starting or ending with a space. One rule for the dev server, the render goal and its mojo.
 */
public final class PresetName {

    public static final int MAX_LENGTH = 64;

    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}_-]([\\p{L}\\p{N} _-]*[\\p{L}\\p{N}_-])?");

    private PresetName() {
    }

    /**
     * @return the name as given
     * @throws IllegalArgumentException saying which characters a name may have
     */
    public static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A preset needs a name");
        }
        if (name.length() > MAX_LENGTH || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' cannot name a preset: use letters, digits, '-', '_'"
                    + " and spaces (not first or last), at most " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
