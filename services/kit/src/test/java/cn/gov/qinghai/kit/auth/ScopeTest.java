package cn.gov.qinghai.kit.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.qinghai.kit.grpc.ServiceException;
import io.grpc.Status;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static Caller caller(String region, String org) {
        return new Caller("c", Set.of("x:reviewer"), region, org, "token");
    }

    @Test
    void sqlFormOfEachLevel() {
        assertEquals("63%", new Scope("630000").likePattern());
        assertEquals("6301%", new Scope("630100").likePattern());
        assertEquals("630121", new Scope("630121").likePattern());
        assertEquals(new Scope.Sql("county LIKE ?", "6328%"), new Scope("632800").where("county"));
    }

    @Test
    void missingOrMalformedRegionFailsClosed() {
        for (String claim :
                new String[] {null, "", " ", "63", "6301", "110000", "630100 ", "63010a", "639900", "630100' OR '1'='1"
                }) {
            Caller c = caller(claim, "");
            ServiceException e = assertThrows(ServiceException.class, c::scope, "claim " + claim);
            assertEquals(Status.Code.PERMISSION_DENIED, e.code());
            assertEquals(Scope.SCOPE_MISSING, e.reason());
            assertEquals(
                    Scope.SCOPE_MISSING,
                    assertThrows(ServiceException.class, () -> c.requireRegion("630121"))
                            .reason());
            assertFalse(c.covers("630121"), "an unscoped caller covers nothing");
        }
    }

    @Test
    void coverageFollowsTheHierarchy() {
        assertTrue(caller("630000", "").covers("632801"));
        assertTrue(caller("632800", "").covers("632801"));
        assertFalse(caller("632800", "").covers("630000"));
        assertFalse(caller("632801", "").covers("632800"));
        assertEquals(
                "REGION_OUT_OF_SCOPE",
                assertThrows(ServiceException.class, () -> caller("630100", "").requireRegion("632801"))
                        .reason());
    }

    @Test
    void organisationScopeFailsClosedToo() {
        assertEquals("org-a", caller("", "org-a").organisationScope());
        assertEquals(
                Scope.SCOPE_MISSING,
                assertThrows(ServiceException.class, () -> caller("630000", "").organisationScope())
                        .reason());
    }
}
