package dev.wavecraft.maven.bench;

/** The Java sources the benchmark's edits write. */
final class BenchSources {

    /** The processor's instance methods, which close the class. */
    private static final String PROCESS = """
                public List<Parameter> parameters() {
                    return declared();
                }
                public void process(AudioBlock block, ParameterValues values) {
                }
            }
            """;

    private BenchSources() {
    }

    /** The example processor with parameters named after edit {@code edit}: each edit changes the list. */
    static String processor(int edit) {
        return processorReturning(parameterList(edit));
    }

    /** The example processor whose parameters are {@code parameters} (a Java expression). */
    static String processorReturning(String parameters) {
        return source("com.example.gain", "GainProcessor implements Processor", parameters) + PROCESS;
    }

    /** The example processor with a compile error on its parameter line. */
    static String brokenProcessor(int edit) {
        return processorReturning(parameterList(edit) + " +");
    }

    /** A class {@code name} in {@code packageName} whose {@code declared()} returns the parameters of edit {@code edit}. */
    static String parameterDeclarations(String packageName, String name, int edit) {
        return source(packageName, name, parameterList(edit)) + "}\n";
    }

    /** The gain parameter and {@code edit % 3 + 1} numbered ones named after the edit. */
    private static String parameterList(int edit) {
        StringBuilder parameters = new StringBuilder("List.of(FloatParameter.of(\"gain\", \"Gain\", -60, 12, 0)");
        for (int i = 0; i < edit % 3 + 1; i++) {
            parameters.append(", FloatParameter.of(\"p").append(i).append("\", \"Edit ").append(edit)
                    .append("\", 0, 1, 0)");
        }
        return parameters.append(')').toString();
    }

    /** A class whose static {@code declared()} returns {@code parameters}, left open for more members. */
    private static String source(String packageName, String declaration, String parameters) {
        return """
                package %s;

                import dev.wavecraft.api.*;
                import java.util.List;

                public final class %s {
                    public static List<Parameter> declared() {
                        return %s;
                    }
                """.formatted(packageName, declaration, parameters);
    }
}
