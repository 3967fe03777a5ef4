package io.jenkins.plugins.openchoreo.client.auth;

import java.util.Objects;

/**
 * What a deploy authenticates with: an OAuth2 client (id and secret, exchanged for a token) or a
 * ready bearer token. Never serialised and never printed: {@code toString} shows no secret.
 */
public sealed interface Credentials permits Credentials.Client, Credentials.Token {

    /** OAuth2 client credentials. */
    record Client(String clientId, String clientSecret) implements Credentials {
        public Client {
            Objects.requireNonNull(clientId, "client id");
            Objects.requireNonNull(clientSecret, "client secret");
        }

        @Override
        public String toString() {
            return "Client[" + clientId + ", secret ****]";
        }
    }

    /** A bearer token obtained elsewhere. */
    record Token(String token) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    static Credentials client(String clientId, String clientSecret) {
        return new Client(clientId, clientSecret);
    }

    static Credentials token(String token) {
        return new Token(token);
    }
}
