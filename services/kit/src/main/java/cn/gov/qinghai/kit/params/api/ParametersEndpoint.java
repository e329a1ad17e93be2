package cn.gov.qinghai.kit.params.api;

import cn.gov.qinghai.common.v1.GetParameterRequest;
import cn.gov.qinghai.common.v1.GetParameterResponse;
import cn.gov.qinghai.common.v1.ListParametersRequest;
import cn.gov.qinghai.common.v1.ListParametersResponse;
import cn.gov.qinghai.common.v1.Parameter;
import cn.gov.qinghai.common.v1.ParametersServiceGrpc;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.ParameterRegistry;
import cn.gov.qinghai.kit.params.PublishedValues;
import io.grpc.stub.StreamObserver;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * The public parameters API ({@code qinghai.common.v1.ParametersService}), served by every service that depends on
 * the kit: its parameter files, plus what its {@link PublishedValues} beans (if any) report. Read-only; anonymous
 * callers are welcome.
 */
@Singleton
public class ParametersEndpoint extends ParametersServiceGrpc.ParametersServiceImplBase {

    private final String service;
    private final ParameterRegistry registry;
    private final List<PublishedValues> publishers;

    public ParametersEndpoint(
            @Value("${qinghai.service.error-domain}") String service,
            ParameterRegistry registry,
            List<PublishedValues> publishers) {
        this.service = service;
        this.registry = registry;
        this.publishers = publishers;
    }

    @Override
    public void listParameters(ListParametersRequest request, StreamObserver<ListParametersResponse> response) {
        FieldErrors errors = new FieldErrors();
        String document = errors.optionalText("document", request.getDocument(), 200);
        Pages.Window window = Pages.window(errors, request.getPageSize(), request.getPageToken());
        errors.throwIfAny();
        List<Parameter> all = catalog().list(document);
        response.onNext(ListParametersResponse.newBuilder()
                .addAllParameters(window.slice(all))
                .setTotalSize(all.size())
                .setNextPageToken(window.nextToken(all.size()))
                .build());
        response.onCompleted();
    }

    @Override
    public void getParameter(GetParameterRequest request, StreamObserver<GetParameterResponse> response) {
        FieldErrors errors = new FieldErrors();
        String id = errors.text("id", request.getId(), 200);
        LocalDate date = errors.optionalDate("date", request.getDate());
        errors.throwIfAny();
        ParameterCatalog catalog = catalog();
        Parameter parameter = catalog.get(id)
                .orElseThrow(() ->
                        ServiceException.notFound("PARAMETER_NOT_FOUND", "no parameter " + id + " in " + service));
        GetParameterResponse.Builder out = GetParameterResponse.newBuilder().setParameter(parameter);
        if (date != null) {
            out.setAt(catalog.at(id, date));
        }
        response.onNext(out.build());
        response.onCompleted();
    }

    /** Built per call, because published values change at run time; the files were parsed at start-up. */
    ParameterCatalog catalog() {
        List<PublishedValues.Series> series =
                publishers.stream().flatMap(p -> p.published().stream()).toList();
        return ParameterCatalog.of(service, registry, series);
    }
}
