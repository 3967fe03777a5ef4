package io.jenkins.plugins.openchoreo.client.faults;

import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_CONFLICT;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_FORBIDDEN;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_INVALID;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_NOT_FOUND;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_ROUTE_NOT_FOUND;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_SERVER_ERROR;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.API_UNAUTHORIZED;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.BAD_RESPONSE;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.DEADLINE_EXCEEDED;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.RESPONSE_TOO_LARGE;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.TOKEN_BAD_RESPONSE;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.TOKEN_INVALID_CLIENT;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.TOKEN_INVALID_REQUEST;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.TOKEN_SERVER_ERROR;
import static io.jenkins.plugins.openchoreo.client.error.ErrorCode.TRANSPORT_CONNECT;
import static io.jenkins.plugins.openchoreo.client.faults.Operation.CREATE;
import static io.jenkins.plugins.openchoreo.client.faults.Operation.FIND;
import static io.jenkins.plugins.openchoreo.client.faults.Operation.RUN_GET;
import static io.jenkins.plugins.openchoreo.client.faults.Operation.TOKEN;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import io.jenkins.plugins.openchoreo.sandbox.Fault;
import io.jenkins.plugins.openchoreo.sandbox.Route;
import io.jenkins.plugins.openchoreo.sandbox.Sandbox;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Every misbehaviour of the sandbox the matrix injects, with the outcome each must have per
 * operation, decided from {@code openchoreo-api.md}: retry 429/5xx, timeouts and dropped
 * connections (reads also unreadable answers); one fresh token on a 401; never retry 400, 403,
 * 404, 409, 422; classify token errors by their RFC 6749 {@code error} field.
 */
public enum FaultKind {
    S429(status(429, null), op -> Expected.SUCCESS),
    S429_RETRY_AFTER(status(429, "1"), op -> Expected.SUCCESS),
    S500(status(500, null), op -> Expected.SUCCESS),
    S500_RETRY_AFTER(status(500, "1"), op -> Expected.SUCCESS),
    S502(status(502, null), op -> Expected.SUCCESS),
    S502_RETRY_AFTER(status(502, "1"), op -> Expected.SUCCESS),
    S503(status(503, null), op -> Expected.SUCCESS),
    S503_RETRY_AFTER(status(503, "1"), op -> Expected.SUCCESS),
    S503_RETRY_AFTER_DATE(
            (sandbox, route) -> Fault.on(route).status(503).retryAfter(
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2))),
            op -> Expected.SUCCESS),
    S504(status(504, null), op -> Expected.SUCCESS),
    S504_RETRY_AFTER(status(504, "1"), op -> Expected.SUCCESS),
    /** An identity provider or API that stays down: every attempt gets 503. */
    S503_PERSISTENT((sandbox, route) -> Fault.on(route).status(503).times(99),
            op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR) : Expected.error(API_SERVER_ERROR)),
    /** A concurrent PUT race (the server's 500), lost three times, then won. */
    PUT_RACE((sandbox, route) -> Fault.on(route).status(500).times(3), op -> Expected.SUCCESS),
    /** A race that is never won. */
    S500_PERSISTENT((sandbox, route) -> Fault.on(route).status(500).times(99),
            op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR) : Expected.error(API_SERVER_ERROR)),
    S400(status(400, null), op -> op == TOKEN ? Expected.error(TOKEN_INVALID_REQUEST) : Expected.error(API_INVALID)),
    /** A token that expired or was revoked: one fresh token cures it; at the IdP it is invalid_client. */
    S401(status(401, null), op -> op == TOKEN ? Expected.error(TOKEN_INVALID_CLIENT) : Expected.SUCCESS),
    /** A fresh token refused too. */
    S401_TWICE((sandbox, route) -> Fault.on(route).status(401).times(2),
            op -> op == TOKEN ? Expected.error(TOKEN_INVALID_CLIENT) : Expected.error(API_UNAUTHORIZED)),
    S403(status(403, null), op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR) : Expected.error(API_FORBIDDEN)),
    S404(status(404, null), op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR) : Expected.error(API_NOT_FOUND)),
    /** 409 on create means "exists": the engine reads it, and finds none, since the 409 was invented. */
    S409(status(409, null), op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR)
            : op == CREATE ? Expected.error(API_NOT_FOUND) : Expected.error(API_CONFLICT)),
    S422(status(422, null), op -> op == TOKEN ? Expected.error(TOKEN_SERVER_ERROR) : Expected.error(API_INVALID)),
    /** Silence past the response timeout, once. */
    LATENCY((sandbox, route) -> Fault.on(route).delay(FaultMatrix.PAST_RESPONSE_TIMEOUT), op -> Expected.SUCCESS),
    /** Silence on every attempt, with a short overall deadline: the deadline ends it, and says so. */
    LATENCY_PAST_DEADLINE((sandbox, route) -> Fault.on(route).delay(FaultMatrix.PAST_RESPONSE_TIMEOUT).times(99),
            op -> Expected.error(DEADLINE_EXCEEDED)),
    RESET((sandbox, route) -> Fault.on(route).reset(), op -> Expected.SUCCESS),
    RESET_PERSISTENT((sandbox, route) -> Fault.on(route).reset().times(99), op -> Expected.error(TRANSPORT_CONNECT)),
    /** Headers at once, then a body trickling past the call timeout. */
    SLOW_BODY((sandbox, route) -> Fault.on(route).slowBody(FaultMatrix.PAST_CALL_TIMEOUT), op -> Expected.SUCCESS),
    /** 200 with JSON cut off: a read is repeated, a write is not (it may have happened). */
    MALFORMED_JSON((sandbox, route) -> Fault.on(route).malformedJson(), FaultKind::unreadable),
    /** A proxy's HTML error page in front of the server. */
    HTML_502((sandbox, route) -> Fault.on(route).status(502).body("text/html", FaultMatrix.HTML_PAGE),
            op -> Expected.SUCCESS),
    HTML_200((sandbox, route) -> Fault.on(route).status(200).body("text/html", FaultMatrix.HTML_PAGE),
            FaultKind::unreadable),
    HTML_403((sandbox, route) -> Fault.on(route).status(403).body("text/html", FaultMatrix.HTML_PAGE),
            op -> op == TOKEN ? Expected.error(TOKEN_BAD_RESPONSE) : Expected.error(API_FORBIDDEN)),
    HTML_404((sandbox, route) -> Fault.on(route).status(404).body("text/html", FaultMatrix.HTML_PAGE),
            op -> op == TOKEN ? Expected.error(TOKEN_BAD_RESPONSE) : Expected.error(API_ROUTE_NOT_FOUND)),
    /** A body past maxResponseBytes: refused, never buffered whole. */
    HUGE_BODY((sandbox, route) -> Fault.on(route).status(200).body("application/json", FaultMatrix.HUGE_JSON),
            op -> Expected.error(RESPONSE_TOO_LARGE)),
    /**
     * An error body that echoes the credentials back (a debugging proxy, a chatty identity provider):
     * the secret in the raw, form-encoded and Basic forms, and a bearer token.
     */
    ECHOED_SECRETS((sandbox, route) -> Fault.on(route).status(400).body("application/json",
            FaultMatrix.echoingBody(sandbox, route)),
            op -> op == TOKEN ? Expected.error(TOKEN_INVALID_REQUEST) : Expected.error(API_INVALID)),
    /**
     * The token expires between the look-up and this call (the call waits past its expiry); at the
     * identity provider: it issues tokens that are already expired.
     */
    TOKEN_EXPIRY(null, op -> op == TOKEN ? Expected.error(API_UNAUTHORIZED) : Expected.SUCCESS),
    /**
     * The identity provider goes down mid-deploy: the call needs a fresh token (401) and the token
     * endpoint drops every connection; at the identity provider itself: down from the start.
     */
    IDP_DOWN(null, op -> Expected.error(TRANSPORT_CONNECT));

    /** Builds the fault for a route. */
    interface Injection {
        Fault on(Sandbox sandbox, Route route);
    }

    final Injection injection;
    private final Function<Operation, Expected> expected;

    FaultKind(Injection injection, Function<Operation, Expected> expected) {
        this.injection = injection;
        this.expected = expected;
    }

    public Expected expected(Operation op) {
        return expected.apply(op);
    }

    boolean asksRetryAfter() {
        return name().contains("RETRY_AFTER");
    }

    private static Injection status(int status, String retryAfter) {
        return (sandbox, route) -> {
            Fault fault = Fault.on(route).status(status);
            return retryAfter == null ? fault : fault.retryAfter(retryAfter);
        };
    }

    private static Expected unreadable(Operation op) {
        if (op == TOKEN) {
            return Expected.error(TOKEN_BAD_RESPONSE);
        }
        return op == FIND || op == RUN_GET ? Expected.SUCCESS : Expected.error(BAD_RESPONSE);
    }

    /** Success, or a typed error with this code. */
    public record Expected(ErrorCode code) {
        static final Expected SUCCESS = new Expected(null);

        static Expected error(ErrorCode code) {
            return new Expected(code);
        }

        public boolean success() {
            return code == null;
        }

        @Override
        public String toString() {
            return success() ? "success" : code.name();
        }
    }
}
