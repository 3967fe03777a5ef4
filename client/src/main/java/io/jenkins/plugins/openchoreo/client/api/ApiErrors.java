package io.jenkins.plugins.openchoreo.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.openchoreo.client.json.Json;
import io.jenkins.plugins.openchoreo.client.error.ConflictException;
import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.client.error.FieldError;
import io.jenkins.plugins.openchoreo.client.error.ForbiddenException;
import io.jenkins.plugins.openchoreo.client.error.InvalidRequestException;
import io.jenkins.plugins.openchoreo.client.error.NotFoundException;
import io.jenkins.plugins.openchoreo.client.error.OpenChoreoException;
import io.jenkins.plugins.openchoreo.client.error.ServerErrorException;
import io.jenkins.plugins.openchoreo.client.error.UnauthorizedException;
import io.jenkins.plugins.openchoreo.client.http.HttpCall;
import io.jenkins.plugins.openchoreo.client.http.HttpResult;
import io.jenkins.plugins.openchoreo.client.mask.SecretMasker;
import io.jenkins.plugins.openchoreo.client.mask.ServerText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an API error answer into a typed exception. Reads both of the server's body formats
 * ({@code {"error","code","details"}} from handlers, {@code {"error","message"}} from the token
 * check) and plain text, and tells a missing route (plain-text {@code 404 page not found}: wrong
 * URL or a server without that route) from a missing object. Everything the server wrote passes
 * {@link ServerText}: masked before it is cut, on one line.
 */
final class ApiErrors {

    private ApiErrors() {}

    static OpenChoreoException of(HttpCall call, HttpResult result, SecretMasker masker, String hint401) {
        ServerMessage server = ServerMessage.read(result, masker);
        String what = call.describe() + " answered HTTP " + result.status() + ": " + server.text;
        String message = masker.mask(what);
        String id = result.requestId();
        int status = result.status();
        return switch (status) {
            case 401 -> new UnauthorizedException(ErrorCode.API_UNAUTHORIZED, message, hint401, id, status, null);
            case 403 -> new ForbiddenException(ErrorCode.API_FORBIDDEN, message, null, id, status, null);
            case 404 -> server.json
                    ? new NotFoundException(ErrorCode.API_NOT_FOUND, message, null, id, status, null)
                    : new NotFoundException(ErrorCode.API_ROUTE_NOT_FOUND, message, null, id, status, null);
            case 409 -> new ConflictException(ErrorCode.API_CONFLICT, message, null, id, status, null);
            case 400, 422 -> server.text.contains("Referenced component not found")
                    ? new NotFoundException(ErrorCode.COMPONENT_NOT_FOUND, message, null, id, status, null)
                    : new InvalidRequestException(ErrorCode.API_INVALID, message, server.fields, null, id, status,
                            null);
            default -> status >= 500 || status == 429
                    ? new ServerErrorException(ErrorCode.API_SERVER_ERROR, message, null, id, status, null)
                    : new InvalidRequestException(ErrorCode.BAD_RESPONSE, message, List.of(), null, id, status, null);
        };
    }

    /** What the server said, whichever format it used. */
    private record ServerMessage(String text, boolean json, List<FieldError> fields) {

        static ServerMessage read(HttpResult result, SecretMasker masker) {
            String raw = result.bodyText().strip();
            if (result.isJson() || raw.startsWith("{")) {
                try {
                    JsonNode body = Json.MAPPER.readTree(result.body());
                    if (body != null && body.isObject()) {
                        return fromJson(body, masker);
                    }
                } catch (IOException e) {
                    // not JSON after all: shown as text
                }
            }
            if (result.contentType().contains("html") || raw.regionMatches(true, 0, "<!doctype html", 0, 14)
                    || raw.regionMatches(true, 0, "<html", 0, 5)) {
                return new ServerMessage("an HTML page (a proxy or portal answered, not the OpenChoreo API)", false,
                        List.of());
            }
            return new ServerMessage(raw.isEmpty() ? "(empty body)" : ServerText.shown(raw, masker), false, List.of());
        }

        private static ServerMessage fromJson(JsonNode body, SecretMasker masker) {
            String error = body.path("error").asText("");
            String code = body.path("code").asText("");
            String detail = body.path("message").asText("");
            List<FieldError> fields = new ArrayList<>();
            for (JsonNode item : body.path("details")) {
                fields.add(FieldError.of(ServerText.shown(item.path("field").asText("?"), masker),
                        ServerText.shown(item.path("message").asText(""), masker)));
            }
            StringBuilder text = new StringBuilder(error.isEmpty() ? "(no message)" : error);
            if (!detail.isEmpty()) {
                text.append(": ").append(detail);
            }
            if (!code.isEmpty()) {
                text.append(" [").append(code).append(']');
            }
            return new ServerMessage(ServerText.shown(text.toString(), masker), true, fields);
        }
    }
}
