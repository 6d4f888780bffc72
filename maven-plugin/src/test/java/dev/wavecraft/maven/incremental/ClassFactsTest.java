package dev.wavecraft.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is read of a class compiled by javac: the API its users compile against, its constants, what it names. */
class ClassFactsTest {

    private static final String GAIN = "com/example/Gain.java";
    private static final String TEMPLATE = """
            package com.example;

            import java.util.List;

            public class Gain {
                public static final float UNITY = %s;
                private int calls;

                public float apply(%s) {
                    calls++;
                    return %s;
                }

                private void helper() {
                    %s
                }

                public static class Meter {
                }
            }
            """;

    @TempDir
    Path temp;

    private JavaSources module;

    @BeforeEach
    void createModule() throws IOException {
        module = new JavaSources(temp);
    }

    @Test
    void aChangedMethodBodyOrPrivateMemberLeavesTheApiAsItWas() throws IOException {
        ClassFacts before = compileGain("1f", "float in", "in * UNITY", "");

        ClassFacts after = compileGain("1f", "float in", "in * UNITY * 2 + List.of(1).size()", "Runnable r = () -> { };");

        assertThat(after.abi()).isEqualTo(before.abi());
        assertThat(after.constants()).isEqualTo(before.constants());
    }

    @Test
    void aChangedSignatureChangesTheApiButNotTheConstants() throws IOException {
        ClassFacts before = compileGain("1f", "float in", "in", "");

        ClassFacts after = compileGain("1f", "double in", "(float) in", "");

        assertThat(after.abi()).isNotEqualTo(before.abi());
        assertThat(after.constants()).isEqualTo(before.constants());
    }

    @Test
    void aChangedConstantValueChangesTheConstantsOnly() throws IOException {
        ClassFacts before = compileGain("1f", "float in", "in", "");

        ClassFacts after = compileGain("0.5f", "float in", "in", "");

        assertThat(after.constants()).isNotEqualTo(before.constants()).isNotEmpty();
        assertThat(after.abi()).isEqualTo(before.abi());
    }

    @Test
    void namesTheSourceFileTheSupertypesAndWhetherItIsNested() throws IOException {
        compileGain("1f", "float in", "in", "");

        ClassFacts gain = module.facts("com/example/Gain");
        ClassFacts meter = module.facts("com/example/Gain$Meter");

        assertThat(gain.sourceFile()).isEqualTo("Gain.java");
        assertThat(gain.nested()).isFalse();
        assertThat(gain.supertypes()).containsExactly("java/lang/Object");
        assertThat(meter.sourceFile()).isEqualTo("Gain.java");
        assertThat(meter.nested()).isTrue();
        assertThat(meter.packagePath()).isEqualTo("com/example");
    }

    @Test
    void referencesEveryClassTheCodeSignaturesAndAnnotationsName() throws IOException {
        module.compileAll(java.util.Map.of(
                "com/example/Level.java", "package com.example; public class Level { }",
                "com/example/Marker.java", "package com.example; public @interface Marker { Class<?> value(); }",
                "com/example/Source.java", "package com.example; public class Source { public static Level make() { return null; } }",
                "com/example/User.java", """
                        package com.example;
                        import java.util.List;
                        @Marker(Level.class)
                        public class User {
                            List<Level> levels;
                            void use() { Object level = Source.make(); }
                        }
                        """));

        ClassFacts user = module.facts("com/example/User");

        assertThat(user.references()).contains("com/example/Level", "com/example/Marker", "com/example/Source",
                "java/util/List").doesNotContain("com/example/User");
    }

    private ClassFacts compileGain(String unity, String parameter, String result, String helperBody) throws IOException {
        module.write(GAIN, TEMPLATE.formatted(unity, parameter, result, helperBody));
        module.compile(GAIN);
        return module.facts("com/example/Gain");
    }
}
