package io.jenkins.plugins.openchoreo.client.api;

import io.jenkins.plugins.openchoreo.client.rules.Names;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Builds API URLs from names. Names are checked against Kubernetes' DNS-1123 rules before any
 * request, and every path segment and query value is percent-encoded, so no name can reach
 * another route.
 */
final class ApiPaths {

    private ApiPaths() {}

    /** The name, or an error saying what a valid one looks like. */
    static String name(String what, String value, int maxLength) {
        Optional<String> problem = Names.problemWithLength(what + " name", value, maxLength);
        if (problem.isPresent()) {
            String message = problem.get();
            throw new InvalidRequestException(ErrorCode.INVALID_ARGUMENT,
                    Character.toUpperCase(message.charAt(0)) + message.substring(1), java.util.List.of(), Names.HINT,
                    null, 0, null);
        }
        return value;
    }

    static URI namespaced(URI api, String namespace, String collection, String name) {
        StringBuilder path = new StringBuilder(base(api)).append("/api/v1/namespaces/")
                .append(segment(name("namespace", namespace, 63))).append('/').append(collection);
        if (name != null) {
            path.append('/').append(segment(name(collection.replaceAll("s$", ""), name, 253)));
        }
        return URI.create(path.toString());
    }

    static URI withQuery(URI uri, String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.append(query.length() == 0 ? '?' : '&').append(pairs[i]).append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return URI.create(uri + query.toString());
    }

    static URI root(URI api, String path) {
        return URI.create(base(api) + path);
    }

    private static String base(URI api) {
        String text = api.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String segment(String checkedName) {
        // Checked names hold only [a-z0-9-]; encoding keeps that guarantee local to this method.
        return URLEncoder.encode(checkedName, StandardCharsets.UTF_8);
    }
}
