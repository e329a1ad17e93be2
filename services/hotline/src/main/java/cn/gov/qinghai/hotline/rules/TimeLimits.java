package cn.gov.qinghai.hotline.rules;

import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.ParameterValue;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;

/**
 * Ticket time limits ({@code hotline.time_limits}): a LOCAL RULE. 96号 三(一) asks for "马上就办、限时办结" without a
 * number, so the hours come from the platform's own 监督考评细则, dated and cited as such.
 */
@Singleton
public class TimeLimits {

    public static final String PARAMETER = "hotline.time_limits";

    private final ParameterRegistry parameters;

    public TimeLimits(ParameterRegistry parameters) {
        this.parameters = parameters;
    }

    /** Hours to accept and to resolve a ticket of {@code category} received in {@code region} on {@code date}. */
    @SuppressWarnings("unchecked")
    public Limits of(String region, String category, LocalDate date) {
        ParameterValue v = parameters.get(PARAMETER).at(date, region);
        Map<String, Object> m = v.asMap();
        Map<String, Object> resolve = (Map<String, Object>) m.get("resolveHours");
        Object hours = category == null ? null : resolve.get(category);
        return new Limits(
                Integer.parseInt((String) m.get("acceptHours")),
                Integer.parseInt((String) (hours == null ? resolve.get("default") : hours)),
                v);
    }

    /** The limits found, with the parameter value for explanations. */
    public record Limits(int acceptHours, int resolveHours, ParameterValue parameter) {}
}
