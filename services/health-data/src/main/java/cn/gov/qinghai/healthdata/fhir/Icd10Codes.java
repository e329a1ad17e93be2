package cn.gov.qinghai.healthdata.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * A recorded diagnosis code as FHIR codings. China's national clinical edition of ICD-10 (国家临床版, e.g.
 * {@code I10.x00x002}, {@code J18.900x001}) extends WHO ICD-10 below the WHO code: the WHO code is the category
 * plus the first subdivision digit when there is one ({@code I10}, {@code J18.9}). A WHO-level code (e.g.
 * {@code K35.8}) gives one WHO coding; an extended code gives two codings, each under its own system, and only the
 * coding that is exactly the recorded code carries the recorded name as display.
 */
public final class Icd10Codes {
    private Icd10Codes() {}

    /** The WHO ICD-10 code a recorded code belongs to. */
    public static String whoCode(String recorded) {
        String category = recorded.substring(0, 3);
        if (recorded.length() > 4 && recorded.charAt(3) == '.' && Character.isDigit(recorded.charAt(4))) {
            return category + "." + recorded.charAt(4);
        }
        return category;
    }

    /** Whether the recorded code goes beyond WHO ICD-10 (then it is a national clinical edition code). */
    public static boolean isNationalExtension(String recorded) {
        return !whoCode(recorded).equals(recorded);
    }

    public static CodeableConcept concept(String recorded, String name) {
        CodeableConcept c = new CodeableConcept().setText(name);
        String who = whoCode(recorded);
        var whoCoding = c.addCoding().setSystem(FhirSystems.ICD10_WHO).setCode(who);
        if (isNationalExtension(recorded)) {
            c.addCoding()
                    .setSystem(FhirSystems.ICD10_CN_CLINICAL)
                    .setCode(recorded)
                    .setDisplay(name);
        } else {
            whoCoding.setDisplay(name);
        }
        return c;
    }
}
