package io.jenkins.plugins.openchoreo.client.auth;

import io.jenkins.plugins.openchoreo.client.error.ErrorCode;
import java.util.Objects;

/**
 * What to tell the user when a credential is refused, in the words of the front end that took it
 * (a Jenkins credential, the CLI's environment variables): the engine is shared, so the caller
 * chooses the wording through {@link io.jenkins.plugins.openchoreo.client.ConnectionSettings}.
 *
 * @param clientRefused the hint of {@link ErrorCode#TOKEN_INVALID_CLIENT}: the identity provider refused the
 *     client id and secret
 * @param tokenRefused the hint of {@link ErrorCode#API_UNAUTHORIZED} when the API refused a ready token, which the
 *     engine cannot renew
 */
public record CredentialHints(String clientRefused, String tokenRefused) {

    /** Words that fit any front end: the catalog's. */
    public static final CredentialHints DEFAULT = new CredentialHints(ErrorCode.TOKEN_INVALID_CLIENT.hint(),
            "The ready token was refused: it may have expired or come from an issuer the API does not trust; supply "
                    + "a fresh token, or use client credentials so the engine fetches tokens itself.");

    public CredentialHints {
        Objects.requireNonNull(clientRefused, "clientRefused");
        Objects.requireNonNull(tokenRefused, "tokenRefused");
    }
}
