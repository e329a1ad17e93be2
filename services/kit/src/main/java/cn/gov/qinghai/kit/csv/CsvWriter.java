package cn.gov.qinghai.kit.csv;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one way the platform writes CSV for download: RFC 4180 quoting, CRLF line ends, and every cell that a
 * spreadsheet would evaluate made inert (OWASP "CSV Injection"). A cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and Numbers show
 * the text instead of running it; the whole cell is then quoted, so the apostrophe cannot be split off.
 *
 * <p>Decision: a cell that is exactly a plain decimal number ({@code -12.50}, {@code +3}) is left as it is. It is
 * not a formula in any spreadsheet, and a year-on-year change of {@code -0.2500} must stay a number for the people
 * who sum the column. Everything else that starts with a trigger character, including {@code -1+1} and
 * {@code -2+3+cmd|' /C calc'!A0}, is neutralised.
 */
public final class CsvWriter {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final String TRIGGERS = "=+-@\t\r";

    private CsvWriter() {}

    /** One cell, neutralised and quoted as needed; {@code null} is an empty cell. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        boolean neutralised = false;
        if (TRIGGERS.indexOf(v.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(v).matches()) {
            v = "'" + v;
            neutralised = true;
        }
        if (neutralised || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** One record: the cells joined by commas, ending in CRLF. */
    public static String row(List<String> cells) {
        return joined(cells) + "\r\n";
    }

    /** The cells of one record joined by commas, without the line end (for writers that add their own). */
    public static String joined(List<String> cells) {
        return cells.stream().map(CsvWriter::cell).collect(Collectors.joining(","));
    }

    /** One record: the cells joined by commas, ending in CRLF. */
    public static String row(String... cells) {
        return row(Arrays.asList(cells));
    }
}
