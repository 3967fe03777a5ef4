package io.jenkins.plugins.openchoreo.client.error;

/**
 * The class of an error, as the front ends report it: the CLI maps each to an exit code, the
 * plugin to a build result. Ordered by how early in a deploy the error can arise.
 */
public enum ErrorCategory {
    /** Bad arguments or configuration, found before any request. */
    USAGE(2),
    /** The identity provider refused the credentials, or the API refused the token (401). */
    AUTHENTICATION(3),
    /** The token is valid but its client may not do this (403). */
    AUTHORIZATION(4),
    /** Namespace, Workload, WorkflowRun or route not found (404). */
    NOT_FOUND(5),
    /** The server or the engine rejected the content (400, 422) or the state conflicts (409). */
    INVALID(6),
    /** 5xx after retries, timeouts, refused connections, TLS failures. */
    SERVER(7);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The CLI's exit code for this class of error (0 success, 1 unexpected, 2..7 these). */
    public int exitCode() {
        return exitCode;
    }
}
