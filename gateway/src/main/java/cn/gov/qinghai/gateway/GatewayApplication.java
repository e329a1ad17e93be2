package cn.gov.qinghai.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The gateway: REST/JSON for departments and the public, OpenAPI, the portal; every answer comes from a gRPC service. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Qinghai policy-domain platform",
                        version = "v1",
                        description =
                                "REST/JSON API over the domain services. Errors are application/problem+json (RFC 9457) listing "
                                        + "every invalid field. Department routes need a bearer JWT; public routes are anonymous."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class GatewayApplication {
    private GatewayApplication() {}

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
