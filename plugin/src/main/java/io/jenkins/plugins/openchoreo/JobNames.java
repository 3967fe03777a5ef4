package io.jenkins.plugins.openchoreo;

import hudson.model.ItemGroup;
import hudson.model.Job;

/**
 * The job name the portal's Jenkins card should look up. For a branch job of a multibranch
 * Pipeline ({@code org/repo/main}) that is the multibranch project ({@code org/repo}), whose page
 * lists every branch; for any other job, the job itself.
 *
 * <p>Branch jobs are recognised by their parent being a {@code jenkins.branch.MultiBranchProject}
 * (branch-api), compared by class name along the parent's superclasses, so this plugin needs no
 * dependency on branch-api and loads none of its classes.
 */
final class JobNames {

    static final String MULTIBRANCH_PROJECT = "jenkins.branch.MultiBranchProject";

    private JobNames() {}

    static String forPortal(Job<?, ?> job) {
        ItemGroup<?> parent = job.getParent();
        return parent != null && isMultiBranchProject(parent.getClass()) ? parent.getFullName() : job.getFullName();
    }

    static boolean isMultiBranchProject(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (MULTIBRANCH_PROJECT.equals(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
