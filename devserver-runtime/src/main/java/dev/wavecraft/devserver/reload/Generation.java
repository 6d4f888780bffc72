package dev.wavecraft.devserver.reload;

import dev.wavecraft.devserver.processor.LoadedProcessor;
import java.time.Instant;

/** One loaded version of the project's processor. */
public record Generation(int number, LoadedProcessor processor, Instant liveSince) {
}
