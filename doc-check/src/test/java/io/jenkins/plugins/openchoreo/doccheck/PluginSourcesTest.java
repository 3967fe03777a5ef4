package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The source reader finds what Stapler binds, and nothing in comments. */
class PluginSourcesTest {

    @Test
    void readsConstructorParametersAndAnnotatedSetters() {
        String java = """
                public class Example extends Step {
                    @DataBoundConstructor
                    public Example(String component, @CheckForNull String image) {}

                    @DataBoundSetter
                    public void setWait(boolean wait) {}

                    @DataBoundSetter
                    @Deprecated
                    public synchronized void setWaitTimeout(String waitTimeout) {}

                    // @DataBoundSetter public void setCommentedOut(String x) {}
                    /* @DataBoundSetter public void setAlsoCommentedOut(String x) {} */

                    public void setNotBound(String x) {}
                }
                """;
        assertThat(PluginSources.namesIn(java)).containsExactly("component", "image", "wait", "waitTimeout");
    }
}
