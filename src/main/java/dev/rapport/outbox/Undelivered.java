package dev.rapport.outbox;

import dev.rapport.slack.SlackDates;
import java.util.List;

/**
 * What of one feature in one channel couldn't be delivered over a period: how many ({@code atLeast} when
 * there may have been more than were kept) and the letters, newest first.
 */
public record Undelivered(int count, boolean atLeast, List<DeadLetter> letters) {

  public static final Undelivered NONE = new Undelivered(0, false, List.of());

  public Undelivered {
    letters = List.copyOf(letters);
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The most recent, if any. */
  public java.util.Optional<DeadLetter> latest() {
    return letters.stream().findFirst();
  }

  /**
   * In plain words, e.g. "2 intros weren't delivered (the latest Tue 14 Jan at 10:00): it was for someone
   * whose Slack account is deactivated." and, when something fixes it, "To fix it, type `/invite @Rapport` in #team."
   * {@code verb} is what didn't happen ("posted", "delivered"). Empty when nothing failed.
   */
  public String inWords(String verb) {
    DeadLetter last = latest().orElse(null);
    if (last == null) {
      return "";
    }
    boolean alike = letters.stream().allMatch(l -> l.origin().what().equals(last.origin().what()));
    String things = (alike ? last.origin().what() : "message") + (count == 1 ? "" : "s");
    String fix = last.fix();
    return count + (atLeast ? " or more " : " ") + things + (count == 1 ? " wasn't " : " weren't ") + verb
        + (count == 1 ? " (" : " (the latest ") + SlackDates.moment(last.at()) + "): " + last.reason() + "."
        + (fix.isEmpty() ? "" : " To fix it, " + fix + ".");
  }
}
