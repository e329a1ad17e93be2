package cn.gov.qinghai.kit.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    @Test
    void knowsTheProvinceAndEightPrefectures() {
        assertEquals(9, Regions.provinceAndPrefectures().size());
        assertEquals("玉树州", Regions.nameZh("632700"));
        assertFalse(Regions.isProvinceOrPrefecture("999999"));
        assertFalse(Regions.isProvinceOrPrefecture("632400"));
    }

    @Test
    void lookupChainGoesFromCountyToPrefectureToProvince() {
        assertEquals(List.of("630121", "630100", "630000"), Regions.lookupChain("630121"));
        assertEquals(List.of("630100", "630000"), Regions.lookupChain("630100"));
        assertEquals(List.of("630000"), Regions.lookupChain("630000"));
    }

    @Test
    void scopesCoverTheirOwnAreaOnly() {
        assertTrue(Regions.covers("630000", "632701"));
        assertTrue(Regions.covers("630100", "630121"));
        assertFalse(Regions.covers("630100", "632701"));
        assertFalse(Regions.covers("630121", "630100"));
        assertFalse(Regions.covers("630100", "630000"));
    }

    @Test
    void countyCodesMustLieInAKnownPrefecture() {
        assertTrue(Regions.isWithinQinghai("632722"));
        assertFalse(Regions.isWithinQinghai("632422"));
        assertFalse(Regions.isWithinQinghai("110105"));
    }
}
