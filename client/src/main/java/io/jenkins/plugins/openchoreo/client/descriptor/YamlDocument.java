package io.jenkins.plugins.openchoreo.client.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses YAML text into a JSON tree, with limits that keep hostile input cheap. Jackson would turn
 * an alias ({@code *name}) into the plain string "name", silently changing the meaning, so aliases
 * are refused: that also rules out "billion laughs" alias bombs.
 */
final class YamlDocument {

    static final int MAX_DEPTH = 50;

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private YamlDocument() {}

    /** The problem and where it is, as "line L, column C". */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final String position;

        SyntaxError(String position, String message) {
            super(message);
            this.position = position;
        }

        String position() {
            return position;
        }
    }

    /** The first document of the text; a missing node when the text holds no value at all. */
    static JsonNode parse(String text) throws SyntaxError {
        try (JsonParser parser = new AliasRefusingParser(YAML.createParser(text))) {
            JsonNode node = YAML.readTree(parser);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new SyntaxError("document", "cannot be read as YAML: " + e.getMessage());
        }
    }

    private static SyntaxError syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return new SyntaxError(position(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1),
                    "YAML syntax error: " + yaml.getProblem());
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage().lines().findFirst().orElse("").trim();
        return new SyntaxError(at == null ? "document" : position(at.getLineNr(), at.getColumnNr()),
                "YAML error: " + message);
    }

    private static String position(int line, int column) {
        return "line " + line + ", column " + column;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(2 * WorkspaceText.MAX_BYTES);
        return options;
    }

    /** Stops at the first alias instead of letting Jackson read it as its anchor's name. */
    private static final class AliasRefusingParser extends JsonParserDelegate {

        AliasRefusingParser(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (((YAMLParser) delegate).isCurrentAlias()) {
                throw new com.fasterxml.jackson.core.JsonParseException(delegate,
                        "YAML aliases (*" + delegate.getText() + ") are not supported: write the value out",
                        delegate.currentTokenLocation());
            }
            return token;
        }
    }
}
