package io.jenkins.plugins.openchoreo;

import hudson.model.Result;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import io.jenkins.plugins.openchoreo.sandbox.SandboxExtension;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The set-up every plugin integration test shares: a Jenkins per test, one sandbox per test
 * class (reset before each test), component default/shop/greeter, fresh tokens, and the global
 * configuration pointed at the sandbox with its CI client as default credentials
 * ({@link SandboxFixture}). A subclass's own {@code @BeforeEach} runs after this one.
 */
@WithJenkins
abstract class SandboxedJenkinsTest {

    /** Started before a class's first test and closed after its last (JUnit calls it per class). */
    @RegisterExtension
    static final SandboxExtension SANDBOX = new SandboxExtension();

    Sandbox sandbox;
    JenkinsRule j;

    @BeforeEach
    final void pointJenkinsAtTheSandbox(JenkinsRule rule) throws Exception {
        j = rule;
        sandbox = SANDBOX.get();
        SandboxFixture.reset(sandbox);
        SandboxFixture.configure(sandbox);
    }

    /** A new Pipeline job running this script, built once with the expected result. */
    WorkflowRun run(String script, Result expected) throws Exception {
        return run(j.createProject(WorkflowJob.class), script, expected);
    }

    /** A new Pipeline job of this name with this script, built once with the expected result. */
    WorkflowRun run(String jobName, String script, Result expected) throws Exception {
        return run(j.createProject(WorkflowJob.class, jobName), script, expected);
    }

    /** The job's script replaced by this one, built once with the expected result. */
    WorkflowRun run(WorkflowJob job, String script, Result expected) throws Exception {
        job.setDefinition(new CpsFlowDefinition(script, true));
        return j.assertBuildStatus(expected, job.scheduleBuild2(0));
    }
}
