/**
 * Files either JVM keeps for the user or for the other side (the session and presets, the reload
 * history, the state and secret files of {@code start}): written whole or not at all, so a crash or
 * a kill mid-write never leaves half a file where a good one was.
 */
package dev.wavecraft.protocol.files;
