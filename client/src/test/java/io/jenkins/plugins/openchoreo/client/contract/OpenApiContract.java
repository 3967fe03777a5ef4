package io.jenkins.plugins.openchoreo.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.jenkins.plugins.openchoreo.sandbox.RecordedRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenChoreo's OpenAPI document as the judge of one recorded exchange: swagger-parser finds the
 * operation (path template and method), its parameters, request body and documented answers;
 * networknt's validator (OpenAPI 3.0 dialect, formats asserted, {@code readOnly} refused in
 * requests) checks each JSON value against the schema at its place in the document. No shape is
 * written here: every schema is the document's own, found by its JSON pointer.
 */
final class OpenApiContract {

    private static final String DOCUMENT_IRI = "https://openchoreo.dev/openapi/openchoreo-api.json";

    private final OpenAPI api;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(OpenAPI api, String documentJson) {
        this.api = api;
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, documentJson)));
        api.getPaths().forEach((path, item) -> templates.add(new Template(path, item)));
        // Literal segments win over templated ones, as a router matches them.
        templates.sort((a, b) -> Long.compare(a.variables(), b.variables()));
    }

    /** The document at {@code openchoreo.spec} (set by the build) or beside the checkout, if it is there. */
    static Optional<Path> location() {
        String configured = System.getProperty("openchoreo.spec");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir"), "..", "..", "shared", "openchoreo-spec", "openapi.yaml");
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    static OpenApiContract read(Path document) throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(false); // local $refs stay: they name the places the schemas are validated at
        SwaggerParseResult parsed = new OpenAPIV3Parser().readLocation(document.toUri().toString(), null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IOException("swagger-parser could not read " + document + ": " + parsed.getMessages());
        }
        JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
        return new OpenApiContract(parsed.getOpenAPI(), new ObjectMapper().writeValueAsString(tree));
    }

    /** The operation a request names, e.g. {@code GET /api/v1/namespaces/{namespaceName}/workloads}. */
    Optional<Found> operation(String method, String rawPath) {
        for (Template template : templates) {
            Matcher matcher = template.pattern.matcher(rawPath);
            if (matcher.matches()) {
                Operation operation = template.item.readOperationsMap()
                        .get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
                if (operation == null) {
                    continue;
                }
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < template.names.size(); i++) {
                    variables.put(template.names.get(i), decode(matcher.group(i + 1)));
                }
                return Optional.of(new Found(template, method.toLowerCase(Locale.ROOT), operation, variables));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with the request's path, query and body; empty when it follows the document. */
    List<String> checkRequest(Found found, RecordedRequest request) {
        List<String> problems = new ArrayList<>();
        Map<String, String> query = query(request.query());
        List<Located<Parameter>> parameters = parameters(found);
        for (Located<Parameter> located : parameters) {
            Parameter parameter = located.value();
            String value = "path".equals(parameter.getIn()) ? found.variables().get(parameter.getName())
                    : "query".equals(parameter.getIn()) ? query.get(parameter.getName()) : null;
            if (value == null) {
                if (Boolean.TRUE.equals(parameter.getRequired()) && !"header".equals(parameter.getIn())) {
                    problems.add(parameter.getIn() + " parameter '" + parameter.getName() + "' is required");
                }
                continue;
            }
            JsonNode typed = typed(value, located.pointer() + "/schema");
            validate(located.pointer() + "/schema", typed, false).forEach(e -> problems.add(parameter.getIn()
                    + " parameter '" + parameter.getName() + "' = " + value + ": " + e));
        }
        for (String name : query.keySet()) {
            if (parameters.stream().noneMatch(p -> "query".equals(p.value().getIn())
                    && name.equals(p.value().getName()))) {
                problems.add("query parameter '" + name + "' is not in the document");
            }
        }
        Located<RequestBody> body = requestBody(found);
        boolean sent = request.body() != null && !request.body().isEmpty();
        if (body == null) {
            if (sent) {
                problems.add("a request body is sent, but the operation takes none");
            }
            return problems;
        }
        if (!sent) {
            if (Boolean.TRUE.equals(body.value().getRequired())) {
                problems.add("the request body is required");
            }
            return problems;
        }
        String type = mediaType(request.header("Content-Type"));
        String media = media(body.value().getContent(), type);
        if (media == null) {
            problems.add("request content type " + type + " is not in the document");
            return problems;
        }
        String pointer = body.pointer() + "/content/" + escape(media) + "/schema";
        validate(pointer, parse(request.body(), type, problems), true).forEach(e -> problems.add("request body: " + e));
        return problems;
    }

    /** What is wrong with the answer: an undocumented status or content type, or a body off its schema. */
    List<String> checkResponse(Found found, RecordedRequest exchange) {
        List<String> problems = new ArrayList<>();
        String status = String.valueOf(exchange.status());
        ApiResponse response = found.operation().getResponses().get(status);
        String pointer = found.pointer() + "/responses/" + status;
        if (response == null) {
            response = found.operation().getResponses().get("default");
            pointer = found.pointer() + "/responses/default";
        }
        if (response == null) {
            problems.add("status " + status + " is not in the document");
            return problems;
        }
        if (response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            response = api.getComponents().getResponses().get(name);
            pointer = "/components/responses/" + escape(name);
        }
        String body = exchange.responseBody() == null ? "" : exchange.responseBody();
        if (response.getContent() == null || response.getContent().isEmpty()) {
            if (!body.isEmpty()) {
                problems.add("a body is answered, but the document gives status " + status + " none");
            }
            return problems;
        }
        String type = mediaType(exchange.responseContentType());
        String media = media(response.getContent(), type);
        if (media == null) {
            problems.add("content type " + type + " is not documented for status " + status + " (it has "
                    + response.getContent().keySet() + ")");
            return problems;
        }
        validate(pointer + "/content/" + escape(media) + "/schema", parse(body, type, problems), false)
                .forEach(e -> problems.add("body: " + e));
        return problems;
    }

    private List<String> validate(String pointer, JsonNode value, boolean request) {
        if (value == null) {
            return List.of();
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#"
                + p.replace("{", "%7B").replace("}", "%7D"))));
        List<Error> errors = schema.validate(value, context -> context.executionConfig(config -> config
                .formatAssertionsEnabled(true).readOnly(request).writeOnly(!request)));
        return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** A query or path value as the type its schema declares (the wire carries text only). */
    private JsonNode typed(String value, String schemaPointer) {
        JsonNode schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#"
                + schemaPointer.replace("{", "%7B").replace("}", "%7D"))).getSchemaNode();
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value));
                case "number" -> JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(value));
                case "boolean" -> "true".equals(value) || "false".equals(value) ? BooleanNode.valueOf(
                        Boolean.parseBoolean(value)) : TextNode.valueOf(value);
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }

    private static JsonNode parse(String body, String type, List<String> problems) {
        if (!type.endsWith("json")) {
            return TextNode.valueOf(body);
        }
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + e.getMessage());
            return null;
        }
    }

    /** The operation's parameters (path-level ones too), each with the JSON pointer of its definition. */
    private List<Located<Parameter>> parameters(Found found) {
        List<Located<Parameter>> all = new ArrayList<>();
        List<Parameter> shared = found.template().item.getParameters();
        for (int i = 0; shared != null && i < shared.size(); i++) {
            all.add(resolve(shared.get(i), found.template().pointer() + "/parameters/" + i));
        }
        List<Parameter> own = found.operation().getParameters();
        for (int i = 0; own != null && i < own.size(); i++) {
            all.add(resolve(own.get(i), found.pointer() + "/parameters/" + i));
        }
        return all;
    }

    private Located<Parameter> resolve(Parameter parameter, String pointer) {
        if (parameter.get$ref() == null) {
            return new Located<>(parameter, pointer);
        }
        String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
        return new Located<>(api.getComponents().getParameters().get(name), "/components/parameters/" + escape(name));
    }

    private Located<RequestBody> requestBody(Found found) {
        RequestBody body = found.operation().getRequestBody();
        if (body == null) {
            return null;
        }
        if (body.get$ref() == null) {
            return new Located<>(body, found.pointer() + "/requestBody");
        }
        String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
        return new Located<>(api.getComponents().getRequestBodies().get(name), "/components/requestBodies/"
                + escape(name));
    }

    private static String media(Content content, String type) {
        if (content == null) {
            return null;
        }
        return content.keySet().stream().filter(k -> k.equalsIgnoreCase(type)).findFirst().orElse(null);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "(none)";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(
                    equals + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** RFC 6901: a key as one JSON-pointer token. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** A value of the document and where it stands in it. */
    private record Located<T>(T value, String pointer) {
    }

    /** A path of the document as a pattern over raw request paths. */
    static final class Template {
        final String path;
        final PathItem item;
        final Pattern pattern;
        final List<String> names = new ArrayList<>();

        Template(String path, PathItem item) {
            this.path = path;
            this.item = item;
            StringBuilder regex = new StringBuilder();
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(path);
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(path.substring(last, variable.start()))).append("([^/]+)");
                names.add(variable.group(1));
                last = variable.end();
            }
            regex.append(Pattern.quote(path.substring(last)));
            pattern = Pattern.compile(regex.toString());
        }

        long variables() {
            return names.size();
        }

        String pointer() {
            return "/paths/" + escape(path);
        }
    }

    /** A request's operation in the document, with the values of its path variables. */
    record Found(Template template, String method, Operation operation, Map<String, String> variables) {
        String pointer() {
            return template.pointer() + "/" + method;
        }

        /** How the figure names it: its operationId, else method and path. */
        String name() {
            return operation.getOperationId() != null ? operation.getOperationId()
                    : method.toUpperCase(Locale.ROOT) + " " + template.path;
        }
    }
}
