package cn.gov.qinghai.retail.service;

import cn.gov.qinghai.kit.auth.Caller;
import cn.gov.qinghai.kit.grpc.FieldErrors;
import cn.gov.qinghai.retail.data.PalletPilotRepository;
import cn.gov.qinghai.retail.rules.RetailParameters;
import cn.gov.qinghai.retail.rules.StandardPalletShare;
import cn.gov.qinghai.retail.v1.EnrolPalletPilotRequest;
import cn.gov.qinghai.retail.v1.Enterprise;
import cn.gov.qinghai.retail.v1.PalletPilot;
import cn.gov.qinghai.retail.v1.PalletStock;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Standard-pallet pilots (青政办〔2017〕85号 二(四)): enrolment with the enterprise's pallet inventory. */
@Singleton
public class PalletPilotService {

    private final PalletPilotRepository pilots;
    private final EnterpriseService enterprises;
    private final RetailParameters parameters;
    private final Clock clock;

    public PalletPilotService(
            PalletPilotRepository pilots, EnterpriseService enterprises, RetailParameters parameters, Clock clock) {
        this.pilots = pilots;
        this.enterprises = enterprises;
        this.parameters = parameters;
        this.clock = clock;
    }

    /** Enrols (or re-enrols with a new inventory) a standard-pallet pilot enterprise. */
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
        Enterprise e = enterprises.require(owner);
        Caller caller = Authority.officerFor(e.getRegion());
        StandardPalletShare.Result result =
                StandardPalletShare.compute(stock, parameters.value(RetailParameters.PALLET, today));
        pilots.enrol(owner, sector, result.total(), result.standard(), caller.subject(), clock.instant());
        return PalletPilot.newBuilder()
                .setEnterpriseCreditCode(owner)
                .setSector(sector)
                .setTotalPallets(result.total())
                .setStandardPallets(result.standard())
                .setStandardShare(result.share().toPlainString())
                .setExplanation(result.explanation())
                .build();
    }
}
