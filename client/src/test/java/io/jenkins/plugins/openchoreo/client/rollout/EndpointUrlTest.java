package io.jenkins.plugins.openchoreo.client.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading OpenChoreo's {@code EndpointURLStatus} (openapi.yaml: {@code invokeURL} a string,
 * {@code serviceURL} an {@code EndpointURL} object, {@code internalURLs}/{@code externalURLs}
 * objects of {@code EndpointURL} by listener) and the one URL shown to a person.
 */
class EndpointUrlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EndpointUrl read(String json) throws Exception {
        return EndpointUrl.of(JSON.readTree(json));
    }

    @Test
    void theInvokeUrlWinsOverEveryGatewayUrl() throws Exception {
        EndpointUrl url = read("{\"name\":\"api\",\"type\":\"HTTP\",\"invokeURL\":\"https://api.example.com/greet\","
                + "\"externalURLs\":{\"https\":{\"scheme\":\"https\",\"host\":\"ext.example.com\",\"port\":443}}}");
        assertThat(url.url()).isEqualTo("https://api.example.com/greet");
        assertThat(url.toString()).isEqualTo("api (HTTP): https://api.example.com/greet");
    }

    @Test
    void withoutInvokeUrlTheExternalHttpsThenHttpThenTheServiceUrlIsShown() throws Exception {
        String service = "\"serviceURL\":{\"scheme\":\"http\",\"host\":\"greeter.svc\",\"port\":9090}";
        assertThat(read("{\"name\":\"api\"," + service + ",\"externalURLs\":{"
                + "\"http\":{\"scheme\":\"http\",\"host\":\"h.example.com\",\"port\":80,\"path\":\"/a\"},"
                + "\"https\":{\"scheme\":\"https\",\"host\":\"s.example.com\",\"port\":8443,\"path\":\"a\"}}}").url())
                .isEqualTo("https://s.example.com:8443/a");
        assertThat(read("{\"name\":\"api\"," + service + ",\"externalURLs\":{"
                + "\"http\":{\"scheme\":\"http\",\"host\":\"h.example.com\",\"port\":80,\"path\":\"/a\"}}}").url())
                .isEqualTo("http://h.example.com/a");
        assertThat(read("{\"name\":\"api\"," + service + "}").url()).isEqualTo("http://greeter.svc:9090");
        EndpointUrl none = read("{\"name\":\"tcp\",\"type\":\"TCP\"}");
        assertThat(none.url()).isEmpty();
        assertThat(none.toString()).isEqualTo("tcp (TCP): (no URL reported)");
    }

    @Test
    void aUrlLeavesOutTheDefaultPortOfItsSchemeOnly() throws Exception {
        assertThat(format("{\"scheme\":\"https\",\"host\":\"a\",\"port\":443}")).isEqualTo("https://a");
        assertThat(format("{\"scheme\":\"wss\",\"host\":\"a\",\"port\":443}")).isEqualTo("wss://a");
        assertThat(format("{\"scheme\":\"ws\",\"host\":\"a\",\"port\":80}")).isEqualTo("ws://a");
        assertThat(format("{\"scheme\":\"http\",\"host\":\"a\",\"port\":443}")).isEqualTo("http://a:443");
        assertThat(format("{\"scheme\":\"https\",\"host\":\"a\",\"port\":80}")).isEqualTo("https://a:80");
        assertThat(format("{\"scheme\":\"tcp\",\"host\":\"a\",\"port\":5432}")).isEqualTo("tcp://a:5432");
        assertThat(format("{\"host\":\"a\",\"port\":5432}")).isEqualTo("a:5432");
        assertThat(format("{\"scheme\":\"http\",\"host\":\"a\"}")).isEqualTo("http://a");
        assertThat(format("{\"scheme\":\"http\",\"port\":80}")).as("no host: no URL").isEmpty();
    }

    @Test
    void theMapKeepsEveryUrlTheServerGaveInListenerOrder() throws Exception {
        EndpointUrl url = read("{\"name\":\"api\",\"type\":\"HTTP\","
                + "\"serviceURL\":{\"scheme\":\"http\",\"host\":\"greeter.svc\",\"port\":9090},"
                + "\"internalURLs\":{\"tls\":{\"scheme\":\"tls\",\"host\":\"i\",\"port\":8443},"
                + "\"http\":{\"scheme\":\"http\",\"host\":\"i\",\"port\":8080}},"
                + "\"externalURLs\":{\"https\":{\"scheme\":\"https\",\"host\":\"e\",\"port\":443,\"path\":\"/x\"},"
                + "\"http\":{\"host\":\"\"}}}");
        Map<String, Object> map = url.toMap();
        assertThat(map).containsEntry("url", "https://e/x").containsEntry("invokeURL", "")
                .containsEntry("serviceURL", "http://greeter.svc:9090");
        assertThat(List.copyOf(((Map<?, ?>) map.get("internalURLs")).keySet())).isEqualTo(List.of("http", "tls"));
        assertThat(map.get("externalURLs")).isEqualTo(Map.of("https", "https://e/x"));
        assertThat(List.copyOf(map.keySet())).containsExactly("name", "type", "url", "invokeURL", "serviceURL",
                "internalURLs", "externalURLs");
    }

    private static String format(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return EndpointUrl.format(node);
    }
}
