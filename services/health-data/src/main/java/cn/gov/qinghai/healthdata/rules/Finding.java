package cn.gov.qinghai.healthdata.rules;

import cn.gov.qinghai.health.v1.QualityFinding;
import java.util.ArrayList;
import java.util.List;

/**
 * A data-quality finding (80号 二(一)1 数据质量): the record is stored, the finding says what is doubtful. Stored as
 * one line per finding, {@code code TAB field TAB message}.
 */
public record Finding(String code, String field, String message) {

    public QualityFinding toProto() {
        return QualityFinding.newBuilder()
                .setCode(code)
                .setField(field)
                .setMessage(message)
                .build();
    }

    public static String encode(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(clean(f.code))
                    .append('\t')
                    .append(clean(f.field))
                    .append('\t')
                    .append(clean(f.message));
        }
        return out.toString();
    }

    public static List<QualityFinding> decode(String stored) {
        List<QualityFinding> out = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return out;
        }
        for (String line : stored.split("\n")) {
            String[] p = line.split("\t", 3);
            out.add(new Finding(p[0], p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : "").toProto());
        }
        return out;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
