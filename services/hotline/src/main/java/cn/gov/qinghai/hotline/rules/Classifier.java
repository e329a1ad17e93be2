package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.hotline.v1.Channel;
import cn.gov.qinghai.hotline.v1.Classification;
import cn.gov.qinghai.hotline.v1.HandOff;
import cn.gov.qinghai.hotline.v1.Principle;
import cn.gov.qinghai.hotline.v1.RegionRollout;
import cn.gov.qinghai.hotline.v1.RolloutStatus;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.Citation;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The channel decision of 青政办〔2017〕96号 二(二) for one matter:
 * <ol>
 *   <li>Place the matter in the catalogue: the category an operator chose, else the categories whose keywords the
 *   description contains. Any emergency match wins (二(二)1: the safe side), a joint
 *   category first because it also names the departments. One non-emergency category places it;
 *   none, or several, send it to a person (PERSON_REVIEW) — never guessed.</li>
 *   <li>The category's principle gives the channel: 紧急处置 → 110, 联合处置 → 110 一警多派 with the departments
 *   named, 分流转办 → a ticket through 12345 / 12315 / 12348.</li>
 *   <li>The hand-off mode of a diverted matter (二(二)3 allows two): where the region's 12345 runs 24 hours
 *   (三(一)) 110 transfers the call directly; where it does not, 110 tells the caller which number to dial.
 *   The national lines 12315 and 12348 always take direct transfers.</li>
 * </ol>
 */
@Singleton
public class Classifier {

    private static final String DOCUMENT = "青政办〔2017〕96号";
    private static final String TITLE = "关于进一步做好非警务报警与公共服务平台分流对接工作的通知";

    private final CategoryCatalogue catalogue;
    private final Rollout rollout;

    public Classifier(CategoryCatalogue catalogue, Rollout rollout) {
        this.catalogue = catalogue;
        this.rollout = rollout;
    }

    /**
     * Classifies a matter. {@code categoryCode} (may be null) must be a code of the catalogue in force on
     * {@code date}: callers validate it first ({@link CategoryCatalogue.Catalogue#find}).
     */
    public Classification classify(String description, String categoryCode, String region, LocalDate date) {
        CategoryCatalogue.Catalogue cat = catalogue.at(date);
        ExplanationBuilder why = new ExplanationBuilder();
        CategoryDef placed;
        List<String> matchedWords = new ArrayList<>();
        if (categoryCode != null) {
            placed = cat.find(categoryCode);
            why.step("类别由话务员选定 / Category chosen by the operator")
                    .formula("category = categoryCode")
                    .input("categoryCode", categoryCode)
                    .parameter(cat.parameter())
                    .result(placed.code())
                    .cite(placed.citation())
                    .add();
        } else {
            Map<CategoryDef, List<String>> hits = matches(cat, description);
            List<CategoryDef> emergencies =
                    hits.keySet().stream().filter(CategoryDef::staysWith110).toList();
            List<CategoryDef> others =
                    hits.keySet().stream().filter(c -> !c.staysWith110()).toList();
            List<CategoryDef> joint = emergencies.stream()
                    .filter(c -> c.principle() == Principle.JOINT)
                    .toList();
            placed = !joint.isEmpty()
                    ? joint.get(0)
                    : !emergencies.isEmpty() ? emergencies.get(0) : others.size() == 1 ? others.get(0) : null;
            hits.values().forEach(matchedWords::addAll);
            String result = placed != null
                    ? placed.code()
                    : others.isEmpty()
                            ? "NONE"
                            : "AMBIGUOUS "
                                    + others.stream().map(CategoryDef::code).toList();
            why.step("按类别目录关键词归类 / Placed by the catalogue's keywords")
                    .formula(
                            "emergency match (二(二)1/2) wins; else exactly one diverted category; else a person decides")
                    .input("matchedKeywords", String.join("、", matchedWords))
                    .input(
                            "matchedCategories",
                            hits.keySet().stream().map(CategoryDef::code).toList())
                    .parameter(cat.parameter())
                    .result(result)
                    .cite(Citation.of(DOCUMENT, "二(二)"))
                    .add();
            if (placed == null) {
                return personReview(others, matchedWords, why);
            }
        }
        return decide(placed, region, date, matchedWords, why);
    }

    private Classification decide(
            CategoryDef c, String region, LocalDate date, List<String> words, ExplanationBuilder why) {
        Classification.Builder out = Classification.newBuilder()
                .setChannel(c.channel())
                .setPrinciple(c.principle())
                .setCategoryCode(c.code())
                .setCategoryNameZh(c.nameZh())
                .setCategoryNameEn(c.nameEn())
                .setHotline(c.hotline())
                .addAllMatchedKeywords(words)
                .setCitation(c.citation().toProto());
        switch (c.principle()) {
            case EMERGENCY ->
                out.setCall110Now(true)
                        .setHandOff(HandOff.NOT_APPLICABLE)
                        .setReason("紧急处置：" + c.nameZh() + "由110立即受理并迅速派警处置，请立即拨打110。 / Emergency: " + c.nameEn()
                                + " — 110 accepts it at once and dispatches police. Call 110 now.");
            case JOINT ->
                out.setCall110Now(true)
                        .setHandOff(HandOff.NOT_APPLICABLE)
                        .addAllDepartments(c.departments())
                        .setReason("联合处置：" + c.nameZh() + "由110一警多派，会同" + String.join("、", c.departments())
                                + "联合处置，请立即拨打110。 / Joint dispatch: " + c.nameEn()
                                + " — 110 dispatches police together with the departments named. Call 110 now.");
            default -> {
                HandOff mode = handOff(c, region, date, why);
                out.setHandOff(mode)
                        .setReason("分流转办：" + c.nameZh() + "属非警务事项，由" + c.hotline() + "受理并交职能部门处理"
                                + (mode == HandOff.DIRECT_TRANSFER ? "（110直接转接）" : "（110告知群众拨打" + c.hotline() + "）")
                                + "。 / Diverted: " + c.nameEn() + " is not a police matter; " + c.hotline()
                                + " takes it and a department handles it"
                                + (mode == HandOff.DIRECT_TRANSFER
                                        ? " (transferred directly)."
                                        : " (caller told to dial " + c.hotline() + ")."));
            }
        }
        why.step("按原则确定渠道 / Channel by principle")
                .formula("紧急处置 → 110; 联合处置 → 110 一警多派; 分流转办 → " + c.hotline())
                .input("principle", c.principle())
                .input("category", c.code())
                .result(c.channel())
                .cite(c.citation())
                .add();
        return out.setExplanation(why.build()).build();
    }

    private HandOff handOff(CategoryDef c, String region, LocalDate date, ExplanationBuilder why) {
        if (!"12345".equals(c.hotline())) {
            why.step("转接方式 / Hand-off mode")
                    .formula("national line " + c.hotline() + " → direct transfer")
                    .input("hotline", c.hotline())
                    .result(HandOff.DIRECT_TRANSFER)
                    .cite(Citation.of(DOCUMENT, "二(二)3"))
                    .add();
            return HandOff.DIRECT_TRANSFER;
        }
        RegionRollout r = rollout.forRegion(region, date);
        HandOff mode =
                r.getStatus() == RolloutStatus.OPERATING_24H ? HandOff.DIRECT_TRANSFER : HandOff.CALLER_TOLD_TO_DIAL;
        why.step("转接方式 / Hand-off mode")
                .formula("12345 24小时运行 → 直接转接; 否则 → 告知群众拨打 / 24-hour 12345 → direct transfer, else tell the caller")
                .input("region", region)
                .input("rolloutStatus", r.getStatus())
                .parameter(rollout.parameter(date))
                .result(mode)
                .cite(new Citation(DOCUMENT, "二(二)3、三(一)", TITLE, ""))
                .add();
        return mode;
    }

    private static Classification personReview(
            List<CategoryDef> candidates, List<String> words, ExplanationBuilder why) {
        String reasonZh = candidates.isEmpty()
                ? "类别目录无法归类"
                : "可归入多个类别（"
                        + candidates.stream()
                                .map(CategoryDef::nameZh)
                                .reduce((a, b) -> a + "、" + b)
                                .orElse("") + "）";
        String reasonEn = candidates.isEmpty() ? "the catalogue cannot place it" : "it fits several categories";
        return Classification.newBuilder()
                .setChannel(Channel.PERSON_REVIEW)
                .setPrinciple(Principle.PRINCIPLE_UNSPECIFIED)
                .setHotline("12345")
                .setHandOff(HandOff.NOT_APPLICABLE)
                .addAllMatchedKeywords(words)
                .addAllCandidateCategories(
                        candidates.stream().map(CategoryDef::code).toList())
                .setReason(reasonZh + "，由12345话务员人工分类，不作推测。如有危及生命财产安全的紧急情况，请立即拨打110。 / "
                        + capitalise(reasonEn) + ": a 12345 operator classifies it by hand; nothing is guessed. "
                        + "If life or property is in danger, call 110 now.")
                .setCitation(Citation.of(DOCUMENT, "二(二)").toProto())
                .setExplanation(why.build())
                .build();
    }

    /** Categories whose keywords occur in the description, in catalogue order, with the words found. */
    static Map<CategoryDef, List<String>> matches(CategoryCatalogue.Catalogue cat, String description) {
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        Map<CategoryDef, List<String>> hits = new LinkedHashMap<>();
        for (CategoryDef c : cat.byCode().values()) {
            for (String k : c.keywords()) {
                if (text.contains(k)) {
                    hits.computeIfAbsent(c, x -> new ArrayList<>()).add(k);
                }
            }
        }
        return hits;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
