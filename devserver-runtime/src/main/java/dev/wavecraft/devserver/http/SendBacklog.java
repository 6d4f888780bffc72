package dev.wavecraft.devserver.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one client has been sent that is not yet written to its socket, bounded in frames and in
 * bytes. Undertow would queue without end for a client that stops reading, holding the heap and
 * making its I/O thread walk an ever longer queue on every write; past either bound the client
 * has fallen behind.
 */
final class SendBacklog {

    static final int DEFAULT_MAX_FRAMES = 1_000;
    static final long DEFAULT_MAX_BYTES = 1L << 20;

    private final int maxFrames;
    private final long maxBytes;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    SendBacklog(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    static SendBacklog withDefaults() {
        return new SendBacklog(DEFAULT_MAX_FRAMES, DEFAULT_MAX_BYTES);
    }

    /** Counts a frame of {@code size} bytes in; false, counting nothing, when it would pass a bound. */
    boolean tryAdd(int size) {
        int framesNow = frames.incrementAndGet();
        long bytesNow = bytes.addAndGet(size);
        if (framesNow > maxFrames || bytesNow > maxBytes) {
            written(size);
            return false;
        }
        return true;
    }

    /** A frame counted in has been written to the socket, or will never be. */
    void written(int size) {
        frames.decrementAndGet();
        bytes.addAndGet(-size);
    }

    /** The bounds in words, for close reasons and log lines: "1000 frames or 1 MiB". */
    String bounds() {
        String size = maxBytes % (1L << 20) == 0 ? (maxBytes >> 20) + " MiB"
                : maxBytes % 1024 == 0 ? (maxBytes >> 10) + " KiB" : maxBytes + " bytes";
        return maxFrames + " frames or " + size;
    }
}
