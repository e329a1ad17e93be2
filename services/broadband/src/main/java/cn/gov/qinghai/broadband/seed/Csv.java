package cn.gov.qinghai.broadband.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 reader for the seed CSVs (quoted fields, doubled quotes, LF line ends, a header row). */
public final class Csv {
    private Csv() {
    }

    /** Rows as maps keyed by the header, in file order. Fails on a row whose field count differs from the header. */
    public static List<Map<String, String>> read(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != header.size()) {
                throw new IllegalArgumentException("CSV record " + i + " has " + r.size() + " fields, header has "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), r.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n') {
                record.add(field.toString());
                out.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else if (ch != '\r') {
                field.append(ch);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }
}
