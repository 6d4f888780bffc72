package dev.wavecraft.api;

import java.util.regex.Pattern;

/**
 * One named stage of a {@link Chain}: its parameters appear as {@code <id>_<parameter id>}, grouped
 * under {@code name}. Make one with {@link Chain#stage(String, Processor)}.
 *
 * @param id the stable id, such as {@code "input"}: values and state survive a reload when it does
 * @param name what the dashboard shows, such as {@code "Input Gain"}
 * @param processor what the stage runs; any processor, a chain as well
 */
public record Stage(String id, String name, Processor processor) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public Stage {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Stage id '" + id + "': use letters, digits, '_' and '-',"
                    + " starting with a letter or digit, such as \"input\" or \"osc2\"");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Stage '" + id + "': the name must not be blank");
        }
        if (processor == null) {
            throw new IllegalArgumentException("Stage '" + id + "': the processor must not be null");
        }
    }

    /** A stage named after its processor's class: {@code InputGain} shows as "Input Gain". */
    static Stage named(String id, Processor processor) {
        if (processor == null) {
            throw new IllegalArgumentException("Stage '" + id + "': the processor must not be null");
        }
        String simpleName = processor.getClass().getSimpleName();
        String name = simpleName.isEmpty() ? id : simpleName.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
        return new Stage(id, name, processor);
    }
}
