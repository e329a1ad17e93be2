package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.hotline.v1.Category;
import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.kit.params.Citation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One category of the 二(二) catalogue as read from {@code parameters/hotline_categories.yaml}.
 *
 * @param keywords lower-cased, matched as substrings of a lower-cased description
 */
public record CategoryDef(
        String code,
        Principle principle,
        String clause,
        String hotline,
        String nameZh,
        String nameEn,
        List<String> departments,
        List<String> keywords,
        Citation citation) {

    /** 紧急处置 and 联合处置 stay with 110: the answer is "call 110 now", never a ticket. */
    public boolean staysWith110() {
        return principle == Principle.EMERGENCY || principle == Principle.JOINT;
    }

    public Channel channel() {
        return switch (principle) {
            case EMERGENCY -> Channel.POLICE_110;
            case JOINT -> Channel.JOINT_DISPATCH;
            default -> Channel.HOTLINE_TICKET;
        };
    }

    @SuppressWarnings("unchecked")
    static CategoryDef fromYaml(Map<String, Object> m, Citation reference) {
        String code = (String) m.get("code");
        String clause = (String) m.get("clause");
        List<String> departments = (List<String>) m.getOrDefault("departments", List.of());
        List<String> keywords = ((List<String>) m.getOrDefault("keywords", List.of()))
                .stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        return new CategoryDef(
                code,
                Principle.valueOf((String) m.get("principle")),
                clause,
                (String) m.get("hotline"),
                (String) m.get("nameZh"),
                (String) m.get("nameEn"),
                List.copyOf(departments),
                keywords,
                new Citation(reference.document(), clause, reference.title(), ""));
    }

    public Category toProto() {
        return Category.newBuilder()
                .setCode(code)
                .setPrinciple(principle)
                .setChannel(channel())
                .setNameZh(nameZh)
                .setNameEn(nameEn)
                .setHotline(hotline)
                .addAllDepartments(departments)
                .addAllKeywords(keywords)
                .setCitation(citation.toProto())
                .build();
    }
}
