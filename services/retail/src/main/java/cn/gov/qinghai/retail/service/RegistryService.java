package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.auth.Scope;
import cn.gov.qinghai.kit.explain.ExplanationBuilder;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.kit.grpc.Pages;
import cn.gov.qinghai.kit.grpc.ServiceException;
import cn.gov.qinghai.kit.params.Citation;
import cn.gov.qinghai.kit.region.Regions;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.StandardPalletShare;
import cn.gov.qinghai.retail.v1.Brand;
import cn.gov.qinghai.retail.v1.EnrolPalletPilotRequest;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.GetEnterpriseRequest;
import cn.gov.qinghai.retail.v1.LicenceMode;
import cn.gov.qinghai.retail.v1.ListBrandsRequest;
import cn.gov.qinghai.retail.v1.ListBrandsResponse;
import cn.gov.qinghai.retail.v1.ListFormatsResponse;
import cn.gov.qinghai.retail.v1.ListOutletsRequest;
import cn.gov.qinghai.retail.v1.ListOutletsResponse;
import cn.gov.qinghai.retail.v1.Outlet;
import cn.gov.qinghai.retail.v1.PalletPilot;
import cn.gov.qinghai.retail.v1.PalletStock;
import cn.gov.qinghai.retail.v1.RecogniseBrandRequest;
import cn.gov.qinghai.retail.v1.RegisterEnterpriseRequest;
import cn.gov.qinghai.retail.v1.RegisterOutletRequest;
import cn.gov.qinghai.retail.v1.RetailFormat;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of retail enterprises and outlets (青政办〔2017〕85号 四(二) 推进简政放权: chain outlets filed with the HQ
 * licence, 一照多址 for express outlets), 青海老字号 brands (一(三)) and standard-pallet pilots (二(四)).
 */
@Singleton
public class RegistryService {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);
    static final Citation SIMPLIFICATION = Citation.of("青政办〔2017〕85号", "四(二)");

    private final Sql sql;
    private final RetailParameters parameters;
    private final Clock clock;

    public RegistryService(Sql sql, RetailParameters parameters, Clock clock) {
        this.sql = sql;
        this.parameters = parameters;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- enterprises

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
        int inserted = sql.update("""
                INSERT INTO enterprise (credit_code, name, region, chain, hq_licence_number, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (credit_code) DO NOTHING""",
                code, name, region, r.getChain(), Objects.requireNonNullElse(hqLicence, ""), caller.subject(),
                clock.instant());
        if (inserted == 0) {
            throw ServiceException.alreadyExists("CREDIT_CODE_TAKEN",
                    "an enterprise with credit code " + code + " is already registered");
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
        return sql.one("SELECT * FROM enterprise WHERE credit_code = ?", RegistryService::enterprise, code);
    }

    static ServiceException notFound(String code) {
        return ServiceException.notFound("ENTERPRISE_NOT_FOUND", "no enterprise with credit code " + code);
    }

    private static Enterprise enterprise(ResultSet rs) throws SQLException {
        return Enterprise.newBuilder().setCreditCode(rs.getString("credit_code")).setName(rs.getString("name"))
                .setRegion(rs.getString("region")).setChain(rs.getBoolean("chain"))
                .setHqLicenceNumber(rs.getString("hq_licence_number"))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at"))).build();
    }

    // ---------------------------------------------------------------- outlets

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
        LicenceMode mode = errors.enumValue("licenceMode", r.getLicenceMode(), LicenceMode.LICENCE_MODE_UNSPECIFIED,
                LicenceMode.UNRECOGNIZED);
        String ownLicence = errors.optionalText("licenceNumber", r.getLicenceNumber(), 100);
        if (mode == LicenceMode.OWN_LICENCE && ownLicence == null) {
            errors.add("licenceNumber", "is required for an outlet with its own licence");
        }
        errors.throwIfAny();
        Enterprise enterprise = find(owner).orElseThrow(() -> notFound(owner));
        Caller caller = Authority.officerOrOrganisation(region, Authority.ENTERPRISE, owner);

        Optional<Outlet> replay = outletByRequest(requestId);
        if (replay.isPresent()) {
            return sameOutletOrConflict(replay.get(), requestId, owner, name, region, format, address, mode);
        }
        ExplanationBuilder why = new ExplanationBuilder();
        String licence;
        String status;
        switch (mode) {
            case HQ_LICENCE_FILING -> {
                if (!enterprise.getChain()) {
                    throw ServiceException.failedPrecondition("NOT_A_CHAIN_ENTERPRISE", "enterprise " + owner
                            + " is not registered as a chain enterprise; only chains file outlets under the HQ licence");
                }
                // The HQ's licence documents, or its business licence, which the credit code identifies.
                licence = enterprise.getHqLicenceNumber().isEmpty() ? owner : enterprise.getHqLicenceNumber();
                status = "FILED";
                why.step("连锁门店备案 / Chain outlet filed under the HQ licence")
                        .formula("filed: licence = HQ licence (or HQ business licence = credit code); no separate licence required")
                        .input("enterpriseCreditCode", owner).input("hqLicenceNumber", enterprise.getHqLicenceNumber())
                        .result(status).cite(SIMPLIFICATION.withNote(
                                "非企业法人直营门店可直接凭企业总部获取的许可文件复印件到门店所在地主管部门备案；不得设置障碍"))
                        .add();
            }
            case ONE_LICENCE_MANY_ADDRESSES -> {
                if (!enterprise.getRegion().equals(region) || enterprise.getRegion().endsWith("00")) {
                    throw ServiceException.failedPrecondition("OUTSIDE_REGISTRATION_AUTHORITY", "一照多址 covers "
                            + "addresses within the county-level registration authority of the licence ("
                            + enterprise.getRegion() + "); the outlet lies in " + region
                            + ": register it with its own licence there");
                }
                licence = owner;
                status = "FILED";
                why.step("一照多址 / One licence, many addresses")
                        .formula("outlet.region == enterprise registration county ⇒ licence = enterprise licence")
                        .input("enterpriseRegion", enterprise.getRegion()).input("outletRegion", region)
                        .result(status).cite(SIMPLIFICATION.withNote(
                                "在快递等行业推行同一县级工商登记机关管辖范围内“一照多址”模式改革")).add();
            }
            default -> {
                licence = ownLicence;
                status = "REGISTERED";
                why.step("自有执照登记 / Registered with its own licence").formula("licence = licenceNumber")
                        .input("licenceNumber", ownLicence).result(status).add();
            }
        }
        Long id = sql.one("""
                INSERT INTO outlet (request_id, enterprise_credit_code, name, region, format, address, licence_mode,
                                    licence_number, status, registered_by, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING RETURNING id""",
                rs -> rs.getLong(1), requestId, owner, name, region, format, address, mode.name(), licence, status,
                caller.subject(), clock.instant()).orElse(null);
        if (id == null) {
            // A concurrent retry with the same key won the insert.
            return sameOutletOrConflict(outletByRequest(requestId).orElseThrow(), requestId, owner, name, region,
                    format, address, mode);
        }
        LOG.info("outlet {} of {} {} in {}", id, owner, status, region);
        return outlet(id).orElseThrow().toBuilder().setExplanation(why.build()).build();
    }

    private static Outlet sameOutletOrConflict(Outlet o, String requestId, String owner, String name, String region,
                                               String format, String address, LicenceMode mode) {
        boolean same = o.getEnterpriseCreditCode().equals(owner) && o.getName().equals(name)
                && o.getRegion().equals(region) && o.getFormat().equals(format) && o.getAddress().equals(address)
                && o.getLicenceMode() == mode;
        if (!same) {
            throw ServiceException.alreadyExists("REQUEST_ID_REUSED",
                    "requestId " + requestId + " was already used for a different outlet");
        }
        return o;
    }

    private Optional<Outlet> outletByRequest(String requestId) {
        return sql.one("SELECT * FROM outlet WHERE request_id = ?", RegistryService::outletRow, requestId);
    }

    Optional<Outlet> outlet(long id) {
        return sql.one("SELECT * FROM outlet WHERE id = ?", RegistryService::outletRow, id);
    }

    static Outlet outletRow(ResultSet rs) throws SQLException {
        return Outlet.newBuilder().setId(rs.getLong("id"))
                .setEnterpriseCreditCode(rs.getString("enterprise_credit_code")).setName(rs.getString("name"))
                .setRegion(rs.getString("region")).setFormat(rs.getString("format"))
                .setAddress(rs.getString("address")).setLicenceMode(LicenceMode.valueOf(rs.getString("licence_mode")))
                .setLicenceNumber(rs.getString("licence_number")).setStatus(rs.getString("status"))
                .setRegisteredAt(Sql.text(Sql.instant(rs, "registered_at"))).build();
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
        errors.check(format.isEmpty() || formats.containsKey(format), "format",
                "must be one of " + String.join(", ", formats.keySet()));
        errors.throwIfAny();
        // a public filter the reader chooses (the whole province when none), not an authority scope
        String pattern = new Scope(r.getRegion().isEmpty() ? Regions.PROVINCE : r.getRegion()).likePattern();
        int total = sql.one("SELECT count(*) FROM outlet WHERE region LIKE ? AND (? = '' OR format = ?)",
                rs -> rs.getInt(1), pattern, format, format).orElse(0);
        List<Outlet> page = sql.list("""
                SELECT * FROM outlet WHERE region LIKE ? AND (? = '' OR format = ?)
                ORDER BY region, id LIMIT ? OFFSET ?""", RegistryService::outletRow, pattern, format, format,
                w.size(), w.offset());
        return ListOutletsResponse.newBuilder().addAllOutlets(page)
                .setTotalSize(total).setNextPageToken(w.nextToken(total)).build();
    }

    public ListFormatsResponse listFormats() {
        LocalDate today = LocalDate.now(clock);
        ListFormatsResponse.Builder out = ListFormatsResponse.newBuilder()
                .setCitation(parameters.value(RetailParameters.FORMATS, today).citation().toProto());
        parameters.formats(today).forEach((code, m) -> out.addFormats(RetailFormat.newBuilder().setCode(code)
                .setNameZh(m.get("nameZh").toString()).setNameEn(m.get("nameEn").toString())));
        return out.build();
    }

    // ---------------------------------------------------------------- brands and pallets

    /** Records a 青海老字号 recognition (一(三): 继续开展“青海老字号”认定保护工作). */
    @Transactional
    public Brand recogniseBrand(RecogniseBrandRequest r) {
        Authority.officer();
        FieldErrors errors = new FieldErrors();
        String owner = Validation.creditCode(errors, "enterpriseCreditCode", r.getEnterpriseCreditCode());
        String brand = errors.text("brand", r.getBrand(), 200);
        String certificate = errors.text("certificateNumber", r.getCertificateNumber(), 100);
        LocalDate on = errors.date("recognisedOn", r.getRecognisedOn());
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            errors.add("recognisedOn", "must not be in the future");
        }
        errors.throwIfAny();
        Enterprise e = find(owner).orElseThrow(() -> notFound(owner));
        Caller caller = Authority.officerFor(e.getRegion());
        Long id = sql.one("""
                INSERT INTO brand (enterprise_credit_code, brand, certificate_number, recognised_on, online,
                                   recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (certificate_number) DO NOTHING RETURNING id""",
                rs -> rs.getLong(1), owner, brand, certificate, on, r.getOnline(), caller.subject(),
                clock.instant()).orElseThrow(() -> ServiceException.alreadyExists("BRAND_ALREADY_RECOGNISED",
                "certificate " + certificate + " is already recorded"));
        return sql.one(BRAND_SQL + " WHERE b.id = ?", RegistryService::brandRow, id).orElseThrow();
    }

    private static final String BRAND_SQL = """
            SELECT b.*, e.name AS enterprise_name FROM brand b JOIN enterprise e
              ON e.credit_code = b.enterprise_credit_code""";

    @Transactional(readOnly = true)
    public ListBrandsResponse listBrands(ListBrandsRequest r) {
        FieldErrors errors = new FieldErrors();
        Pages.Window w = Pages.window(errors, r.getPageSize(), r.getPageToken());
        errors.throwIfAny();
        int total = sql.one("SELECT count(*) FROM brand", rs -> rs.getInt(1)).orElse(0);
        return ListBrandsResponse.newBuilder()
                .addAllBrands(sql.list(BRAND_SQL + " ORDER BY b.recognised_on, b.id LIMIT ? OFFSET ?",
                        RegistryService::brandRow, w.size(), w.offset()))
                .setTotalSize(total).setNextPageToken(w.nextToken(total)).build();
    }

    private static Brand brandRow(ResultSet rs) throws SQLException {
        return Brand.newBuilder().setId(rs.getLong("id")).setEnterpriseCreditCode(rs.getString("enterprise_credit_code"))
                .setEnterpriseName(rs.getString("enterprise_name")).setBrand(rs.getString("brand"))
                .setCertificateNumber(rs.getString("certificate_number"))
                .setRecognisedOn(rs.getDate("recognised_on").toLocalDate().toString()).setOnline(rs.getBoolean("online"))
                .build();
    }

    /** Enrols (or re-enrols with a new inventory) a standard-pallet pilot enterprise (二(四)). */
    @Transactional
    public PalletPilot enrolPalletPilot(EnrolPalletPilotRequest r) {
        Authority.officer();
        LocalDate today = LocalDate.now(clock);
        FieldErrors errors = new FieldErrors();
        String owner = Validation.creditCode(errors, "enterpriseCreditCode", r.getEnterpriseCreditCode());
        String sector = errors.text("sector", r.getSector(), 64);
        List<String> sectors = parameters.palletSectors(today);
        if (sector != null && !sectors.contains(sector)) {
            errors.add("sector", "must be one of " + sectors);
        }
        if (r.getStockCount() == 0) {
            errors.add("stock", "must list at least one pallet size");
        }
        List<StandardPalletShare.Stock> stock = new ArrayList<>();
        for (int i = 0; i < r.getStockCount(); i++) {
            PalletStock s = r.getStock(i);
            FieldErrors at = errors.at("stock[" + i + "]");
            boolean ok = at.check(s.getLengthMm() >= 1 && s.getLengthMm() <= 5000, "lengthMm", "must be 1..5000 mm")
                    & at.check(s.getWidthMm() >= 1 && s.getWidthMm() <= 5000, "widthMm", "must be 1..5000 mm")
                    & at.check(s.getCount() >= 0, "count", "must not be negative");
            if (ok) {
                stock.add(new StandardPalletShare.Stock(s.getLengthMm(), s.getWidthMm(), s.getCount()));
            }
        }
        errors.throwIfAny();
        Enterprise e = find(owner).orElseThrow(() -> notFound(owner));
        Caller caller = Authority.officerFor(e.getRegion());
        StandardPalletShare.Result result = StandardPalletShare.compute(stock,
                parameters.value(RetailParameters.PALLET, today));
        sql.update("""
                INSERT INTO pallet_pilot (enterprise_credit_code, sector, total_pallets, standard_pallets, enrolled_by,
                                          enrolled_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (enterprise_credit_code) DO UPDATE SET sector = excluded.sector,
                  total_pallets = excluded.total_pallets, standard_pallets = excluded.standard_pallets,
                  enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at""",
                owner, sector, result.total(), result.standard(), caller.subject(), clock.instant());
        return PalletPilot.newBuilder().setEnterpriseCreditCode(owner).setSector(sector)
                .setTotalPallets(result.total()).setStandardPallets(result.standard())
                .setStandardShare(result.share().toPlainString()).setExplanation(result.explanation()).build();
    }
}
