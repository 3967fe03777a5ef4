package io.jenkins.plugins.openchoreo.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The engine runs in Jenkins, in the CLI and anywhere else: it must not know Jenkins. */
class ClientArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.openchoreo.client");

    @Test
    void engineHasNoJenkinsDependency() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke..", "com.cloudbees..");
        rule.check(ENGINE);
    }

    @Test
    void engineHasNoSandboxDependency() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.jenkins.plugins.openchoreo.sandbox..")
                .check(ENGINE);
    }

    @Test
    void theRuleCanFail() {
        // Guards the guard: the same rule applied to a class that does use a forbidden package fails.
        JavaClasses offender = new ClassFileImporter().importClasses(UsesForbiddenPackage.class);
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(offender))
                .isInstanceOf(AssertionError.class);
    }

    static final class UsesForbiddenPackage {
        Object value = org.junit.jupiter.api.Test.class;
    }
}
