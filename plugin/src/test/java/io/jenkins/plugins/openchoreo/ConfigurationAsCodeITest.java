package io.jenkins.plugins.openchoreo;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code unclassified: openchoreo:} in, the same out. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeITest {

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void imports(JenkinsConfiguredWithCodeRule j) {
        OpenChoreoGlobalConfiguration config = OpenChoreoGlobalConfiguration.get();
        assertEquals("https://api.openchoreo.example.com", config.getApiUrl());
        assertEquals("https://idp.example.com/oauth2/token", config.getTokenUrl());
        assertEquals("https://portal.openchoreo.example.com", config.getPortalUrl());
        assertEquals("openchoreo-ci", config.getCredentialsId());
        assertEquals("acme", config.getDefaultNamespace());
        assertEquals("shop", config.getDefaultProject());
        assertEquals("client_secret_post", config.getAuthMethod());
        assertEquals("openchoreo", config.getScope());
        assertEquals(5, config.getConnectTimeoutSeconds());
        assertEquals(20, config.getResponseTimeoutSeconds());
        assertEquals(3, config.getMaxAttempts());
        assertEquals("ci-east", config.getInstanceName());
        assertEquals("staging", config.getDefaultEnvironment());
        assertEquals("15m", config.getWaitTimeout());
        assertEquals(3, config.getPollIntervalSeconds());
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exports(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("openchoreo");
        String exported = toYamlString(node);
        assertTrue(exported.contains("https://api.openchoreo.example.com"), exported);
        assertTrue(exported.contains("defaultNamespace: \"acme\""), exported);
        assertTrue(exported.contains("maxAttempts: 3"), exported);
        assertTrue(exported.contains("instanceName: \"ci-east\""), exported);
        assertTrue(exported.contains("defaultEnvironment: \"staging\""), exported);
        assertTrue(exported.contains("waitTimeout: \"15m\""), exported);
        assertTrue(exported.contains("pollIntervalSeconds: 3"), exported);
    }

    /** Configuration as Code calls the setters inside a BulkChange and commits it: saved to disk once. */
    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void persistsWhatItImports(JenkinsConfiguredWithCodeRule j) throws Exception {
        String xml = Files.readString(new File(j.jenkins.getRootDir(),
                OpenChoreoGlobalConfiguration.class.getName() + ".xml").toPath(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<instanceName>ci-east</instanceName>"), xml);
        assertTrue(xml.contains("<maxAttempts>3</maxAttempts>"), xml);
    }

    /**
     * An out-of-range number fails the load instead of silently becoming the default: Configuration
     * as Code reports "Failed to set attribute 'maxAttempts'" with the setter's message as the root cause.
     */
    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void refusesAnOutOfRangeNumberWithItsReason(JenkinsConfiguredWithCodeRule j) {
        ConfiguratorException e = assertThrows(ConfiguratorException.class,
                () -> apply("unclassified:\n  openchoreo:\n    maxAttempts: 50\n"));
        assertTrue(e.getMessage().contains("maxAttempts"), e.getMessage());
        assertEquals("maxAttempts must be a whole number from 1 to 20, not 50", rootCause(e).getMessage());
        assertEquals(3, OpenChoreoGlobalConfiguration.get().getMaxAttempts(), "unchanged");

        ConfiguratorException timeout = assertThrows(ConfiguratorException.class,
                () -> apply("unclassified:\n  openchoreo:\n    waitTimeout: \"soon\"\n"));
        assertTrue(rootCause(timeout).getMessage().contains("Wait timeout \"soon\" is not a duration"),
                rootCause(timeout).getMessage());
        assertEquals("15m", OpenChoreoGlobalConfiguration.get().getWaitTimeout(), "unchanged");
    }

    private static void apply(String yaml) throws ConfiguratorException {
        ConfigurationAsCode.get().configureWith(
                YamlSource.of(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
