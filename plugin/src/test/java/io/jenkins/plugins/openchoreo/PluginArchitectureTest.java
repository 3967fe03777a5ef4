package io.jenkins.plugins.openchoreo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import jenkins.model.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The plugin's web surface, enforced as warnings-ng's PluginArchitectureTest does: every web
 * method of a descriptor (doCheck…, doFill…, doTest…) answers POST only, so no link or image a
 * user is lured to can call it; data binding only on public describables, where Jenkins and
 * structs look for it. Runs without Jenkins: ArchUnit reads class files.
 */
class PluginArchitectureTest {

    private static final String PLUGIN = "io.jenkins.plugins.openchoreo";

    private static final JavaClasses PLUGIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS) // the plugin's own classes, not a copy in a jar
            .importPackages(PLUGIN);

    static ArchRule webMethodsArePost() {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(PLUGIN)
                .and().areDeclaredInClassesThat().areAssignableTo(Descriptor.class)
                .and().arePublic().and().haveNameMatching("do[A-Z].*")
                .should().beAnnotatedWith(POST.class);
    }

    static ArchRule dataBoundConstructorsOnPublicDescribables() {
        return constructors().that().areDeclaredInClassesThat().resideInAPackage(PLUGIN)
                .and().areAnnotatedWith(DataBoundConstructor.class)
                .should().beDeclaredInClassesThat().arePublic()
                .andShould().beDeclaredInClassesThat().areAssignableTo(Describable.class);
    }

    static ArchRule dataBoundSettersOnPublicDescribables() {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(PLUGIN)
                .and().areAnnotatedWith(DataBoundSetter.class)
                .should().beDeclaredInClassesThat().arePublic()
                .andShould().beDeclaredInClassesThat().areAssignableTo(Describable.class);
    }

    @Test
    void everyWebMethodOfADescriptorIsPost() {
        webMethodsArePost().check(PLUGIN_CLASSES);
    }

    @Test
    void dataBindingOnlyOnPublicDescribables() {
        dataBoundConstructorsOnPublicDescribables().check(PLUGIN_CLASSES);
        dataBoundSettersOnPublicDescribables().check(PLUGIN_CLASSES);
    }

    @Test
    void theRulesCanFail() {
        // Guards the guards: the fixtures below break each rule (they are test classes, outside PLUGIN_CLASSES).
        JavaClasses offenders = new ClassFileImporter().importClasses(GetValidation.class, HiddenBinding.class);
        assertThatThrownBy(() -> webMethodsArePost().check(offenders)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("doCheckValue");
        assertThatThrownBy(() -> dataBoundConstructorsOnPublicDescribables().check(offenders))
                .isInstanceOf(AssertionError.class).hasMessageContaining("HiddenBinding");
        assertThatThrownBy(() -> dataBoundSettersOnPublicDescribables().check(offenders))
                .isInstanceOf(AssertionError.class).hasMessageContaining("setValue");
    }

    /** A descriptor whose check answers GET. */
    abstract static class GetValidation extends GlobalConfiguration {
        public FormValidation doCheckValue(@QueryParameter String value) {
            return FormValidation.ok();
        }
    }

    /** Data binding on a class that is neither public nor a describable. */
    static final class HiddenBinding {
        @DataBoundConstructor
        HiddenBinding() {}

        @DataBoundSetter
        void setValue(String value) {}
    }
}
