package io.jenkins.plugins.openchoreo.client.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to one call: status, headers (names lower-cased), the whole body (bounded in size),
 * the request id sent with it, and how long it took.
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body, String requestId,
        Duration elapsed) {

    public HttpResult {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String contentType() {
        String value = header("content-type");
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return contentType().contains("json");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
