package dev.rapport.pairing;

import dev.rapport.slack.Reply;
import org.springframework.stereotype.Component;

/** The "We met" / "Not this time" answers on intros and follow-ups. */
@Component
class Outcomes {

  private final RoundStore rounds;
  private final ProgramStore programs;

  Outcomes(RoundStore rounds, ProgramStore programs) {
    this.rounds = rounds;
    this.programs = programs;
  }

  /** Records {@code user}'s answer for the group named by a button value ({@code channel|round|group}). */
  Reply record(String team, String user, String value, boolean met) {
    String[] parts = value == null ? new String[0] : value.split("\\|");
    if (parts.length != 3 || !parts[2].matches("\\d+")) {
      return Reply.text("That button doesn't belong to a coffee intro I know, so nothing was recorded.");
    }
    int group = Integer.parseInt(parts[2]);
    RoundStore.Group members = rounds.group(team, parts[0], parts[1], group).orElse(null);
    if (members == null) {
      return Reply.text("That intro is from a round I no longer keep, so nothing was recorded. "
          + "Your next intro will have fresh buttons.");
    }
    if (!members.members().contains(user)) {
      return Reply.text("Only the people in this group can answer for it, so nothing was recorded.");
    }
    rounds.outcome(team, parts[0], parts[1], group, met ? "met" : "not");
    programs.answered(team, parts[0], members.members());
    return Reply.text(met ? ":tada: Wonderful — noted that you met! Thanks for making the time."
        : "No worries — noted. There's always next round.");
  }
}
