package dev.wavecraft.maven.bench;

import dev.wavecraft.maven.it.ExampleCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reactor of three modules in a line: {@code core} declares the parameters, {@code dsp} hands
 * them on, and the example as {@code gain} returns dsp's. Edits go to the bottom module, core.
 */
final class ThreeModuleReactor {

    private static final String PARAMS = "core/src/main/java/com/example/core/Params.java";

    private final Path root;

    private ThreeModuleReactor(Path root) {
        this.root = root;
    }

    static ThreeModuleReactor write(Path root) throws IOException {
        ExampleCopy gain = ExampleCopy.of(root.resolve("gain"));
        String pom = gain.read("pom.xml");
        write(root.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId>"
                + "<artifactId>reactor</artifactId><version>1.0-SNAPSHOT</version><packaging>pom</packaging>"
                + "<modules><module>core</module><module>dsp</module><module>gain</module></modules></project>");
        write(root.resolve("core/pom.xml"), module(pom, "core", null));
        write(root.resolve("dsp/pom.xml"), module(pom, "dsp", "core"));
        gain.write("pom.xml", module(pom, "gain", "dsp"));
        write(root.resolve("dsp/src/main/java/com/example/dsp/Chain.java"), """
                package com.example.dsp;

                import dev.wavecraft.api.Parameter;
                import java.util.List;

                public final class Chain {
                    public static List<Parameter> declared() {
                        return com.example.core.Params.declared();
                    }
                }
                """);
        gain.write(ExampleCopy.PROCESSOR, BenchSources.processorReturning("com.example.dsp.Chain.declared()"));
        ThreeModuleReactor reactor = new ThreeModuleReactor(root);
        reactor.editBottom(0);
        return reactor;
    }

    Path root() {
        return root;
    }

    /** Changes the parameters that core declares. */
    void editBottom(int edit) {
        write(root.resolve(PARAMS), BenchSources.parameterDeclarations("com.example.core", "Params", edit));
    }

    /** The example's POM as module {@code artifactId}, depending on the module {@code dependsOn} when given. */
    private static String module(String examplePom, String artifactId, String dependsOn) {
        String pom = examplePom.replace("<artifactId>gain</artifactId>", "<artifactId>" + artifactId + "</artifactId>");
        return dependsOn == null ? pom : pom.replace("<dependencies>", "<dependencies><dependency><groupId>com.example"
                + "</groupId><artifactId>" + dependsOn + "</artifactId><version>1.0-SNAPSHOT</version></dependency>");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
