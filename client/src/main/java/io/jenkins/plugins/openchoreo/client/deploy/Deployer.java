package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.ConnectionSettings;
import io.jenkins.plugins.openchoreo.client.OpenChoreoConnection;
import io.jenkins.plugins.openchoreo.client.OpenChoreoEngine;
import io.jenkins.plugins.openchoreo.client.auth.Credentials;
import io.jenkins.plugins.openchoreo.client.descriptor.WorkspaceFiles;
import io.jenkins.plugins.openchoreo.client.http.CallObserver;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import java.util.Objects;

/**
 * The deploy: find the component's Workload, create it or update it (image-only or replace),
 * skip the write when nothing would change, annotate the WorkflowRun, and report what happened.
 * Everything that can be checked is checked before the first write, so a bad request never
 * leaves a half-done deploy.
 *
 * <p>In stages: the raw {@link DeployRequest} is checked into a {@link CheckedRequest}
 * ({@link RequestCheck}, before any request); a {@link DeployRun} then finds the Workload, writes
 * the one its {@link WorkloadPlan} makes, and returns the {@link DeployResult}.
 */
public final class Deployer {

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
        DeployProgress progress = new DeployProgress(listener);
        CheckedRequest checked = RequestCheck.check(request, files, progress::warn);
        RequestCounter counter = new RequestCounter();
        OpenChoreoConnection connection = engine.connect(settings, credentials, masker,
                CallObserver.both(counter, listener));
        return new DeployRun(checked, connection, counter, progress).run();
    }
}
