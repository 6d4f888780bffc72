package dev.wavecraft.maven.incremental;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

/**
 * Writes down, while ASM reads a class file without its code, what other classes compile against:
 * the class's flags, generic signature and supertypes; its non-private, non-synthetic fields and
 * methods with their flags, signatures, exceptions and annotations; its member classes, permitted
 * subclasses and record components. Private members, synthetic members (lambda bodies, accessors)
 * and method bodies are left out, so that a change inside a method leaves the digest as it was.
 * Members are sorted: moving a method within its class changes nothing for its users. Constant
 * values are kept apart, because a changed constant needs more than the classes naming its owner.
 */
final class AbiRecorder extends ClassVisitor {

    private static final int API = Opcodes.ASM9;

    private final List<String> header = new ArrayList<>();
    private final SortedSet<String> members = new TreeSet<>();
    private final SortedSet<String> constants = new TreeSet<>();
    private String name;
    private final List<String> supertypes = new ArrayList<>();
    private String sourceFile;
    private boolean nested;

    AbiRecorder() {
        super(API);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.name = name;
        if (superName != null) {
            supertypes.add(superName);
        }
        if (interfaces != null) {
            supertypes.addAll(Arrays.asList(interfaces));
        }
        header.add("class " + access + " " + name + " " + signature + " " + superName + " "
                + Arrays.toString(interfaces));
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
    }

    @Override
    public void visitInnerClass(String innerName, String outerName, String simpleName, int access) {
        if (innerName.equals(name)) {
            // Its own entry carries the flags a nested class has in source: static, private, protected.
            nested = true;
            header.add("nested " + access + " " + outerName + " " + simpleName);
        } else if (name.equals(outerName)) {
            members.add("member " + innerName + " " + access);
        }
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        members.add("permits " + permittedSubclass);
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String component, String descriptor, String signature) {
        members.add("component " + component + " " + descriptor + " " + signature);
        return null;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return annotation("class", descriptor);
    }

    @Override
    public FieldVisitor visitField(int access, String field, String descriptor, String signature, Object value) {
        if (hidden(access)) {
            return null;
        }
        String id = "field " + field + " " + descriptor;
        members.add(id + " " + access + " " + signature);
        if (value != null) {
            constants.add(id + " " + value.getClass().getSimpleName() + " " + value);
        }
        return new FieldVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(id, annotation);
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
            String[] exceptions) {
        if (hidden(access) || method.equals("<clinit>")) {
            return null;
        }
        String id = "method " + method + descriptor;
        members.add(id + " " + access + " " + signature + " " + Arrays.toString(exceptions));
        return new MethodVisitor(API) {
            @Override
            public AnnotationVisitor visitAnnotationDefault() {
                StringBuilder text = new StringBuilder(id + " default ");
                return new AnnotationText(text, () -> members.add(text.toString()));
            }

            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(id, annotation);
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                return annotation(id + " parameter " + parameter, annotation);
            }
        };
    }

    private static boolean hidden(int access) {
        return (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) != 0;
    }

    private AnnotationVisitor annotation(String on, String descriptor) {
        StringBuilder text = new StringBuilder(on + " @" + descriptor + "(");
        return new AnnotationText(text, () -> members.add(text.append(')').toString()));
    }

    /** The facts, once ASM has read the whole class; {@code references} come from its constant pool. */
    ClassFacts facts(Set<String> references) {
        List<String> abi = new ArrayList<>(header);
        abi.addAll(members);
        Set<String> others = new TreeSet<>(references);
        others.remove(name);
        return new ClassFacts(name, supertypes, sourceFile, nested, digest(abi),
                constants.isEmpty() ? "" : digest(constants), others);
    }

    private static String digest(Iterable<String> lines) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
