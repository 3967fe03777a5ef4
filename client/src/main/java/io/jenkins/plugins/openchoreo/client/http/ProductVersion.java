package io.jenkins.plugins.openchoreo.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's own version, from the properties file the build writes. */
public final class ProductVersion {

    private static final String VERSION = load();

    private ProductVersion() {}

    public static String version() {
        return VERSION;
    }

    /** The engine's User-Agent product token. */
    public static String userAgent(String frontEnd) {
        String engine = "openchoreo-client/" + VERSION + " Java/" + Runtime.version().feature();
        return frontEnd == null || frontEnd.isBlank() ? engine : frontEnd + " " + engine;
    }

    private static String load() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/openchoreo-client.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
