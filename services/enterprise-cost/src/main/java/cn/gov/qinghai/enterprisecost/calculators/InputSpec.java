package cn.gov.qinghai.enterprisecost.calculators;

import cn.gov.qinghai.enterprisecost.v1.InputField;
import cn.gov.qinghai.enterprisecost.v1.InputOption;
import cn.gov.qinghai.enterprisecost.v1.InputType;
import java.math.BigDecimal;
import java.util.List;

/**
 * One input field of a calculator: its name (the key of the flat JSON body), type, unit, bounds and texts. The same
 * spec validates the input and describes the form field in the catalogue. Bounds are input sanity limits, not policy
 * figures: policy figures live in the parameter files.
 *
 * @param defaultValue value assumed when an optional input is absent, or {@code null}
 */
public record InputSpec(
        String name,
        InputType type,
        String unit,
        boolean required,
        BigDecimal minimum,
        boolean minimumExclusive,
        BigDecimal maximum,
        int maxScale,
        List<Option> options,
        String defaultValue,
        String descriptionZh,
        String descriptionEn) {

    private static final BigDecimal MONEY_MAX = new BigDecimal("1000000000000");

    /** One choice of an ENUM input. */
    public record Option(String value, String labelZh, String labelEn) {}

    public InputSpec {
        options = List.copyOf(options);
    }

    /** A required amount in yuan, {@code >= 0}, at most 2 decimals. */
    public static InputSpec money(String name, String zh, String en) {
        return new InputSpec(
                name, InputType.DECIMAL, "CNY", true, BigDecimal.ZERO, false, MONEY_MAX, 2, List.of(), null, zh, en);
    }

    /** A required rate as a fraction in [0, 1], at most 6 decimals. */
    public static InputSpec rate(String name, String zh, String en) {
        return new InputSpec(
                name,
                InputType.DECIMAL,
                "ratio",
                true,
                BigDecimal.ZERO,
                false,
                BigDecimal.ONE,
                6,
                List.of(),
                null,
                zh,
                en);
    }

    /** A required decimal with its own unit and bounds. */
    public static InputSpec decimal(
            String name, String unit, String min, boolean minExclusive, String max, int scale, String zh, String en) {
        return new InputSpec(
                name,
                InputType.DECIMAL,
                unit,
                true,
                new BigDecimal(min),
                minExclusive,
                new BigDecimal(max),
                scale,
                List.of(),
                null,
                zh,
                en);
    }

    /** A required whole number in [min, max]. */
    public static InputSpec integer(String name, String unit, int min, int max, String zh, String en) {
        return new InputSpec(
                name,
                InputType.INTEGER,
                unit,
                true,
                BigDecimal.valueOf(min),
                false,
                BigDecimal.valueOf(max),
                0,
                List.of(),
                null,
                zh,
                en);
    }

    /** A required yes/no. */
    public static InputSpec bool(String name, String zh, String en) {
        return new InputSpec(name, InputType.BOOLEAN, "", true, null, false, null, 0, List.of(), null, zh, en);
    }

    /** A required choice among {@code options}. */
    public static InputSpec choice(String name, List<Option> options, String zh, String en) {
        return new InputSpec(name, InputType.ENUM, "", true, null, false, null, 0, options, null, zh, en);
    }

    /** A required ISO-8601 date ("2015-09-01"). */
    public static InputSpec date(String name, String zh, String en) {
        return new InputSpec(name, InputType.DATE, "date", true, null, false, null, 0, List.of(), null, zh, en);
    }

    /** The same field, optional, with no assumed value. */
    public InputSpec optional() {
        return new InputSpec(
                name,
                type,
                unit,
                false,
                minimum,
                minimumExclusive,
                maximum,
                maxScale,
                options,
                null,
                descriptionZh,
                descriptionEn);
    }

    /** The same field, optional, assuming {@code value} when absent. */
    public InputSpec withDefault(String value) {
        return new InputSpec(
                name,
                type,
                unit,
                false,
                minimum,
                minimumExclusive,
                maximum,
                maxScale,
                options,
                value,
                descriptionZh,
                descriptionEn);
    }

    public InputField toProto() {
        InputField.Builder f = InputField.newBuilder()
                .setName(name)
                .setType(type)
                .setUnit(unit)
                .setRequired(required)
                .setMinimumExclusive(minimumExclusive)
                .setMaxScale(maxScale)
                .setDescriptionZh(descriptionZh)
                .setDescriptionEn(descriptionEn);
        if (minimum != null) {
            f.setMinimum(minimum.toPlainString());
        }
        if (maximum != null) {
            f.setMaximum(maximum.toPlainString());
        }
        if (defaultValue != null) {
            f.setDefaultValue(defaultValue);
        }
        options.forEach(o -> f.addOptions(InputOption.newBuilder()
                .setValue(o.value())
                .setLabelZh(o.labelZh())
                .setLabelEn(o.labelEn())));
        return f.build();
    }
}
