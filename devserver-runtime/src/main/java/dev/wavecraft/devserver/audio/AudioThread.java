package dev.wavecraft.devserver.audio;

import dev.wavecraft.devserver.processor.CallWatch;
import java.time.Duration;
import java.util.Optional;

/**
 * One {@code wavecraft-audio} thread with what it alone touches: its {@link AudioLoop}, its
 * {@link ProcessorSwitch}, its {@link LiveNotes} and the {@link CallWatch} around each {@code process()}. When a call
 * hangs, the watchdog stops this one and starts a fresh one; should the stuck call ever return,
 * its thread finds itself stopped and leaves without touching the new one's state.
 */
final class AudioThread {

    private final ProcessorSwitch processors;
    private final CallWatch watch;
    private final AudioLoop loop;
    private final LiveNotes notes;
    private final Thread thread;

    AudioThread(ProcessorSwitch processors, CallWatch watch, AudioLoop loop, LiveNotes notes) {
        this.processors = processors;
        this.watch = watch;
        this.loop = loop;
        this.notes = notes;
        this.thread = new Thread(loop, "wavecraft-audio");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        thread.start();
    }

    /** Any thread: queues a prepared runner to be swapped in at the next block boundary. */
    void offer(ProcessorRunner runner) {
        processors.offer(runner);
    }

    /** Any thread: the runner offered and not taken up yet, which it no longer waits for; null when none. */
    ProcessorRunner takeWaiting() {
        return processors.takeWaiting();
    }

    /** The {@code process()} call in progress when it has run longer than {@code limit}. */
    Optional<CallWatch.Call> overdue(Duration limit) {
        return watch.overdue(limit);
    }

    /** The input it plays, for the thread that takes over; null before it started. */
    InputSource playing() {
        return loop.playing();
    }

    /** The notes this thread takes from the inbox and keeps held. */
    LiveNotes notes() {
        return notes;
    }

    StackTraceElement[] stack() {
        return thread.getStackTrace();
    }

    /** Asks the loop to end after its current block; a thread stuck in that block is left to itself. */
    void stop() {
        loop.stop();
        thread.interrupt();
    }

    void join(Duration wait) throws InterruptedException {
        thread.join(wait.toMillis());
    }
}
