package dev.rapport.outbox;

import com.slack.api.model.block.LayoutBlock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One thing to send to Slack, one record per kind: a message to a channel ({@link Post}), a message to the
 * (group) DM of some people ({@link Dm}), a file uploaded to one person's DM ({@link Upload}), or a change to
 * a message already sent ({@link Update}). Whatever the kind, its {@link Envelope} holds the idempotency key
 * ({@code id}), the workspace, the {@code tag} naming the {@link DeliveryListener} told when Slack accepted it
 * (or gave up) with {@code context} for that listener, and the {@link Origin}: which feature and channel it
 * belongs to, so a failure shows where it matters. Queued, it is stored as {@link StoredDelivery}.
 */
public sealed interface Delivery permits Delivery.Post, Delivery.Dm, Delivery.Upload, Delivery.Update {

  enum Kind { POST, DM, UPLOAD, UPDATE }

  /**
   * What every delivery carries: its idempotency key, workspace, listener tag and context, origin (null:
   * read from the id, see {@link #resolvedOrigin()}), and the attempts so far with the last error.
   */
  record Envelope(String id, String team, String tag, Map<String, String> context, Origin origin, int attempts,
                  String lastError) {

    public Envelope {
      if (id == null || id.isBlank() || id.length() > 200) {
        throw new IllegalArgumentException("a delivery needs an idempotency key of at most 200 characters");
      }
      context = context == null ? Map.of() : Map.copyOf(context);
    }

    static Envelope of(String id, String team) {
      return new Envelope(id, team, null, null, null, 0, null);
    }

    Envelope failed(String error) {
      return new Envelope(id, team, tag, context, origin, attempts + 1, error);
    }
  }

  Envelope envelope();

  /** The same delivery in another envelope. */
  Delivery with(Envelope envelope);

  Kind kind();

  /** The message's text (an upload's comment). */
  String text();

  /** Whether it is addressed to {@code user} or names them (forget-me drops it). */
  boolean names(String user);

  default String id() {
    return envelope().id();
  }

  default String team() {
    return envelope().team();
  }

  default String tag() {
    return envelope().tag();
  }

  default Map<String, String> context() {
    return envelope().context();
  }

  default int attempts() {
    return envelope().attempts();
  }

  default String lastError() {
    return envelope().lastError();
  }

  /** Tells the listener tagged {@code tag} about it, with {@code context}. */
  default Delivery withTag(String tag, Map<String, String> context) {
    Envelope e = envelope();
    return with(new Envelope(e.id(), e.team(), tag, context, e.origin(), e.attempts(), e.lastError()));
  }

  /**
   * Which feature ("pairing", "prompts", "pulse") and channel this belongs to, and what it is in a few
   * words ("scheduled prompt"): a failure shows in that feature's stats for that channel, in those words.
   */
  default Delivery about(String feature, String channel, String what) {
    Envelope e = envelope();
    return with(new Envelope(e.id(), e.team(), e.tag(), e.context(), new Origin(feature, channel, what),
        e.attempts(), e.lastError()));
  }

  /** Its origin as given, or as read from its id (items queued before origins existed). */
  default Origin resolvedOrigin() {
    return envelope().origin() != null ? envelope().origin() : Origin.of(id());
  }

  /** A message in {@code channel} (a channel id, or a user id for the app's DM with them). */
  static Delivery post(String team, String channel, String id, String text, List<LayoutBlock> blocks) {
    return new Post(Envelope.of(id, team), channel, text, json(blocks));
  }

  /** A message to the group DM of {@code users} (one user: their DM with the app). */
  static Delivery dm(String team, List<String> users, String id, String text, List<LayoutBlock> blocks) {
    return new Dm(Envelope.of(id, team), users, text, json(blocks), null);
  }

  /** A file uploaded to {@code user}'s DM with the app. */
  static Delivery upload(String team, String user, String id, String filename, String title, byte[] bytes,
                         String comment) {
    return new Upload(Envelope.of(id, team), user, filename, title, comment,
        Base64.getEncoder().encodeToString(bytes));
  }

  /** New text and blocks (none removes the old ones, e.g. buttons) for the message {@code ts} in {@code channel}. */
  static Delivery update(String team, String channel, String ts, String id, String text,
                         List<LayoutBlock> blocks) {
    String json = json(blocks);
    return new Update(Envelope.of(id, team), channel, ts, text, json == null ? "[]" : json);
  }

  /** A message to a channel; {@code blocks} as Slack's JSON. */
  record Post(Envelope envelope, String channel, String text, String blocks) implements Delivery {

    @Override
    public Post with(Envelope envelope) {
      return new Post(envelope, channel, text, blocks);
    }

    @Override
    public Kind kind() {
      return Kind.POST;
    }

    @Override
    public boolean names(String user) {
      return user.equals(channel) || mentions(user, text, blocks);
    }
  }

  /** A message to the group DM of {@code users}; {@code openedChannel} once that DM was opened. */
  record Dm(Envelope envelope, List<String> users, String text, String blocks, String openedChannel)
      implements Delivery {

    public Dm {
      users = users == null ? List.of() : List.copyOf(users);
    }

    @Override
    public Dm with(Envelope envelope) {
      return new Dm(envelope, users, text, blocks, openedChannel);
    }

    /** Retries keep the DM's channel instead of opening it again. */
    Dm opened(String channel) {
      return new Dm(envelope, users, text, blocks, channel);
    }

    @Override
    public Kind kind() {
      return Kind.DM;
    }

    @Override
    public boolean names(String user) {
      return users.contains(user) || mentions(user, text, blocks);
    }
  }

  /** A file ({@code content} in base64) uploaded to {@code user}'s DM, with {@code comment} above it. */
  record Upload(Envelope envelope, String user, String filename, String title, String comment, String content)
      implements Delivery {

    @Override
    public Upload with(Envelope envelope) {
      return new Upload(envelope, user, filename, title, comment, content);
    }

    @Override
    public Kind kind() {
      return Kind.UPLOAD;
    }

    @Override
    public String text() {
      return comment;
    }

    @Override
    public boolean names(String user) {
      return user.equals(this.user) || mentions(user, comment, null);
    }

    byte[] bytes() {
      return content == null ? new byte[0] : Base64.getDecoder().decode(content);
    }
  }

  /** New {@code text} and {@code blocks} for the message {@code ts} in {@code channel}. */
  record Update(Envelope envelope, String channel, String ts, String text, String blocks) implements Delivery {

    @Override
    public Update with(Envelope envelope) {
      return new Update(envelope, channel, ts, text, blocks);
    }

    @Override
    public Kind kind() {
      return Kind.UPDATE;
    }

    @Override
    public boolean names(String user) {
      return user.equals(channel) || mentions(user, text, blocks);
    }
  }

  private static boolean mentions(String user, String text, String blocks) {
    return (text != null && text.contains(user)) || (blocks != null && blocks.contains(user));
  }

  private static String json(List<LayoutBlock> blocks) {
    return blocks == null || blocks.isEmpty() ? null : StoredDelivery.BLOCKS.toJson(blocks);
  }
}
