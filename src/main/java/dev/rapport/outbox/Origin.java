package dev.rapport.outbox;

/**
 * Where a delivery belongs: a feature ({@code pairing}, {@code prompts}, {@code pulse}), the channel it is
 * about (the coffee channel of an intro, the channel of a prompt; null when none, e.g. a pulse invitation,
 * which never names its team), and what it is in a few words ("intro", "scheduled prompt"), so that a
 * failure can be shown in that feature's stats for that channel in words people understand.
 */
public record Origin(String feature, String channel, String what) {

  public Origin {
    feature = feature == null || feature.isBlank() ? "other" : feature;
    what = what == null || what.isBlank() ? "message" : what;
  }

  /**
   * Read from a delivery's idempotency key, for deliveries that don't name their origin: those queued, and
   * dead letters kept, before origins existed. Every delivery the features queue now names its origin
   * ({@link Delivery#about}), so the keys are opaque to the outbox and this reads only the key formats of
   * that time ({@code pairing:channel:…}, {@code prompts:team|prompts|channel@ms}, {@code pulse:what:…}); it
   * needs no change when a feature's keys do.
   */
  static Origin of(String id) {
    String[] parts = id.split(":");
    String feature = parts[0];
    return switch (feature) {
      case "pairing" -> new Origin(feature, parts.length > 1 ? parts[1] : null, pairingWhat(id));
      case "prompts" -> prompts(id, parts);
      case "pulse" -> new Origin(feature, null, switch (parts.length > 1 ? parts[1] : "") {
        case "invite" -> "pulse invitation";
        case "remind" -> "pulse reminder";
        case "closed" -> "pulse invitation marked closed";
        case "chart" -> "pulse chart";
        case "export" -> "pulse export";
        default -> "pulse message";
      });
      default -> new Origin(parts.length > 1 ? feature : "other", null, "message");
    };
  }

  private static String pairingWhat(String id) {
    if (id.endsWith(":intro")) {
      return "intro";
    }
    if (id.endsWith(":followup")) {
      return "follow-up";
    }
    if (id.endsWith(":ghost")) {
      return "pause notice";
    }
    return id.contains(":left-out:") ? "note to someone left out" : "message";
  }

  /** {@code prompts:T|prompts|C@ms} (a scheduled prompt) or {@code prompts:T:suggestion:…} (a DM). */
  private static Origin prompts(String id, String[] parts) {
    String occurrence = parts.length > 1 ? parts[1] : "";
    String[] schedule = occurrence.split("\\|");
    if (schedule.length == 3 && schedule[1].equals("prompts")) {
      String channel = schedule[2].contains("@") ? schedule[2].substring(0, schedule[2].indexOf('@')) : schedule[2];
      return new Origin("prompts", channel, parts.length > 2 ? "notice to admins" : "scheduled prompt");
    }
    return new Origin("prompts", null, id.contains(":suggestion:") ? "suggestion message" : "message");
  }
}
