package dev.wavecraft.devserver.reload;

import dev.wavecraft.protocol.reload.LayoutChange;
import dev.wavecraft.protocol.reload.StageChange;

/**
 * A generation that went live, how its parameters (and a chain's stages) related to the previous ones, and how long it took.
 *
 * @param heard whether the audio thread took it up within its bound; false while that thread is stuck
 * @param stageChange the stages of a signal chain it added or removed
 */
public record Swap(Generation generation, LayoutChange change, long reloadMs, String warning, boolean heard,
        StageChange stageChange) {
}
