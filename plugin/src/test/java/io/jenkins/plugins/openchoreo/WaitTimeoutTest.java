package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The waitTimeout argument's forms, and the multibranch check by class name (no Jenkins needed). */
class WaitTimeoutTest {

    @Test
    void acceptedForms() {
        assertNull(WaitTimeout.parse(null));
        assertNull(WaitTimeout.parse("  "));
        assertEquals(Duration.ofMinutes(10), WaitTimeout.parse("10"));
        assertEquals(Duration.ofSeconds(90), WaitTimeout.parse("90s"));
        assertEquals(Duration.ofMinutes(10), WaitTimeout.parse("10m"));
        assertEquals(Duration.ofMinutes(10), WaitTimeout.parse("10 min"));
        assertEquals(Duration.ofHours(1), WaitTimeout.parse("1h"));
        assertEquals(Duration.ofMinutes(90), WaitTimeout.parse("1h30m"));
        assertEquals(Duration.ofSeconds(150), WaitTimeout.parse("2m30s"));
        assertEquals(Duration.ofSeconds(150), WaitTimeout.parse(" 2M30S "));
        assertEquals(Duration.ofMinutes(10), WaitTimeout.parse("PT10M"));
        assertEquals(Duration.ofMinutes(10), WaitTimeout.parse("pt10m"));
    }

    @Test
    void refusedForms() {
        for (String bad : new String[] {"soon", "1.5h", "-5", "10x", "h", "m30", "P", "PT"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitTimeout.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WaitTimeout.parse("0")).getMessage()
                .contains("longer than zero"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WaitTimeout.parse("25h")).getMessage()
                .contains("longer than 24 hours"));
    }

    @Test
    void multibranchProjectsAreRecognisedByClassName() {
        assertFalse(JobNames.isMultiBranchProject(Object.class));
        assertFalse(JobNames.isMultiBranchProject(String.class));
        assertEquals("jenkins.branch.MultiBranchProject", JobNames.MULTIBRANCH_PROJECT);
    }
}
