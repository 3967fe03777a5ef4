package io.jenkins.plugins.openchoreo.client.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when to stop using it ({@code refreshAt}, shortly before the real expiry).
 * Lives in memory only; {@code toString} hides the value.
 */
public final class AccessToken {

    private final String value;
    private final Instant refreshAt;

    public AccessToken(String value, Instant refreshAt) {
        this.value = Objects.requireNonNull(value, "value");
        this.refreshAt = refreshAt;
    }

    /** A token with no known expiry (a ready token given by the user). */
    public static AccessToken unbounded(String value) {
        return new AccessToken(value, null);
    }

    public String value() {
        return value;
    }

    /** When a new token should be fetched; null for a token without known expiry. */
    public Instant refreshAt() {
        return refreshAt;
    }

    public boolean isUsableAt(Instant now) {
        return refreshAt == null || now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
        return "AccessToken[****, refresh at " + refreshAt + "]";
    }
}
