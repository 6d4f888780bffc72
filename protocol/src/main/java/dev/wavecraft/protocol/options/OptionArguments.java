package dev.wavecraft.protocol.options;

/** Reading the values of the option records' command-line form, with one message per kind of value. */
final class OptionArguments {

    private OptionArguments() {
    }

    static long wholeNumber(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Argument " + name + " takes a whole number, not '" + value + "'");
        }
    }

    static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Argument " + name + " takes a number, not '" + value + "'");
        }
    }

    static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("Argument " + name + " takes true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }
}
