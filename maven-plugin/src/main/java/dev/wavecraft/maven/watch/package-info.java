/**
 * Noticing saves. {@link SourceWatcher} runs the {@code wavecraft-watcher} thread: WatchService
 * events (or polling when inotify's limits are reached) are only hints of where to look
 * ({@code ChangeHints}, {@code DirectoryWatches}); after the {@code Debouncer}'s quiet period the
 * hinted files, or all of them after an OVERFLOW, are compared with a {@code Snapshot} of content
 * hashes, and a real change is reported once as a {@link ChangeSet} to a {@link ChangeListener}.
 * {@link WatchSettings} and {@code WatchedPaths} say which roots and files count (editor temp files
 * and {@code target/} never do). {@link HeldChanges} keeps reports until the reload loop exists.
 * What a change set leads to is {@code rebuild}'s.
 */
package dev.wavecraft.maven.watch;
