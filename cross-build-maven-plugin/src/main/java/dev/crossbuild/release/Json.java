package dev.crossbuild.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** JSON in GitHub's snake_case, tolerant of fields this client does not use. */
final class Json {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private Json() {}

  static <T> T read(String json, Class<T> type, String what) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new GitHubApiException(
          what, "Unexpected answer from GitHub to " + what + ": " + e.getOriginalMessage(), e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GitHub's {@code message} field of an error answer, shortened; empty when there is none. */
  static String message(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      String message = node == null ? "" : node.path("message").asText("");
      return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
