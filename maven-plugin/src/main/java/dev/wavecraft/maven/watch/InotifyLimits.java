package dev.wavecraft.maven.watch;

import dev.wavecraft.protocol.failure.FailureText;
import java.io.IOException;
import java.util.Optional;

/** Recognises Linux's inotify limits in the JDK's messages, and says how to raise them. */
final class InotifyLimits {

    private InotifyLimits() {
    }

    /** A warning for the user when {@code e} is an inotify limit, else empty. */
    static Optional<String> warningFor(IOException e, String fallback) {
        String message = String.valueOf(FailureText.of(e));
        // The JDK's own wording (LinuxWatchService): ENOSPC on inotify_add_watch, EMFILE on inotify_init.
        if (message.contains("inotify watches")) {
            return Optional.of(warning(message, "watches", "fs.inotify.max_user_watches=524288", fallback));
        }
        if (message.contains("inotify instances")) {
            return Optional.of(warning(message, "instances", "fs.inotify.max_user_instances=1024", fallback));
        }
        return Optional.empty();
    }

    private static String warning(String message, String what, String setting, String fallback) {
        return "Cannot watch the sources for changes: the Linux limit of inotify " + what + " is reached (" + message
                + "). " + fallback + " To watch instead, raise the limit with 'sudo sysctl " + setting
                + "' (add the setting to /etc/sysctl.conf to keep it).";
    }
}
