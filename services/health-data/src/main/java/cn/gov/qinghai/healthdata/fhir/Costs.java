package cn.gov.qinghai.healthdata.fhir;

import cn.gov.qinghai.healthdata.data.Rows.EncounterRow;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Invoice;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;

/**
 * The cost of an encounter as a FHIR Invoice in CNY: {@code totalGross} is the total cost, {@code totalNet} what
 * the resident paid out of pocket (自付), and the price components show the base amount and the part paid by
 * insurance and others as a deduction, so gross − deduction = net can be checked by hand. The encounter it
 * belongs to is named in the line item (R4 Invoice has no encounter reference).
 */
final class Costs {
    private Costs() {}

    static Invoice invoice(EncounterRow e, Reference patient, Parties parties, Instant recorded) {
        Invoice inv = new Invoice();
        inv.setId(Fhir.derivedId("Invoice", e.id()));
        Resources.common(inv, recorded);
        inv.setStatus(Invoice.InvoiceStatus.ISSUED);
        inv.getType().setText("医疗费用 (medical costs of the encounter)");
        inv.setSubject(patient);
        inv.setRecipient(new Reference(patient.getReference()));
        inv.setDate(Date.from(recorded));
        inv.setIssuer(parties.organisation(e.organisation()));
        var line = inv.addLineItem().setSequence(1);
        line.setChargeItem(new org.hl7.fhir.r4.model.CodeableConcept()
                .setText("就诊 " + e.startDate() + " " + e.diagnosisCode() + " (Encounter " + e.id() + ")"));
        line.addPriceComponent().setType(Invoice.InvoicePriceComponentType.BASE).setAmount(cny(e.totalCost()));
        line.addPriceComponent()
                .setType(Invoice.InvoicePriceComponentType.DEDUCTION)
                .setAmount(cny(e.totalCost().subtract(e.selfPaid())))
                .getCode()
                .setText("医保及其他支付 (paid by insurance and others)");
        inv.setTotalGross(cny(e.totalCost()));
        inv.setTotalNet(cny(e.selfPaid()));
        Narratives.set(
                inv,
                "费用 Invoice: 总费用 " + e.totalCost().toPlainString() + " 元, 自付 "
                        + e.selfPaid().toPlainString() + " 元",
                "就诊 " + e.startDate() + " " + e.diagnosisCode());
        return inv;
    }

    private static Money cny(java.math.BigDecimal yuan) {
        return new Money().setValue(yuan).setCurrency("CNY");
    }
}
