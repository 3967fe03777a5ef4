package io.jenkins.plugins.openchoreo.client.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a deployed endpoint answers, as the ReleaseBinding's {@code status.endpoints[]} reports it
 * ({@code EndpointURLStatus} in OpenChoreo's API document): every URL the server gave, each
 * {@code EndpointURL{scheme, host, port, path}} written out as {@code scheme://host[:port]path}.
 *
 * @param invokeUrl the {@code invokeURL} string (servers before 2026-02 fill it), or ""
 * @param serviceUrl the in-cluster service URL, or ""
 * @param internalUrls the internal gateway's URLs by listener ({@code http}, {@code https}, {@code tls})
 * @param externalUrls the external gateway's URLs by listener
 */
public record EndpointUrl(String name, String type, String invokeUrl, String serviceUrl,
        Map<String, String> internalUrls, Map<String, String> externalUrls) implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final List<String> LISTENERS = List.of("http", "https", "tls");

    public EndpointUrl {
        internalUrls = Map.copyOf(internalUrls);
        externalUrls = Map.copyOf(externalUrls);
    }

    /** Reads one {@code EndpointURLStatus}. */
    static EndpointUrl of(JsonNode status) {
        return new EndpointUrl(status.path("name").asText(""), status.path("type").asText(""),
                status.path("invokeURL").asText(""), format(status.path("serviceURL")),
                listeners(status.path("internalURLs")), listeners(status.path("externalURLs")));
    }

    /**
     * The URL to show a person: the {@code invokeURL}; else the external gateway's https URL, then
     * its http URL; else the in-cluster service URL; "" when the server gave none.
     */
    public String url() {
        if (!invokeUrl.isEmpty()) {
            return invokeUrl;
        }
        for (String listener : List.of("https", "http")) {
            String url = externalUrls.get(listener);
            if (url != null) {
                return url;
            }
        }
        return serviceUrl;
    }

    /** Every URL the server gave, for the result's JSON and the Pipeline step's map (plain values only). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("type", type);
        map.put("url", url());
        map.put("invokeURL", invokeUrl);
        map.put("serviceURL", serviceUrl);
        map.put("internalURLs", ordered(internalUrls));
        map.put("externalURLs", ordered(externalUrls));
        return map;
    }

    @Override
    public String toString() {
        String url = url();
        return name + " (" + type + "): " + (url.isEmpty() ? "(no URL reported)" : url);
    }

    /** {@code scheme://host[:port]path}, the port left out when it is the scheme's default; "" without a host. */
    static String format(JsonNode url) {
        String host = url.path("host").asText("");
        if (host.isEmpty()) {
            return "";
        }
        String scheme = url.path("scheme").asText("");
        int port = url.path("port").asInt(0);
        boolean defaultPort = port == 80 && (scheme.equals("http") || scheme.equals("ws"))
                || port == 443 && (scheme.equals("https") || scheme.equals("wss"));
        String path = url.path("path").asText("");
        return (scheme.isEmpty() ? "" : scheme + "://") + host + (port > 0 && !defaultPort ? ":" + port : "")
                + (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
    }

    private static Map<String, String> listeners(JsonNode gatewayUrls) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String listener : LISTENERS) {
            String url = format(gatewayUrls.path(listener));
            if (!url.isEmpty()) {
                urls.put(listener, url);
            }
        }
        return urls;
    }

    private static Map<String, String> ordered(Map<String, String> urls) {
        Map<String, String> map = new LinkedHashMap<>();
        LISTENERS.stream().filter(urls::containsKey).forEach(l -> map.put(l, urls.get(l)));
        return map;
    }
}
