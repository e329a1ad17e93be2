package cn.gov.qinghai.dibao.rules;

import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterValue;
import java.math.BigDecimal;

/**
 * The dibao standard applied to a household: the county's standard, but never below the provincial floor
 * (青政办〔2017〕86号 二(三)).
 *
 * @param annual   yuan per person per year actually applied
 * @param source   PROVINCIAL_FLOOR, COUNTY_PUBLISHED or COUNTY_GIVEN (given by an estimator user)
 * @param floor    the provincial floor in force, with its citation
 * @param county   the county standard before the floor was applied, or {@code null}
 * @param note     where the county figure came from (publication, request), for the explanation
 * @param citation citation of the county figure, or the floor's
 */
public record StandardApplied(
        BigDecimal annual, String source, ParameterValue floor, BigDecimal county, String note, Citation citation) {

    public static StandardApplied of(
            ParameterValue floor, BigDecimal county, String countySource, String note, Citation countyCitation) {
        BigDecimal f = floor.decimal();
        if (county == null) {
            return new StandardApplied(
                    f, "PROVINCIAL_FLOOR", floor, null, "no county standard: the provincial floor", floor.citation());
        }
        if (county.compareTo(f) < 0) {
            return new StandardApplied(
                    f,
                    "PROVINCIAL_FLOOR",
                    floor,
                    county,
                    note + "; it is below the provincial floor, so the floor applies",
                    floor.citation());
        }
        return new StandardApplied(county, countySource, floor, county, note, countyCitation);
    }

    public boolean raisedToFloor() {
        return county != null && "PROVINCIAL_FLOOR".equals(source);
    }
}
