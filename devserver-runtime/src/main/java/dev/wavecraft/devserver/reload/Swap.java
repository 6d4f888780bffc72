package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.LayoutChange;

/**
 * A generation that went live, how its parameters related to the previous ones, and how long it took.
 *
 * @param heard whether the audio thread took it up within its bound; false while that thread is stuck
 */
public record Swap(Generation generation, LayoutChange change, long reloadMs, String warning, boolean heard) {
}
