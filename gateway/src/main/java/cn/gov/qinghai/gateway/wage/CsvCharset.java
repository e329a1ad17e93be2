package cn.gov.qinghai.gateway.wage;

import cn.gov.qinghai.kit.csv.CsvEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * The portal's name for the kit's one encoding rule ({@link CsvEncoding}): a UTF-8 mark means UTF-8; otherwise the
 * first {@value #SNIFF} bytes decide (plain ASCII or valid UTF-8 is UTF-8, anything else GB18030), read strictly so a
 * GBK name after an ASCII start is refused by name instead of becoming "����".
 */
final class CsvCharset {

    static final int SNIFF = CsvEncoding.SNIFF_BYTES;
    static final Charset GB18030 = CsvEncoding.GB18030;

    private CsvCharset() {}

    /** The reader of an upload, in the encoding its first bytes show; the UTF-8 byte-order mark is consumed. */
    static Reader reader(InputStream upload) throws IOException {
        return CsvEncoding.reader(upload);
    }

    static Charset detect(byte[] head, int length) {
        return CsvEncoding.detect(head, length);
    }
}
