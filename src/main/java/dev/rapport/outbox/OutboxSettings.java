package dev.rapport.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox delivers ({@code RAPPORT_OUTBOX_*}). {@code perMinute} is the budget per workspace and
 * Web API method (Slack's tiers: conversations.open is Tier 3, about 50/min; users.info Tier 4, about
 * 100/min); {@code chat.postMessage} also gets {@code perChannelPerSecond} per channel. An idle worker waits
 * until the next item falls due or an enqueue wakes it, and looks again after {@code pollInterval} at the
 * latest (a fallback: wake-ups travel over Redis pub/sub, which drops them while a subscriber reconnects).
 */
@Validated
@ConfigurationProperties("rapport.outbox")
public record OutboxSettings(
    @Min(1) @Max(64) @DefaultValue("4") int workers,
    @Min(1) @Max(100) @DefaultValue("10") int batch,
    @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration pollInterval,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("60s") Duration lease,
    @Min(1) @Max(100) @DefaultValue("8") int maxAttempts,
    @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration baseBackoff,
    @NotNull @DurationMin(millis = 1) @DefaultValue("10m") Duration maxBackoff,
    Map<String, @Min(1) Integer> perMinute,
    @Min(1) @DefaultValue("1") int perChannelPerSecond,
    @NotNull @DurationMin(minutes = 1) @DefaultValue("7d") Duration rememberDelivered,
    @Min(1) @DefaultValue("500") int deadLetterCap,
    @NotNull @DurationMin(days = 1) @DefaultValue("90d") Duration deadLetterKeep,
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
