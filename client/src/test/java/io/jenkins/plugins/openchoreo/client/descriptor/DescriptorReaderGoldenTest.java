package io.jenkins.plugins.openchoreo.client.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real descriptors of OpenChoreo's samples (shared/openchoreo-samples, read in place) against
 * Workloads written by hand from the conversion rules (test resources descriptor/golden, whose
 * README maps each file to its sample).
 */
class DescriptorReaderGoldenTest {

    static Path samples() {
        String configured = System.getProperty("openchoreo.samples");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir"), "..", "..", "shared", "openchoreo-samples");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "service-go-greeter/workload.yaml, greeter, service-go-greeter",
        "service-go-reading-list/workload.yaml, reading-list, service-go-reading-list",
        "project-url-shortener/api-service/workload.yaml, snip-api-service, project-url-shortener-api-service",
        "project-url-shortener/frontend/workload.yaml, snip-frontend, project-url-shortener-frontend",
        "project-latency-lab/db/workload.yaml, db, project-latency-lab-db",
        "micro-integrator/data-service-mi/mysql/workload.yaml, mysql, micro-integrator-mysql",
        "micro-integrator/data-service-mi/db-init/workload.yaml, db-init, micro-integrator-db-init",
        "paketo-node/workload.yaml, pkt-svc, paketo-node"
    })
    void sampleDescriptorsBecomeTheExpectedWorkload(String descriptor, String component, String golden)
            throws IOException {
        Path root = samples();
        Assumptions.assumeTrue(Files.isDirectory(root), "the samples are not beside this checkout: " + root);

        Descriptor read = new DescriptorReader(new LocalWorkspaceFiles(root)).read(descriptor);
        JsonNode workload = read.overlay().applyTo(Workload.minimal(component + "-workload", "samples", component,
                "registry.example.com/" + component + ":1").toJson());

        assertThat(workload).isEqualTo(expected(golden));
        assertThat(read.path()).isEqualTo(descriptor);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "micro-integrator/data-service-mi/mysql/workload.yaml, image",
        "micro-integrator/data-service-mi/db-init/workload.yaml, container"
    })
    void keysTheConversionIgnoresAreNamedInAWarning(String descriptor, String key) {
        Path root = samples();
        Assumptions.assumeTrue(Files.isDirectory(root), "the samples are not beside this checkout: " + root);

        Descriptor read = new DescriptorReader(new LocalWorkspaceFiles(root)).read(descriptor);

        assertThat(read.warnings()).containsExactly(descriptor + ": unknown key \"" + key + "\" ignored");
    }

    private static JsonNode expected(String golden) throws IOException {
        try (InputStream in = DescriptorReaderGoldenTest.class.getResourceAsStream("/descriptor/golden/" + golden
                + ".json")) {
            assertThat(in).as("golden file %s", golden).isNotNull();
            return Json.MAPPER.readTree(in);
        }
    }
}
