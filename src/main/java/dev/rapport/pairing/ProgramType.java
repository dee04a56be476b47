package dev.rapport.pairing;

import dev.rapport.pairing.matching.Structure;
import dev.rapport.slack.Mrkdwn;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of program a channel runs. Every type uses the same rounds, outbox, history, follow-ups and stats;
 * the type only decides who takes part in a round and how they are grouped. {@link #words()} are the words
 * {@code /coffee start … type …} takes ({@link ProgramTypeWords} reads them back), which is also how the type is
 * stored with the program.
 */
sealed interface ProgramType {

  ProgramType RANDOM = new Random();
  ProgramType ONBOARDING = new Onboarding();

  /** The type's words, as typed after {@code type} (user groups, channels and people as Slack escapes them). */
  String words();

  /** For confirmations: what the program does, e.g. "cross-group: @mentors meet @mentees". */
  String describe();

  /** Groups of the whole channel: the classic program. */
  record Random() implements ProgramType {
    @Override
    public String words() {
      return "random";
    }

    @Override
    public String describe() {
      return "random groups";
    }
  }

  /** New hires and their buddies; until its own behaviour is configured its rounds are random groups. */
  record Onboarding() implements ProgramType {
    @Override
    public String words() {
      return "onboarding";
    }

    @Override
    public String describe() {
      return "onboarding (rounds of random groups)";
    }
  }

  /** Two sides that every pair mixes. */
  record Cross(Side a, Side b) implements ProgramType {
    @Override
    public String words() {
      if (a.kind() == SideKind.FIELD) {
        return "cross field " + quoted(a.ref()) + " " + quoted(a.value()) + " " + quoted(b.value());
      }
      return "cross " + a.words() + " " + b.words();
    }

    @Override
    public String describe() {
      return "cross-group: " + a.describe() + " meet " + b.describe();
    }
  }

  /** Leader roulette: {@code host} meets {@code guests} people each round; nobody else is paired. */
  record Leader(String host, int guests) implements ProgramType {
    @Override
    public String words() {
      return "leader <@" + host + "> meets " + guests;
    }

    @Override
    public String describe() {
      return "leader roulette: <@" + host + "> meets " + guests + (guests == 1 ? " person" : " people")
          + " each round";
    }
  }

  /**
   * By office: the office comes from a profile field ({@code field} set) or from user groups (each one an office,
   * named by its handle).
   */
  record Office(String field, List<Side> groups, Structure.Mode mode) implements ProgramType {
    public Office {
      groups = List.copyOf(groups);
    }

    @Override
    public String words() {
      String source = field != null ? "field " + quoted(field)
          : groups.stream().map(Side::words).collect(Collectors.joining(" "));
      return "office " + source + " mode " + modeWord(mode);
    }

    @Override
    public String describe() {
      String source = field != null ? "the profile field " + Mrkdwn.escape(field)
          : groups.stream().map(Side::describe).collect(Collectors.joining(", "));
      return "by office (" + source + "), " + switch (mode) {
        case VIRTUAL -> "everyone by video";
        case IN_PERSON -> "in person, by video for who has no one new in their office";
        case HYBRID -> "in person while there is someone new in one's office, then by video";
      };
    }
  }

  /** Where one side's members come from. */
  enum SideKind { USERGROUP, CHANNEL, FIELD }

  /**
   * One side: a user group ({@code ref} its id, {@code value} its handle), a channel ({@code ref} its id), or
   * the people whose profile field {@code ref} says {@code value}.
   */
  record Side(SideKind kind, String ref, String value) {
    String words() {
      return switch (kind) {
        case USERGROUP -> ref == null ? "@" + value : "<!subteam^" + ref + (value == null ? "" : "|@" + value) + ">";
        case CHANNEL -> "<#" + ref + ">";
        case FIELD -> quoted(value);
      };
    }

    /**
     * The side in words. A user group by its handle, escaped, never as {@code <!subteam^…>}: the description is
     * also posted in the channel (the start announcement), where a real mention would notify the whole group.
     */
    String describe() {
      return switch (kind) {
        case USERGROUP -> value != null ? Mrkdwn.escape("@" + value) : "the user group " + Mrkdwn.code(ref);
        case CHANNEL -> "<#" + ref + ">";
        case FIELD -> Mrkdwn.escape(ref) + " “" + Mrkdwn.escape(value) + "”";
      };
    }
  }

  static String modeWord(Structure.Mode mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A label or value as one word: quoted when it has spaces. */
  static String quoted(String text) {
    return text.matches("\\S+") && !text.contains("\"") ? text : "\"" + text.replace("\"", "") + "\"";
  }
}
