package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.retail.data.EnterpriseStore;
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

    private final EnterpriseStore enterprises;
    private final Clock clock;

    public EnterpriseService(EnterpriseStore enterprises, Clock clock) {
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
        boolean inserted = enterprises.insert(
                code,
                name,
                region,
                r.getChain(),
                Objects.requireNonNullElse(hqLicence, ""),
                caller.subject(),
                clock.instant());
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
        return enterprises.find(code);
    }

    /** The registered enterprise, or NOT_FOUND. */
    Enterprise require(String code) {
        return find(code).orElseThrow(() -> notFound(code));
    }

    static ServiceException notFound(String code) {
        return ServiceException.notFound("ENTERPRISE_NOT_FOUND", "no enterprise with credit code " + code);
    }
}
