package io.jenkins.plugins.openchoreo;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
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
}
