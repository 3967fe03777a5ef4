package io.jenkins.plugins.openchoreo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
        assertThat(ArgumentResolver.mode(null)).isEqualTo(DeployMode.AUTO);
        assertThat(ArgumentResolver.mode("image-only")).isEqualTo(DeployMode.IMAGE_ONLY);
        AbortException e = assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> ArgumentResolver.mode("imge-only")).actual();
        assertThat(e.getMessage())
                .isEqualTo("[OpenChoreo] Unknown mode \"imge-only\": use auto, image-only or replace");
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
            assertThat(e.getMessage().startsWith("[OpenChoreo] Unexpected error: java.lang.IllegalStateException"))
                    .as(e.getMessage()).isTrue();
            assertThat(e.getMessage().contains("please report it")).as(e.getMessage()).isTrue();
            assertThat(e.getMessage().contains(secret)).isFalse();
            assertThat(e.getMessage().contains("\tat ")).isFalse();
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records.size()).isEqualTo(1);
        LogRecord record = records.get(0);
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getThrown()).as("the trace is logged as masked text, not as the Throwable").isEqualTo(null);
        String logged = String.valueOf(record.getParameters()[0]);
        assertThat(logged.contains("\tat io.jenkins.plugins.openchoreo.DeployExecutionTest")).as(logged).isTrue();
        assertThat(logged.contains("Caused by")).as(logged).isTrue();
        assertThat(logged.contains(secret)).as(logged).isFalse();
    }

    @Test
    void domainRequirementsNameEveryHostTheSecretGoesTo() {
        List<DomainRequirement> requirements = CredentialsResolver.domainRequirements("https://api.example.com/x", null,
                "https://idp.example.org/token");
        List<String> hosts = requirements.stream().filter(HostnameRequirement.class::isInstance)
                .map(r -> ((HostnameRequirement) r).getHostname()).toList();
        assertThat(hosts).isEqualTo(List.of("api.example.com", "idp.example.org"));
    }
}
