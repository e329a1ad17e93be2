package cn.gov.qinghai.kit.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one place that decides how an uploaded CSV's bytes are text. Files come from offices whose spreadsheets save
 * either UTF-8 (often with a byte-order mark: Excel's "CSV UTF-8") or the national GB 18030 encoding (Excel's plain
 * "CSV" on a Chinese Windows, which covers GBK and GB 2312). A UTF-8 BOM decides UTF-8; otherwise bytes that are valid
 * UTF-8 are UTF-8 and anything else is read as GB 18030. Decoding a GB 18030 file as UTF-8 would turn every Chinese
 * name into replacement characters, which is why the check is strict rather than lenient.
 */
public final class CsvEncoding {

    /** GB 18030-2005: a superset of GBK and GB 2312, every byte sequence of which maps to a character. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    /** How many leading bytes {@link #detect(byte[], int)} callers should look at. */
    public static final int SNIFF_BYTES = 64 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvEncoding() {}

    /** The charset of a file starting with {@code head[0..length)} (a prefix: a cut character at the end is fine). */
    public static Charset detect(byte[] head, int length) {
        if (hasBom(head, length)) {
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        try {
            // endOfInput=false: a multi-byte character cut off by the end of the prefix is underflow, not an error
            var result = utf8.decode(in, out, false);
            if (result.isError()) {
                result.throwException();
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    /**
     * A reader of an uploaded file in the encoding its first {@link #SNIFF_BYTES} bytes show, the UTF-8 byte-order
     * mark consumed. Decoding is strict: a byte sequence invalid in the chosen encoding (a GBK name after an ASCII
     * start read as UTF-8) fails with a {@link CharacterCodingException} instead of turning into "����".
     */
    public static Reader reader(InputStream upload) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, SNIFF_BYTES);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        Charset charset = detect(head, head.length);
        if (hasBom(head, head.length)) {
            in.skipNBytes(BOM.length);
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /** Whether the bytes start with the UTF-8 byte-order mark. */
    public static boolean hasBom(byte[] head, int length) {
        return length >= 3 && head[0] == BOM[0] && head[1] == BOM[1] && head[2] == BOM[2];
    }

    /** {@code text} without a leading byte-order mark (U+FEFF), as decoded from a BOM-carrying UTF-8 file. */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
