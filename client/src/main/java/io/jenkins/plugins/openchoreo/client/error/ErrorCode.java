package io.jenkins.plugins.openchoreo.client.error;

import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.AUTHENTICATION;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.AUTHORIZATION;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.INVALID;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.NOT_FOUND;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.SERVER;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCategory.USAGE;

/**
 * The catalog of every error the engine reports, each with the hint a user sees. The
 * troubleshooting page of the documentation is checked against this list.
 */
public enum ErrorCode {
    INVALID_ARGUMENT(USAGE,
            "Fix the values named in the message; every problem is listed at once, each kind with its own hint "
                    + "(names, image, endpoint visibility, files)."),
    INVALID_CONFIGURATION(USAGE,
            "Check the OpenChoreo settings (API URL, token URL, credentials, CA bundle, proxy)."),
    INVALID_DESCRIPTOR(USAGE,
            "Fix the workload.yaml fields listed above; every problem is reported at once."),

    TOKEN_INVALID_CLIENT(AUTHENTICATION,
            "The identity provider does not accept this client id and client secret: check both (in Jenkins "
                    + "the credential's username and password; in the CLI OPENCHOREO_CLIENT_ID and "
                    + "OPENCHOREO_CLIENT_SECRET), and that the application still exists."),
    TOKEN_UNAUTHORIZED_CLIENT(AUTHENTICATION,
            "The client may not use this grant or this client authentication method: set the method to the one "
                    + "the application is registered with (client_secret_post for OpenChoreo's default CI client, "
                    + "client_secret_basic for a ThunderID Backend app), or 'auto'."),
    TOKEN_INVALID_SCOPE(AUTHENTICATION,
            "The identity provider rejected the requested scope: remove it or use one the application is granted "
                    + "(Entra ID needs api://<app>/.default)."),
    TOKEN_INVALID_REQUEST(AUTHENTICATION,
            "The identity provider rejected the token request: check the token URL, the audience/resource "
                    + "parameters, and that the application allows the client_credentials grant."),
    TOKEN_UNSUPPORTED_GRANT(AUTHENTICATION,
            "Enable the client credentials grant for this application in the identity provider."),
    TOKEN_BAD_RESPONSE(AUTHENTICATION,
            "The token URL did not answer like an OAuth2 token endpoint: check that it points at the "
                    + "identity provider's token endpoint (for ThunderID {idp}/oauth2/token), not at a web page."),
    TOKEN_SERVER_ERROR(SERVER,
            "The identity provider failed; try again later or check its logs."),
    DISCOVERY_FAILED(USAGE,
            "The token endpoint could not be discovered from the API: set the token URL explicitly."),

    API_UNAUTHORIZED(AUTHENTICATION,
            "The API refused the token even after a fresh one: check that the API trusts this identity provider "
                    + "(issuer and JWKS in OpenChoreo's security configuration) and that the server clock is right. "
                    + "A ready token (a Secret text credential, OPENCHOREO_TOKEN) is not renewed: supply a fresh one."),
    API_FORBIDDEN(AUTHORIZATION,
            "The client needs the workload-publisher role binding in this namespace (workload create/update/view, "
                    + "workflowrun view/update); ask a platform administrator to bind it."),
    API_NOT_FOUND(NOT_FOUND,
            "Check the namespace, project and component names; the component must exist in OpenChoreo "
                    + "(create it in the portal with 'External CI' as its source)."),
    API_ROUTE_NOT_FOUND(NOT_FOUND,
            "The server has no such route: the API URL may be wrong (it is the OpenChoreo API, not the portal), "
                    + "or the server is older than OpenChoreo v1.0."),
    API_CONFLICT(INVALID,
            "The object already exists or changed meanwhile; run the deploy again."),
    API_INVALID(INVALID,
            "The server rejected the Workload: fix the fields named in the message."),
    COMPONENT_NOT_FOUND(NOT_FOUND,
            "Create the component in OpenChoreo first (portal → Create, deployment source 'External CI'), "
                    + "and check the project and component names."),
    MULTIPLE_WORKLOADS(INVALID,
            "The component has several Workloads, which OpenChoreo does not support: delete the extra ones, "
                    + "or name the one to update with the workload name option."),
    OWNER_MISMATCH(INVALID,
            "The Workload belongs to another project or component: check the project and component names, "
                    + "or choose another workload name."),
    API_SERVER_ERROR(SERVER,
            "The OpenChoreo API failed after retries; try again later or check its logs with the request id."),
    TRANSPORT_CONNECT(SERVER,
            "The server could not be reached: check the URL, DNS, proxy settings and firewall rules "
                    + "between this machine and the server."),
    TRANSPORT_TIMEOUT(SERVER,
            "The server did not answer in time: check the network path, or raise the timeouts."),
    TRANSPORT_TLS(SERVER,
            "The server's TLS certificate is not trusted: add its CA certificate (PEM) as the CA bundle; "
                    + "verification is never turned off."),
    DEADLINE_EXCEEDED(SERVER,
            "The deploy ran out of its overall time budget while retrying; try again later or raise the deadline."),
    ROLLOUT_NOT_READY(SERVER,
            "The Workload is written but its release did not become Ready in time: read the condition, the pods' "
                    + "states and events above (their log lines with showLogs / --show-logs), fix the cause (image, "
                    + "configuration, dependency) and deploy again, or raise waitTimeout if the rollout is only slow."),
    ROLLOUT_FORBIDDEN(AUTHORIZATION,
            "Following the rollout needs component:view and releasebinding:view, which OpenChoreo's "
                    + "workload-publisher role lacks: bind a role with them to the client's token subject (sub) in "
                    + "the namespace, or turn strict waiting off to deploy with a warning instead."),
    ROLLOUT_NOT_VISIBLE(AUTHORIZATION,
            "No ReleaseBinding of the component is visible to this client although a release exists: bind a role "
                    + "with releasebinding:view to the client's token subject (sub) in the namespace; if the client "
                    + "has it, the release is not bound to an environment (check the component's auto-deploy)."),
    ROLLOUT_NOT_AUTO_DEPLOYED(USAGE,
            "The component does not deploy itself (spec.autoDeploy is false), so a Workload change makes no "
                    + "release to follow: turn auto-deploy on for the component, or deploy without waiting and "
                    + "promote the release in the portal."),
    PROMOTION_NOT_ALLOWED(INVALID,
            "Promote along a path of the project's DeploymentPipeline (the message names the environments the "
                    + "source may promote to), or ask a platform engineer to add the path to the pipeline."),
    PROMOTION_SOURCE_EMPTY(NOT_FOUND,
            "Nothing is bound to the component in the source environment, or the client may not view its "
                    + "ReleaseBinding (releasebinding:view): deploy there first, check the environment name, or "
                    + "name the release to promote."),
    RELEASE_NOT_FOUND(NOT_FOUND,
            "Check the release name: it must be a ComponentRelease of this component (the portal lists them, "
                    + "as does GET /api/v1/namespaces/{namespace}/componentreleases?component={component})."),
    PROMOTION_FORBIDDEN(AUTHORIZATION,
            "Promotion needs project:view, deploymentpipeline:view, releasebinding:view, releasebinding:create "
                    + "and releasebinding:update (componentrelease:view to name a release) in the namespace. "
                    + "OpenChoreo's workload-publisher role has none of them: bind a role that has them (for "
                    + "example a release-promoter role) to the promoting client, which may be another credential "
                    + "than the deploy's."),
    ABORTED(SERVER,
            "The deploy was stopped (the build was aborted or the process interrupted); a Workload write that "
                    + "completed before stands: check the component in the portal, or deploy again."),
    RESPONSE_TOO_LARGE(SERVER,
            "The server sent a larger body than this client accepts: check that the URL points at the OpenChoreo API."),
    BAD_RESPONSE(SERVER,
            "The server's answer could not be read: check that the URL points at the OpenChoreo API and not "
                    + "at a proxy's or portal's page.");

    private final ErrorCategory category;
    private final String hint;

    ErrorCode(ErrorCategory category, String hint) {
        this.category = category;
        this.hint = hint;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The default hint; an exception may carry a more specific one. */
    public String hint() {
        return hint;
    }
}
