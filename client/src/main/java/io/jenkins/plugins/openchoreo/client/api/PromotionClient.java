package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import java.util.Optional;

/**
 * The routes a promotion uses besides the binding list: the project (its deployment pipeline's
 * name), the DeploymentPipeline (its promotion paths), a ComponentRelease, and one ReleaseBinding
 * read, created or replaced. Shapes: OpenChoreo's openapi.yaml ({@code Project},
 * {@code DeploymentPipeline}, {@code ComponentRelease}, {@code ReleaseBinding}).
 */
public final class PromotionClient {

    private final ApiCaller caller;

    public PromotionClient(ApiCaller caller) {
        this.caller = caller;
    }

    /** {@code GET …/projects/{project}}. */
    public JsonNode project(String namespace, String project) {
        return caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "projects", project), null);
    }

    /** {@code GET …/deploymentpipelines/{name}}. */
    public JsonNode deploymentPipeline(String namespace, String name) {
        return caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "deploymentpipelines", name), null);
    }

    /** {@code GET …/componentreleases/{name}}. */
    public JsonNode componentRelease(String namespace, String name) {
        return caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "componentreleases", name), null);
    }

    /**
     * {@code GET …/releasebindings/{name}}; empty when the server says the binding does not exist
     * (a JSON 404). A 404 without a JSON body is a missing route, and stays an error.
     */
    public Optional<JsonNode> releaseBinding(String namespace, String name) {
        try {
            return Optional
                    .of(caller.json("GET", ApiPaths.namespaced(caller.apiUrl(), namespace, "releasebindings", name),
                            null));
        } catch (NotFoundException e) {
            if (e.code() == ErrorCode.API_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST …/releasebindings}: 201 and the binding; a 409 arrives as {@code ConflictException}. */
    public JsonNode createReleaseBinding(String namespace, JsonNode binding) {
        ApiPaths.name("release binding", binding.path("metadata").path("name").asText(""), 253);
        return caller.json("POST", ApiPaths.namespaced(caller.apiUrl(), namespace, "releasebindings", null), binding);
    }

    /** {@code PUT …/releasebindings/{name}}: replaces spec, labels and annotations; status stays the server's. */
    public JsonNode updateReleaseBinding(String namespace, String name, JsonNode binding) {
        return caller.json("PUT", ApiPaths.namespaced(caller.apiUrl(), namespace, "releasebindings", name), binding,
                caller.putPolicy());
    }
}
