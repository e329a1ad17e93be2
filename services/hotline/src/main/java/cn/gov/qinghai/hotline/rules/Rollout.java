package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.hotline.v1.RegionRollout;
import cn.gov.qinghai.hotline.v1.RolloutStatus;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import cn.gov.qinghai.kit.region.Regions;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roll-out of 12345 platforms by region (青政办〔2017〕96号 三(一)), as dated data ({@code hotline.rollout}):
 * 24-hour platforms, lines not yet in normal operation, regions that must open "2017年9月前" (read as: by 2017-08-31).
 */
@Singleton
public class Rollout {

    public static final String PARAMETER = "hotline.rollout";

    private final ParameterRegistry parameters;

    public Rollout(ParameterRegistry parameters) {
        this.parameters = parameters;
    }

    public ParameterValue parameter(LocalDate date) {
        return parameters.get(PARAMETER).at(date);
    }

    /** Every region the data names, in the data's order, as seen on {@code date}. */
    @SuppressWarnings("unchecked")
    public List<RegionRollout> at(LocalDate date) {
        ParameterValue value = parameter(date);
        List<RegionRollout> out = new ArrayList<>();
        for (Object o : value.asList()) {
            Map<String, Object> m = (Map<String, Object>) o;
            String region = (String) m.get("region");
            RolloutStatus status = RolloutStatus.valueOf((String) m.get("status"));
            String mustOpenBy = (String) m.getOrDefault("mustOpenBy", "");
            var known = Regions.find(region);
            String zh =
                    (String) m.getOrDefault("nameZh", known.map(r -> r.nameZh()).orElse(region));
            String en =
                    (String) m.getOrDefault("nameEn", known.map(r -> r.nameEn()).orElse(region));
            boolean passed = status == RolloutStatus.NOT_OPENED
                    && !mustOpenBy.isEmpty()
                    && date.isAfter(LocalDate.parse(mustOpenBy));
            out.add(RegionRollout.newBuilder()
                    .setRegion(region)
                    .setNameZh(zh)
                    .setNameEn(en)
                    .setStatus(status)
                    .setTwentyFourHours(status == RolloutStatus.OPERATING_24H)
                    .setMustOpenBy(mustOpenBy)
                    .setDeadlinePassed(passed)
                    .setSourceText((String) m.getOrDefault("sourceText", ""))
                    .setCitation(value.citation().toProto())
                    .build());
        }
        return out;
    }

    /**
     * The status that applies to a place: its own entry (a county-level city the text names), else its
     * prefecture's, else NOT_STATED.
     */
    public RegionRollout forRegion(String region, LocalDate date) {
        List<RegionRollout> all = at(date);
        for (String code : List.of(region, Regions.prefectureOf(region))) {
            for (RegionRollout r : all) {
                if (r.getRegion().equals(code)) {
                    return r;
                }
            }
        }
        return RegionRollout.newBuilder()
                .setRegion(region)
                .setStatus(RolloutStatus.NOT_STATED)
                .build();
    }
}
