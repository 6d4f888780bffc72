package dev.wavecraft.maven.incremental;

import java.util.Map;

/**
 * One run of the build's lifecycle within a rebuild, and how its compile is to go.
 *
 * @param reason why it compiles this way, for the debug log
 */
public record Pass(Mode mode, String reason) {

    /** maven-compiler-plugin's switch to compile only the sources without an up-to-date class. */
    static final String STALE_SOURCES_ONLY = "maven.compiler.useIncrementalCompilation";

    public enum Mode {
        /** The build as it would run without the fast path: the compiler plugin decides. */
        MAVEN_DECIDES,
        /** Every class of the dev loop's modules removed first, so that everything compiles. */
        WHOLE_MODULES,
        /** Only the sources whose classes were removed, because they or what they use changed. */
        CHANGED_AND_DEPENDENTS
    }

    /**
     * The properties the pass's Maven runs with, besides the rebuild's own. (The warm build JVM
     * ends a build's {@code -D} properties with it, so none reaches a later pass.)
     */
    public Map<String, String> properties() {
        return mode == Mode.CHANGED_AND_DEPENDENTS ? Map.of(STALE_SOURCES_ONLY, "false") : Map.of();
    }
}
