package dev.wavecraft.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The classes inside descriptors and generic signatures, as they appear in a constant pool. */
class ConstantPoolNamesTest {

    @Test
    void findsTheClassesOfAMethodDescriptorAndAnArray() {
        assertThat(typesIn("(ILcom/example/Level;[Lcom/example/Meter;JLcom/example/IL;)Ljava/util/List;"))
                .containsExactly("com/example/IL", "com/example/Level", "com/example/Meter", "java/util/List");
    }

    @Test
    void findsTheClassesOfAGenericSignatureButNotItsTypeVariables() {
        assertThat(typesIn("<T:Ljava/lang/Object;>(Ljava/util/Map<TT;Lcom/example/Gain$Stage;>;)TT;"))
                .containsExactly("com/example/Gain$Stage", "java/lang/Object", "java/util/Map");
    }

    @Test
    void ordinaryTextNamesNoClass() {
        assertThat(typesIn("Level is too Loud (clipping)")).isEmpty();
    }

    private static Set<String> typesIn(String text) {
        Set<String> names = new TreeSet<>();
        ConstantPoolNames.addTypesIn(text, names);
        return names;
    }
}
