package io.jenkins.plugins.openchoreo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.HostnameRequirement;
import hudson.AbortException;
import io.jenkins.plugins.openchoreo.client.deploy.DeployMode;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The pieces of a deploy that need no Jenkins: the mode read at run time, unexpected errors, domain requirements. */
class DeployExecutionTest {

    @Test
    void modeIsParsedAtRunTimeWithTheAcceptedValues() throws Exception {
        assertEquals(DeployMode.AUTO, ArgumentResolver.mode(null));
        assertEquals(DeployMode.IMAGE_ONLY, ArgumentResolver.mode("image-only"));
        AbortException e = assertThrows(AbortException.class, () -> ArgumentResolver.mode("imge-only"));
        assertEquals("[OpenChoreo] Unknown mode \"imge-only\": use auto, image-only or replace", e.getMessage());
    }

    @Test
    void anUnexpectedErrorIsOneMaskedLineAndAMaskedTraceInTheSystemLog() {
        String secret = "s3cr3t-value-long-enough";
        SecretMasker masker = new SecretMasker().add(secret);
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(EngineRun.class.getName());
        logger.addHandler(handler);
        try {
            AbortException e = EngineRun.bug(
                    new IllegalStateException("boom with " + secret, new RuntimeException("cause " + secret)), masker);
            assertTrue(e.getMessage().startsWith("[OpenChoreo] Unexpected error: java.lang.IllegalStateException"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("please report it"), e.getMessage());
            assertFalse(e.getMessage().contains(secret));
            assertFalse(e.getMessage().contains("\tat "));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, records.size());
        LogRecord record = records.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals(null, record.getThrown(), "the trace is logged as masked text, not as the Throwable");
        String logged = String.valueOf(record.getParameters()[0]);
        assertTrue(logged.contains("\tat io.jenkins.plugins.openchoreo.DeployExecutionTest"), logged);
        assertTrue(logged.contains("Caused by"), logged);
        assertFalse(logged.contains(secret), logged);
    }

    @Test
    void domainRequirementsNameEveryHostTheSecretGoesTo() {
        List<DomainRequirement> requirements =
                CredentialsResolver.domainRequirements("https://api.example.com/x", null, "https://idp.example.org/token");
        List<String> hosts = requirements.stream().filter(HostnameRequirement.class::isInstance)
                .map(r -> ((HostnameRequirement) r).getHostname()).toList();
        assertEquals(List.of("api.example.com", "idp.example.org"), hosts);
    }
}
