package dev.wavecraft.maven.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every report (and what the changed files held at that moment) and every warning, for bounded waits. */
final class RecordingListener implements ChangeListener {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** One call: a change set or a skip, with the contents of the changed files as the listener saw them. */
    record Report(ChangeSet changes, Set<Path> skipped, Map<Path, String> contents, Thread thread) {
    }

    final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    final BlockingQueue<String> warnings = new LinkedBlockingQueue<>();

    @Override
    public void changed(ChangeSet changes) {
        Map<Path, String> contents = new HashMap<>();
        for (Path path : changes.all()) {
            try {
                contents.put(path, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // deleted: no content
            }
        }
        reports.add(new Report(changes, null, contents, Thread.currentThread()));
    }

    @Override
    public void skipped(Set<Path> touched) {
        reports.add(new Report(null, touched, Map.of(), Thread.currentThread()));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    Report next() throws InterruptedException {
        return next(WAIT);
    }

    Report next(Duration timeout) throws InterruptedException {
        Report report = reports.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (report == null) {
            fail("Nothing was reported within " + timeout.toMillis() + " ms");
        }
        return report;
    }

    ChangeSet nextChange() throws InterruptedException {
        return nextChange(WAIT);
    }

    ChangeSet nextChange(Duration timeout) throws InterruptedException {
        Report report = next(timeout);
        assertThat(report.changes()).as("a change set, not a skip of %s", report.skipped()).isNotNull();
        return report.changes();
    }

    Set<Path> nextSkip() throws InterruptedException {
        Report report = next();
        assertThat(report.skipped()).as("a skip, not the change set %s", report.changes()).isNotNull();
        return report.skipped();
    }

    /** For "exactly one" checks: waits longer than the longest adaptive quiet period for anything more. */
    void assertNothingMoreWithin(Duration timeout) throws InterruptedException {
        Report report = reports.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(report).as("no further report").isNull();
    }
}
