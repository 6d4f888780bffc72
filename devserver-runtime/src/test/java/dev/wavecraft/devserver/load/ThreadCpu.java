package dev.wavecraft.devserver.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** CPU time of this JVM's threads, grouped by name with the numbers taken out ("HttpClient-#-Worker-#"). */
final class ThreadCpu {

    private final Map<String, Long> nanosByGroup;

    private ThreadCpu(Map<String, Long> nanosByGroup) {
        this.nanosByGroup = nanosByGroup;
    }

    static ThreadCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byGroup.merge(info.getThreadName().replaceAll("[0-9]+", "#"), nanos, Long::sum);
            }
        }
        return new ThreadCpu(byGroup);
    }

    /** The groups that used the most CPU since {@code before}, as seconds and share of {@code wallSeconds}. */
    String since(ThreadCpu before, double wallSeconds, int groups) {
        Map<String, Long> used = new HashMap<>();
        nanosByGroup.forEach((group, nanos) -> used.put(group, nanos - before.nanosByGroup.getOrDefault(group, 0L)));
        return used.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(groups)
                .map(entry -> String.format(Locale.ROOT, "%s %.1f s (%.0f%%)", entry.getKey(), entry.getValue() / 1e9,
                        100 * entry.getValue() / 1e9 / wallSeconds))
                .collect(Collectors.joining(", "));
    }
}
