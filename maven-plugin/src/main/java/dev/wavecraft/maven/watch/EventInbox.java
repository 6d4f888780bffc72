package dev.wavecraft.maven.watch;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands what the file-event thread hears over to the watcher thread, which owns everything else.
 * At most {@link #MAX_UNREAD} events wait; past that only the fact that some were lost is kept, and
 * the watcher answers it with a full rescan, as it answers an OVERFLOW. So a watcher thread held by
 * its listener does not pile up events without bound, and past a thousand paths one rescan is no
 * slower than looking at each.
 */
final class EventInbox implements DirectoryChangeListener {

    static final int MAX_UNREAD = 1024;

    /** What arrived since the last {@link #take}: events and failures, and whether any were lost. */
    record Mail(List<DirectoryChangeEvent> events, List<Exception> failures, boolean lost) {
    }

    /** Exactly one of the two is set. */
    private record Note(DirectoryChangeEvent event, Exception failure) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Queue<Note> notes = new ArrayDeque<>();
    private boolean lost;

    /** On the file-event thread. */
    @Override
    public void onEvent(DirectoryChangeEvent event) {
        put(new Note(event, null));
    }

    /** On the file-event thread: a directory it could not watch, or a failure of its own. */
    @Override
    public void onException(Exception e) {
        put(new Note(null, e));
    }

    /**
     * Waits until something arrived or {@code wakeUp} (a {@link System#nanoTime()}) passed, then
     * takes everything there is.
     */
    Mail take(long wakeUp) throws InterruptedException {
        List<Note> taken;
        boolean anyLost;
        lock.lock();
        try {
            long left = wakeUp - System.nanoTime();
            while (notes.isEmpty() && !lost && left > 0) {
                left = arrived.awaitNanos(left);
            }
            taken = List.copyOf(notes);
            notes.clear();
            anyLost = lost;
            lost = false;
        } finally {
            lock.unlock();
        }
        List<DirectoryChangeEvent> events = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (Note note : taken) {
            if (note.event() != null) {
                events.add(note.event());
            } else {
                failures.add(note.failure());
            }
        }
        return new Mail(events, failures, anyLost);
    }

    private void put(Note note) {
        lock.lock();
        try {
            // A failure is rare, and a rescan would not answer it: it is always kept.
            if (notes.size() < MAX_UNREAD || note.failure() != null) {
                notes.add(note);
            } else {
                lost = true;
            }
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }
}
