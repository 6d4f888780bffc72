package dev.wavecraft.maven.bench;

import dev.wavecraft.maven.it.ExampleCopy;

/**
 * The example grown to {@code stages} generated source files of a realistic size that use each
 * other: stage {@code i} calls stages {@code i / 2} and {@code i / 3}, every stage uses
 * {@code Shared}, and the processor uses the last stage. The processor is a leaf (nothing uses
 * it); {@code Shared} is the class every other one uses.
 */
final class GeneratedModule {

    static final String SHARED = "src/main/java/com/example/gain/gen/Shared.java";
    private static final int STAGES_PER_PACKAGE = 50;

    private final ExampleCopy project;
    private final int stages;
    private int sharedBody;
    private int sharedApi;

    private GeneratedModule(ExampleCopy project, int stages) {
        this.project = project;
        this.stages = stages;
    }

    static GeneratedModule write(ExampleCopy project, int stages) {
        GeneratedModule module = new GeneratedModule(project, stages);
        for (int i = 0; i < stages; i++) {
            project.write("src/main/java/" + qualifiedName(i).replace('.', '/') + ".java", stage(i));
        }
        module.writeShared();
        module.editProcessor(0);
        return module;
    }

    /** Files in the module, the processor and {@code Shared} included. */
    int files() {
        return stages + 2;
    }

    /** An edit of the leaf: the processor's parameters. */
    void editProcessor(int edit) {
        project.write(ExampleCopy.PROCESSOR, BenchSources.processorReturning(
                "List.of(FloatParameter.of(\"gain\", \"Gain " + edit + "\", -60, 12, 0), FloatParameter.of(\"stages\","
                        + " \"Stages \" + " + qualifiedName(stages - 1) + ".peak(new float[] {1}), 0, 1, 0))"));
    }

    /** A change inside a method body of the class every stage uses: its users need no compile. */
    void editSharedBody(int edit) {
        sharedBody = edit;
        writeShared();
    }

    /** A change of the API of the class every stage uses (a method replaced): its users compile again. */
    void editSharedApi(int edit) {
        sharedApi = edit;
        writeShared();
    }

    private void writeShared() {
        project.write(SHARED, """
                package com.example.gain.gen;

                /** What every stage uses. */
                public final class Shared {

                    private Shared() {
                    }

                    public static float shape(float x) {
                        return (float) Math.tanh(x * 0.5f + %d * 1e-9f);
                    }

                    public static int version%d() {
                        return %d;
                    }
                }
                """.formatted(sharedBody, sharedApi, sharedApi));
    }

    private static String qualifiedName(int stage) {
        return "com.example.gain.gen.g" + stage / STAGES_PER_PACKAGE + ".Stage" + stage;
    }

    private static String stage(int i) {
        String name = "Stage" + i;
        String uses = i == 0 ? "0" : qualifiedName(i / 2) + ".peak(history) + " + qualifiedName(i / 3) + ".peak(history)";
        return """
                package com.example.gain.gen.g%d;

                import com.example.gain.gen.Shared;

                /** Stage %d of the benchmark's generated processing graph. */
                public final class %s {

                    private final float[] history = new float[64];
                    private float gain = 1;
                    private int position;

                    public float process(float x) {
                        float y = Shared.shape(x) * gain;
                        history[position] = y;
                        position = (position + 1) %% history.length;
                        return y + 0.001f * (%s);
                    }

                    public static float peak(float[] samples) {
                        float peak = 0;
                        for (float sample : samples) {
                            peak = Math.max(peak, Math.abs(sample));
                        }
                        return peak;
                    }

                    public float average() {
                        float sum = 0;
                        for (float sample : history) {
                            sum += sample;
                        }
                        return sum / history.length;
                    }

                    public void setGain(float gain) {
                        if (gain < 0 || gain > 4) {
                            throw new IllegalArgumentException("gain out of range: " + gain);
                        }
                        this.gain = gain;
                    }

                    @Override
                    public String toString() {
                        return "%s[gain=" + gain + ", average=" + average() + "]";
                    }
                }
                """.formatted(i / STAGES_PER_PACKAGE, i, name, uses, name);
    }
}
