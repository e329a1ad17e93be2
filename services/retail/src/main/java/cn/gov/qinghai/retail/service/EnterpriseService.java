package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.EnterpriseRepository;
import cn.gov.qinghai.retail.data.EnterpriseRow;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.GetEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry of retail enterprises (青政办〔2017〕85号 四(二)): registration and look-up by credit code. */
@Singleton
public class EnterpriseService {

    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseService.class);

    private final EnterpriseRepository enterprises;
    private final Clock clock;

    public EnterpriseService(EnterpriseRepository enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @Transactional
    public Enterprise registerEnterprise(RegisterEnterpriseRequest r) {
        Caller.current().requireAnyRole(Authority.OFFICER, Authority.ENTERPRISE);
        FieldErrors errors = new FieldErrors();
        String code = Validation.creditCode(errors, "creditCode", r.getCreditCode());
        String name = errors.text("name", r.getName(), 200);
        String region = errors.qinghaiRegion("region", r.getRegion());
        String hqLicence = errors.optionalText("hqLicenceNumber", r.getHqLicenceNumber(), 100);
        errors.throwIfAny();
        Caller caller = Authority.officerOrOrganisation(region, Authority.ENTERPRISE, code);
        boolean inserted = enterprises.insertIfAbsent(
                        code,
                        name,
                        region,
                        r.getChain(),
                        Objects.requireNonNullElse(hqLicence, ""),
                        caller.subject(),
                        clock.instant())
                > 0;
        if (!inserted) {
            throw ServiceException.alreadyExists(
                    "CREDIT_CODE_TAKEN", "an enterprise with credit code " + code + " is already registered");
        }
        LOG.info("registered enterprise {} in {} by {}", code, region, caller.subject());
        return find(code).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Enterprise getEnterprise(GetEnterpriseRequest r) {
        FieldErrors errors = new FieldErrors();
        String code = Validation.creditCode(errors, "creditCode", r.getCreditCode());
        errors.throwIfAny();
        return find(code).orElseThrow(() -> notFound(code));
    }

    Optional<Enterprise> find(String code) {
        return enterprises.findById(code).map(EnterpriseService::enterprise);
    }

    /** Whether an enterprise with the credit code is registered. */
    boolean exists(String code) {
        return enterprises.existsById(code);
    }

    /** The registered enterprise, or NOT_FOUND. */
    Enterprise require(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    private static Enterprise enterprise(EnterpriseRow row) {
        return Enterprise.newBuilder()
                .setCreditCode(row.creditCode())
                .setName(row.name())
                .setRegion(row.region())
                .setChain(row.chain())
                .setHqLicenceNumber(row.hqLicenceNumber())
                .setRegisteredAt(Sql.text(row.registeredAt()))
                .build();
    }

    static ServiceException notFound(String code) {
        return ServiceException.notFound("ENTERPRISE_NOT_FOUND", "no enterprise with credit code " + code);
    }
}
