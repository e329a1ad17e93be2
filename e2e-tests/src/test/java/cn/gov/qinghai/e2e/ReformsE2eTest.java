package cn.gov.qinghai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.e2e.PlatformUnderTest.Response;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reforms (issue 24) end to end: the law and a "what if" side by side through the gateway; bad overrides named. */
class ReformsE2eTest {

    private final PlatformUnderTest platform = PlatformUnderTest.get();

    @Test
    void aHigherProvincialFloorBesideTheLaw() {
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year":2018,"members":[{"age":40,"incomes":[{"type":"WAGE","annualAmount":"3000"}]}],
                 "reform":{"name":"floor 4200","overrides":[{"id":"dibao.provincial_floor","value":"4200",
                 "from":"2018-01-01"}]}}""", null);
        assertEquals(200, r.status(), r.body());
        JsonObject j = r.json();
        assertEquals("63.50", j.get("monthlyGapBenefit").getAsString());
        JsonObject reform = j.getAsJsonObject("reformEstimate");
        assertEquals("100.00", reform.get("monthlyGapBenefit").getAsString());
        JsonObject first = reform.getAsJsonArray("explanation").get(0).getAsJsonObject();
        assertTrue(first.get("changedByReform").getAsBoolean(), first.toString());
        assertTrue(first.toString().contains("\"hypothetical\":true"), first.toString());
        assertTrue(j.getAsJsonObject("reformDifferences").toString().contains("monthlyGapBenefit"));
        // and nothing was stored: the law answers the same afterwards
        Response again = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year":2018,"members":[{"age":40,"incomes":[{"type":"WAGE","annualAmount":"3000"}]}]}""", null);
        assertEquals("63.50", again.json().get("monthlyGapBenefit").getAsString());
        assertFalse(again.json().has("reformEstimate"));
    }

    @Test
    void anEnterpriseCostCalculatorTakesAReformBesideItsInputs() {
        Response r = platform.post(
                "/api/v1/enterprise-cost/calculators/social-insurance/calculate?date=2017-07-21", """
                {"payroll":"100000","reform":{"overrides":[{"id":"enterprise_cost.social_insurance.employer_rates",
                 "value":"{\\"unemployment\\":\\"0.01\\"}"}]}}""", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("1540.00", r.json().get("amount").getAsString());
        assertEquals(
                "2040.00",
                r.json().getAsJsonObject("reformCalculation").get("amount").getAsString());
    }

    @Test
    void badOverridesAre400NamingEachField() {
        Response r = platform.post("/api/v1/dibao/benefit-estimates", """
                {"year":2018,"members":[{"age":40}],
                 "reform":{"overrides":[{"id":"dibao.nope","value":"1"},
                                        {"id":"dibao.provincial_floor","value":"x","from":"2017-01-01"}]}}""", null);
        assertEquals(400, r.status(), r.body());
        assertEquals(List.of("reform.overrides[0].id", "reform.overrides[1].from"), r.problemFields());
    }
}
