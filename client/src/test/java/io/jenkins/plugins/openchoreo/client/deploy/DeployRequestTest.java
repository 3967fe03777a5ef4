package io.jenkins.plugins.openchoreo.client.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A deploy request as the front ends build it: defaults, trimming, the mode setting and portal links. */
class DeployRequestTest {

    @Test
    void unsetFieldsGetTheirDefaultsAndBlankMeansUnset() {
        DeployRequest request = new DeployRequest(" ", null, " greeter ", " r/g:1 ", "  ", "", null, " ", null, "\t",
                null, null, null, " ", false, false, null);
        assertThat(request.namespace()).isEqualTo(DeployRequest.DEFAULT_NAMESPACE);
        assertThat(request.project()).isEqualTo(DeployRequest.DEFAULT_PROJECT);
        assertThat(request.component()).isEqualTo("greeter");
        assertThat(request.image()).isEqualTo("r/g:1");
        assertThat(request.workloadName()).isNull();
        assertThat(request.descriptor()).isNull();
        assertThat(request.env()).isEmpty();
        assertThat(request.endpoints()).isNull();
        assertThat(request.files()).isNull();
        assertThat(request.dependencies()).isNull();
        assertThat(request.labels()).isEmpty();
        assertThat(request.annotations()).isEmpty();
        assertThat(request.mode()).isEqualTo(DeployMode.AUTO);
        assertThat(request.workflowRun()).isNull();
        assertThat(request.effectiveWorkloadName()).isEqualTo("greeter-workload");
    }

    @Test
    void aMissingComponentAndImageStayMissingForTheChecksToReport() {
        DeployRequest request = DeployRequest.builder(null, null).build();
        assertThat(request.component()).isNull();
        assertThat(request.image()).isNull();
    }

    @Test
    void givenValuesAreKeptTrimmedAndCopied() {
        List<String> env = new java.util.ArrayList<>(List.of("A=1"));
        Map<String, String> labels = new java.util.HashMap<>(Map.of("team", "payments"));
        DeployRequest request = DeployRequest.builder("greeter", "r/g:1").namespace(" prod ").project("shop")
                .workloadName(" greeter ").env(env).labels(labels).annotations(Map.of("a", "b"))
                .mode(DeployMode.REPLACE).workflowRun(" build-42 ").build();
        env.add("B=2");
        labels.put("extra", "x");
        assertThat(request.namespace()).isEqualTo("prod");
        assertThat(request.effectiveWorkloadName()).isEqualTo("greeter");
        assertThat(request.env()).containsExactly("A=1");
        assertThat(request.labels()).containsExactly(Map.entry("team", "payments"));
        assertThat(request.annotations()).containsExactly(Map.entry("a", "b"));
        assertThat(request.mode()).isEqualTo(DeployMode.REPLACE);
        assertThat(request.workflowRun()).isEqualTo("build-42");
        assertThatThrownBy(() -> request.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "image-only, IMAGE_ONLY", "IMAGE_ONLY, IMAGE_ONLY", " Replace , REPLACE"})
    void modesParseInAnyCaseWithDashOrUnderscore(String given, DeployMode expected) {
        assertThat(DeployMode.parse(given)).isEqualTo(expected);
        assertThat(DeployMode.parse(expected.wireName())).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aBlankModeIsAuto(String given) {
        assertThat(DeployMode.parse(given)).isEqualTo(DeployMode.AUTO);
    }

    @Test
    void anUnknownModeNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> DeployMode.parse("merge")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown mode \"merge\": use auto, image-only or replace");
    }

    @Test
    void autoReplacesWithADescriptorAndChangesOnlyTheImageWithout() {
        assertThat(DeployMode.AUTO.resolve(true)).isEqualTo(DeployMode.REPLACE);
        assertThat(DeployMode.AUTO.resolve(false)).isEqualTo(DeployMode.IMAGE_ONLY);
        assertThat(DeployMode.IMAGE_ONLY.resolve(true)).isEqualTo(DeployMode.IMAGE_ONLY);
        assertThat(DeployMode.REPLACE.resolve(false)).isEqualTo(DeployMode.REPLACE);
        assertThat(DeployMode.IMAGE_ONLY.wireName()).isEqualTo("image-only");
    }

    @Test
    void portalLinksEncodeNamesAndNeedAPortal() {
        assertThat(PortalLinks.component(null, "default", "greeter")).isNull();
        assertThat(PortalLinks.component(URI.create("https://portal.example/backstage//"), "team a", "greeter"))
                .isEqualTo("https://portal.example/backstage/catalog/team%20a/component/greeter");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void theJenkinsAnnotationIsTheJobFullNameWithoutAnInstance(String instance) {
        assertThat(PortalLinks.jenkinsAnnotation("my-org/my-service", instance)).isEqualTo("my-org/my-service");
    }

    @Test
    void theJenkinsAnnotationIsPrefixedByANamedInstance() {
        assertThat(PortalLinks.jenkinsAnnotation("my-org/my-service", " ci-eu ")).isEqualTo("ci-eu:my-org/my-service");
    }
}
