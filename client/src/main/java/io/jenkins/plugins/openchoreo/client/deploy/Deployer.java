package io.jenkins.plugins.openchoreo.client.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.api.RolloutClient;
import io.jenkins.plugins.openchoreo.client.api.WorkloadClient;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.RolloutNotFollowedException;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.model.Workload;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutBaseline;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutWaiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The deploy: find the component's Workload, create it or update it (image-only or replace),
 * skip the write when nothing would change, annotate the WorkflowRun, and report what happened.
 * Everything that can be checked is checked before the first write, so a bad request never
 * leaves a half-done deploy.
 */
public final class Deployer {

    /** Attempts of a Workload PUT that loses a race with a concurrent update (the server's 500). */
    static final int RACE_ATTEMPTS = 4;

    private final ConnectionSettings settings;
    private final Credentials credentials;
    private final OpenChoreoEngine engine;
    private final WorkspaceFiles files;
    /** The masker of the deploy's connection: every text the listener hears goes through it. */
    private final SecretMasker masker;
    private final DeployListener listener;

    public Deployer(ConnectionSettings settings, Credentials credentials, OpenChoreoEngine engine,
            WorkspaceFiles files, DeployListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.engine = Objects.requireNonNull(engine, "engine");
        // Knows the secrets from the start, so texts before the connection is made are masked too.
        this.masker = OpenChoreoConnection.learnSecrets(new SecretMasker(), settings, credentials);
        this.files = files;
        this.listener = FilteredListener.masked(listener == null ? null : FilteredListener.oneLine(listener), masker);
    }

    public DeployResult deploy(DeployRequest request) {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        DeployInputs inputs = DeployInputs.prepare(request, files, warning -> {
            warnings.add(warning);
            listener.warning(warning);
        });
        RequestCounter counter = new RequestCounter();
        OpenChoreoConnection connection = engine.connect(settings, credentials, masker,
                CallObserver.both(counter, listener));
        Execution execution = new Execution(request, inputs, connection, warnings);
        RolloutWaiter waiter = request.waitOptions() == null || request.dryRun() ? null
                : new RolloutWaiter(connection.rollouts(), listener::step, request.waitOptions(), Clock.systemUTC());
        RolloutBaseline before = waiter == null ? null : baseline(waiter, request, warnings);
        execution.run();
        RolloutResult rollout = before == null ? null : waitForRollout(waiter, request, before,
                execution.specChanged(), warnings);
        return new DeployResult(request.namespace(), request.project(), request.component(), execution.sent.name(),
                execution.outcome, request.dryRun(), inputs.mode().wireName(), request.image(),
                execution.before == null ? null : execution.before.image(), execution.changes, warnings,
                counter.requestIds(), counter.api(), counter.identityProvider(),
                (System.nanoTime() - start) / 1_000_000,
                PortalLinks.component(settings.portalUrl(), request.namespace(), request.component()),
                io.jenkins.plugins.openchoreo.client.json.Json.compact(execution.sent.toJson()), execution.annotated,
                rollout);
    }

    /**
     * The component and its bindings before the write, so the wait can tell the new release from
     * the old; a rollout that cannot be followed turns waiting off with a warning (strict: fails
     * before anything is written).
     */
    private RolloutBaseline baseline(RolloutWaiter waiter, DeployRequest request, List<String> warnings) {
        try {
            return waiter.before(request.namespace(), request.component());
        } catch (RolloutNotFollowedException e) {
            if (request.waitOptions().strict()) {
                throw new RolloutNotFollowedException(e.code(), e.reason() + "; nothing was written",
                        e.requestId(), e.status());
            }
            warn(warnings, notFollowing(e));
            return null;
        }
    }

    private RolloutResult waitForRollout(RolloutWaiter waiter, DeployRequest request, RolloutBaseline before,
            boolean changed, List<String> warnings) {
        try {
            return waiter.await(request.namespace(), request.component(), before, changed);
        } catch (RolloutNotFollowedException e) {
            if (request.waitOptions().strict()) {
                throw new RolloutNotFollowedException(e.code(), e.reason() + "; the Workload is written",
                        e.requestId(), e.status());
            }
            warn(warnings, notFollowing(e));
            return null;
        }
    }

    /** One sentence: what is missing; the deploy itself stays green. */
    private static String notFollowing(RolloutNotFollowedException e) {
        return "Not following the rollout: " + e.reason() + ".";
    }

    private void warn(List<String> warnings, String warning) {
        warnings.add(warning);
        listener.warning(warning);
    }

    /** The state of one deploy while it runs. */
    private final class Execution {
        private final DeployRequest request;
        private final DeployInputs inputs;
        private final OpenChoreoConnection connection;
        private final WorkloadClient client;
        private final RolloutClient components;
        private final List<String> warnings;
        private Workload before;
        private Workload sent;
        private DeployOutcome outcome;
        private List<String> changes = List.of();
        private boolean annotated;

        /** Whether the write changed the spec: only then does the platform make a new release. */
        boolean specChanged() {
            return outcome == DeployOutcome.CREATED || outcome == DeployOutcome.UPDATED
                    && !WorkloadDiff.withDefaults(before.toJson()).path("spec")
                            .equals(WorkloadDiff.withDefaults(sent.toJson()).path("spec"));
        }

        Execution(DeployRequest request, DeployInputs inputs, OpenChoreoConnection connection,
                List<String> warnings) {
            this.request = request;
            this.inputs = inputs;
            this.connection = connection;
            this.client = connection.workloads();
            this.components = connection.rollouts();
            this.warnings = warnings;
        }

        void run() {
            String ns = request.namespace();
            listener.step("Looking up the Workload of component " + request.component() + " in namespace " + ns
                    + (request.dryRun() ? " (dry run: nothing will be written)" : ""));
            if (request.workflowRun() == null) {
                write(pick(client.listByComponent(ns, request.component())));
                return;
            }
            // The WorkflowRun's GET needs nothing from the Workload list, so it runs beside it: one
            // round trip of wall time instead of two. The token comes first, so both share it.
            connection.tokens().token(connection.observer());
            String workflowRun = request.workflowRun();
            try (SideCall<ObjectNode> runRead = SideCall.start(() -> client.getWorkflowRun(ns, workflowRun))) {
                Workload existing = pick(client.listByComponent(ns, request.component()));
                RunRead run = readRun(runRead);
                write(existing);
                annotateRun(run);
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
            Workload target = inputs.assemble(request.effectiveWorkloadName());
            changes = WorkloadDiff.describe(null, target);
            sent = target;
            if (request.dryRun()) {
                checkComponent();
                outcome = DeployOutcome.CREATED;
                listener.step("Would create Workload " + target.name());
                return null;
            }
            try {
                listener.step("Creating Workload " + target.name() + " with image " + request.image());
                client.create(request.namespace(), target);
                outcome = DeployOutcome.CREATED;
                return null;
            } catch (ConflictException e) {
                listener.step("Workload " + target.name() + " was created meanwhile (HTTP 409); updating it instead");
                return client.get(request.namespace(), target.name());
            }
        }

        private void update(Workload current) {
            for (int attempt = 1; ; attempt++) {
                checkOwner(current);
                before = current;
                Workload target = inputs.mode() == DeployMode.REPLACE ? inputs.replace(current)
                        : inputs.imageOnly(current);
                changes = WorkloadDiff.describe(current, target);
                if (WorkloadDiff.same(DeployInputs.sendable(current), target)) {
                    sent = DeployInputs.sendable(current);
                    outcome = DeployOutcome.UNCHANGED;
                    changes = List.of();
                    listener.step("Workload " + current.name() + " already has image " + request.image()
                            + " and everything else asked for: nothing to update");
                    return;
                }
                sent = target;
                outcome = DeployOutcome.UPDATED;
                if (request.dryRun()) {
                    listener.step("Would update Workload " + target.name() + ": " + String.join("; ", changes));
                    return;
                }
                try {
                    listener.step("Updating Workload " + target.name() + " (" + inputs.mode().wireName() + "): "
                            + String.join("; ", changes));
                    client.update(request.namespace(), target);
                    return;
                } catch (ServerErrorException e) {
                    if (e.status() != 500 || attempt >= RACE_ATTEMPTS) {
                        throw e;
                    }
                    listener.step("The update lost a race with a concurrent one (HTTP 500); reading the Workload "
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
                component = components.component(ns, request.component());
            } catch (ForbiddenException e) {
                warn(warnings, "Could not check that component " + request.component() + " exists: the client may "
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
                            + " as well would give it two Workloads, which breaks the component");
                }
                return null;
            }
            if (found.size() > 1) {
                throw new ConflictException(ErrorCode.MULTIPLE_WORKLOADS, "Component " + request.component()
                        + " in namespace " + request.namespace() + " has " + found.size() + " Workloads ("
                        + names(found) + "), and OpenChoreo expects exactly one");
            }
            return found.isEmpty() ? null : announce(found.get(0));
        }

        private Workload announce(Workload workload) {
            listener.step("Found Workload " + workload.name() + " (image " + workload.image() + ")");
            return workload;
        }

        private void checkOwner(Workload workload) {
            if (!request.project().equals(workload.projectName())
                    || !request.component().equals(workload.componentName())) {
                throw new ConflictException(ErrorCode.OWNER_MISMATCH, "Workload " + workload.name() + " belongs to "
                        + "project " + workload.projectName() + ", component " + workload.componentName()
                        + ", not to project " + request.project() + ", component " + request.component()
                        + "; nothing was written");
            }
        }

        /**
         * The WorkflowRun as read beside the Workload list, before anything is written: with
         * failOnWorkflowRunError a run that cannot be read fails the deploy here, with nothing written.
         */
        private RunRead readRun(SideCall<ObjectNode> read) {
            try {
                return new RunRead(read.join(), null);
            } catch (OpenChoreoException e) {
                if (request.failOnWorkflowRunError() || e.code() == ErrorCode.ABORTED) {
                    throw e;
                }
                return new RunRead(null, e);
            }
        }

        private void annotateRun(RunRead run) {
            OpenChoreoException failure = run.failure();
            if (failure == null) {
                try {
                    WorkflowRunAnnotator.annotate(client, request.namespace(), request.workflowRun(), run.document(),
                            sent, request.descriptor() != null, request.dryRun());
                    annotated = !request.dryRun();
                    if (annotated) {
                        listener.step("Annotated WorkflowRun " + request.workflowRun() + " with the Workload");
                    }
                    return;
                } catch (OpenChoreoException e) {
                    if (request.failOnWorkflowRunError()) {
                        throw e;
                    }
                    failure = e;
                }
            }
            String warning = "The Workload was deployed, but WorkflowRun " + request.workflowRun()
                    + " could not be annotated: " + failure.getMessage() + " (" + failure.hint() + ")";
            warnings.add(warning);
            listener.warning(warning);
        }
    }

    /** The WorkflowRun read beside the Workload list, or why it could not be read. */
    private record RunRead(ObjectNode document, OpenChoreoException failure) {
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
            throw new ServerErrorException(ErrorCode.ABORTED, "The deploy was interrupted while retrying");
        }
    }
}
