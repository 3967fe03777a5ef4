package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.RolloutNotFollowedException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutBaseline;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutWaiter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One deploy while it runs, and the {@link DeployResult} it returns: find the component's
 * Workload, create it or update it (or find nothing to change), annotate the WorkflowRun, follow
 * the rollout. It holds what the result is read from: the Workload found, the one sent, the
 * outcome and its changes.
 */
final class DeployRun {

    /** Attempts of a Workload PUT that loses a race with a concurrent update (the server's 500). */
    static final int RACE_ATTEMPTS = 4;

    private final DeployRequest request;
    private final CheckedRequest checked;
    private final WorkloadPlan plan;
    private final OpenChoreoConnection connection;
    private final WorkloadClient client;
    private final RequestCounter counter;
    private final DeployProgress progress;
    private Workload before;
    private Workload sent;
    private DeployOutcome outcome;
    private List<String> changes = List.of();
    private boolean annotated;

    DeployRun(CheckedRequest checked, OpenChoreoConnection connection, RequestCounter counter,
            DeployProgress progress) {
        this.request = checked.request();
        this.checked = checked;
        this.plan = new WorkloadPlan(checked);
        this.connection = connection;
        this.client = connection.workloads();
        this.counter = counter;
        this.progress = progress;
    }

    /** Runs the deploy; what it did, once it is done (and Ready, when the request waits). */
    DeployResult run() {
        RolloutWaiter waiter = request.waitOptions() == null || request.dryRun() ? null
                : new RolloutWaiter(connection.rollouts(), progress::step, request.waitOptions(), Clock.systemUTC());
        // The component and its bindings before the write, so the wait can tell the new release from the old.
        RolloutBaseline baseline = waiter == null ? null
                : following(() -> waiter.before(request.namespace(), request.component()), "; nothing was written");
        deployWorkload();
        RolloutResult rollout = baseline == null ? null : following(() -> waiter.await(request.namespace(),
                request.component(), baseline, specChanged()), "; the Workload is written");
        return new DeployResult(target(), change(), counter.traffic(progress.elapsedMillis()), rollout,
                progress.warnings());
    }

    private DeployResult.Target target() {
        return new DeployResult.Target(request.namespace(), request.project(), request.component(), sent.name(),
                PortalLinks.component(connection.settings().portalUrl(), request.namespace(), request.component()));
    }

    private DeployResult.Change change() {
        return new DeployResult.Change(outcome, request.dryRun(), checked.mode().wireName(), request.image(),
                before == null ? null : before.image(), changes, Json.compact(sent.toJson()), annotated);
    }

    /**
     * A step of following the rollout; one that cannot be followed turns waiting off with a
     * warning, and the deploy itself stays green (strict: fails, saying what was written).
     */
    private <T> T following(Supplier<T> step, String written) {
        try {
            return step.get();
        } catch (RolloutNotFollowedException e) {
            if (request.waitOptions().strict()) {
                throw new RolloutNotFollowedException(e.code(), e.reason() + written, e.requestId(), e.status());
            }
            progress.warn("Not following the rollout: " + e.reason() + ".");
            return null;
        }
    }

    /** Whether the write changed the spec: only then does the platform make a new release. */
    private boolean specChanged() {
        return outcome == DeployOutcome.CREATED || outcome == DeployOutcome.UPDATED
                && !WorkloadDiff.withDefaults(before.toJson()).path("spec")
                        .equals(WorkloadDiff.withDefaults(sent.toJson()).path("spec"));
    }

    /** Finds the Workload and writes it; with a WorkflowRun, reads the run beside and annotates it after. */
    private void deployWorkload() {
        String ns = request.namespace();
        progress.step("Looking up the Workload of component " + request.component() + " in namespace " + ns
                + (request.dryRun() ? " (dry run: nothing will be written)" : ""));
        if (request.workflowRun() == null) {
            write(pick(client.listByComponent(ns, request.component())));
            return;
        }
        // The WorkflowRun's GET needs nothing from the Workload list, so it runs beside it: one
        // round trip of wall time instead of two. The token comes first, so both share it.
        connection.tokens().token(connection.observer());
        try (WorkflowRunAnnotator run = new WorkflowRunAnnotator(client, request, progress)) {
            Workload existing = pick(client.listByComponent(ns, request.component()));
            run.awaitRead();
            write(existing);
            annotated = run.annotate(sent);
        }
    }

    /** Creates or updates the Workload (or finds nothing to change). */
    private void write(Workload existing) {
        if (existing == null) {
            existing = create();
        }
        if (outcome == null) {
            update(existing);
        }
    }

    /** Creates the Workload; returns the existing one when another build created it meanwhile. */
    private Workload create() {
        Workload target = plan.create(request.effectiveWorkloadName());
        changes = WorkloadDiff.describe(null, target);
        sent = target;
        if (request.dryRun()) {
            checkComponent();
            outcome = DeployOutcome.CREATED;
            progress.step("Would create Workload " + target.name());
            return null;
        }
        try {
            progress.step("Creating Workload " + target.name() + " with image " + request.image());
            client.create(request.namespace(), target);
            outcome = DeployOutcome.CREATED;
            return null;
        } catch (ConflictException e) {
            progress.step("Workload " + target.name() + " was created meanwhile (HTTP 409); updating it instead");
            return client.get(request.namespace(), target.name());
        }
    }

    private void update(Workload current) {
        for (int attempt = 1;; attempt++) {
            checkOwner(current);
            before = current;
            Workload target = plan.update(current);
            changes = WorkloadDiff.describe(current, target);
            Workload unchanged = WorkloadPlan.sendable(current);
            if (WorkloadDiff.same(unchanged, target)) {
                sent = unchanged;
                outcome = DeployOutcome.UNCHANGED;
                changes = List.of();
                progress.step("Workload " + current.name() + " already has image " + request.image()
                        + " and everything else asked for: nothing to update");
                return;
            }
            sent = target;
            outcome = DeployOutcome.UPDATED;
            if (request.dryRun()) {
                progress.step("Would update Workload " + target.name() + ": " + String.join("; ", changes));
                return;
            }
            try {
                progress.step("Updating Workload " + target.name() + " (" + checked.mode().wireName() + "): "
                        + String.join("; ", changes));
                client.update(request.namespace(), target);
                return;
            } catch (ServerErrorException e) {
                if (e.status() != 500 || attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
                progress.step("The update lost a race with a concurrent one (HTTP 500); reading the Workload "
                        + "again and re-applying (attempt " + (attempt + 1) + " of " + RACE_ATTEMPTS + ")");
                pause(attempt);
                current = client.get(request.namespace(), current.name());
            }
        }
    }

    /**
     * A dry run sends no POST, so the server cannot say that the component is missing: read the
     * component instead, where the client may (OpenChoreo's CI role may not: component:view).
     */
    private void checkComponent() {
        String ns = request.namespace();
        JsonNode component;
        try {
            component = connection.rollouts().component(ns, request.component());
        } catch (ForbiddenException e) {
            progress.warn("Could not check that component " + request.component() + " exists: the client may "
                    + "not read components (component:view, which OpenChoreo's workload-publisher role lacks). "
                    + "A real deploy fails with COMPONENT_NOT_FOUND if it does not exist.");
            return;
        } catch (NotFoundException e) {
            if (e.code() != ErrorCode.API_NOT_FOUND) {
                throw e;
            }
            throw new NotFoundException(ErrorCode.COMPONENT_NOT_FOUND, "Component " + request.component()
                    + " does not exist in namespace " + ns + " (HTTP 404), so a deploy would be refused. Dry run: "
                    + "nothing was written", null, e.requestId(), e.status(), null);
        }
        String project = component.path("spec").path("owner").path("projectName").asText("");
        if (!project.isEmpty() && !project.equals(request.project())) {
            throw new NotFoundException(ErrorCode.COMPONENT_NOT_FOUND, "Component " + request.component()
                    + " belongs to project " + project + ", not to project " + request.project()
                    + "; a deploy would be refused. Dry run: nothing was written", null, null, 0, null);
        }
    }

    private Workload pick(List<Workload> found) {
        String wanted = request.workloadName();
        if (wanted != null) {
            for (Workload workload : found) {
                if (wanted.equals(workload.name())) {
                    return announce(workload);
                }
            }
            if (!found.isEmpty()) {
                throw new ConflictException(ErrorCode.MULTIPLE_WORKLOADS, "Component " + request.component()
                        + " already has Workload " + names(found) + "; creating " + wanted
                        + " as well would give it two Workloads, which breaks the component", null, null, 0, null);
            }
            return null;
        }
        if (found.size() > 1) {
            throw new ConflictException(ErrorCode.MULTIPLE_WORKLOADS, "Component " + request.component()
                    + " in namespace " + request.namespace() + " has " + found.size() + " Workloads ("
                    + names(found) + "), and OpenChoreo expects exactly one", null, null, 0, null);
        }
        return found.isEmpty() ? null : announce(found.get(0));
    }

    private Workload announce(Workload workload) {
        progress.step("Found Workload " + workload.name() + " (image " + workload.image() + ")");
        return workload;
    }

    private void checkOwner(Workload workload) {
        if (!request.project().equals(workload.projectName())
                || !request.component().equals(workload.componentName())) {
            throw new ConflictException(ErrorCode.OWNER_MISMATCH, "Workload " + workload.name() + " belongs to "
                    + "project " + workload.projectName() + ", component " + workload.componentName()
                    + ", not to project " + request.project() + ", component " + request.component()
                    + "; nothing was written", null, null, 0, null);
        }
    }

    private static String names(List<Workload> workloads) {
        return String.join(", ", workloads.stream().map(Workload::name).toList());
    }

    private static void pause(int attempt) {
        long millis = 100L * attempt + ThreadLocalRandom.current().nextLong(100);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerErrorException(ErrorCode.ABORTED, "The deploy was interrupted while retrying", null, null,
                    0, null);
        }
    }
}
