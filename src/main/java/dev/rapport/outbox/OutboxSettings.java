package dev.rapport.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers ({@code RAPPORT_OUTBOX_*}). {@code perMinute} is the budget per workspace and
 * Web API method (Slack's tiers: conversations.open is Tier 3, about 50/min; users.info Tier 4, about
 * 100/min); {@code chat.postMessage} also gets {@code perChannelPerSecond} per channel.
 */
@ConfigurationProperties("rapport.outbox")
public record OutboxSettings(
    @DefaultValue("4") int workers,
    @DefaultValue("10") int batch,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("2s") Duration baseBackoff,
    @DefaultValue("10m") Duration maxBackoff,
    Map<String, Integer> perMinute,
    @DefaultValue("1") int perChannelPerSecond,
    @DefaultValue("7d") Duration rememberDelivered,
    @DefaultValue("500") int deadLetterCap,
    @DefaultValue("90d") Duration deadLetterKeep,
    @DefaultValue("true") boolean enabled) {

  static final Map<String, Integer> DEFAULT_PER_MINUTE = Map.of(
      "conversations.open", 50,
      "chat.postMessage", 300,
      "conversations.history", 50,
      "files.upload", 20,
      "chat.update", 50);

  public OutboxSettings {
    perMinute = perMinute == null || perMinute.isEmpty() ? DEFAULT_PER_MINUTE : Map.copyOf(perMinute);
  }

  int perMinute(String method) {
    return perMinute.getOrDefault(method, DEFAULT_PER_MINUTE.getOrDefault(method, 100));
  }
}
