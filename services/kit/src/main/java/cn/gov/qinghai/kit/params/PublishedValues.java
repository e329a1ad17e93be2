package cn.gov.qinghai.kit.params;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The hook through which a service shows figures published at run time (a county's dibao standard, a region's
 * minimum wage) in its public parameter history. A service that publishes figures declares one {@code @Singleton}
 * implementing this; every other service needs nothing. Values are read when the parameters API is asked, so a
 * figure published a second ago is listed.
 */
public interface PublishedValues {

    /**
     * Every published series. A series whose id is a parameter file's id adds its values to that parameter's history;
     * any other id is a parameter that exists only through publication and is described by the series itself.
     */
    List<Series> published();

    /**
     * Published values of one parameter.
     *
     * @param parameterId id, e.g. {@code wage.minimum_wage.monthly}
     * @param description used only when no parameter file has this id
     * @param unit        used only when no parameter file has this id
     * @param reference   the document that authorises the publication (used when no parameter file has this id)
     * @param values      the published values, in any order
     */
    record Series(String parameterId, String description, String unit, Citation reference, List<Value> values) {
        public Series {
            Objects.requireNonNull(parameterId, "parameterId");
            values = List.copyOf(values);
        }
    }

    /**
     * One published value.
     *
     * @param from        first day in force
     * @param region      GB/T 2260 code it applies to
     * @param value       decimal string
     * @param citation    the document the publisher cited
     * @param publishedBy the publisher (token subject)
     * @param publishedAt when it was published
     */
    record Value(
            LocalDate from, String region, String value, Citation citation, String publishedBy, Instant publishedAt) {}
}
