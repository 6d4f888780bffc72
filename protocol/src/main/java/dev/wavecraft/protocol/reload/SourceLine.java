package dev.wavecraft.protocol.reload;

/** One numbered line of a source file, shown around a diagnostic. */
public record SourceLine(int line, String text) {
}
