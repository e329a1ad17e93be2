package cn.gov.qinghai.kit.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class AuditActorsTest {

    @Test
    void residentsAreNamedByRoleNeverByTheirNumber() {
        String id = "630123199001011234";
        assertEquals(AuditActors.RESIDENT_LABEL, AuditActors.display(id, "health:resident"));
        assertEquals(AuditActors.RESIDENT_LABEL, AuditActors.display(id, ""), "a number-shaped subject alone");
        assertEquals(AuditActors.RESIDENT_LABEL, AuditActors.display("63012319900101123X", "health:clinician"));
        assertEquals(AuditActors.RESIDENT_LABEL, AuditActors.display("citizen-7", "health:resident"));
        assertFalse(AuditActors.display(id, "health:resident").contains("6301"));
    }

    @Test
    void staffAreNamedByStaffId() {
        assertEquals("dr-xining-1", AuditActors.display("dr-xining-1", "health:clinician"));
        assertEquals("registrar-7", AuditActors.display("registrar-7", "health:registrar,health:resident"));
        assertEquals("", AuditActors.display(null, "x"));
    }
}
