package dev.wavecraft.maven.incremental;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * What the fast compile path knows of one compiled class.
 *
 * @param name the internal name, {@code com/example/Outer$Inner}
 * @param supertypes the superclass and the interfaces, as internal names
 * @param sourceFile the class file's SourceFile attribute ({@code Outer.java}), null when compiled without it
 * @param nested whether it is a member, local or anonymous class
 * @param abi a digest of what other classes compile against: its non-private signatures, supertypes,
 *     annotations and member classes
 * @param constants a digest of its constant values, empty when it has none: a constant is copied into
 *     the classes that use it, which then no longer name its class
 * @param references every class its constant pool names
 */
record ClassFacts(String name, List<String> supertypes, String sourceFile, boolean nested, String abi,
        String constants, Set<String> references) {

    ClassFacts {
        supertypes = List.copyOf(supertypes);
        references = Set.copyOf(references);
    }

    static ClassFacts read(byte[] classFile) throws IOException {
        AbiRecorder recorder = new AbiRecorder();
        try {
            new ClassReader(classFile).accept(recorder, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // ASM reports a malformed or half-written file with unchecked exceptions.
            throw new IOException("not a readable class file (" + e + ")", e);
        }
        return recorder.facts(ConstantPoolNames.of(classFile));
    }

    boolean hasConstants() {
        return !constants.isEmpty();
    }

    /** The package as a path, {@code com/example}; empty for the unnamed package. */
    String packagePath() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    /** The name a source refers to a class by: {@code Inner} for {@code com/example/Outer$Inner}. */
    static String simpleName(String internalName) {
        String last = internalName.substring(internalName.lastIndexOf('/') + 1);
        return last.substring(last.lastIndexOf('$') + 1);
    }
}
