package dev.quarry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.exec.lookup.LookupTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading lookup tables from CSV text written by each test (constructed, not copied from any table). */
class LookupCsvTest {
    @TempDir
    Path dir;

    private LookupTable read(String text) throws IOException {
        Path file = dir.resolve("t.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return LookupCsv.read(file, Lookups.MAX_FILE_BYTES);
    }

    @Test
    void headerAndRows() throws IOException {
        LookupTable t = read("a,b\n1,2\n3,4\n");
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.cell(1, 0)).isEqualTo("3");
        assertThat(t.cell(1, 1)).isEqualTo("4");
    }

    @Test
    void quotedCommaQuoteAndLineBreak() throws IOException {
        LookupTable t = read("k,v\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"\r\"\n");
        assertThat(t.size()).isEqualTo(4);
        assertThat(t.cell(0, 1)).isEqualTo("a, b");
        assertThat(t.cell(1, 1)).isEqualTo("say \"hi\"");
        assertThat(t.cell(2, 1)).isEqualTo("two\nlines");
        assertThat(t.cell(3, 1)).isEqualTo("\r");
    }

    @Test
    void spacesAroundUnquotedFieldsDropped() throws IOException {
        LookupTable t = read("domain, isDyn\n*.example.org*, True\nx,\" padded \"\n");
        assertThat(t.columns()).containsExactly("domain", "isDyn");
        assertThat(t.cell(0, 1)).isEqualTo("True");
        assertThat(t.cell(1, 1)).isEqualTo(" padded ");
    }

    @Test
    void byteOrderMarkAndCrlf() throws IOException {
        LookupTable t = read("\uFEFFGUID,Category\r\n{0cce9210},System\r\n");
        assertThat(t.columns()).containsExactly("GUID", "Category");
        assertThat(t.cell(0, 1)).isEqualTo("System");
    }

    @Test
    void emptyShortLongAndBlankRows() throws IOException {
        LookupTable t = read("a,b,c\n1,,3\n\n4\n5,6,7,8\n,,\n");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.cell(0, 1)).isNull();
        assertThat(t.cell(1, 0)).isEqualTo("4");
        assertThat(t.cell(1, 2)).isNull();
        assertThat(t.cell(2, 2)).isEqualTo("7");
    }

    @Test
    void columnWithEmptyNameSkipped() throws IOException {
        LookupTable t = read("a,,b,\n1,x,2,y\n");
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.cell(0, 1)).isEqualTo("2");
    }

    @Test
    void headerOnlyIsAnEmptyTable() throws IOException {
        assertThat(read("a,b").size()).isZero();
    }

    @Test
    void emptyFileRejected() {
        assertThatThrownBy(() -> read("")).isInstanceOf(LookupException.class)
                .hasMessageContaining("is empty; expected a header row");
    }

    @Test
    void duplicateColumnRejected() {
        assertThatThrownBy(() -> read("a,b,a\n1,2,3\n")).isInstanceOf(LookupException.class)
                .hasMessageContaining("has the column name [a] twice");
    }

    @Test
    void unterminatedQuoteReportsWhereParsingStopped() {
        assertThatThrownBy(() -> read("a,b\n1,2\n\"open,3\n")).isInstanceOf(LookupException.class)
                .hasMessageContaining("invalid CSV in lookup file")
                .hasMessageContaining("line 4: Missing closing quote");
    }

    @Test
    void fileOverLimitRejected() throws IOException {
        Path file = dir.resolve("big.csv");
        Files.writeString(file, "a\n" + "x\n".repeat(100));
        assertThatThrownBy(() -> LookupCsv.read(file, 100)).isInstanceOf(LookupException.class)
                .hasMessageContaining("is 202 bytes, over the limit of 100 bytes");
    }

    @Test
    void missingFileRejected() {
        assertThatThrownBy(() -> LookupCsv.read(dir.resolve("none.csv"), 100)).isInstanceOf(LookupException.class)
                .hasMessageContaining("lookup file not found");
    }
}
