package dev.rapport.pairing;

import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The words of {@code /coffee start} about people rather than rounds: {@code type onboarding},
 * {@code buddies @usergroup} (or {@code buddies channel}), {@code journey day 1, week 1, week 4} and
 * {@code managers field "Manager"} (or {@code managers none}). What it doesn't know (the cadence's {@code size},
 * other program types) is left in {@link #rest()} for the rest of the command's parsing.
 *
 * @param onboarding true: on (type onboarding, buddies or journey given); false: off (the settings form);
 *     null: as it was
 * @param buddies a user group as typed ({@code <!subteam^S1|@mentors>} or {@code @mentors}), "" for the channel,
 *     null: as it was
 * @param journey the nudges, or null: as they were
 * @param managerField the manager field's label, "" to clear it, null: as it was
 */
record OnboardingWords(List<String> rest, Boolean onboarding, String buddies, List<JourneyStep> journey,
                       String managerField) {

  static final String EXAMPLE = "/coffee start every week on mon at 10:00 type onboarding buddies @mentors "
      + "journey day 1, week 1, week 4";
  static final String MANAGER_EXAMPLE = "/coffee start every week on mon at 10:00 managers field \"Manager\"";
  private static final Set<String> KEYWORDS = Set.of("size", "type", "buddies", "journey", "managers");

  /** Reads the words this class knows out of {@code words}. */
  static OnboardingWords read(List<String> words) {
    List<String> rest = new ArrayList<>();
    Boolean onboarding = null;
    String buddies = null;
    List<JourneyStep> journey = null;
    String manager = null;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i).toLowerCase(Locale.ROOT);
      String next = i + 1 < words.size() ? words.get(i + 1) : null;
      if (word.equals("type") && "onboarding".equalsIgnoreCase(next)) {
        onboarding = true;
        i++;
      } else if (word.equals("buddies")) {
        if (next == null || KEYWORDS.contains(next.toLowerCase(Locale.ROOT))) {
          throw new UserError("`buddies` needs a user group to pick buddies from, e.g. `buddies @mentors`, or "
              + "`buddies channel` for the channel's longer-standing members. Example: `" + EXAMPLE + "`.");
        }
        buddies = next.equalsIgnoreCase("channel") ? "" : next;
        onboarding = true;
        i++;
      } else if (word.equals("journey")) {
        int end = i + 1;
        while (end < words.size() && !KEYWORDS.contains(words.get(end).toLowerCase(Locale.ROOT))) {
          end++;
        }
        journey = JourneyStep.parse(String.join(" ", words.subList(i + 1, end)));
        onboarding = true;
        i = end - 1;
      } else if (word.equals("managers")) {
        int[] end = {i};
        manager = managerField(words, i + 1, end);
        i = end[0];
      } else {
        rest.add(words.get(i));
      }
    }
    return new OnboardingWords(rest, onboarding, buddies, journey, manager);
  }

  /**
   * {@code field "Manager"} or {@code field Manager} or {@code none}; {@code end[0]} is set to its last word. The
   * label as typed (plain, as the settings form gives it): Slack sends {@code & < >} in a command as entities.
   */
  private static String managerField(List<String> words, int from, int[] end) {
    return Mrkdwn.fromCommand(quotedLabel(words, from, end));
  }

  private static String quotedLabel(List<String> words, int from, int[] end) {
    if (from < words.size() && words.get(from).equalsIgnoreCase("none")) {
      end[0] = from;
      return "";
    }
    if (from + 1 >= words.size() || !words.get(from).equalsIgnoreCase("field")) {
      throw new UserError("Name the profile field that holds each person's manager, e.g. `" + MANAGER_EXAMPLE
          + "` (or `managers none` to stop using one).");
    }
    String first = words.get(from + 1);
    if (!isQuote(first.charAt(0))) {
      end[0] = from + 1;
      return first.strip();
    }
    StringBuilder label = new StringBuilder();
    for (int k = from + 1; k < words.size(); k++) {
      label.append(k > from + 1 ? " " : "").append(words.get(k));
      String soFar = label.toString();
      if (soFar.length() > 1 && isQuote(soFar.charAt(soFar.length() - 1))) {
        end[0] = k;
        String inner = soFar.substring(1, soFar.length() - 1).strip();
        if (inner.isEmpty() || inner.length() > 100) {
          break;
        }
        return inner;
      }
    }
    throw new UserError("I couldn't read the manager field's name: put it in quotes, e.g. `" + MANAGER_EXAMPLE
        + "`. I got " + Mrkdwn.echo(String.join(" ", words.subList(from, words.size()))) + ".");
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '“' || c == '”' || c == '\'';
  }

  /** The user group id of {@code buddies} when typed as a Slack mention; null when typed as a plain handle. */
  static String groupId(String buddies) {
    Matcher m = ProgramTypeWords.USERGROUP.matcher(buddies);
    return m.matches() ? m.group(1) : null;
  }

  /** The handle of {@code buddies} (without the @), as typed or from the mention's label. */
  static String handle(String buddies) {
    Matcher m = ProgramTypeWords.USERGROUP.matcher(buddies);
    if (m.matches()) {
      return m.group(2);
    }
    return buddies.replaceFirst("^@", "");
  }
}
