package dev.rapport.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Values kept in Redis as JSON, written and read with the app's {@link ObjectMapper}. A value that can't
 * be written, or one a store must be able to read and can't, is a bug, not a condition to handle: it fails
 * with an {@link IllegalStateException} naming the type (never the value, which may hold what people
 * wrote). Where an unreadable value can be dropped (a cache), {@link #readIfValid} says so instead.
 */
@Component
public class StoredJson {

  private final ObjectMapper mapper;

  StoredJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("can't write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public <T> T read(String raw, Class<T> type) {
    return read(raw, mapper.constructType(type));
  }

  public <T> T read(String raw, TypeReference<T> type) {
    return read(raw, mapper.constructType(type));
  }

  /** The value, or empty when {@code raw} isn't one (e.g. written by another version). */
  public <T> Optional<T> readIfValid(String raw, Class<T> type) {
    try {
      return Optional.of(mapper.readValue(raw, type));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The value, or empty when {@code raw} isn't one (e.g. written by another version). */
  public <T> Optional<T> readIfValid(String raw, TypeReference<T> type) {
    try {
      return Optional.of(mapper.readValue(raw, type));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private <T> T read(String raw, JavaType type) {
    try {
      return mapper.readValue(raw, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getRawClass().getSimpleName() + " in Redis", e);
    }
  }
}
