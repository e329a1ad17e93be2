package cn.gov.qinghai.wage.service;

import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.PublishedValues;
import cn.gov.qinghai.wage.data.PublishedStandardRepository;
import cn.gov.qinghai.wage.data.PublishedStandardRow;
import cn.gov.qinghai.wage.rules.PolicyStandards;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Function;

/**
 * Shows the standards published at run time (PublishStandard) in the public history of the monthly and hourly
 * minimum-wage parameters, with their publisher and the document they cite.
 */
@Singleton
class PublishedWageParameters implements PublishedValues {

    private final PublishedStandardRepository repository;

    PublishedWageParameters(PublishedStandardRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Series> published() {
        List<PublishedStandardRow> rows = repository.listOrderByEffectiveFromAscAndIdAsc();
        return List.of(
                series(PolicyStandards.MONTHLY, rows, r -> r.monthly().toPlainString()),
                series(PolicyStandards.HOURLY, rows, r -> r.hourly().toPlainString()));
    }

    private static Series series(
            String id, List<PublishedStandardRow> rows, Function<PublishedStandardRow, String> value) {
        return new Series(
                id,
                "",
                "",
                null,
                rows.stream()
                        .map(r -> new Value(
                                r.effectiveFrom(),
                                r.region(),
                                value.apply(r),
                                new Citation(
                                        r.citationDocument(), r.citationClause(), r.citationTitle(), r.citationNote()),
                                r.publishedBy(),
                                r.publishedAt()))
                        .toList());
    }
}
