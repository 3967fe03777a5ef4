package io.jenkins.plugins.openchoreo.client.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request, immutable. {@code target} says whom it goes to, for counting and for error
 * messages; the body is already encoded.
 */
public record HttpCall(Target target, String method, URI uri, Map<String, String> headers, byte[] body,
        String contentType) {

    /** Who answers a call: the OpenChoreo API or the identity provider. */
    public enum Target { API, IDENTITY_PROVIDER }

    public HttpCall {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    public static HttpCall get(Target target, URI uri) {
        return new HttpCall(target, "GET", uri, Map.of(), null, null);
    }

    public HttpCall withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpCall(target, method, uri, copy, body, contentType);
    }

    /** Method and path, the way logs and error messages name a call (no query: it may carry names only). */
    public String describe() {
        return method + " " + uri.getRawPath();
    }

    @Override
    public String toString() {
        return describe();
    }
}
