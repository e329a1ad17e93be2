package cn.gov.qinghai.healthdata;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import cn.gov.qinghai.healthdata.fhir.Definitions;
import cn.gov.qinghai.healthdata.fhir.Fhir;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

/**
 * The official HAPI FHIR validator, offline, in strict mode: R4 core definitions and terminology, the platform's
 * published definitions, no undeclared extension allowed, unknown profiles are errors, best-practice checks on as
 * warnings. Tests call {@link #assertValid}: 0 errors, and no warning outside {@link #ACCEPTED_WARNINGS}.
 */
final class FhirValidation {

    /**
     * Warnings the validator gives on correct content, each with why it stays (docs/health-data.md lists them):
     * code systems whose content no offline validator holds (LOINC, WHO ICD-10, ATC, and our not-present
     * national-standard code systems) cannot have their codes checked.
     */
    static final Set<String> ACCEPTED_WARNINGS = Set.of(
            // no offline terminology holds these code systems; codes are checked at the edge (CodeFormats)
            "CodeSystem is unknown and can't be validated: http://hl7.org/fhir/sid/icd-10 ",
            "CodeSystem is unknown and can't be validated: http://www.whocc.no/atc ",
            "CodeSystem is unknown and can't be validated: http://loinc.org ",
            // identifier type NI (national unique individual identifier) and HC (health card number) of HL7 v2
            // table 0203 say exactly what the identity number and the health card are; the extensible R4 value
            // set has no national-identity or health-card code
            "(codes = http://terminology.hl7.org/CodeSystem/v2-0203#NI)",
            "(codes = http://terminology.hl7.org/CodeSystem/v2-0203#HC)");

    private static FhirValidator validator;

    private FhirValidation() {}

    static synchronized FhirValidator validator() {
        if (validator == null) {
            var context = Fhir.context();
            PrePopulatedValidationSupport platform = new PrePopulatedValidationSupport(context);
            Definitions.all().forEach(platform::addResource);
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    platform,
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setAnyExtensionsAllowed(false);
            module.setErrorForUnknownProfiles(true);
            module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Warning);
            validator = context.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    static List<SingleValidationMessage> messages(String json) {
        return validator().validateWithResult(json).getMessages();
    }

    /** Fails with every error and every unaccepted warning, each with its location. */
    static void assertValid(String json) {
        List<SingleValidationMessage> bad = messages(json).stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()
                        || (m.getSeverity() == ResultSeverityEnum.WARNING && !accepted(m)))
                .toList();
        if (!bad.isEmpty()) {
            throw new AssertionError("FHIR validation found " + bad.size() + " problem(s):\n"
                    + bad.stream()
                            .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    private static boolean accepted(SingleValidationMessage m) {
        return ACCEPTED_WARNINGS.stream().anyMatch(m.getMessage()::contains);
    }
}
