package io.jenkins.plugins.openchoreo.cli;

import io.jenkins.plugins.openchoreo.client.error.ErrorCategory;

/**
 * The command line's exit codes: 0 success, 1 unexpected, and one per error class (see
 * {@link ErrorCategory#exitCode()}), so a pipeline can tell "wrong secret" from "server down".
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = ErrorCategory.USAGE.exitCode();

    private ExitCodes() {}
}
