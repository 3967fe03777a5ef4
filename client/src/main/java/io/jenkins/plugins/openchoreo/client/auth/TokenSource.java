package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.http.CallObserver;

/** Where bearer tokens come from. */
public interface TokenSource {

    /** A token usable now: cached while valid, fetched (once, however many callers) when not. */
    AccessToken token(CallObserver observer);

    /** The API refused this token (401): forget it, so the next {@link #token} fetches a fresh one. */
    void invalidate(AccessToken token);

    /** Whether {@link #invalidate} can lead to a different token (false for a fixed token). */
    boolean canRefresh();

    /** The hint when the API refuses a token that cannot be refreshed; null: the error code's. */
    default String refusedHint() {
        return null;
    }
}
