package cn.gov.qinghai.kit.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParameterRegistryTest {

    private final ParameterRegistry registry = ParameterRegistry.fromClasspath("parameters");
    private final PolicyParameter regional = registry.get("test.regional");

    @Test
    void loadsEveryFileInTheFolder() {
        assertEquals(2, registry.all().size());
    }

    @Test
    void dayBeforeEffectiveDateUsesUnknownStartTierOfTheRegion() {
        ParameterValue v = regional.at(LocalDate.of(2017, 4, 30), "630100");
        assertEquals(new BigDecimal("1250.00"), v.decimal());
        assertTrue(v.startUnknown());
        assertEquals("", v.effectiveFromText());
        assertEquals("青政〔2014〕29号", v.citation().document());
        assertEquals("quoted by 41号", v.citation().note());
        assertEquals("630100", v.region());
    }

    @Test
    void dayOfEffectiveDateUsesTheNewValueWithItsOwnCitation() {
        ParameterValue v = regional.at(LocalDate.of(2017, 5, 1), "632700");
        assertEquals(new BigDecimal("1500.00"), v.decimal());
        assertFalse(v.startUnknown());
        assertEquals("2017-05-01", v.effectiveFromText());
        assertEquals("青政〔2017〕41号 一", v.citation().shortText());
    }

    @Test
    void countyFallsBackToItsPrefectureAndProvinceIsNotCoveredByTiers() {
        assertEquals(
                new BigDecimal("1270.00"),
                regional.at(LocalDate.of(2016, 1, 1), "632701").decimal());
        ParameterLookupException e =
                assertThrows(ParameterLookupException.class, () -> regional.at(LocalDate.of(2016, 1, 1), "630000"));
        assertEquals(ParameterLookupException.Kind.REGION_NOT_COVERED, e.kind());
    }

    @Test
    void datedNullRepeals() {
        ParameterLookupException e =
                assertThrows(ParameterLookupException.class, () -> regional.at(LocalDate.of(2030, 1, 1), "630100"));
        assertEquals(ParameterLookupException.Kind.REPEALED, e.kind());
        assertEquals(
                new BigDecimal("1500.00"),
                regional.at(LocalDate.of(2029, 12, 31), "630100").decimal());
    }

    @Test
    void structuredValuesAndDecisionsAreRead() {
        PolicyParameter p = registry.get("test.structured");
        ParameterValue v = p.at(LocalDate.of(2017, 1, 1));
        assertEquals(new BigDecimal("0.004"), v.decimal("maternity"));
        assertEquals("a test decision note", v.entry().decision());
        ParameterLookupException e =
                assertThrows(ParameterLookupException.class, () -> p.at(LocalDate.of(2016, 12, 31)));
        assertEquals(ParameterLookupException.Kind.NOT_YET_IN_FORCE, e.kind());
    }

    @Test
    void yamlFloatsAreRefusedBecauseTheyAreNotExact() {
        String yaml = """
                id: x
                description: d
                unit: CNY
                reference: {document: 青政〔2017〕41号, clause: 一}
                values:
                  - from: 2017-05-01
                    value: 15.2
                """;
        ParameterFileException e = assertThrows(ParameterFileException.class, () -> read(yaml));
        assertTrue(e.getMessage().contains("quoted"), e.getMessage());
    }

    @Test
    void datesMustAscendAndOnlyTheFirstMayBeUnknown() {
        String yaml = """
                id: x
                description: d
                unit: CNY
                reference: {document: D, clause: C}
                values:
                  - from: 2017-05-01
                    value: "1"
                  - from: 2017-05-01
                    value: "2"
                """;
        assertThrows(ParameterFileException.class, () -> read(yaml));
        String unknownLater = """
                id: x
                description: d
                unit: CNY
                reference: {document: D, clause: C}
                values:
                  - from: 2017-05-01
                    value: "1"
                  - from: null
                    startUnknown: true
                    value: "2"
                """;
        assertThrows(ParameterFileException.class, () -> read(unknownLater));
    }

    private static PolicyParameter read(String yaml) {
        return ParameterFileReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "inline");
    }
}
