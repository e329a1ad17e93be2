package cn.gov.qinghai.kit.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The one way the platform reads CSV: RFC 4180 (quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF) parsed by Apache Commons CSV, one record at a time so a file of any size is read in constant memory.
 * Blank lines are skipped and a UTF-8 byte-order mark is dropped; {@link #open(InputStream)} decides the encoding
 * through {@link CsvEncoding}. Lenient where spreadsheets are sloppy: text after a closing quote is kept, and a quote
 * left open at the end of the file closes there.
 */
public final class CsvReader implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .setLenientEof(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvReader(Reader in) throws IOException {
        this.parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    /** Reads text already decoded (a leading byte-order mark is dropped). */
    public static CsvReader of(Reader in) throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return new CsvReader(pushback);
    }

    /** Reads an uploaded file, its encoding (UTF-8, with or without BOM, or GB 18030) decided by {@link CsvEncoding}. */
    public static CsvReader open(InputStream in) throws IOException {
        return of(CsvEncoding.reader(in));
    }

    /** The next record's fields, or null at the end of input. Lines holding only white space are skipped. */
    public List<String> next() throws IOException {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                return record.toList();
            }
            return null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The fields of one line of CSV text (for readers that split a byte stream into lines themselves). */
    public static List<String> fields(String line) {
        if (line.indexOf('"') < 0) {
            // RFC 4180 without quotes is just its commas; skips building a parser per line of a million-row import
            return List.of(line.split(",", -1));
        }
        try (CsvReader csv = of(new StringReader(line))) {
            List<String> fields = csv.next();
            return fields == null ? List.of("") : fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A whole small file with a header row, as maps keyed by the header in file order. Fails on a record whose
     * field count differs from the header's.
     */
    public static List<Map<String, String>> withHeader(String text) {
        try (CsvReader csv = of(new StringReader(text))) {
            List<String> header = csv.next();
            List<Map<String, String>> rows = new ArrayList<>();
            if (header == null) {
                return rows;
            }
            int n = 0;
            for (List<String> r = csv.next(); r != null; r = csv.next()) {
                n++;
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException(
                            "CSV record " + n + " has " + r.size() + " fields, header has " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    row.put(header.get(c), r.get(c));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
