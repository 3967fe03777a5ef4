package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * How to install the plugin (issue 18, point 13), in README.md and docs/getting-started.md, against
 * plugin/pom.xml: the .hpi's path (the Jenkins plugin parent POM names it after the artifactId), the
 * minimum Jenkins version, every plugin it needs, that it is not released, and Jenkins' own way to
 * deploy a file. And getting-started's step 3 lists every global field the page asks to set.
 */
class InstallDocsTest {

    static final String CONFIG_JELLY = "plugin/src/main/resources/io/jenkins/plugins/openchoreo/OpenChoreoGlobalConfiguration/config.jelly";

    /** The plugin POM: artifactId, the Jenkins version, and the compile-scope plugins it needs. */
    record PluginPom(String artifactId, String jenkinsVersion, List<String> neededPlugins, boolean ownFinalName) {

        static PluginPom read() throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder().parse(Docs.root().resolve("plugin/pom.xml").toFile());
            Element project = pom.getDocumentElement();
            Map<String, String> properties = new LinkedHashMap<>();
            for (Element property : children(child(project, "properties"))) {
                properties.put(property.getTagName(), property.getTextContent().trim());
            }
            String jenkins = properties.get("jenkins.version").replace("${jenkins.baseline}",
                    properties.get("jenkins.baseline"));
            List<String> needed = new ArrayList<>();
            for (Element dependency : children(child(project, "dependencies"))) {
                Element scope = child(dependency, "scope");
                String artifact = child(dependency, "artifactId").getTextContent().trim();
                if (scope == null && !artifact.startsWith("openchoreo-")) {
                    needed.add(artifact);
                }
            }
            Element build = child(project, "build");
            return new PluginPom(child(project, "artifactId").getTextContent().trim(), jenkins, needed,
                    build != null && child(build, "finalName") != null);
        }

        private static Element child(Element parent, String name) {
            for (Element element : children(parent)) {
                if (element.getTagName().equals(name)) {
                    return element;
                }
            }
            return null;
        }

        private static List<Element> children(Element parent) {
            List<Element> elements = new ArrayList<>();
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                    elements.add((Element) nodes.item(i));
                }
            }
            return elements;
        }
    }

    @Test
    void readmeAndGettingStartedSayHowToInstallThePluginThePomBuilds() throws Exception {
        PluginPom pom = PluginPom.read();
        assertThat(pom.ownFinalName()).as("plugin/pom.xml keeps the parent POM's finalName, ${project.artifactId}")
                .isFalse();
        assertThat(pom.neededPlugins()).as("sanity: the plugins read from plugin/pom.xml").contains("credentials");
        String hpi = "plugin/target/" + pom.artifactId() + ".hpi";
        Map<String, String> texts = Map.of("README.md", Docs.section(Docs.read(Docs.root().resolve("README.md")),
                "Install the Jenkins plugin"), "docs/getting-started.md",
                Docs.section(Docs.page("getting-started.md"), "Install the plugin"));
        texts.forEach((where, text) -> {
            assertThat(text).as(where + ": where the .hpi lands").contains("`" + hpi + "`")
                    .as(where + ": how it is built").contains("`plugin/build.sh")
                    .as(where + ": that it is not released").contains("not released yet")
                    .as(where + ": the minimum Jenkins version")
                    .contains("Jenkins " + pom.jenkinsVersion() + " or newer")
                    .as(where + ": Jenkins' page for a plugin file")
                    .contains("*Manage Jenkins* → *Plugins* → *Advanced settings* → *Deploy Plugin*")
                    .as(where + ": the install tool of Jenkins images").contains("jenkins-plugin-cli --plugins "
                            + pom.artifactId() + "::");
            for (String plugin : pom.neededPlugins()) {
                assertThat(text).as(where + ": the plugin it needs, " + plugin).contains("`" + plugin + "`");
            }
        });
        assertThat(Docs.page("getting-started.md")).as("the requirements of getting-started.md")
                .contains("Jenkins " + pom.jenkinsVersion() + " or newer with this plugin installed");
    }

    /** Every field of the global configuration the page asks to set, as *Title*, is in step 3's table. */
    @Test
    void stepThreeListsEveryGlobalFieldThePageAsksToSet() {
        Set<String> titles = new LinkedHashSet<>();
        Matcher title = Pattern.compile("<f:entry field=\"\\w+\" title=\"\\$\\{%([^}]+)}\"")
                .matcher(Docs.read(Docs.root().resolve(CONFIG_JELLY)));
        while (title.find()) {
            titles.add(title.group(1));
        }
        assertThat(titles).as("sanity: the titles of config.jelly").contains("API URL", "Client authentication");
        String page = Docs.page("getting-started.md");
        String table = Docs.section(page, "3. The global configuration");
        Set<String> rows = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (?:\\*Advanced\\* → )?([^|]+?) \\|").matcher(table);
        while (row.find()) {
            for (String name : row.group(1).split(" / ")) {
                rows.add(name.equals("project") ? "Default project" : name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String field : titles) {
            boolean asked = Pattern.compile("\\*" + Pattern.quote(field) + "\\*").matcher(page).find();
            if (asked && !rows.contains(field)) {
                missing.add(field);
            }
        }
        assertThat(rows).as("sanity: step 3's table").contains("API URL", "Credentials");
        assertThat(missing).as("fields docs/getting-started.md asks to set that step 3's table does not list")
                .isEmpty();
    }
}
