package dev.rapport.outbox;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One thing to send to Slack, with its idempotency key ({@code id}): a message to a channel
 * ({@link Kind#POST}), a message to a (group) DM opened for {@code users} ({@link Kind#DM}), a file
 * uploaded to one user's DM ({@link Kind#UPLOAD}), or a change to a message already sent
 * ({@link Kind#UPDATE}: {@code channel} and {@code threadTs}, the message's own ts). A {@code tag} names the
 * {@link DeliveryListener} told when Slack accepted it (or gave up), with {@code context} for that listener.
 * {@code origin} says which feature and channel it belongs to, so a failure shows where it matters; without
 * one (items queued before it existed), it is read from the id ({@link Origin#of}).
 */
public record Delivery(String id, String team, Kind kind, String channel, List<String> users, String text,
                       String blocks, String threadTs, String tag, Map<String, String> context,
                       String filename, String title, String content, int attempts, String lastError,
                       String openedChannel, Origin origin) {

  public enum Kind { POST, DM, UPLOAD, UPDATE }

  /** Slack's own JSON shape for blocks; built once, it is thread-safe. */
  private static final com.google.gson.Gson GSON = GsonFactory.createSnakeCase();

  public Delivery {
    if (id == null || id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException("a delivery needs an idempotency key of at most 200 characters");
    }
    users = users == null ? List.of() : List.copyOf(users);
    context = context == null ? Map.of() : Map.copyOf(context);
  }

  /** A message in {@code channel} (a channel id, or a user id for the app's DM with them). */
  public static Delivery post(String team, String channel, String id, String text, List<LayoutBlock> blocks) {
    return new Delivery(id, team, Kind.POST, channel, List.of(), text, json(blocks), null, null, null, null,
        null, null, 0, null, null, null);
  }

  /** A message to the group DM of {@code users} (one user: their DM with the app). */
  public static Delivery dm(String team, List<String> users, String id, String text, List<LayoutBlock> blocks) {
    return new Delivery(id, team, Kind.DM, null, users, text, json(blocks), null, null, null, null, null,
        null, 0, null, null, null);
  }

  /** A file uploaded to {@code user}'s DM with the app. */
  public static Delivery upload(String team, String user, String id, String filename, String title,
                                byte[] bytes, String comment) {
    return new Delivery(id, team, Kind.UPLOAD, null, List.of(user), comment, null, null, null, null,
        filename, title, Base64.getEncoder().encodeToString(bytes), 0, null, null, null);
  }

  /** New text and blocks (none removes the old ones, e.g. buttons) for the message {@code ts} in {@code channel}. */
  public static Delivery update(String team, String channel, String ts, String id, String text,
                                List<LayoutBlock> blocks) {
    String json = json(blocks);
    return new Delivery(id, team, Kind.UPDATE, channel, List.of(), text, json == null ? "[]" : json, ts, null,
        null, null, null, null, 0, null, null, null);
  }

  public Delivery withTag(String newTag, Map<String, String> newContext) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, newTag, newContext, filename,
        title, content, attempts, lastError, openedChannel, origin);
  }

  /**
   * Which feature ("pairing", "prompts", "pulse") and channel this belongs to, and what it is in a few
   * words ("scheduled prompt"): a failure shows in that feature's stats for that channel, in those words.
   */
  public Delivery about(String feature, String aboutChannel, String what) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, tag, context, filename, title,
        content, attempts, lastError, openedChannel, new Origin(feature, aboutChannel, what));
  }

  public Delivery inThread(String ts) {
    return new Delivery(id, team, kind, channel, users, text, blocks, ts, tag, context, filename, title,
        content, attempts, lastError, openedChannel, origin);
  }

  /** Its origin as given, or as read from its id (items queued before origins existed). */
  public Origin resolvedOrigin() {
    return origin != null ? origin : Origin.of(id);
  }

  Delivery failed(String error) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, tag, context, filename, title,
        content, attempts + 1, error, openedChannel, origin);
  }

  Delivery opened(String dmChannel) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, tag, context, filename, title,
        content, attempts, lastError, dmChannel, origin);
  }

  byte[] bytes() {
    return content == null ? new byte[0] : Base64.getDecoder().decode(content);
  }

  private static String json(List<LayoutBlock> blocks) {
    return blocks == null || blocks.isEmpty() ? null : GSON.toJson(blocks);
  }
}
