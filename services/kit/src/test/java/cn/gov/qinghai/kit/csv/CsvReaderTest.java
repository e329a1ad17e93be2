package cn.gov.qinghai.kit.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 4180 reading, blank lines, byte-order marks and the UTF-8 / GB 18030 decision. */
class CsvReaderTest {

    @Test
    void readsQuotedFieldsCrlfBomAndSkipsBlankLines() throws Exception {
        CsvReader csv =
                CsvReader.of(new StringReader("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,3"));
        assertEquals(List.of("a", "b", "c"), csv.next());
        assertEquals(List.of("x, y", "say \"hi\"", "two\nlines"), csv.next());
        assertEquals(List.of("1", "", "3"), csv.next());
        assertNull(csv.next());
    }

    @Test
    void aGb18030FileIsReadAsGb18030AndAUtf8FileWithOrWithoutBomAsUtf8() throws Exception {
        String text = "id_number,name,county\n630102199001011234,张三,630102\n";
        byte[] gb = text.getBytes(CsvEncoding.GB18030);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(gb, utf8, bom)) {
            CsvReader csv = CsvReader.open(new ByteArrayInputStream(bytes));
            assertEquals(List.of("id_number", "name", "county"), csv.next());
            assertEquals(List.of("630102199001011234", "张三", "630102"), csv.next());
        }
        assertEquals(CsvEncoding.GB18030, CsvEncoding.detect(gb, gb.length));
        assertEquals(StandardCharsets.UTF_8, CsvEncoding.detect(utf8, utf8.length));
        // a UTF-8 character cut off by the end of the sniffed prefix does not make the file GB 18030
        assertEquals(StandardCharsets.UTF_8, CsvEncoding.detect(utf8, utf8.length - 12));
    }

    @Test
    void oneLineAndAHeaderedFile() {
        assertEquals(
                List.of("630102199001011234", "王, 五", "630102"),
                CsvReader.fields("630102199001011234,\"王, 五\",630102"));
        assertEquals(List.of("a", "", ""), CsvReader.fields("a,,"));
        assertEquals(List.of(Map.of("id", "1", "name", "x")), CsvReader.withHeader("id,name\n1,x\n"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CsvReader.withHeader("id,name\n1\n"));
        assertEquals("CSV record 1 has 1 fields, header has 2", e.getMessage());
    }
}
