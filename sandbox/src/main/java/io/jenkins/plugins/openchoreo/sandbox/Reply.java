package io.jenkins.plugins.openchoreo.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer to send: status, content type and body text. */
record Reply(int status, String contentType, String body) {

    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, JSON, Json.write(body));
    }

    static Reply text(int status, String body) {
        return new Reply(status, TEXT, body);
    }

    /** The handlers' error format: {@code {"error":"…","code":"…"}}. */
    static Reply error(int status, String code, String message) {
        return json(status, Json.object().put("error", message).put("code", code));
    }

    /** The handlers' 403 (handlers/response.go, OpenChoreo @ad3f503). */
    static Reply forbidden() {
        return error(403, "FORBIDDEN", "You do not have permission to perform this operation");
    }

    /** The handlers' 404 for a missing object of a kind, e.g. "ReleaseBinding not found". */
    static Reply notFound(String kind) {
        return error(404, "NOT_FOUND", kind + " not found");
    }

    /** What the Go router answers for a route it does not have. */
    static Reply pageNotFound() {
        return text(404, "404 page not found\n");
    }
}
