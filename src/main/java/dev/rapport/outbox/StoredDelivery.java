package dev.rapport.outbox;

import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Map;

/**
 * A {@link Delivery} as the queue keeps it: one flat JSON object whatever its kind, the shape items had
 * before the kinds were types of their own, so items queued then are still read, and an instance not yet
 * upgraded reads what this one queues. {@code threadTs} is an {@link Delivery.Update}'s message ts; in
 * older items also a thread to post in, which nothing ever asked for.
 */
record StoredDelivery(String id, String team, Delivery.Kind kind, String channel, List<String> users, String text,
                      String blocks, String threadTs, String tag, Map<String, String> context, String filename,
                      String title, String content, int attempts, String lastError, String openedChannel,
                      Origin origin) {

  /** Slack's own JSON shape for blocks; built once, it is thread-safe. */
  static final com.google.gson.Gson BLOCKS = GsonFactory.createSnakeCase();

  static StoredDelivery of(Delivery d) {
    Delivery.Envelope e = d.envelope();
    if (d instanceof Delivery.Post p) {
      return stored(e, Delivery.Kind.POST, p.channel(), null, p.text(), p.blocks(), null, null, null, null, null);
    }
    if (d instanceof Delivery.Dm dm) {
      return stored(e, Delivery.Kind.DM, null, dm.users(), dm.text(), dm.blocks(), null, null, null, null,
          dm.openedChannel());
    }
    if (d instanceof Delivery.Upload u) {
      return stored(e, Delivery.Kind.UPLOAD, null, List.of(u.user()), u.comment(), null, null, u.filename(),
          u.title(), u.content(), null);
    }
    Delivery.Update u = (Delivery.Update) d;
    return stored(e, Delivery.Kind.UPDATE, u.channel(), null, u.text(), u.blocks(), u.ts(), null, null, null, null);
  }

  private static StoredDelivery stored(Delivery.Envelope e, Delivery.Kind kind, String channel, List<String> users,
                                       String text, String blocks, String threadTs, String filename, String title,
                                       String content, String openedChannel) {
    return new StoredDelivery(e.id(), e.team(), kind, channel, users, text, blocks, threadTs, e.tag(), e.context(),
        filename, title, content, e.attempts(), e.lastError(), openedChannel, e.origin());
  }

  Delivery delivery() {
    Delivery.Envelope e = new Delivery.Envelope(id, team, tag, context, origin, attempts, lastError);
    return switch (kind) {
      case POST -> new Delivery.Post(e, channel, text, blocks);
      case DM -> new Delivery.Dm(e, users, text, blocks, openedChannel);
      case UPLOAD -> new Delivery.Upload(e, users == null || users.isEmpty() ? null : users.get(0), filename, title,
          text, content);
      case UPDATE -> new Delivery.Update(e, channel, threadTs, text, blocks);
    };
  }
}
