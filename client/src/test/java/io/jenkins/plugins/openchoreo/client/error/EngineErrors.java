package io.jenkins.plugins.openchoreo.client.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How the engine's tests expect a typed error: one way, so each test asserts only what is its own. */
public final class EngineErrors {

    private EngineErrors() {
    }

    /**
     * Runs the call and asserts that it throws a {@code type} with this code; returns that error for
     * the test's own assertions (message, hint, status, field errors).
     */
    public static <T extends OpenChoreoException> T assertFails(ThrowingCallable call, Class<T> type,
            ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        T error = type.cast(thrown);
        assertThat(error.code()).isEqualTo(code);
        return error;
    }
}
