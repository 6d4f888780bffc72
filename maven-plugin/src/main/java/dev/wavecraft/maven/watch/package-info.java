/**
 * Noticing saves. {@link SourceWatcher} runs the {@code wavecraft-watcher} thread: file events from
 * io.methvin's directory-watcher (inotify on Linux, FSEvents on macOS; {@code FileEvents}, handed
 * over through an {@code EventInbox}), or polling when inotify's limits are reached, are only hints
 * of where to look ({@code ChangeHints}); after the {@code Debouncer}'s quiet period the hinted
 * files, or all of them after an OVERFLOW, are compared with a {@code Snapshot} of content hashes,
 * and a real change is reported once as a {@link ChangeSet} to a {@link ChangeListener}.
 * {@link WatchSettings} and {@code WatchedPaths} say which roots, directories and files count
 * (editor temp files and {@code target/} never do). {@link HeldChanges} keeps reports until the
 * reload loop exists. What a change set leads to is {@code rebuild}'s.
 */
package dev.wavecraft.maven.watch;
