package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.data.Sql;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.retail.data.OutletRepository;
import cn.gov.qinghai.retail.data.OutletRow;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.ListFormatsResponse;
import cn.gov.qinghai.retail.v1.ListOutletsRequest;
import cn.gov.qinghai.retail.v1.ListOutletsResponse;
import cn.gov.qinghai.retail.v1.Outlet;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import cn.gov.qinghai.retail.v1.RetailFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outlets of retail enterprises (青政办〔2017〕85号 四(二) 推进简政放权: chain outlets filed with the HQ licence,
 * 一照多址 for express outlets) and the retail formats they may take.
 */
@Singleton
public class OutletService {

    private static final Logger LOG = LoggerFactory.getLogger(OutletService.class);
    static final Citation SIMPLIFICATION = Citation.of("青政办〔2017〕85号", "四(二)");

    private final OutletRepository outlets;
    private final EnterpriseService enterprises;
    private final RetailParameters parameters;
    private final Clock clock;

    public OutletService(
            OutletRepository outlets, EnterpriseService enterprises, RetailParameters parameters, Clock clock) {
        this.outlets = outlets;
        this.enterprises = enterprises;
        this.parameters = parameters;
        this.clock = clock;
    }

    /**
     * Registers or files an outlet. 四(二): 连锁企业 … 非企业法人直营门店可直接凭企业总部获取的许可文件复印件到门店所在地主管
     * 部门备案 — a chain outlet is filed under the HQ's licence and this never fails for want of its own licence;
     * 同一县级工商登记机关管辖范围内"一照多址" — an express outlet shares the enterprise's licence when it lies in the
     * county of the enterprise's registration authority.
     */
    @Transactional
    public Outlet registerOutlet(RegisterOutletRequest r) {
        Caller.current().requireAnyRole(Authority.OFFICER, Authority.ENTERPRISE);
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String requestId = errors.text("requestId", r.getRequestId(), 64);
        String owner = Validation.creditCode(errors, "enterpriseCreditCode", r.getEnterpriseCreditCode());
        String name = errors.text("name", r.getName(), 200);
        String region = Validation.county(errors, "region", r.getRegion());
        String format = errors.text("format", r.getFormat(), 64);
        if (format != null && !parameters.formats(today).containsKey(format)) {
            errors.add("format", "must be one of " + parameters.formats(today).keySet());
        }
        String address = errors.text("address", r.getAddress(), 500);
        LicenceMode mode = errors.enumValue(
                "licenceMode", r.getLicenceMode(), LicenceMode.LICENCE_MODE_UNSPECIFIED, LicenceMode.UNRECOGNIZED);
        String ownLicence = errors.optionalText("licenceNumber", r.getLicenceNumber(), 100);
        if (mode == LicenceMode.OWN_LICENCE && ownLicence == null) {
            errors.add("licenceNumber", "is required for an outlet with its own licence");
        }
        errors.throwIfAny();
        Enterprise enterprise = enterprises.require(owner);
        Caller caller = Authority.officerOrOrganisation(region, Authority.ENTERPRISE, owner);

        Optional<Outlet> replay = outlets.findByRequestId(requestId).map(OutletService::outlet);
        if (replay.isPresent()) {
            return sameOutletOrConflict(replay.get(), requestId, owner, name, region, format, address, mode);
        }
        ExplanationBuilder why = new ExplanationBuilder();
        String licence;
        String status;
        switch (mode) {
            case HQ_LICENCE_FILING -> {
                if (!enterprise.getChain()) {
                    throw ServiceException.failedPrecondition(
                            "NOT_A_CHAIN_ENTERPRISE",
                            "enterprise " + owner
                                    + " is not registered as a chain enterprise; only chains file outlets under the HQ licence");
                }
                // The HQ's licence documents, or its business licence, which the credit code identifies.
                licence = enterprise.getHqLicenceNumber().isEmpty() ? owner : enterprise.getHqLicenceNumber();
                status = "FILED";
                why.step("连锁门店备案 / Chain outlet filed under the HQ licence")
                        .formula(
                                "filed: licence = HQ licence (or HQ business licence = credit code); no separate licence required")
                        .input("enterpriseCreditCode", owner)
                        .input("hqLicenceNumber", enterprise.getHqLicenceNumber())
                        .result(status)
                        .cite(SIMPLIFICATION.withNote("非企业法人直营门店可直接凭企业总部获取的许可文件复印件到门店所在地主管部门备案；不得设置障碍"))
                        .add();
            }
            case ONE_LICENCE_MANY_ADDRESSES -> {
                if (!enterprise.getRegion().equals(region)
                        || enterprise.getRegion().endsWith("00")) {
                    throw ServiceException.failedPrecondition(
                            "OUTSIDE_REGISTRATION_AUTHORITY",
                            "一照多址 covers "
                                    + "addresses within the county-level registration authority of the licence ("
                                    + enterprise.getRegion() + "); the outlet lies in " + region
                                    + ": register it with its own licence there");
                }
                licence = owner;
                status = "FILED";
                why.step("一照多址 / One licence, many addresses")
                        .formula("outlet.region == enterprise registration county ⇒ licence = enterprise licence")
                        .input("enterpriseRegion", enterprise.getRegion())
                        .input("outletRegion", region)
                        .result(status)
                        .cite(SIMPLIFICATION.withNote("在快递等行业推行同一县级工商登记机关管辖范围内“一照多址”模式改革"))
                        .add();
            }
            default -> {
                licence = ownLicence;
                status = "REGISTERED";
                why.step("自有执照登记 / Registered with its own licence")
                        .formula("licence = licenceNumber")
                        .input("licenceNumber", ownLicence)
                        .result(status)
                        .add();
            }
        }
        boolean inserted = outlets.insertIfAbsent(
                        requestId,
                        owner,
                        name,
                        region,
                        format,
                        address,
                        mode.name(),
                        licence,
                        status,
                        caller.subject(),
                        clock.instant())
                > 0;
        Outlet stored = outlet(outlets.findByRequestId(requestId).orElseThrow());
        if (!inserted) {
            // A concurrent retry with the same key won the insert.
            return sameOutletOrConflict(stored, requestId, owner, name, region, format, address, mode);
        }
        LOG.info("outlet {} of {} {} in {}", stored.getId(), owner, status, region);
        return stored.toBuilder().setExplanation(why.build()).build();
    }

    private static Outlet sameOutletOrConflict(
            Outlet o,
            String requestId,
            String owner,
            String name,
            String region,
            String format,
            String address,
            LicenceMode mode) {
        boolean same = o.getEnterpriseCreditCode().equals(owner)
                && o.getName().equals(name)
                && o.getRegion().equals(region)
                && o.getFormat().equals(format)
                && o.getAddress().equals(address)
                && o.getLicenceMode() == mode;
        if (!same) {
            throw ServiceException.alreadyExists(
                    "REQUEST_ID_REUSED", "requestId " + requestId + " was already used for a different outlet");
        }
        return o;
    }

    @Transactional(readOnly = true)
    public ListOutletsResponse listOutlets(ListOutletsRequest r) {
        FieldErrors errors = new FieldErrors();
        if (!r.getRegion().isEmpty()) {
            errors.qinghaiRegion("region", r.getRegion());
        }
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        String format = r.getFormat();
        var formats = parameters.formats(LocalDate.now(clock));
        errors.check(
                format.isEmpty() || formats.containsKey(format),
                "format",
                "must be one of " + String.join(", ", formats.keySet()));
        errors.throwIfAny();
        // a public filter the reader chooses (the whole province when none), not an authority scope
        String pattern = new Scope(r.getRegion().isEmpty() ? Regions.PROVINCE : r.getRegion()).likePattern();
        int total = Math.toIntExact(outlets.countIn(pattern, format));
        List<Outlet> page = outlets.pageIn(pattern, format, w.size(), w.offset()).stream()
                .map(OutletService::outlet)
                .toList();
        return ListOutletsResponse.newBuilder()
                .addAllOutlets(page)
                .setTotalSize(total)
                .setNextPageToken(w.nextToken(total))
                .build();
    }

    /** The API view of an outlet row. */
    static Outlet outlet(OutletRow row) {
        return Outlet.newBuilder()
                .setId(row.id())
                .setEnterpriseCreditCode(row.enterpriseCreditCode())
                .setName(row.name())
                .setRegion(row.region())
                .setFormat(row.format())
                .setAddress(row.address())
                .setLicenceMode(LicenceMode.valueOf(row.licenceMode()))
                .setLicenceNumber(row.licenceNumber())
                .setStatus(row.status())
                .setRegisteredAt(Sql.text(row.registeredAt()))
                .build();
    }

    public ListFormatsResponse listFormats() {
        LocalDate today = LocalDate.now(clock);
        ListFormatsResponse.Builder out = ListFormatsResponse.newBuilder()
                .setCitation(parameters
                        .value(RetailParameters.FORMATS, today)
                        .citation()
                        .toProto());
        parameters
                .formats(today)
                .forEach((code, m) -> out.addFormats(RetailFormat.newBuilder()
                        .setCode(code)
                        .setNameZh(m.get("nameZh").toString())
                        .setNameEn(m.get("nameEn").toString())));
        return out.build();
    }
}
