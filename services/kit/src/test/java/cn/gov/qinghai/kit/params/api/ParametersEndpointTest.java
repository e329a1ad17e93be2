package cn.gov.qinghai.kit.params.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.common.v1.DatedValue;
import cn.gov.qinghai.common.v1.GetParameterRequest;
import cn.gov.qinghai.common.v1.GetParameterResponse;
import cn.gov.qinghai.common.v1.ListParametersRequest;
import cn.gov.qinghai.common.v1.ListParametersResponse;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ValueInForce;
import cn.gov.qinghai.common.v1.ValueSource;
import cn.gov.qinghai.kit.grpc.FieldViolation;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PublishedValues;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parameters API over the kit's sample files: every file shape, published values merged, bad input named. */
class ParametersEndpointTest {

    private static final Citation PUBLISHER_CITES = new Citation("西宁市人社〔2019〕1号", "一", "", "");
    private final List<PublishedValues.Value> published = new ArrayList<>();
    private final ParametersEndpoint endpoint = new ParametersEndpoint(
            "test.qinghai.gov.cn",
            ParameterRegistry.fromClasspath("parameters"),
            List.of(() -> List.of(new PublishedValues.Series("test.regional", "", "", null, published))));

    @Test
    void listsEveryParameterWithItsWholeHistory() {
        ListParametersResponse all = list(ListParametersRequest.getDefaultInstance());
        assertEquals(
                List.of("test.regional", "test.structured"),
                all.getParametersList().stream().map(Parameter::getId).toList());
        assertEquals(2, all.getTotalSize());
        Parameter regional = all.getParameters(0);
        assertEquals("test.qinghai.gov.cn", regional.getService());
        assertEquals("CNY/month", regional.getUnit());
        assertEquals("青政〔2017〕41号", regional.getReference().getDocument());
        assertEquals(3, regional.getValuesCount());
        DatedValue first = regional.getValues(0);
        assertTrue(first.getStartUnknown());
        assertEquals("", first.getFrom());
        assertEquals("1270.00", first.getByRegionMap().get("632700"));
        assertEquals("青政〔2014〕29号", first.getCitation().getDocument());
        assertEquals("quoted by 41号", first.getCitation().getNote());
        assertEquals("1500.00", regional.getValues(1).getValue());
        assertEquals("2017-05-01", regional.getValues(1).getFrom());
        assertTrue(regional.getValues(2).getRepeal());
        assertEquals("2030-01-01", regional.getValues(2).getFrom());
        assertEquals(List.of("青政〔2017〕41号", "青政〔2014〕29号"), regional.getDocumentsList());
    }

    @Test
    void structuredValuesAreCanonicalJsonAndDecisionsAreKept() {
        Parameter structured = get("test.structured", "").getParameter();
        assertEquals(
                "{\"unemployment\":\"0.005\",\"maternity\":\"0.004\"}",
                structured.getValues(0).getValue());
        assertEquals("a test decision note", structured.getValues(0).getDecision());
        assertEquals(ValueSource.POLICY_DOCUMENT, structured.getValues(0).getSource());
    }

    @Test
    void filtersByDocumentCitedAnywhereInTheHistory() {
        assertEquals(
                List.of("test.regional"), ids(ListParametersRequest.newBuilder().setDocument("青政〔2014〕29号")));
        assertEquals(
                List.of("test.structured"),
                ids(ListParametersRequest.newBuilder().setDocument("青政〔2017〕43号")));
        assertEquals(List.of(), ids(ListParametersRequest.newBuilder().setDocument("青政〔1999〕1号")));
    }

    @Test
    void pagesThroughTheList() {
        ListParametersResponse first =
                list(ListParametersRequest.newBuilder().setPageSize(1).build());
        assertEquals(
                List.of("test.regional"),
                first.getParametersList().stream().map(Parameter::getId).toList());
        ListParametersResponse second = list(ListParametersRequest.newBuilder()
                .setPageSize(1)
                .setPageToken(first.getNextPageToken())
                .build());
        assertEquals(
                List.of("test.structured"),
                second.getParametersList().stream().map(Parameter::getId).toList());
        assertEquals("", second.getNextPageToken());
    }

    @Test
    void valueInForceOnTheDayBeforeAndTheDayOfEachDate() {
        assertEquals(
                "1250.00",
                get("test.regional", "2017-04-30")
                        .getAt()
                        .getEntry()
                        .getByRegionMap()
                        .get("630100"));
        ValueInForce onTheDay = get("test.regional", "2017-05-01").getAt();
        assertTrue(onTheDay.getInForce());
        assertEquals("1500.00", onTheDay.getEntry().getValue());
        assertEquals(
                "1500.00", get("test.regional", "2029-12-31").getAt().getEntry().getValue());
        ValueInForce repealed = get("test.regional", "2030-01-01").getAt();
        assertFalse(repealed.getInForce());
        assertEquals("REPEALED", repealed.getReason());
        ValueInForce before = get("test.structured", "2016-12-31").getAt();
        assertFalse(before.getInForce());
        assertEquals("NOT_YET_IN_FORCE", before.getReason());
        assertFalse(get("test.structured", "").hasAt());
    }

    @Test
    void publishedValuesJoinTheHistoryWithPublisherAndCitation() {
        published.add(new PublishedValues.Value(
                LocalDate.of(2019, 7, 1),
                "630100",
                "1700.00",
                PUBLISHER_CITES,
                "wage-admin-1",
                Instant.parse("2019-06-20T02:00:00Z")));
        published.add(new PublishedValues.Value(
                LocalDate.of(2018, 1, 1),
                "630100",
                "1600.00",
                PUBLISHER_CITES,
                "wage-admin-1",
                Instant.parse("2017-12-20T02:00:00Z")));
        Parameter regional = get("test.regional", "").getParameter();
        assertEquals(
                List.of("", "2017-05-01", "2018-01-01", "2019-07-01", "2030-01-01"),
                regional.getValuesList().stream().map(DatedValue::getFrom).toList());
        DatedValue p = regional.getValues(2);
        assertEquals(ValueSource.PUBLISHED, p.getSource());
        assertEquals("wage-admin-1", p.getPublishedBy());
        assertEquals("2017-12-20T02:00:00Z", p.getPublishedAt());
        assertEquals("1600.00", p.getByRegionMap().get("630100"));
        assertEquals("西宁市人社〔2019〕1号", p.getCitation().getDocument());
        assertTrue(regional.getDocumentsList().contains("西宁市人社〔2019〕1号"));

        ValueInForce at = get("test.regional", "2019-07-01").getAt();
        assertEquals("1500.00", at.getEntry().getValue());
        assertEquals(1, at.getPublishedCount());
        assertEquals("1700.00", at.getPublished(0).getByRegionMap().get("630100"));
        assertEquals(
                "1600.00",
                get("test.regional", "2019-06-30")
                        .getAt()
                        .getPublished(0)
                        .getByRegionMap()
                        .get("630100"));
    }

    @Test
    void aSeriesWithoutAFileIsAParameterOfItsOwn() {
        ParametersEndpoint withCounties = new ParametersEndpoint(
                "test.qinghai.gov.cn",
                ParameterRegistry.fromClasspath("parameters"),
                List.of(() -> List.of(new PublishedValues.Series(
                        "test.county_standard",
                        "县标准 / County standard",
                        "CNY/year",
                        Citation.of("青政办〔2017〕86号", "二(三)"),
                        published))));
        assertEquals(
                List.of("test.county_standard", "test.regional", "test.structured"),
                withCounties.catalog().list("").stream().map(Parameter::getId).toList(),
                "listed before anything is published, so people see it exists");
        assertFalse(withCounties
                .catalog()
                .at("test.county_standard", LocalDate.of(2018, 1, 1))
                .getInForce());
        published.add(new PublishedValues.Value(
                LocalDate.of(2018, 1, 1),
                "630121",
                "3900",
                PUBLISHER_CITES,
                "county-approver",
                Instant.parse("2017-12-01T00:00:00Z")));
        ParameterCatalog catalog = withCounties.catalog();
        Parameter county = catalog.get("test.county_standard").orElseThrow();
        assertTrue(county.getPublishedOnly());
        assertEquals("CNY/year", county.getUnit());
        assertEquals("青政办〔2017〕86号", county.getReference().getDocument());
        assertEquals(1, county.getValuesCount());
        assertFalse(
                catalog.at("test.county_standard", LocalDate.of(2017, 12, 31)).getInForce());
        ValueInForce at = catalog.at("test.county_standard", LocalDate.of(2018, 1, 1));
        assertTrue(at.getInForce());
        assertEquals("3900", at.getPublished(0).getByRegionMap().get("630121"));
    }

    @Test
    void unknownIdIsNotFoundAndBadInputNamesEveryField() {
        ServiceException missing = assertThrows(ServiceException.class, () -> get("test.nothing", ""));
        assertEquals(Status.Code.NOT_FOUND, missing.code());
        assertEquals("PARAMETER_NOT_FOUND", missing.reason());
        ServiceException bad = assertThrows(ServiceException.class, () -> get("", "2017-02-30"));
        assertEquals(
                List.of("id", "date"),
                bad.violations().stream().map(FieldViolation::field).toList());
        ServiceException badPage = assertThrows(
                ServiceException.class,
                () -> list(ListParametersRequest.newBuilder()
                        .setPageSize(-1)
                        .setPageToken("nonsense")
                        .build()));
        assertEquals(
                List.of("pageSize", "pageToken"),
                badPage.violations().stream().map(FieldViolation::field).toList());
    }

    private List<String> ids(ListParametersRequest.Builder request) {
        return list(request.build()).getParametersList().stream()
                .map(Parameter::getId)
                .toList();
    }

    private ListParametersResponse list(ListParametersRequest request) {
        Capture<ListParametersResponse> out = new Capture<>();
        endpoint.listParameters(request, out);
        return out.value;
    }

    private GetParameterResponse get(String id, String date) {
        Capture<GetParameterResponse> out = new Capture<>();
        endpoint.getParameter(
                GetParameterRequest.newBuilder().setId(id).setDate(date).build(), out);
        return out.value;
    }

    private static final class Capture<T> implements StreamObserver<T> {
        T value;

        @Override
        public void onNext(T v) {
            value = v;
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onCompleted() {}
    }
}
