package cn.gov.qinghai.charts;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json and the templates' own checks refuse values that would deploy something broken. */
class ValuesValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "database.mode, cloud, database.mode",
        "services.wage.grpcPort, 70000, grpcPort",
        "services.wage.grpcport, 9181, grpcport",
        "auth.issuer, ftp://idp, issuer",
        "auth.audience, '', audience",
        "gateway.service.type, Ingress, type",
        "services.wage.database.name, Wage-DB, name",
        "database.mode, external, host",
        "auth.localProvider.signingKey, secret, signingKey",
        "auth.localProvider.port, 0, port",
        "auth.localProvider.enable, true, enable",
    })
    void refuses(String key, String value, String mentioned) {
        Exception e = assertThrows(Exception.class, () -> Rendered.render(List.of(), Map.of(key, value)));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    }
}
