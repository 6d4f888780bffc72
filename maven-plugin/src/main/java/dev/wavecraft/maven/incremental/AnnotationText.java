package dev.wavecraft.maven.incremental;

import java.lang.reflect.Array;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * An annotation's values written out as text, nested annotations and arrays included, into one
 * buffer; {@code ended} runs when ASM has visited all of them.
 */
final class AnnotationText extends AnnotationVisitor {

    private final StringBuilder text;
    private final Runnable ended;

    AnnotationText(StringBuilder text, Runnable ended) {
        super(Opcodes.ASM9);
        this.text = text;
        this.ended = ended;
    }

    @Override
    public void visit(String name, Object value) {
        text.append(name).append('=').append(render(value)).append(',');
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        text.append(name).append('=').append(descriptor).append('.').append(value).append(',');
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
        text.append(name).append("=@").append(descriptor).append('(');
        return new AnnotationText(text, () -> text.append("),"));
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        text.append(name).append("=[");
        return new AnnotationText(text, () -> text.append("],"));
    }

    @Override
    public void visitEnd() {
        ended.run();
    }

    /** Primitive arrays (an {@code int[]} value) element by element, class literals by descriptor. */
    private static String render(Object value) {
        if (value instanceof Type type) {
            return type.getDescriptor();
        }
        if (value != null && value.getClass().isArray()) {
            StringBuilder elements = new StringBuilder("{");
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.append(Array.get(value, i)).append(',');
            }
            return elements.append('}').toString();
        }
        return String.valueOf(value);
    }
}
