/**
 * Files the dev server keeps for the user (the session under {@code target/wavecraft}, presets in
 * the project's sources): written whole or not at all, so a crash or a kill mid-write never leaves
 * half a file where a good one was.
 */
package dev.wavecraft.devserver.files;
