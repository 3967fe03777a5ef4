package io.jenkins.plugins.openchoreo.client;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.jenkins.plugins.openchoreo.client.archfixture.a.UsesB;
import io.jenkins.plugins.openchoreo.client.archfixture.b.UsesA;
import io.jenkins.plugins.openchoreo.client.deploy.Deployer;
import io.jenkins.plugins.openchoreo.client.json.ReachesUp;
import org.junit.jupiter.api.Test;

/**
 * The engine's package map, enforced: no package cycles, and each layer used only from above.
 * Top to bottom: the use cases (deploy, promote), the connection (this root package: the public
 * entry points that build a connection from settings and credentials), rollout following, the
 * API clients, tokens, retry, HTTP, the descriptor, the model, and the leaves every layer may use
 * (Json, the naming/image/label/URL rules, errors, masking).
 */
class PackageArchitectureTest {

    private static final String ROOT = "io.jenkins.plugins.openchoreo.client";

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** Every package of the engine is one slice, the root package included. */
    static ArchRule noCycles() {
        return slices().matching("io.jenkins.plugins.openchoreo.(**)").should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Use cases").definedBy(ROOT + ".deploy..", ROOT + ".promote..")
                .layer("Connection").definedBy(ROOT)
                .layer("Rollout").definedBy(ROOT + ".rollout..")
                .layer("Api").definedBy(ROOT + ".api..")
                .layer("Auth").definedBy(ROOT + ".auth..")
                .layer("Retry").definedBy(ROOT + ".retry..")
                .layer("Http").definedBy(ROOT + ".http..")
                .layer("Descriptor").definedBy(ROOT + ".descriptor..")
                .layer("Model").definedBy(ROOT + ".model..")
                .layer("Leaves").definedBy(ROOT + ".json..", ROOT + ".rules..", ROOT + ".error..", ROOT + ".mask..")
                .whereLayer("Use cases").mayNotBeAccessedByAnyLayer()
                .whereLayer("Connection").mayOnlyBeAccessedByLayers("Use cases")
                .whereLayer("Rollout").mayOnlyBeAccessedByLayers("Use cases", "Connection")
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout")
                .whereLayer("Auth").mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api")
                .whereLayer("Retry").mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api", "Auth")
                .whereLayer("Http")
                .mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api", "Auth", "Retry")
                .whereLayer("Descriptor").mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api")
                .whereLayer("Model")
                .mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api", "Descriptor")
                .whereLayer("Leaves").mayOnlyBeAccessedByLayers("Use cases", "Connection", "Rollout", "Api", "Auth",
                        "Retry", "Http", "Descriptor", "Model", "Leaves");
    }

    @Test
    void packagesAreFreeOfCycles() {
        noCycles().check(ENGINE);
    }

    @Test
    void eachLayerIsUsedOnlyFromAbove() {
        layers().check(ENGINE);
    }

    @Test
    void leavesDependOnNoOtherLayer() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAnyPackage(ROOT + ".json..", ROOT + ".rules..", ROOT + ".error..", ROOT + ".mask..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".deploy..", ROOT + ".promote..",
                        ROOT + ".rollout..", ROOT + ".api..", ROOT + ".auth..", ROOT + ".retry..", ROOT + ".http..",
                        ROOT + ".descriptor..", ROOT + ".model..")
                .check(ENGINE);
    }

    @Test
    void theCycleRuleCanFail() {
        // Guards the guard: two test-only packages that use each other.
        JavaClasses cycle = new ClassFileImporter().importClasses(UsesB.class, UsesA.class);
        assertThatThrownBy(() -> noCycles().check(cycle)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void theLayerRuleCanFail() {
        // Guards the guard: a test-only class in the json leaf that uses the deploy use case.
        JavaClasses upward = new ClassFileImporter().importClasses(ReachesUp.class, Deployer.class);
        assertThatThrownBy(() -> layers().check(upward)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesUp");
    }
}
