package cn.gov.qinghai.gateway.wage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of an uploaded CSV, found from its first bytes. Excel saves "CSV UTF-8" with a byte-order mark
 * and plain "CSV" on Chinese Windows in GB18030/GBK (no mark), so: a UTF-8 mark means UTF-8; otherwise the first
 * {@value #SNIFF} bytes decide — valid UTF-8 with non-ASCII text is UTF-8, anything else that is not ASCII is
 * GB18030 (a superset of GBK and GB2312). A start in plain ASCII cannot tell the two apart; it is read as strict
 * UTF-8, so a GBK name further down is refused by name ({@link CharacterCodingException}) instead of becoming "����".
 */
final class CsvCharset {

    /** Bytes looked at: about a thousand payroll rows, enough to meet the first name or region in Chinese. */
    static final int SNIFF = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    private CsvCharset() {
    }

    /** The reader of an upload, in the encoding its first bytes show; the UTF-8 byte-order mark is consumed. */
    static Reader reader(InputStream upload) throws IOException {
        BufferedInputStream in = new BufferedInputStream(upload, SNIFF);
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        Charset charset = detect(head, head.length);
        if (charset == StandardCharsets.UTF_8 && startsWithBom(head)) {
            in.skipNBytes(3);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    /** UTF-8 when marked, valid UTF-8 or plain ASCII; GB18030 otherwise. */
    static Charset detect(byte[] head, int length) {
        if (startsWithBom(head)) {
            return StandardCharsets.UTF_8;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (head[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return StandardCharsets.UTF_8;
        }
        // a multi-byte character cut at the end of the sniffed bytes is not an error: drop up to 3 trailing bytes
        for (int cut = 0; cut <= 3 && cut < length; cut++) {
            if (validUtf8(head, length - cut)) {
                return StandardCharsets.UTF_8;
            }
        }
        return GB18030;
    }

    private static boolean validUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWithBom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }
}
