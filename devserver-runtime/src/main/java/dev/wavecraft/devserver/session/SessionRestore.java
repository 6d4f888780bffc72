package dev.wavecraft.devserver.session;

import dev.wavecraft.devserver.compare.CompareSettings;
import dev.wavecraft.devserver.params.AppliedValues;
import dev.wavecraft.devserver.params.ParameterHost;
import dev.wavecraft.protocol.options.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Brings back what the last run left: its values, set through {@link ParameterHost#apply} (so a
 * value that no longer fits is clamped or dropped and reported, as after a reload), its input,
 * unless the server was started with another {@code wavecraft.input} than that run (the user
 * changed it on purpose) or the input was a WAV file that is gone, and its compare settings, which
 * the server sets once compare exists ({@code CompareController#restore}): on, listening and match
 * loudness as they were, against this run's default A.
 */
public final class SessionRestore {

    private SessionRestore() {
    }

    /**
     * What came back.
     *
     * @param input what plays from the start
     * @param values what became of the stored values
     * @param inputNote why the last run's input does not play again, if it does not
     * @param compare the last run's compare settings, when its session kept readable ones
     * @param compareNote why they do not come back, when the session kept unreadable ones
     */
    public record Restored(SessionFile file, InputSpec input, AppliedValues values, Optional<String> inputNote,
            Optional<CompareSettings> compare, Optional<String> compareNote) {

        /** One line for the terminal. */
        public String describe() {
            return "Session restored from " + file.path() + ": " + values.describe() + "; input "
                    + inputNote.orElse(input.format()) + compareText()
                    + ". -Dwavecraft.restoreSession=false starts fresh.";
        }

        /** Compare only when it was touched: a run that never used it leaves it as a server starts. */
        private String compareText() {
            if (compareNote.isPresent()) {
                return "; " + compareNote.get();
            }
            return compare.filter(settings -> !settings.equals(CompareSettings.OFF))
                    .map(settings -> "; " + settings.describe()
                            + (settings.enabled() ? " (A is the generation this run starts with)" : ""))
                    .orElse("");
        }
    }

    /**
     * @param configured the input the server was started with
     * @return nothing when there is no session to restore
     * @throws IOException when the file is there but cannot be read
     */
    public static Optional<Restored> restore(SessionFile file, ParameterHost parameters, InputSpec configured)
            throws IOException {
        Optional<Session> read = file.read();
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Session session = read.get();
        AppliedValues values = parameters.apply(session.values(), null);
        InputSpec input = configured;
        Optional<String> note = Optional.empty();
        if (session.input() != null && configured.format().equals(session.configuredInput())) {
            try {
                InputSpec last = InputSpec.parse(session.input());
                if (last.kind() == InputSpec.Kind.WAV && !Files.isReadable(last.path())) {
                    note = Optional.of(configured.format() + " (the last run's " + last.path() + " is gone)");
                } else {
                    input = last;
                }
            } catch (IllegalArgumentException e) {
                note = Optional.of(configured.format() + " (the last run's input cannot be read: " + e.getMessage()
                        + ")");
            }
        } else if (session.input() != null) {
            note = Optional.of(configured.format() + " (wavecraft.input changed since the last run)");
        }
        Optional<CompareSettings> compare = Optional.empty();
        Optional<String> compareNote = Optional.empty();
        if (session.compare() != null) {
            try {
                compare = Optional.of(session.compare().settings());
            } catch (IllegalArgumentException e) {
                compareNote = Optional.of("compare off (the last run's compare settings cannot be read: "
                        + e.getMessage() + ")");
            }
        }
        return Optional.of(new Restored(file, input, values, note, compare, compareNote));
    }
}
