package dev.wavecraft.devserver.presets;

import java.time.Instant;
import java.util.Map;

/**
 * One saved preset.
 *
 * @param processor the class of the processor it was saved from, for the person reading the file
 * @param values parameter values by id; a value that is not a number in the file is null here, so
 *     that setting it reports it as dropped
 */
public record Preset(String name, Instant savedAt, String processor, Map<String, Double> values) {
}
