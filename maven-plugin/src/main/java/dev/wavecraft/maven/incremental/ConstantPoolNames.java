package dev.wavecraft.maven.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every class a class file names in its constant pool: the classes it instantiates, casts to,
 * calls and reads fields of, and those inside the descriptors and generic signatures of its own
 * members, of the members it uses, of its annotations and of its local variables. A string
 * constant that happens to look like a descriptor adds a name too; one class recompiled more than
 * needed is the price of never missing one.
 */
final class ConstantPoolNames {

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    /** Characters before an {@code L} that starts a class type in a descriptor or signature: primitive types too. */
    private static final String TYPE_STARTS_AFTER = "([);<>:^+-*BCDFIJSZV";
    private static final String NOT_IN_A_NAME = ".[()>: \t\n";

    private ConstantPoolNames() {
    }

    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] texts = new String[count];
        List<Integer> classNameIndexes = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> texts[index] = in.readUTF();
                case CLASS -> classNameIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipBytes(2); // String, MethodType, Module, Package: a text index
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // numbers, member refs, name and type, dynamic
                case 15 -> in.skipBytes(3); // method handle
                case 5, 6 -> {
                    in.skipBytes(8); // long and double take two entries
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNameIndexes) {
            String name = texts[index];
            if (name != null && !name.startsWith("[")) {
                names.add(name);
            }
        }
        for (String text : texts) {
            if (text != null) {
                addTypesIn(text, names);
            }
        }
        return names;
    }

    /** Adds the class of each {@code L<name>;} or {@code L<name><} in a descriptor or signature. */
    static void addTypesIn(String text, Set<String> names) {
        int start = text.indexOf('L');
        while (start >= 0) {
            int end = start + 1;
            if (start == 0 || TYPE_STARTS_AFTER.indexOf(text.charAt(start - 1)) >= 0) {
                while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<'
                        && NOT_IN_A_NAME.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (end < text.length() && end > start + 1 && NOT_IN_A_NAME.indexOf(text.charAt(end)) < 0) {
                    names.add(text.substring(start + 1, end));
                } else {
                    end = start + 1;
                }
            }
            start = text.indexOf('L', end);
        }
    }
}
