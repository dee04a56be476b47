package dev.rapport.outbox;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One thing to send to Slack, with its idempotency key ({@code id}): a message to a channel
 * ({@link Kind#POST}), a message to a (group) DM opened for {@code users} ({@link Kind#DM}), a file
 * uploaded to one user's DM ({@link Kind#UPLOAD}), or a new text for a message already posted
 * ({@link Kind#UPDATE}: {@code chat.update} of the message {@code threadTs} in {@code channel}). A {@code tag} names the {@link DeliveryListener} told
 * when Slack accepted it, with {@code context} for that listener.
 */
public record Delivery(String id, String team, Kind kind, String channel, List<String> users, String text,
                       String blocks, String threadTs, String tag, Map<String, String> context,
                       String filename, String title, String content, int attempts, String lastError,
                       String openedChannel) {

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
        null, null, 0, null, null);
  }

  /** A message to the group DM of {@code users} (one user: their DM with the app). */
  public static Delivery dm(String team, List<String> users, String id, String text, List<LayoutBlock> blocks) {
    return new Delivery(id, team, Kind.DM, null, users, text, json(blocks), null, null, null, null, null,
        null, 0, null, null);
  }

  /**
   * New text and blocks for the message at {@code ts} in {@code channel} (as Slack returned them when it was
   * posted). Updating twice to the same content is harmless, so a retry never needs to check first.
   */
  public static Delivery update(String team, String channel, String ts, String id, String text,
                                List<LayoutBlock> blocks) {
    return new Delivery(id, team, Kind.UPDATE, channel, List.of(), text, json(blocks), ts, null, null, null, null,
        null, 0, null, null);
  }

  /** A file uploaded to {@code user}'s DM with the app. */
  public static Delivery upload(String team, String user, String id, String filename, String title,
                                byte[] bytes, String comment) {
    return new Delivery(id, team, Kind.UPLOAD, null, List.of(user), comment, null, null, null, null,
        filename, title, Base64.getEncoder().encodeToString(bytes), 0, null, null);
  }

  public Delivery withTag(String newTag, Map<String, String> newContext) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, newTag, newContext, filename,
        title, content, attempts, lastError, openedChannel);
  }

  public Delivery inThread(String ts) {
    return new Delivery(id, team, kind, channel, users, text, blocks, ts, tag, context, filename, title,
        content, attempts, lastError, openedChannel);
  }

  Delivery failed(String error) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, tag, context, filename, title,
        content, attempts + 1, error, openedChannel);
  }

  Delivery opened(String dmChannel) {
    return new Delivery(id, team, kind, channel, users, text, blocks, threadTs, tag, context, filename, title,
        content, attempts, lastError, dmChannel);
  }

  byte[] bytes() {
    return content == null ? new byte[0] : Base64.getDecoder().decode(content);
  }

  private static String json(List<LayoutBlock> blocks) {
    return blocks == null || blocks.isEmpty() ? null : GSON.toJson(blocks);
  }
}
