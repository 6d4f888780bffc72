package dev.wavecraft.maven.watch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Holds what the watcher reports while nothing can act on it yet (the dev server is still
 * starting), then hands it on in order once a listener is there, and everything after it at once.
 * So the watcher can be armed before the server is announced and no save is lost in between.
 */
public final class HeldChanges implements ChangeListener {

    private final List<Runnable> held = new ArrayList<>();
    private ChangeListener target;

    @Override
    public void changed(ChangeSet changes) {
        deliver(listener -> listener.changed(changes));
    }

    @Override
    public void skipped(Set<Path> touched) {
        deliver(listener -> listener.skipped(touched));
    }

    /** From now on {@code listener} gets every report, first those held so far. */
    public void release(ChangeListener listener) {
        List<Runnable> pending;
        synchronized (this) {
            target = listener;
            pending = List.copyOf(held);
            held.clear();
        }
        pending.forEach(Runnable::run);
    }

    private void deliver(Consumer<ChangeListener> call) {
        ChangeListener current;
        synchronized (this) {
            current = target;
            if (current == null) {
                held.add(() -> call.accept(target));
                return;
            }
        }
        call.accept(current);
    }
}
