package io.jenkins.plugins.openchoreo.sandbox;

import java.util.List;

/** What a request to the sandbox is, for fault injection and for counting round trips. */
public enum Route {
    TOKEN, JWKS, OIDC_DISCOVERY, OAUTH_AS_DISCOVERY, PROTECTED_RESOURCE, VERSION, HEALTH, OPENAPI,
    WORKLOAD_LIST, WORKLOAD_GET, WORKLOAD_CREATE, WORKLOAD_UPDATE, WORKFLOWRUN_GET, WORKFLOWRUN_UPDATE,
    NAMESPACE_LIST, COMPONENT_GET, RELEASEBINDING_LIST, RELEASEBINDING_GET, K8S_TREE, K8S_EVENTS, K8S_LOGS,
    RELEASEBINDING_CREATE, RELEASEBINDING_UPDATE, PROJECT_GET, DEPLOYMENTPIPELINE_GET, ENVIRONMENT_LIST,
    ENVIRONMENT_GET, COMPONENTRELEASE_GET, LEGACY, UNKNOWN;

    static final String IDP_PREFIX = "/idp";

    /**
     * The action OpenChoreo's authorizer checks for this route, or null for routes without a token
     * (OpenChoreo @ad3f503, {@code internal/openchoreo-api/services/…/service_authz.go}).
     */
    String action() {
        return switch (this) {
            case WORKLOAD_LIST, WORKLOAD_GET -> "workload:view";
            case WORKLOAD_CREATE -> "workload:create";
            case WORKLOAD_UPDATE -> "workload:update";
            case WORKFLOWRUN_GET -> "workflowrun:view";
            case WORKFLOWRUN_UPDATE -> "workflowrun:update";
            case NAMESPACE_LIST -> "namespace:view";
            case COMPONENT_GET -> "component:view";
            case RELEASEBINDING_LIST, RELEASEBINDING_GET, K8S_TREE, K8S_EVENTS, K8S_LOGS -> "releasebinding:view";
            case RELEASEBINDING_CREATE -> "releasebinding:create";
            case RELEASEBINDING_UPDATE -> "releasebinding:update";
            case PROJECT_GET -> "project:view";
            case DEPLOYMENTPIPELINE_GET -> "deploymentpipeline:view";
            case ENVIRONMENT_LIST, ENVIRONMENT_GET -> "environment:view";
            case COMPONENTRELEASE_GET -> "componentrelease:view";
            default -> null;
        };
    }

    /** Lists leave out what the caller may not view (services.FilteredList): never a 403 for that. */
    boolean filters() {
        return this == WORKLOAD_LIST || this == NAMESPACE_LIST || this == RELEASEBINDING_LIST
                || this == ENVIRONMENT_LIST;
    }

    /** Reads that fetch the object first, so a missing one is a 404 before the permission is checked. */
    boolean fetchesFirst() {
        return this != WORKLOAD_CREATE && this != WORKFLOWRUN_UPDATE && this != RELEASEBINDING_CREATE && !filters();
    }

    /** Classifies a request by method and path; a known path with a method it lacks is UNKNOWN. */
    static Route of(String method, String path) {
        List<String> s = segments(path);
        boolean get = "GET".equals(method);
        if (path.startsWith(IDP_PREFIX + "/") || path.equals("/.well-known/oauth-authorization-server" + IDP_PREFIX)) {
            return identityProvider(method, path);
        }
        switch (path) {
            case "/version":
                return VERSION;
            case "/health", "/ready":
                return HEALTH;
            case "/openapi.json":
                return OPENAPI;
            case "/.well-known/oauth-protected-resource":
                return PROTECTED_RESOURCE;
            default:
                break;
        }
        if (s.size() < 3 || !s.get(0).equals("api") || !s.get(1).equals("v1")) {
            return UNKNOWN;
        }
        if (s.get(2).equals("orgs") || s.size() > 6 && s.get(4).equals("projects")) {
            return LEGACY;
        }
        if (!s.get(2).equals("namespaces")) {
            return UNKNOWN;
        }
        if (s.size() == 3) {
            return get ? NAMESPACE_LIST : UNKNOWN;
        }
        if (s.size() == 5 && s.get(4).equals("workloads")) {
            return get ? WORKLOAD_LIST : "POST".equals(method) ? WORKLOAD_CREATE : UNKNOWN;
        }
        if (s.size() == 5 && s.get(4).equals("releasebindings")) {
            return get ? RELEASEBINDING_LIST : "POST".equals(method) ? RELEASEBINDING_CREATE : UNKNOWN;
        }
        if (s.size() == 5 && s.get(4).equals("environments")) {
            return get ? ENVIRONMENT_LIST : UNKNOWN;
        }
        // There is no …/releasebindings/{name}/events or …/logs: diagnostics live under k8sresources.
        if (s.size() == 8 && s.get(4).equals("releasebindings") && s.get(6).equals("k8sresources") && get) {
            return switch (s.get(7)) {
                case "tree" -> K8S_TREE;
                case "events" -> K8S_EVENTS;
                case "logs" -> K8S_LOGS;
                default -> UNKNOWN;
            };
        }
        if (s.size() == 6) {
            switch (s.get(4)) {
                case "workloads":
                    return get ? WORKLOAD_GET : "PUT".equals(method) ? WORKLOAD_UPDATE : UNKNOWN;
                case "workflowruns":
                    return get ? WORKFLOWRUN_GET : "PUT".equals(method) ? WORKFLOWRUN_UPDATE : UNKNOWN;
                case "components":
                    return get ? COMPONENT_GET : UNKNOWN;
                case "releasebindings":
                    return get ? RELEASEBINDING_GET : "PUT".equals(method) ? RELEASEBINDING_UPDATE : UNKNOWN;
                case "projects":
                    return get ? PROJECT_GET : UNKNOWN;
                case "deploymentpipelines":
                    return get ? DEPLOYMENTPIPELINE_GET : UNKNOWN;
                case "environments":
                    return get ? ENVIRONMENT_GET : UNKNOWN;
                case "componentreleases":
                    return get ? COMPONENTRELEASE_GET : UNKNOWN;
                default:
                    return UNKNOWN;
            }
        }
        return UNKNOWN;
    }

    private static Route identityProvider(String method, String path) {
        String rest = path.startsWith(IDP_PREFIX + "/") ? path.substring(IDP_PREFIX.length()) : "";
        return switch (rest) {
            case "/oauth2/token" -> "POST".equals(method) ? TOKEN : UNKNOWN;
            case "/oauth2/jwks" -> JWKS;
            case "/.well-known/openid-configuration" -> OIDC_DISCOVERY;
            // RFC 8414 puts the issuer's path after the well-known part; some clients append it instead.
            case "", "/.well-known/oauth-authorization-server" -> OAUTH_AS_DISCOVERY;
            default -> UNKNOWN;
        };
    }

    static List<String> segments(String path) {
        return List.of(path.replaceAll("^/+|/+$", "").split("/"));
    }
}
