package dev.rapport.people;

import com.slack.api.model.User;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Slack status as "away" or not: the emoji people (and Slack's own "Vacationing" and "Out sick"
 * statuses) use for it, or words that say so, which is also how Slack's calendar apps mark an out-of-office
 * event ("Out of office"). Only the verdict is kept ({@link Profile#outOfOffice()}), never the status text.
 */
final class OutOfOffice {

  /** :palm_tree: (Slack's "Vacationing"), :airplane:, :face_with_thermometer: (Slack's "Out sick") and kin. */
  static final Set<String> EMOJI = Set.of("palm_tree", "airplane", "airplane_departure", "desert_island",
      "beach_with_umbrella", "face_with_thermometer");

  /** Whole words only, so "Back from vacation" or "Holiday party prep" don't count. */
  private static final Pattern WORDS = Pattern.compile("(?<![\\p{L}\\p{N}])(?:out of (?:the )?office|ooo"
      + "|on (?:vacation|holidays?|leave|pto|annual leave|parental leave|sick leave)|vacationing"
      + "|out sick|off sick|pto)(?![\\p{L}\\p{N}])");
  private static final Pattern NOT_AWAY = Pattern.compile("^\\s*(?:back from|returned from|after)\\b");

  private OutOfOffice() {}

  /** Whether the profile's status says its owner is away. */
  static boolean says(User.Profile profile) {
    if (profile == null) {
      return false;
    }
    String emoji = profile.getStatusEmoji() == null ? "" : profile.getStatusEmoji().replace(":", "").strip()
        .toLowerCase(Locale.ROOT);
    String text = profile.getStatusText() == null ? "" : profile.getStatusText().toLowerCase(Locale.ROOT);
    if (NOT_AWAY.matcher(text).find()) {
      return false;
    }
    return EMOJI.contains(emoji) || WORDS.matcher(text).find();
  }

  /** Epoch second the status ends, 0 when it has none (or isn't an away status). */
  static long until(User.Profile profile) {
    Long expiration = profile == null ? null : profile.getStatusExpiration();
    return expiration == null || expiration < 0 ? 0 : expiration;
  }
}
