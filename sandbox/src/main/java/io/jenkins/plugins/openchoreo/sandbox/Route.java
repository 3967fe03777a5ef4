package io.jenkins.plugins.openchoreo.sandbox;

import java.util.List;

/** What a request to the sandbox is, for fault injection and for counting round trips. */
public enum Route {
    TOKEN, JWKS, OIDC_DISCOVERY, OAUTH_AS_DISCOVERY, PROTECTED_RESOURCE, VERSION, HEALTH, OPENAPI,
    WORKLOAD_LIST, WORKLOAD_GET, WORKLOAD_CREATE, WORKLOAD_UPDATE, WORKFLOWRUN_GET, WORKFLOWRUN_UPDATE,
    NAMESPACE_LIST, COMPONENT_GET, RELEASEBINDING_LIST, RELEASEBINDING_GET, RELEASEBINDING_EVENTS,
    RELEASEBINDING_LOGS, RELEASEBINDING_CREATE, RELEASEBINDING_UPDATE, PROJECT_GET, DEPLOYMENTPIPELINE_GET,
    ENVIRONMENT_LIST, ENVIRONMENT_GET, COMPONENTRELEASE_GET, LEGACY, UNKNOWN;

    static final String IDP_PREFIX = "/idp";

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
        if (s.size() == 7 && s.get(4).equals("releasebindings") && get) {
            return s.get(6).equals("events") ? RELEASEBINDING_EVENTS : s.get(6).equals("logs") ? RELEASEBINDING_LOGS
                    : UNKNOWN;
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
