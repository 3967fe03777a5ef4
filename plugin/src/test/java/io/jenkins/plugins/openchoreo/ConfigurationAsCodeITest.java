package io.jenkins.plugins.openchoreo;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
        assertThat(config.getApiUrl()).isEqualTo("https://api.openchoreo.example.com");
        assertThat(config.getTokenUrl()).isEqualTo("https://idp.example.com/oauth2/token");
        assertThat(config.getPortalUrl()).isEqualTo("https://portal.openchoreo.example.com");
        assertThat(config.getCredentialsId()).isEqualTo("openchoreo-ci");
        assertThat(config.getDefaultNamespace()).isEqualTo("acme");
        assertThat(config.getDefaultProject()).isEqualTo("shop");
        assertThat(config.getAuthMethod()).isEqualTo("client_secret_post");
        assertThat(config.getScope()).isEqualTo("openchoreo");
        assertThat(config.getConnectTimeoutSeconds()).isEqualTo(5);
        assertThat(config.getResponseTimeoutSeconds()).isEqualTo(20);
        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(config.getInstanceName()).isEqualTo("ci-east");
        assertThat(config.getDefaultEnvironment()).isEqualTo("staging");
        assertThat(config.getWaitTimeout()).isEqualTo("15m");
        assertThat(config.getPollIntervalSeconds()).isEqualTo(3);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void exports(JenkinsConfiguredWithCodeRule j) throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("openchoreo");
        String exported = toYamlString(node);
        assertThat(exported.contains("https://api.openchoreo.example.com")).as(exported).isTrue();
        assertThat(exported.contains("defaultNamespace: \"acme\"")).as(exported).isTrue();
        assertThat(exported.contains("maxAttempts: 3")).as(exported).isTrue();
        assertThat(exported.contains("instanceName: \"ci-east\"")).as(exported).isTrue();
        assertThat(exported.contains("defaultEnvironment: \"staging\"")).as(exported).isTrue();
        assertThat(exported.contains("waitTimeout: \"15m\"")).as(exported).isTrue();
        assertThat(exported.contains("pollIntervalSeconds: 3")).as(exported).isTrue();
    }

    /** Configuration as Code calls the setters inside a BulkChange and commits it: saved to disk once. */
    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void persistsWhatItImports(JenkinsConfiguredWithCodeRule j) throws Exception {
        String xml = Files.readString(new File(j.jenkins.getRootDir(),
                OpenChoreoGlobalConfiguration.class.getName() + ".xml").toPath(), StandardCharsets.UTF_8);
        assertThat(xml.contains("<instanceName>ci-east</instanceName>")).as(xml).isTrue();
        assertThat(xml.contains("<maxAttempts>3</maxAttempts>")).as(xml).isTrue();
    }

    /**
     * An out-of-range number fails the load instead of silently becoming the default: Configuration
     * as Code reports "Failed to set attribute 'maxAttempts'" with the setter's message as the root cause.
     */
    @Test
    @ConfiguredWithCode("configuration-as-code.yaml")
    void refusesAnOutOfRangeNumberWithItsReason(JenkinsConfiguredWithCodeRule j) {
        ConfiguratorException e = assertThatExceptionOfType(ConfiguratorException.class)
                .isThrownBy(() -> apply("unclassified:\n  openchoreo:\n    maxAttempts: 50\n")).actual();
        assertThat(e.getMessage().contains("maxAttempts")).as(e.getMessage()).isTrue();
        assertThat(rootCause(e).getMessage()).isEqualTo("maxAttempts must be a whole number from 1 to 20, not 50");
        assertThat(OpenChoreoGlobalConfiguration.get().getMaxAttempts()).as("unchanged").isEqualTo(3);

        ConfiguratorException timeout = assertThatExceptionOfType(ConfiguratorException.class)
                .isThrownBy(() -> apply("unclassified:\n  openchoreo:\n    waitTimeout: \"soon\"\n")).actual();
        assertThat(rootCause(timeout).getMessage().contains("Wait timeout \"soon\" is not a duration"))
                .as(rootCause(timeout).getMessage()).isTrue();
        assertThat(OpenChoreoGlobalConfiguration.get().getWaitTimeout()).as("unchanged").isEqualTo("15m");
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
