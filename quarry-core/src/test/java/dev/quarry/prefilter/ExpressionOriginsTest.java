package dev.quarry.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.spl.Spl;
import org.junit.jupiter.api.Test;

/** Which eval expressions keep their result a run of the raw text. */
class ExpressionOriginsTest {
    private static Origin of(String expression) {
        return ExpressionOrigins.of(Spl.parseExpression(expression), name -> Origin.RAW);
    }

    @Test
    void fieldCopiesAndCaseChangesAreRaw() {
        assertThat(of("Image").raw()).isTrue();
        assertThat(of("lower(Image)").raw()).isTrue();
        assertThat(of("coalesce(ComputerName, aid)").raw()).isTrue();
    }

    @Test
    void fileNameOfAPathIsRaw() {
        assertThat(of("replace(Image, \"^.*[\\\\\\\\/]\", \"\")").unknown()).isFalse();
    }

    @Test
    void firstTokenOfACommandLineIsRaw() {
        assertThat(of("replace(process,\"^\\s*([^\\s]+).*\",\"\\1\")").unknown()).isFalse();
    }

    @Test
    void replacementsThatJoinTextAreUnknown() {
        assertThat(of("replace(x, \"X\", \"\")").unknown()).isTrue();
        assertThat(of("replace(x, \"^(a)(b)\", \"\\2\\1\")").unknown()).isTrue();
        assertThat(of("replace(x, \"^a|b\", \"\")").unknown()).isTrue();
        assertThat(of("replace(x, \"\\\\\\\\REGISTRY\\\\\\\\MACHINE\", \"HKLM\")").unknown()).isTrue();
    }

    @Test
    void constantsAndConditionals() {
        assertThat(of("\"allowed\"").constants()).containsExactly("allowed");
        Origin o = of("if(isnull(dest) OR dest=\"\",\"unknown\",dest)");
        assertThat(o.raw()).isTrue();
        assertThat(o.constants()).containsExactly("unknown");
    }

    @Test
    void conversionsAreUnknown() {
        assertThat(of("tonumber(NewProcessId, 16)").unknown()).isTrue();
        assertThat(of("a . b").unknown()).isTrue();
    }
}
