package cn.gov.qinghai.gateway.wage;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time (quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF), so a payroll of any size is read with constant memory. A UTF-8 byte-order mark is skipped.
 */
final class CsvReader {

    private final Reader in;
    private int peeked = -2;
    private boolean first = true;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of input. Blank lines are skipped. */
    List<String> next() throws IOException {
        while (true) {
            List<String> record = readRecord();
            if (record == null) {
                return null;
            }
            if (!(record.size() == 1 && record.get(0).isBlank())) {
                return record;
            }
        }
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    break;
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int n = read();
                    if (n != '\n') {
                        peeked = n;
                    }
                }
                break;
            } else {
                field.append((char) c);
            }
            c = read();
        }
        fields.add(field.toString());
        return fields;
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }
}
