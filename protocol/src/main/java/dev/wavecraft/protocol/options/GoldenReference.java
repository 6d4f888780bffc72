package dev.wavecraft.protocol.options;

import java.nio.file.Path;

/**
 * The golden file a render is checked against: the render fails when the peak of its difference
 * from {@code file} is above {@code toleranceDb} (dBFS). With {@code update}, the render replaces
 * the file instead, on purpose.
 */
public record GoldenReference(Path file, double toleranceDb, boolean update) {

    public static final double DEFAULT_TOLERANCE_DB = -90;

    /** @throws IllegalArgumentException when the tolerance is not a level in dBFS */
    public GoldenReference {
        if (!(toleranceDb <= 0)) {
            throw new IllegalArgumentException("The tolerance is the largest allowed peak of the difference in dBFS,"
                    + " 0 or below (e.g. -90), not " + toleranceDb);
        }
    }
}
