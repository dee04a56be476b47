package dev.rapport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's own JSON samples (copied from java-slack-sdk's json-logs, see slack-samples/SOURCE.md). They
 * are shapes with masked values: fixtures start from them and fill in real values.
 */
public final class SlackSamples {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Optional<JsonNode>> CACHE = new ConcurrentHashMap<>();

  private SlackSamples() {}

  /** A Web API response shape: {@code ok} true, empty error/warning fields removed. */
  public static ObjectNode apiResponse(String method) {
    JsonNode sample = load("api/" + method + ".json");
    ObjectNode node = sample == null ? JSON.createObjectNode() : (ObjectNode) sample.deepCopy();
    node.put("ok", true);
    for (String field : new String[] {"error", "warning", "needed", "provided", "errors",
        "deprecated_argument"}) {
      node.remove(field);
    }
    node.remove("response_metadata");
    return node;
  }

  /** An Events API envelope of {@code name} (e.g. "MessagePayload"). */
  public static ObjectNode event(String name) {
    return (ObjectNode) require("events/" + name + ".json").deepCopy();
  }

  /** An interactive or slash-command payload (path under app-backend/). */
  public static ObjectNode appBackend(String path) {
    return (ObjectNode) require("app-backend/" + path).deepCopy();
  }

  static JsonNode require(String path) {
    JsonNode node = load(path);
    if (node == null) {
      throw new IllegalArgumentException("no Slack sample " + path);
    }
    return node;
  }

  static JsonNode load(String path) {
    return CACHE.computeIfAbsent(path, p -> {
      try (InputStream in = SlackSamples.class.getResourceAsStream("/slack-samples/" + p)) {
        return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).orElse(null);
  }

  /** Sets every masked string field that {@code values} names, at any depth. */
  static void fill(JsonNode node, Map<String, String> values) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (values.containsKey(field.getKey()) && field.getValue().isTextual()) {
          field.setValue(JSON.getNodeFactory().textNode(values.get(field.getKey())));
        } else {
          fill(field.getValue(), values);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(child -> fill(child, values));
    }
  }
}
