package io.jenkins.plugins.openchoreo.client.promote;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.api.PromotionClient;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.deploy.DeployListener;
import io.jenkins.plugins.openchoreo.client.deploy.FilteredListener;
import io.jenkins.plugins.openchoreo.client.deploy.DeployOutcome;
import io.jenkins.plugins.openchoreo.client.deploy.PortalLinks;
import io.jenkins.plugins.openchoreo.client.deploy.RequestCounter;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.error.RolloutNotFollowedException;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutBaseline;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutResult;
import io.jenkins.plugins.openchoreo.client.rollout.RolloutWaiter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Promotes a component's release from one environment to the next, the way OpenChoreo itself does.
 *
 * <p>The sequence, read from openchoreo/openchoreo at ad3f5030fcfd76172beb3d7c97a459d73368840b and
 * from openchoreo/backstage-plugins at 6ccea2a436ac7a37c2d68792108664c99a1d1171 (the portal: the
 * Promote button of {@code PipelineCanvas.tsx} hands the source environment's release to
 * {@code EnvironmentOverridesPage.tsx}, which calls {@code updateReleaseBinding}):
 * <ol>
 * <li>{@code GET …/projects/{project}}, then {@code GET …/deploymentpipelines/{spec.deploymentPipelineRef.name}}
 * ({@code internal/occ/resources/client/openapi_client.go} GetProjectDeploymentPipeline). occ's
 * {@code utils.FindSourceEnvironment} ({@code internal/occ/cmd/utils/pipeline.go}) takes the
 * source from the path that lists the target; the portal offers only a path's targets. Here the
 * source is named, so the path {@code from → to} must exist, else nothing is written.</li>
 * <li>{@code GET …/releasebindings?component={component}} and the binding whose
 * {@code spec.environment} is the source: its {@code spec.releaseName} is the release
 * (occ {@code promoteComponent} in {@code internal/occ/cmd/component/component.go}; the portal's
 * PipelineCanvas takes the source environment's deployed release). A named release is read with
 * {@code GET …/componentreleases/{name}} instead and must belong to the component.</li>
 * <li>{@code GET …/releasebindings/{component}-{to}}: a 404 means none (occ's GetReleaseBinding,
 * the portal's updateReleaseBinding in {@code plugins/openchoreo-backend/.../EnvironmentInfoService.ts}).</li>
 * <li>None: {@code POST …/releasebindings} with name, owner, environment and releaseName
 * (handlers {@code release_bindings.go} CreateReleaseBinding: 409 when it exists, 400 when the
 * component does not). One: {@code PUT …/releasebindings/{name}} with the binding as read and
 * {@code spec.releaseName} replaced (the service {@code services/releasebinding/service.go}
 * UpdateReleaseBinding keeps spec, labels and annotations from the body and status from the
 * server; owner and environment are immutable). The portal also sets {@code spec.state: Active};
 * so does this, for an {@code Undeploy} binding. A binding that already runs the release is not
 * written at all.</li>
 * </ol>
 * Each call's 403 names the permission it needs (the authz actions of
 * {@code internal/authz/core/actions.go}: {@code project:view}, {@code deploymentpipeline:view},
 * {@code releasebinding:view|create|update}, {@code componentrelease:view}).
 */
public final class Promoter {

    private final ConnectionSettings settings;
    private final Credentials credentials;
    private final OpenChoreoEngine engine;
    /** The masker of the promotion's connection: every text the listener hears goes through it. */
    private final SecretMasker masker;
    private final DeployListener listener;

    public Promoter(ConnectionSettings settings, Credentials credentials, OpenChoreoEngine engine,
            DeployListener listener) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.engine = Objects.requireNonNull(engine, "engine");
        // Knows the secrets from the start, so texts before the connection is made are masked too.
        this.masker = OpenChoreoConnection.learnSecrets(new SecretMasker(), settings, credentials);
        this.listener = FilteredListener.masked(listener, masker);
    }

    public PromoteResult promote(PromoteRequest request) {
        long start = System.nanoTime();
        PromoteInputs.check(request);
        RequestCounter counter = new RequestCounter();
        OpenChoreoConnection connection = engine.connect(settings, credentials, masker,
                CallObserver.both(counter, listener));
        Execution execution = new Execution(request, connection);
        execution.run();
        RolloutResult rollout = request.waitOptions() == null || request.dryRun() ? null
                : waitForReady(connection, request, execution);
        return new PromoteResult(request.namespace(), request.project(), request.component(), request.from(),
                request.to(), execution.release, execution.previousRelease, request.bindingName(), execution.outcome,
                request.dryRun(), execution.warnings, counter.requestIds(), counter.api(), counter.identityProvider(),
                (System.nanoTime() - start) / 1_000_000,
                PortalLinks.component(settings.portalUrl(), request.namespace(), request.component()),
                Json.compact(execution.sent), rollout);
    }

    /**
     * Follows the target's binding to Ready with the deploy's follower, timeouts and warnings: a
     * rollout the client may not follow is a warning unless the wait is strict. An unchanged binding is followed
     * too (it may still be rolling out); a written one only counts once the controller has
     * reconciled the write.
     */
    private RolloutResult waitForReady(OpenChoreoConnection connection, PromoteRequest request, Execution execution) {
        RolloutWaiter waiter = new RolloutWaiter(connection.rollouts(), listener::step,
                request.waitOptions().withEnvironment(request.to()), Clock.systemUTC());
        // What the target's binding looked like before the write: its status must move past it.
        RolloutBaseline before = execution.previousRelease == null || execution.outcome == DeployOutcome.UNCHANGED
                ? RolloutBaseline.NONE : new RolloutBaseline(null, List.of(new RolloutBaseline.Seen(
                        request.bindingName(), execution.previousRelease, execution.observedBefore)));
        listener.step("Waiting for release " + execution.release + " to be Ready in " + request.to());
        try {
            return waiter.awaitBinding(request.namespace(), request.component(), execution.release, before);
        } catch (RolloutNotFollowedException e) {
            if (request.waitOptions().strict()) {
                throw new RolloutNotFollowedException(e.code(), e.reason() + "; the ReleaseBinding is written",
                        e.requestId(), e.status());
            }
            execution.warn("Not following the rollout: " + e.reason() + ".");
            return null;
        }
    }

    /** Runs a call; its 403 becomes {@link ErrorCode#PROMOTION_FORBIDDEN} naming what the call needs. */
    static <T> T needing(String permission, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ForbiddenException e) {
            throw new ForbiddenException(ErrorCode.PROMOTION_FORBIDDEN, "The client may not promote: " + what
                    + " needs " + permission + " (" + e.getMessage() + ")", ErrorCode.PROMOTION_FORBIDDEN.hint(),
                    e.requestId(), e.status(), e);
        }
    }

    /** The state of one promotion while it runs. */
    private final class Execution {
        private final PromoteRequest request;
        private final OpenChoreoConnection connection;
        private final PromotionClient client;
        private final List<String> warnings = new ArrayList<>();
        private String release;
        private String previousRelease;
        private DeployOutcome outcome;
        private JsonNode sent;
        /** The target binding's status.observedGeneration before the write; 0 when it had none. */
        private long observedBefore;

        Execution(PromoteRequest request, OpenChoreoConnection connection) {
            this.request = request;
            this.connection = connection;
            this.client = connection.promotions();
        }

        void run() {
            String ns = request.namespace();
            listener.step("Promoting component " + request.component() + " from " + request.from() + " to "
                    + request.to() + " in namespace " + ns + (request.dryRun() ? " (dry run: nothing will be written)"
                            : ""));
            checkPath(ns);
            release = request.release() != null ? namedRelease(ns) : boundRelease(ns);
            Optional<JsonNode> existing = needing("releasebinding:view", "reading ReleaseBinding "
                    + request.bindingName(), () -> client.releaseBinding(ns, request.bindingName()));
            if (existing.isEmpty()) {
                existing = create(ns);
            }
            existing.ifPresent(this::update);
        }

        /** The project's DeploymentPipeline must have the path from → to. */
        private void checkPath(String ns) {
            JsonNode project = needing("project:view", "reading project " + request.project(),
                    () -> client.project(ns, request.project()));
            String pipelineName = project.path("spec").path("deploymentPipelineRef").path("name").asText("").trim();
            if (pipelineName.isEmpty()) {
                throw new ConflictException(ErrorCode.PROMOTION_NOT_ALLOWED, "Project " + request.project()
                        + " has no deployment pipeline (spec.deploymentPipelineRef), so it has no promotion paths; "
                        + "nothing was written", ErrorCode.PROMOTION_NOT_ALLOWED.hint(), null, 0, null);
            }
            PromotionPaths paths = PromotionPaths.of(needing("deploymentpipeline:view", "reading DeploymentPipeline "
                    + pipelineName, () -> client.deploymentPipeline(ns, pipelineName)));
            if (!paths.allows(request.from(), request.to())) {
                throw new ConflictException(ErrorCode.PROMOTION_NOT_ALLOWED, paths.refusal(request.from(),
                        request.to()) + "; nothing was written", ErrorCode.PROMOTION_NOT_ALLOWED.hint(), null, 0, null);
            }
            listener.step("DeploymentPipeline " + pipelineName + " allows " + request.from() + " → " + request.to());
        }

        /** The release bound to the component in the source environment. */
        private String boundRelease(String ns) {
            List<JsonNode> bindings = needing("releasebinding:view", "listing the ReleaseBindings of component "
                    + request.component(), () -> connection.rollouts().bindings(ns, request.component()));
            for (JsonNode binding : bindings) {
                JsonNode spec = binding.path("spec");
                String bound = spec.path("releaseName").asText("");
                if (request.from().equals(spec.path("environment").asText())
                        && request.component().equals(spec.path("owner").path("componentName").asText())
                        && !bound.isEmpty()) {
                    listener.step("Release " + bound + " is bound in " + request.from() + " (ReleaseBinding "
                            + binding.path("metadata").path("name").asText() + ")");
                    warnIfNotReady(binding, bound);
                    return bound;
                }
            }
            throw new NotFoundException(ErrorCode.PROMOTION_SOURCE_EMPTY, "No release of component "
                    + request.component() + " is bound in environment " + request.from() + " (no ReleaseBinding "
                    + "with spec.environment " + request.from() + " and a releaseName among the " + bindings.size()
                    + " the client may view); nothing was written", null, null, 0, null);
        }

        private void warnIfNotReady(JsonNode binding, String bound) {
            for (JsonNode condition : binding.path("status").path("conditions")) {
                if ("Ready".equals(condition.path("type").asText()) && "False".equals(condition.path("status")
                        .asText())) {
                    warn("Release " + bound + " is not Ready in " + request.from() + " ("
                            + condition.path("reason").asText("") + ": " + condition.path("message").asText("")
                            + "); promoting it all the same, as OpenChoreo does");
                }
            }
        }

        /** The named release, which must be a ComponentRelease of this component. */
        private String namedRelease(String ns) {
            JsonNode found;
            try {
                found = needing("componentrelease:view", "reading ComponentRelease " + request.release(),
                        () -> client.componentRelease(ns, request.release()));
            } catch (NotFoundException e) {
                throw new NotFoundException(ErrorCode.RELEASE_NOT_FOUND, "ComponentRelease " + request.release()
                        + " does not exist in namespace " + ns + " (" + e.getMessage() + "); nothing was written",
                        ErrorCode.RELEASE_NOT_FOUND.hint(), e.requestId(), e.status(), e);
            }
            String owner = found.path("spec").path("owner").path("componentName").asText("");
            if (!request.component().equals(owner)) {
                throw new NotFoundException(ErrorCode.RELEASE_NOT_FOUND, "ComponentRelease " + request.release()
                        + " belongs to component " + owner + ", not to " + request.component()
                        + "; nothing was written", null, null, 0, null);
            }
            listener.step("Promoting the named release " + request.release());
            return request.release();
        }

        /** Creates the target binding; returns it when another client created it meanwhile (409). */
        private Optional<JsonNode> create(String ns) {
            JsonNode body = BindingBodies.create(request, release);
            sent = body;
            outcome = DeployOutcome.CREATED;
            if (request.dryRun()) {
                listener.step("Would create ReleaseBinding " + request.bindingName() + " bound to " + release);
                return Optional.empty();
            }
            try {
                listener.step("Creating ReleaseBinding " + request.bindingName() + " bound to " + release);
                needing("releasebinding:create", "creating ReleaseBinding " + request.bindingName() + " in "
                        + request.to(), () -> client.createReleaseBinding(ns, body));
                return Optional.empty();
            } catch (ConflictException e) {
                listener.step("ReleaseBinding " + request.bindingName() + " was created meanwhile (HTTP 409); "
                        + "updating it instead");
                return Optional.of(needing("releasebinding:view", "reading ReleaseBinding " + request.bindingName(),
                        () -> client.releaseBinding(ns, request.bindingName())).orElseThrow(() -> e));
            }
        }

        private void update(JsonNode existing) {
            checkOwner(existing);
            String current = existing.path("spec").path("releaseName").asText("");
            previousRelease = current.isEmpty() ? null : current;
            observedBefore = existing.path("status").path("observedGeneration").asLong(0);
            if (BindingBodies.runs(existing, release)) {
                sent = BindingBodies.sendable(existing);
                outcome = DeployOutcome.UNCHANGED;
                listener.step("ReleaseBinding " + request.bindingName() + " already runs release " + release
                        + ": nothing to write");
                return;
            }
            JsonNode body = BindingBodies.update(existing, release);
            sent = body;
            outcome = DeployOutcome.UPDATED;
            String change = "ReleaseBinding " + request.bindingName() + ": release " + (previousRelease == null
                    ? "(none)" : previousRelease) + " → " + release;
            if (request.dryRun()) {
                listener.step("Would update " + change);
                return;
            }
            listener.step("Updating " + change);
            needing("releasebinding:update", "updating ReleaseBinding " + request.bindingName() + " in "
                    + request.to(),
                    () -> client.updateReleaseBinding(request.namespace(), request.bindingName(),
                            body));
        }

        private void checkOwner(JsonNode binding) {
            JsonNode spec = binding.path("spec");
            String project = spec.path("owner").path("projectName").asText("");
            String component = spec.path("owner").path("componentName").asText("");
            String environment = spec.path("environment").asText("");
            if (!request.project().equals(project) || !request.component().equals(component)
                    || !request.to().equals(environment)) {
                throw new ConflictException(ErrorCode.OWNER_MISMATCH, "ReleaseBinding " + request.bindingName()
                        + " belongs to project " + project + ", component " + component + ", environment "
                        + environment + ", not to project " + request.project() + ", component "
                        + request.component() + ", environment " + request.to() + "; nothing was written",
                        "OpenChoreo names a component's binding <component>-<environment>; this one is someone "
                                + "else's: check the project, component and environment names, or have the "
                                + "binding renamed.",
                        null, 0, null);
            }
        }

        private void warn(String warning) {
            warnings.add(warning);
            listener.warning(warning);
        }
    }
}
