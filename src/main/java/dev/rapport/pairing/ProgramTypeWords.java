package dev.rapport.pairing;

import dev.rapport.pairing.matching.Structure;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the words after {@code type} in {@code /coffee start … type …} (and in the settings form) into a
 * {@link ProgramType}; anything it can't read is a {@link UserError} that names the word and shows an example.
 * Kept apart from {@link ProgramAdmin} so each program type's words live in one place.
 */
final class ProgramTypeWords {

  static final String START = "/coffee start every week on mon at 10:00 type ";
  static final String CROSS_EXAMPLE = START + "cross @mentors @mentees";
  static final String CROSS_FIELD_EXAMPLE = START + "cross field Office Berlin Dublin";
  static final String CROSS_CHANNELS_EXAMPLE = START + "cross #sales #engineering";
  static final String LEADER_EXAMPLE = START + "leader @ceo meets 2";
  static final String OFFICE_EXAMPLE = START + "office field Office mode hybrid";
  static final String OFFICE_GROUPS_EXAMPLE = START + "office @berlin @dublin mode in-person";
  static final String ONBOARDING_EXAMPLE = START + "onboarding";
  static final String TYPES = "`random`, `cross`, `leader`, `office` or `onboarding`";

  /** A user group as Slack sends its mention: {@code <!subteam^S…|@handle>}; group 1 the id, 2 the handle. */
  static final Pattern USERGROUP = Pattern.compile("<!subteam\\^([A-Z0-9]+)(?:\\|@?([^>]*))?>");
  private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern HANDLE = Pattern.compile("@([a-z0-9._-]+)", Pattern.CASE_INSENSITIVE);

  private ProgramTypeWords() {}

  /** The words before {@code type} (the size, if any) and the type's words (null when no type was given). */
  record Split(List<String> before, String type) {}

  static Split split(List<String> rest) {
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equalsIgnoreCase("type")) {
        return new Split(rest.subList(0, i), String.join(" ", rest.subList(i + 1, rest.size())));
      }
    }
    return new Split(rest, null);
  }

  /**
   * The group size a program of {@code type} gets: {@code asked} (null if not), else {@code kept}. Cross-group
   * programs make pairs; asking them for bigger groups is an error.
   */
  static int size(ProgramType type, Integer asked, int kept) {
    if (type instanceof ProgramType.Cross) {
      if (asked != null && asked != 2) {
        throw new UserError("Cross-group programs make pairs, one person from each side, so `size " + asked
            + "` doesn't fit them. Leave the size out. Example: `" + CROSS_EXAMPLE + "`");
      }
      return 2;
    }
    return asked != null ? asked : kept;
  }

  static ProgramType parse(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      throw new UserError("Which type of program? After `type` write " + TYPES + ". Example: `" + CROSS_EXAMPLE
          + "`");
    }
    String kind = words.get(0).toLowerCase(Locale.ROOT);
    List<String> rest = words.subList(1, words.size());
    return switch (kind) {
      case "random" -> alone(ProgramType.RANDOM, rest, START + "random");
      case "onboarding" -> alone(ProgramType.ONBOARDING, rest, ONBOARDING_EXAMPLE);
      case "cross" -> cross(rest);
      case "leader" -> leader(rest);
      case "office" -> office(rest);
      default -> throw new UserError("I don't know the program type " + Mrkdwn.echo(words.get(0)) + ". Types: "
          + TYPES + ". Example: `" + CROSS_EXAMPLE + "`");
    };
  }

  private static ProgramType alone(ProgramType type, List<String> rest, String example) {
    if (!rest.isEmpty()) {
      throw new UserError("`type " + type.words() + "` takes nothing after it, but I got "
          + Mrkdwn.echo(String.join(" ", rest)) + ". Example: `" + example + "`");
    }
    return type;
  }

  private static ProgramType cross(List<String> rest) {
    if (!rest.isEmpty() && rest.get(0).equalsIgnoreCase("field")) {
      if (rest.size() != 4) {
        throw new UserError("A cross-group program by profile field needs the field's name and the two values "
            + "that make the sides (quote any with spaces). Example: `" + CROSS_FIELD_EXAMPLE + "`");
      }
      if (rest.get(2).equalsIgnoreCase(rest.get(3))) {
        throw new UserError("The two sides need different values, but both are " + Mrkdwn.echo(rest.get(2))
            + ". Example: `" + CROSS_FIELD_EXAMPLE + "`");
      }
      return new ProgramType.Cross(new ProgramType.Side(ProgramType.SideKind.FIELD, rest.get(1), rest.get(2)),
          new ProgramType.Side(ProgramType.SideKind.FIELD, rest.get(1), rest.get(3)));
    }
    if (rest.size() != 2) {
      throw new UserError("A cross-group program needs two sides: two user groups, two channels, or a profile "
          + "field and two of its values. Examples: `" + CROSS_EXAMPLE + "`, `" + CROSS_CHANNELS_EXAMPLE + "`, `"
          + CROSS_FIELD_EXAMPLE + "`");
    }
    ProgramType.Side a = side(rest.get(0));
    ProgramType.Side b = side(rest.get(1));
    if (a.kind() != b.kind()) {
      throw new UserError("Both sides must be user groups, or both channels, not one of each. Examples: `"
          + CROSS_EXAMPLE + "`, `" + CROSS_CHANNELS_EXAMPLE + "`");
    }
    if (a.equals(b)) {
      throw new UserError("The two sides are the same (" + a.describe() + "): pick two different ones. Example: `"
          + CROSS_EXAMPLE + "`");
    }
    return new ProgramType.Cross(a, b);
  }

  private static ProgramType.Side side(String word) {
    Matcher group = USERGROUP.matcher(word);
    if (group.matches()) {
      return new ProgramType.Side(ProgramType.SideKind.USERGROUP, group.group(1), blankToNull(group.group(2)));
    }
    Matcher channel = CHANNEL.matcher(word);
    if (channel.matches()) {
      return new ProgramType.Side(ProgramType.SideKind.CHANNEL, channel.group(1), null);
    }
    Matcher handle = HANDLE.matcher(word);
    if (handle.matches()) {
      // Typed into the settings form, where Slack doesn't link it: resolved by its handle when saved.
      return new ProgramType.Side(ProgramType.SideKind.USERGROUP, null, handle.group(1).toLowerCase(Locale.ROOT));
    }
    throw new UserError(Mrkdwn.echo(word) + " isn't a user group or a channel. Mention user groups with @ and "
        + "channels with # so Slack links them. Example: `" + CROSS_EXAMPLE + "`");
  }

  private static ProgramType leader(List<String> rest) {
    if (rest.isEmpty()) {
      throw new UserError("Who hosts the leader roulette? Mention them after `leader`. Example: `" + LEADER_EXAMPLE
          + "`");
    }
    Matcher user = USER.matcher(rest.get(0));
    if (!user.matches()) {
      throw new UserError("The host must be a person mentioned with @ in the command (Slack links them), not "
          + Mrkdwn.echo(rest.get(0)) + ". Example: `" + LEADER_EXAMPLE + "`");
    }
    int guests = 1;
    if (rest.size() == 3 && rest.get(1).equalsIgnoreCase("meets") && rest.get(2).matches("[123]")) {
      guests = Integer.parseInt(rest.get(2));
    } else if (rest.size() != 1) {
      throw new UserError("After the host I only understand `meets 1`, `meets 2` or `meets 3` (people each round), "
          + "not " + Mrkdwn.echo(String.join(" ", rest.subList(1, rest.size()))) + ". Example: `" + LEADER_EXAMPLE
          + "`");
    }
    return new ProgramType.Leader(user.group(1), guests);
  }

  private static ProgramType office(List<String> rest) {
    List<String> source = new ArrayList<>(rest);
    Structure.Mode mode = Structure.Mode.IN_PERSON;
    int at = indexOf(source, "mode");
    if (at >= 0) {
      if (at != source.size() - 2) {
        throw new UserError("`mode` takes one word at the end: `virtual`, `in-person` or `hybrid`. Example: `"
            + OFFICE_EXAMPLE + "`");
      }
      mode = mode(source.get(at + 1));
      source = source.subList(0, at);
    }
    if (!source.isEmpty() && source.get(0).equalsIgnoreCase("field")) {
      if (source.size() != 2) {
        throw new UserError("Offices by profile field need the field's name (quote it if it has spaces). "
            + "Example: `" + OFFICE_EXAMPLE + "`");
      }
      return new ProgramType.Office(source.get(1), List.of(), mode);
    }
    if (source.isEmpty()) {
      throw new UserError("Where do offices come from? A profile field (`field Office`) or one user group per "
          + "office (`@berlin @dublin`). Example: `" + OFFICE_EXAMPLE + "`");
    }
    List<ProgramType.Side> groups = new ArrayList<>();
    for (String word : source) {
      ProgramType.Side side = side(word);
      if (side.kind() != ProgramType.SideKind.USERGROUP) {
        throw new UserError("Offices come from user groups (one per office) or a profile field, not channels. "
            + "Example: `" + OFFICE_GROUPS_EXAMPLE + "`");
      }
      groups.add(side);
    }
    return new ProgramType.Office(null, groups, mode);
  }

  private static Structure.Mode mode(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "virtual", "video" -> Structure.Mode.VIRTUAL;
      case "in-person", "inperson", "in_person" -> Structure.Mode.IN_PERSON;
      case "hybrid" -> Structure.Mode.HYBRID;
      default -> throw new UserError("I don't know the mode " + Mrkdwn.echo(word) + ": use `virtual`, `in-person` "
          + "or `hybrid`. Example: `" + OFFICE_EXAMPLE + "`");
    };
  }

  private static int indexOf(List<String> words, String word) {
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).equalsIgnoreCase(word)) {
        return i;
      }
    }
    return -1;
  }

  /** Words split at spaces, except inside double quotes (straight or curly, as Slack's clients type them). */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : (text == null ? "" : text).toCharArray()) {
      if (c == '"' || c == '“' || c == '”') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    words.removeIf(String::isBlank);
    return words;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
