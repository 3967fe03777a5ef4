package io.jenkins.plugins.openchoreo.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client authentication setting as users type it. */
class ClientAuthMethodTest {

    @ParameterizedTest
    @CsvSource({"client_secret_basic, BASIC", "CLIENT_SECRET_POST, POST", "basic, BASIC", " Post , POST",
        "auto, AUTO", "AUTO, AUTO"})
    void wireNamesAndShortNamesInAnyCase(String given, ClientAuthMethod expected) {
        assertThat(ClientAuthMethod.parse(given)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankMeansAuto(String given) {
        assertThat(ClientAuthMethod.parse(given)).isEqualTo(ClientAuthMethod.AUTO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"private_key_jwt", "client_secret", "none"})
    void anythingElseIsRefusedWithTheAcceptedNames(String given) {
        assertThatThrownBy(() -> ClientAuthMethod.parse(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + given + "\"")
                .hasMessageContaining("client_secret_basic, client_secret_post or auto");
    }

    @Test
    void everyWireNameParsesBackAndTheFallbackIsTheOtherMethod() {
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            assertThat(ClientAuthMethod.parse(method.wireName())).isEqualTo(method);
        }
        assertThat(ClientAuthMethod.BASIC.other()).isEqualTo(ClientAuthMethod.POST);
        assertThat(ClientAuthMethod.POST.other()).isEqualTo(ClientAuthMethod.BASIC);
    }
}
