package cn.gov.qinghai.retail.rules;

import cn.gov.qinghai.common.v1.Explanation;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Share of a pilot enterprise's pallets that are standard pallets (青政办〔2017〕85号 二(四): 推进标准化托盘
 * (1200×1000mm)应用推广及循环共用). A pallet is standard when its footprint equals the parameter in either
 * orientation.
 */
public final class StandardPalletShare {

    /** Pallets of one size. */
    public record Stock(int lengthMm, int widthMm, long count) {}

    /** Result with explanation. */
    public record Result(long total, long standard, BigDecimal share, Explanation explanation) {}

    private StandardPalletShare() {}

    public static Result compute(List<Stock> stock, ParameterValue standard) {
        int length = standard.decimal("lengthMm").intValueExact();
        int width = standard.decimal("widthMm").intValueExact();
        long total = 0;
        long std = 0;
        for (Stock s : stock) {
            total += s.count();
            boolean isStandard = (s.lengthMm() == length && s.widthMm() == width)
                    || (s.lengthMm() == width && s.widthMm() == length);
            if (isStandard) {
                std += s.count();
            }
        }
        BigDecimal share = total == 0
                ? new BigDecimal("0.0000")
                : BigDecimal.valueOf(std).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
        ExplanationBuilder why = new ExplanationBuilder();
        why.step("标准托盘数 / Standard pallets")
                .formula("standard = Σ count of sizes equal to " + length + "×" + width + " mm (either orientation)")
                .input("sizes", stock.size())
                .parameter(standard)
                .result(std)
                .cite(standard.citation())
                .add();
        why.step("标准托盘占比 / Standard share")
                .formula("share = standard / total, HALF_UP to 4 decimals (0 when total = 0)")
                .input("standard", std)
                .input("total", total)
                .result(share)
                .add();
        return new Result(total, std, share, why.build());
    }
}
