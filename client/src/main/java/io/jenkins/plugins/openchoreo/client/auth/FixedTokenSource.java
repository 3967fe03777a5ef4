package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.http.CallObserver;

/** A ready bearer token supplied by the user; it cannot be refreshed. */
public final class FixedTokenSource implements TokenSource {

    private final AccessToken token;
    private final String refusedHint;

    public FixedTokenSource(String token) {
        this(token, CredentialHints.DEFAULT.tokenRefused());
    }

    /** @param refusedHint what to tell the user when the API refuses the token */
    public FixedTokenSource(String token, String refusedHint) {
        this.token = AccessToken.unbounded(token);
        this.refusedHint = refusedHint;
    }

    @Override
    public AccessToken token(CallObserver observer) {
        return token;
    }

    @Override
    public void invalidate(AccessToken refused) {
        // Nothing to refresh: the caller reports the 401 with a hint to renew the token.
    }

    @Override
    public boolean canRefresh() {
        return false;
    }

    @Override
    public String refusedHint() {
        return refusedHint;
    }
}
