package cn.gov.qinghai.broadband.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The network-speed targets of 青政办〔2017〕93号 实施方案 一(三) (parameter {@code broadband.network_speed_targets}):
 * "固定宽带互联网网络平均可用下载速率达到15Mbit/s以上，同比提高45%以上；网络视频平均下载速率达到10Mbit/s以上，同比提高40%以上；
 * 网页浏览的平均首屏呈现时间为0.8秒以下，同比缩短35%以上". Each with its direction; first-screen time is lower-is-better.
 */
@Singleton
public class NetworkSpeedTargets {

    public static final String PARAMETER = "broadband.network_speed_targets";

    /** One speed indicator; {@code value2016} is {@code null} while the documents do not give it. */
    public record Target(
            String id,
            String name,
            String unit,
            IndicatorProgress.Direction direction,
            BigDecimal target,
            BigDecimal yearOnYearTarget,
            BigDecimal value2016) {}

    private final ParameterValue value;
    private final List<Target> targets;

    @SuppressWarnings("unchecked")
    public NetworkSpeedTargets(ParameterRegistry parameters) {
        // The targets are for the end of the plan year: the entry in force on 2017-12-31 governs.
        this.value = parameters.get(PARAMETER).at(LocalDate.of(2017, 12, 31));
        Map<String, Object> base = (Map<String, Object>) value.asMap().get("value2016");
        this.targets = ((List<Map<String, Object>>) value.asMap().get("indicators"))
                .stream()
                        .map(m -> {
                            String id = m.get("id").toString();
                            Object v2016 = base == null ? null : base.get(id);
                            return new Target(
                                    id,
                                    m.get("name").toString(),
                                    m.get("unit").toString(),
                                    IndicatorProgress.Direction.valueOf(
                                            m.get("direction").toString()),
                                    new BigDecimal(m.get("targetInclusive").toString()),
                                    new BigDecimal(
                                            m.get("yearOnYearChangeInclusive").toString()),
                                    v2016 == null ? null : new BigDecimal(v2016.toString()));
                        })
                        .toList();
    }

    public List<Target> targets() {
        return targets;
    }

    public ParameterValue parameter() {
        return value;
    }
}
