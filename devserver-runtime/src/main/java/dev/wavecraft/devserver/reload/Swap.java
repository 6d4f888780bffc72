package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.LayoutChange;

/** A generation that went live, how its parameters related to the previous ones, and how long it took. */
public record Swap(Generation generation, LayoutChange change, long reloadMs, String warning) {
}
