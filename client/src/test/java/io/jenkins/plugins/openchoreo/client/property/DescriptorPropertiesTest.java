package io.jenkins.plugins.openchoreo.client.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.openchoreo.client.deploy.DeployRequest;
import io.jenkins.plugins.openchoreo.client.descriptor.DescriptorReader;
import io.jenkins.plugins.openchoreo.client.descriptor.OverlayArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The descriptor reader and the argument parser against mutated, huge, deeply nested and plainly
 * broken YAML and JSON, with wrong types in every field and hostile paths: a clear validation
 * error, or an overlay that makes a Workload the server accepts.
 */
class DescriptorPropertiesTest {

    private static final Tally TALLY = new Tally("descriptors and argument fields");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALID = """
            apiVersion: openchoreo.dev/v1alpha1
            metadata: {name: greeter}
            endpoints:
              - {name: api, port: 8080, type: HTTP, targetPort: 8080, basePath: /api, displayName: API,
                 visibility: [external], schemaFile: docs/openapi.yaml}
              - {name: grpc, port: 9090, type: gRPC}
            configurations:
              env:
                - {name: LOG_LEVEL, value: info}
                - {name: DB_PW, valueFrom: {secretKeyRef: {name: db, key: pw}}}
              files:
                - {name: app.json, mountPath: /etc/cfg, value: "{}"}
                - {name: tls.conf, mountPath: /etc/app, valueFrom: {path: configs/tls.conf}}
            dependencies:
              endpoints:
                - {component: pg, name: api, visibility: project, project: p2, envBindings: {host: DB_HOST, port: DB_PORT}}
              resources:
                - {ref: cache, envBindings: {url: CACHE_URL}}
            """;
    /** Whole documents that are hostile as text, not as a tree. */
    private static final List<String> RAW = List.of("", "   ", "---", "---\n---\n", "~", "null", "[]", "42", "\"text\"",
            "endpoints: &a [*a]", "a: &x {b: 1}\nendpoints: *x", "!!java.lang.Runtime {}", "endpoints: !!binary AAAA",
            "%YAML 1.1\n---\nendpoints: []", "? [a, b]\n: c", "endpoints:\n\t- name: x", "{\"endpoints\": [",
            "endpoints: [" + "[".repeat(5000), "a:\n" + "  - \n".repeat(3), "\uFEFFendpoints: []", "endpoints: {",
            "endpoints: \"unterminated", "key: value\nkey: other", "ENDPOINTS: []\nEndpoints: []",
            "endpoints: [{name: a, port: 99999999999999999999999}]", "endpoints: [{name: a, port: 1e400}]",
            "endpoints: [{name: a, port: -1}]", "endpoints: [{name: a, port: 0x1F90}]",
            "endpoints: [{name: a, port: .inf}]");

    private static SandboxDeploys deploys;
    private static int namespaces;

    @BeforeContainer
    static void start() {
        deploys = new SandboxDeploys(TALLY);
    }

    @AfterContainer
    static void stop() {
        deploys.close();
    }

    @Property(tries = 250)
    void mutatedDescriptors(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String text = document(random);
        MemoryFiles files = repository().put("app/workload.yaml", text);
        TALLY.judge(text, () -> new DescriptorReader(files).read("app/workload.yaml"));
        assertThat(files.stayedInside()).as("paths read: %s", files.asked).isTrue();
        deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:1").descriptor("app/workload.yaml"),
                files, text, random.nextInt(4) == 0);
    }

    @Property(tries = 300)
    void mutatedArguments(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        JsonNode tree = YAML.readTree(VALID);
        String endpoints = section(random, tree.path("endpoints"));
        String files = section(random, tree.path("configurations").path("files"));
        String dependencies = section(random, tree.path("dependencies"));
        List<String> env = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            env.add(random.nextBoolean() ? pick(random, Hostile.TRICKS) + "=" + pick(random, Hostile.TRICKS)
                    : "K" + i + "=" + pick(random, Hostile.TRICKS));
        }
        String input = env + "\n" + endpoints + "\n" + files + "\n" + dependencies;
        MemoryFiles workspace = repository();
        TALLY.judge(input, () -> OverlayArguments.parse(env, endpoints, files, dependencies, workspace));
        assertThat(workspace.stayedInside()).as("paths read: %s", workspace.asked).isTrue();
        deploy(DeployRequest.builder("greeter", "registry.example.com/greeter:1").env(env).endpoints(endpoints)
                .files(files).dependencies(dependencies), workspace, input, random.nextInt(3) == 0);
    }

    /** Through the Deployer: a dry run, or a real deploy into a fresh namespace. */
    private static void deploy(DeployRequest.Builder builder, MemoryFiles files, String input, boolean real) {
        String namespace = "d-" + ++namespaces;
        deploys.sandbox.addComponent(namespace, "default", "greeter");
        deploys.deploy(builder.namespace(namespace).dryRun(!real).build(), files, input);
    }

    private static MemoryFiles repository() {
        return new MemoryFiles().put("app/docs/openapi.yaml", "openapi: 3.0.0\n")
                .put("app/configs/tls.conf", "tls on\n").put("secret.txt", "outside the app folder")
                .put("app/binary", new byte[] {(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
    }

    /** A descriptor: raw hostile text, a huge one, a deep one, or the valid one with a few mutations. */
    private static String document(Random random) throws Exception {
        switch (random.nextInt(12)) {
            case 0:
                return pick(random, RAW);
            case 1:
                return hugeDocument(random);
            case 2:
                return deepDocument(random);
            default:
                JsonNode tree = YAML.readTree(VALID);
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    tree = mutate(random, tree, 0);
                }
                return random.nextBoolean() ? YAML.writeValueAsString(tree) : JSON.writeValueAsString(tree);
        }
    }

    private static String section(Random random, JsonNode valid) throws Exception {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return pick(random, RAW);
        }
        if (kind == 2) {
            return deepDocument(random);
        }
        JsonNode tree = kind == 3 ? valid : mutate(random, valid.deepCopy(), 0);
        return random.nextBoolean() ? YAML.writeValueAsString(tree) : JSON.writeValueAsString(tree);
    }

    /** Replaces, removes or adds one node somewhere in the tree. */
    private static JsonNode mutate(Random random, JsonNode node, int depth) {
        boolean here = !node.isContainerNode() || node.size() == 0 || random.nextInt(4) == 0;
        if (here) {
            return random.nextInt(5) == 0 && node.isObject() ? addUnknownKey(random, (ObjectNode) node)
                    : randomValue(random, depth);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(6)) {
                case 0 -> object.remove(key);
                case 1 -> object.set(key.toUpperCase(java.util.Locale.ROOT), object.remove(key));
                default -> object.set(key, mutate(random, object.get(key), depth + 1));
            }
            return object;
        }
        ArrayNode array = (ArrayNode) node;
        int index = random.nextInt(array.size());
        if (random.nextInt(6) == 0) {
            array.add(array.get(index).deepCopy());
        } else {
            array.set(index, mutate(random, array.get(index), depth + 1));
        }
        return array;
    }

    private static JsonNode addUnknownKey(Random random, ObjectNode object) {
        object.set(pick(random, Hostile.TRICKS), randomValue(random, 3));
        return object;
    }

    /** A value of any type: what a field of another type must refuse. */
    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 6 ? 9 : 12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(200_000) - 100_000);
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5, 6 -> NODES.textNode(pick(random, Hostile.TRICKS));
            case 7 -> NODES.textNode(pick(random, List.of("../secret.txt", "/etc/passwd", "../../etc/passwd",
                    "configs/../../secret.txt", "C:\\Windows\\win.ini", "binary", "docs/", ".", "configs/tls.conf",
                    "HTTP", "gRPC", "project", "external", "8080")));
            case 8 -> NODES.textNode("x".repeat(random.nextInt(100_000)));
            case 9 -> NODES.arrayNode();
            case 10 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(pick(random, List.of("name", "port", "type", "value", "valueFrom", "path", "key",
                            "envBindings", "visibility", "ref", "component")), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Thousands of endpoints and env entries, near or past the 1 MiB limit. */
    private static String hugeDocument(Random random) {
        // Mostly large, now and then past the limit (each entry is two lines of about 40 bytes).
        int count = 500 + random.nextInt(random.nextInt(8) == 0 ? 20_000 : 3_000);
        StringBuilder text = new StringBuilder("endpoints:\n");
        for (int i = 0; i < count; i++) {
            text.append("  - {name: e").append(i).append(", port: ").append(1 + i % 65535).append(", type: HTTP}\n");
        }
        text.append("configurations:\n  env:\n");
        for (int i = 0; i < count; i++) {
            text.append("    - {name: K").append(i).append(", value: v}\n");
        }
        return text.toString();
    }

    /** Nesting far deeper than any descriptor needs, in flow or block style, as a field or the document. */
    private static String deepDocument(Random random) {
        int depth = 20 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
        String flow = "[".repeat(depth) + "]".repeat(depth);
        return switch (random.nextInt(4)) {
            case 0 -> "endpoints: " + flow;
            case 1 -> flow;
            case 2 -> "{\"dependencies\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
            default -> {
                StringBuilder block = new StringBuilder("configurations:\n");
                for (int i = 1; i <= Math.min(depth, 2000); i++) {
                    block.append("  ".repeat(i)).append("k").append(i).append(":\n");
                }
                yield block.toString();
            }
        };
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

}
