package io.jenkins.plugins.openchoreo.doccheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.openchoreo.client.deploy.DeployResult;
import io.jenkins.plugins.openchoreo.client.promote.PromoteResult;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/pipeline-step.md, freestyle.md and configuration-as-code.md against the plugin: its step
 * arguments, post-build action fields and global configuration fields (read from the sources, see
 * {@link PluginSources}), the YAML its Configuration as Code test imports, and the engine's
 * result map.
 */
class PluginDocsTest {

    static final String FREESTYLE_SYMBOL = "openchoreoDeployPublisher";

    static final String CASC_RESOURCE = "plugin/src/test/resources/io/jenkins/plugins/openchoreo/configuration-as-code.yaml";

    /** The first column of a page section's table equals the names the plugin class binds. */
    private static void tableMatches(String page, String section, String className, String... sanity) {
        Set<String> code = PluginSources.boundNames(className);
        assertThat(code).as("sanity: names read from " + className + ".java").contains(sanity);
        Set<String> documented = new LinkedHashSet<>(Docs.firstColumnCodes(Docs.section(Docs.page(page), section)));
        assertThat(documented).as("the " + section + " table of docs/" + page + " vs " + className
                + "'s @DataBoundConstructor/@DataBoundSetter names").containsExactlyInAnyOrderElementsOf(code);
    }

    @Test
    void pipelineStepPageListsExactlyTheStepArguments() {
        tableMatches("pipeline-step.md", "Arguments", "OpenChoreoDeployStep", "component", "image", "dryRun");
    }

    @Test
    void freestylePageListsExactlyTheActionFields() {
        tableMatches("freestyle.md", "Fields", "OpenChoreoDeployRecorder", "component", "image");
    }

    @Test
    void configurationAsCodePageListsExactlyTheGlobalFields() {
        tableMatches("configuration-as-code.md", "Fields", "OpenChoreoGlobalConfiguration", "apiUrl", "credentialsId",
                "maxAttempts");
    }

    @Test
    void configurationAsCodePageShowsTheYamlThePluginTestImports() {
        String resource = Docs.read(Docs.root().resolve(CASC_RESOURCE));
        Docs.Block marked = Docs.marked("configuration-as-code.md", "source: " + CASC_RESOURCE);
        assertThat(marked.text().strip()).isEqualTo(resource.strip());
    }

    @Test
    void everyYamlKeyUnderOpenchoreoIsAGlobalField() throws Exception {
        Set<String> fields = PluginSources.boundNames("OpenChoreoGlobalConfiguration");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> unknown = new ArrayList<>();
        int seen = 0;
        for (Docs.Block block : Docs.blocks(Docs.page("configuration-as-code.md"))) {
            if (!block.language().equals("yaml")) {
                continue;
            }
            JsonNode openchoreo = yaml.readTree(block.text()).path("unclassified").path("openchoreo");
            if (openchoreo.isObject()) {
                seen++;
                openchoreo.fieldNames().forEachRemaining(k -> {
                    if (!fields.contains(k)) {
                        unknown.add(k + " (line " + block.line() + ")");
                    }
                });
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(1);
        assertThat(unknown).as("keys under unclassified.openchoreo that the global configuration lacks").isEmpty();
    }

    static final String PROMOTION_PAGE = "from-build-to-production.md";

    /** The keys of DeployResult.toMap(), from a result made with neutral values (so new fields count too). */
    static Set<String> resultMapKeys() throws Exception {
        return resultMapKeys(DeployResult.class);
    }

    /** The keys of a result record's {@code toMap()}, from one made with neutral values. */
    @SuppressWarnings("unchecked")
    static Set<String> resultMapKeys(Class<? extends Record> type) throws Exception {
        Object result = neutralRecord(type);
        return ((Map<String, Object>) type.getMethod("toMap").invoke(result)).keySet();
    }

    /** A record of neutral values; a part that is itself a record (DeployResult's groups) made alike. */
    private static Object neutralRecord(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] values = new Object[type.getRecordComponents().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = neutral(type.getRecordComponents()[i].getType());
        }
        return canonical.newInstance(values);
    }

    private static Object neutral(Class<?> type) throws ReflectiveOperationException {
        if (type.isRecord()) {
            return neutralRecord(type);
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == String.class) {
            return "x";
        }
        return null;
    }

    @Test
    void theReturnedMapTableListsEveryKey() throws Exception {
        Set<String> documented = new LinkedHashSet<>(
                Docs.firstColumnCodes(Docs.section(Docs.page("pipeline-step.md"), "Returned map")));
        assertThat(documented).as("the Returned map table of docs/pipeline-step.md vs DeployResult.toMap()")
                .containsExactlyInAnyOrderElementsOf(resultMapKeys());
    }

    /** The named arguments of every openchoreoDeploy(…) and openchoreoPromote(…) call in a text. */
    static List<List<String>> stepCalls(String text) {
        List<List<String>> calls = new ArrayList<>(calls("openchoreoDeploy", text));
        calls.addAll(calls("openchoreoPromote", text));
        return calls;
    }

    /** The named arguments of every {@code symbol(…)} call in a text. */
    static List<List<String>> calls(String symbol, String text) {
        List<List<String>> calls = new ArrayList<>();
        Matcher call = Pattern.compile("\\b" + Pattern.quote(symbol) + "\\s*\\(").matcher(text);
        while (call.find()) {
            List<String> keys = new ArrayList<>();
            int depth = 1;
            char quote = 0;
            char previous = '(';
            for (int i = call.end(); i < text.length() && depth > 0; i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                    continue;
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (depth == 1 && Character.isJavaIdentifierStart(c) && (previous == '(' || previous == ',')) {
                    int end = i;
                    while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                        end++;
                    }
                    int colon = end;
                    while (colon < text.length() && text.charAt(colon) == ' ') {
                        colon++;
                    }
                    if (colon < text.length() && text.charAt(colon) == ':') {
                        keys.add(text.substring(i, end));
                    }
                    i = end - 1;
                }
                if (!Character.isWhitespace(c)) {
                    previous = c;
                }
            }
            calls.add(keys);
        }
        return calls;
    }

    /** Every {@code symbol(…)} call of docs/ names component: and image:, and only names the class binds. */
    private static void everyCallUsesRealArguments(String symbol, String className, int atLeast) {
        everyCallUsesRealArguments(symbol, className, atLeast, List.of("component", "image"));
    }

    /** Every {@code symbol(…)} call of docs/ names the required arguments, and only names the class binds. */
    private static void everyCallUsesRealArguments(String symbol, String className, int atLeast,
            List<String> required) {
        Set<String> arguments = PluginSources.boundNames(className);
        List<String> unknown = new ArrayList<>();
        int calls = 0;
        for (String file : DocPages.all()) {
            for (Docs.Block block : Docs.blocks(Docs.page(file))) {
                for (List<String> keys : calls(symbol, block.text())) {
                    calls++;
                    if (!keys.containsAll(required)) {
                        unknown.add(file + " line " + block.line() + ": a call without " + required);
                    }
                    keys.stream().filter(k -> !arguments.contains(k))
                            .forEach(k -> unknown.add(file + " line " + block.line() + ": " + k));
                }
            }
        }
        assertThat(calls).as(symbol + " calls found").isGreaterThanOrEqualTo(atLeast);
        assertThat(unknown).as(symbol + " arguments in docs/ that " + className + " does not have").isEmpty();
    }

    @Test
    void everyStepCallInTheDocsUsesRealArguments() {
        everyCallUsesRealArguments("openchoreoDeploy", "OpenChoreoDeployStep", 5);
    }

    /**
     * The step's rules for URL overrides, as CredentialsResolver enforces them, hold in every example
     * (issue 18, point 2): {@code apiUrl} or {@code tokenUrl} needs {@code credentialsId}, and
     * {@code apiUrl} needs {@code tokenUrl} with a client id and secret, which is what the examples'
     * credentials are (Username with password).
     */
    @Test
    void everyUrlOverrideInTheDocsFollowsTheStepsRules() {
        String resolver = Docs.read(PluginSources.source("CredentialsResolver"));
        assertThat(resolver).as("the rules this check encodes are still the plugin's")
                .contains("Messages.DeployExecution_overrideNeedsCredentialsId()")
                .contains("apiOverridden && !tokenOverridden")
                .contains("Messages.DeployExecution_apiOverrideNeedsTokenUrl()");
        List<String> broken = new ArrayList<>();
        int overrides = 0;
        for (String file : DocPages.all()) {
            for (Docs.Block block : Docs.blocks(Docs.page(file))) {
                for (List<String> keys : stepCalls(block.text())) {
                    String where = file + " line " + block.line() + ": ";
                    if (keys.contains("apiUrl") || keys.contains("tokenUrl")) {
                        overrides++;
                        if (!keys.contains("credentialsId")) {
                            broken.add(where + "a URL override without credentialsId");
                        }
                    }
                    if (keys.contains("apiUrl") && !keys.contains("tokenUrl")) {
                        broken.add(where + "apiUrl without tokenUrl (a client id and secret are never sent to a "
                                + "token endpoint the overridden API advertises)");
                    }
                }
            }
        }
        assertThat(overrides).as("URL overrides found in the examples").isPositive();
        assertThat(broken).as("openchoreoDeploy calls in docs/ that the step refuses").isEmpty();
    }

    @Test
    void thePromotionPageListsExactlyThePromoteStepArgumentsAndActionFields() {
        tableMatches(PROMOTION_PAGE, "Promote step arguments", "OpenChoreoPromoteStep", "component", "from", "to",
                "release");
        tableMatches(PROMOTION_PAGE, "Freestyle promote fields", "OpenChoreoPromoteRecorder", "to",
                "promoteUnstable");
    }

    @Test
    void thePromoteReturnedMapTableListsEveryKey() throws Exception {
        Set<String> documented = new LinkedHashSet<>(
                Docs.firstColumnCodes(Docs.section(Docs.page(PROMOTION_PAGE), "Promote returned map")));
        assertThat(documented).as("the Promote returned map table of docs/" + PROMOTION_PAGE
                + " vs PromoteResult.toMap()").containsExactlyInAnyOrderElementsOf(resultMapKeys(PromoteResult.class));
    }

    @Test
    void everyPromoteCallInTheDocsUsesRealArguments() {
        everyCallUsesRealArguments("openchoreoPromote", "OpenChoreoPromoteStep", 2, List.of("component", "from", "to"));
        assertThat(Docs.read(PluginSources.source("OpenChoreoPromoteRecorder")))
                .as("the freestyle promote action's symbol").contains("@Symbol(\"openchoreoPromotePublisher\")");
        assertThat(Docs.page(PROMOTION_PAGE)).contains("openchoreoPromotePublisher(component: 'greeter', from: "
                + "'development', to: 'staging')");
    }

    @Test
    void everyCallOfTheFreestyleSymbolUsesRealFields() {
        assertThat(Docs.read(PluginSources.source("OpenChoreoDeployRecorder")))
                .as("the freestyle action's symbol").contains("@Symbol(\"" + FREESTYLE_SYMBOL + "\")");
        everyCallUsesRealArguments(FREESTYLE_SYMBOL, "OpenChoreoDeployRecorder", 1);
    }

    /**
     * The credentials block of configuration-as-code.md is the credentials plugin's Configuration as
     * Code shape for a Username with password, and its id is the credentialsId the page configures.
     */
    @Test
    void theCredentialsBlockDefinesTheCredentialsIdConfigured() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Docs.Block shown = Docs.marked("configuration-as-code.md", "check: the credential of the credentialsId");
        JsonNode credentials = yaml.readTree(shown.text()).path("credentials").path("system")
                .path("domainCredentials").path(0).path("credentials");
        assertThat(credentials.isArray()).as("credentials.system.domainCredentials[0].credentials, a list").isTrue();
        JsonNode credential = credentials.path(0).path("usernamePassword");
        assertThat(credential.isObject()).as("a usernamePassword credential (client id and secret)").isTrue();
        List<String> fields = new ArrayList<>();
        credential.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("its fields").containsExactlyInAnyOrder("scope", "id", "description", "username",
                "password");
        Set<String> configured = new LinkedHashSet<>();
        for (Docs.Block block : Docs.blocks(Docs.page("configuration-as-code.md"))) {
            JsonNode id = block.language().equals("yaml") ? yaml.readTree(block.text()).path("unclassified")
                    .path("openchoreo").path("credentialsId") : null;
            if (id != null && id.isTextual()) {
                configured.add(id.asText());
            }
        }
        assertThat(configured).as("the credentialsId of the page's unclassified.openchoreo blocks")
                .containsExactly(credential.path("id").asText());
    }
}
