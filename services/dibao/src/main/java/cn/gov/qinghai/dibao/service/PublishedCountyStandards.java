package cn.gov.qinghai.dibao.service;

import cn.gov.qinghai.dibao.data.CountyStandardRepository;
import cn.gov.qinghai.dibao.data.CountyStandardRow;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.PublishedValues;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Shows the county dibao standards published at run time (PublishCountyStandard, 青政办〔2017〕86号 二(三)) in the
 * public parameters API as the parameter {@code dibao.county_standard}, with publisher and citation. There is no
 * parameter file for it: the documents set only the provincial floor, the counties set their own standards.
 */
@Singleton
public class PublishedCountyStandards implements PublishedValues {

    public static final String ID = "dibao.county_standard";
    private static final Citation AUTHORITY = new Citation(
            "青政办〔2017〕86号",
            "二(三)",
            "关于做好农村最低生活保障制度与扶贫开发政策有效衔接的实施方案",
            "各县（市、区）公布本地农村低保标准，不得低于全省底线 / each county publishes its own standard, never below "
                    + "the provincial floor (dibao.provincial_floor)");

    private final CountyStandardRepository standards;

    public PublishedCountyStandards(CountyStandardRepository standards) {
        this.standards = standards;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Series> published() {
        List<CountyStandardRow> rows = standards.listOrderByEffectiveFromAscAndIdAsc();
        return List.of(new Series(
                ID,
                "县（市、区）农村低保标准（运行时发布） / County rural dibao standard (published)",
                "CNY/person/year",
                AUTHORITY,
                rows.stream()
                        .map(r -> new Value(
                                r.effectiveFrom(),
                                r.county(),
                                r.annualAmount().toPlainString(),
                                r.citation(),
                                r.publishedBy(),
                                r.publishedAt()))
                        .toList()));
    }
}
