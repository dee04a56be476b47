package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who has gone quiet, on evidence about the person, counted only for rounds whose cycle has ended.
 *
 * <p>Per member and round: they answered, or someone in their group said "We met" — heard from, their count
 * goes back to zero. Otherwise, if the check-in that asked them directly landed and they ignored it, or a
 * partner said they couldn't reach them — one more round without a word. Otherwise (say Slack never delivered
 * their check-in) nothing is known, and nothing changes. At {@link PairingSettings#ghostAfter()} rounds in a row
 * a member is paused and told how to come back.
 *
 * <p>Never a whole channel: when the people it would pause, with those already paused this way, are more than a
 * quarter of the channel, nobody is paused and the admins who run the program are told instead (at most once
 * every four weeks).
 */
@Component
class Ghosts {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ghosts.class);
  /** Rounds looked back over for ones whose cycle ended since the last tally. */
  static final int LOOK_BACK = 8;
  static final Duration TELL_ADMINS_EVERY = Duration.ofDays(28);

  private final RoundStore rounds;
  private final RoundReplies replies;
  private final ProgramStore programs;
  private final ChoiceStore choices;
  private final Outbox outbox;
  private final PairingSettings settings;
  private final AdminNotes adminNotes;

  Ghosts(RoundStore rounds, RoundReplies replies, ProgramStore programs, ChoiceStore choices, Outbox outbox,
         PairingSettings settings, AdminNotes adminNotes) {
    this.rounds = rounds;
    this.replies = replies;
    this.programs = programs;
    this.choices = choices;
    this.outbox = outbox;
    this.settings = settings;
    this.adminNotes = adminNotes;
  }

  /** Counts every round of the program whose cycle ended by {@code now} and wasn't counted yet; then pauses. */
  void tally(String team, Program program, Instant now) {
    String channel = program.channel();
    List<Round> recent = rounds.recent(team, channel, LOOK_BACK);
    Duration cycle = Duration.ofDays(Math.max(1, program.cadence().cycleDays()));
    Map<String, Long> quiet = new LinkedHashMap<>();
    Round last = null;
    for (Round round : recent) {
      if (!round.endsOr(cycle).isAfter(now) && rounds.markTallied(team, channel, round.id())) {
        tally(team, round, quiet);
        last = round;
      }
    }
    List<String> due = quiet.entrySet().stream().filter(e -> e.getValue() >= settings.ghostAfter())
        .map(Map.Entry::getKey).toList();
    if (!due.isEmpty()) {
      pauseOrTell(team, channel, last, due, now);
    }
  }

  /** One round: each member heard from, or one more round without a word (with evidence), or unknown. */
  private void tally(String team, Round round, Map<String, Long> quiet) {
    String channel = round.channel();
    RoundReplies.Heard said = replies.heard(team, round);
    Set<String> asked = replies.asked(team, channel, round.id()).keySet();
    Set<String> unreached = replies.unreached(team, channel, round.id());
    List<String> heard = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    for (int g = 0; g < round.groups().size(); g++) {
      if (!said.landed(g)) {
        continue;
      }
      List<String> group = round.members(g);
      boolean met = said.settled(g, group);
      for (String user : group) {
        if (met || said.answers().containsKey(user)) {
          heard.add(user);
          quiet.remove(user);
        } else if (asked.contains(user) || unreached.contains(user)) {
          silent.add(user);
        }
      }
    }
    choices.answered(team, channel, heard);
    quiet.putAll(choices.ignored(team, channel, silent));
  }

  private void pauseOrTell(String team, String channel, Round last, List<String> due, Instant now) {
    Map<String, Instant> paused = choices.paused(team, channel, now);
    Set<String> left = choices.left(team, channel);
    List<String> batch = due.stream().filter(u -> !paused.containsKey(u) && !left.contains(u)).toList();
    if (batch.isEmpty()) {
      return;
    }
    long ghosts = paused.values().stream().filter(ChoiceStore::isGhostPause).count();
    // The round's pool is who took part (the already paused weren't in it).
    long channelSize = last.pool() + ghosts;
    if ((ghosts + batch.size()) * 4 > channelSize) {
      tellAdmins(team, channel, last, batch.size(), now);
      return;
    }
    List<Delivery> notes = new ArrayList<>();
    int rounds = settings.ghostAfter();
    for (String user : batch) {
      choices.pause(team, channel, user, Instant.ofEpochMilli(ChoiceStore.GHOST_PAUSE));
      notes.add(Delivery.dm(team, List.of(user), new RoundRef(channel, last.id()).deliveryKey(user + ":ghost"),
          Notes.ghostText(channel, rounds), Notes.ghost(channel, rounds)).about("pairing", channel, "pause notice"));
    }
    outbox.sendAll(notes);
  }

  private void tellAdmins(String team, String channel, Round last, int quiet, Instant now) {
    if (!programs.heldBackNoteDue(team, channel, now, TELL_ADMINS_EVERY)) {
      return;
    }
    if (!adminNotes.tell(team, new RoundRef(channel, last.id()), "held",
        Notes.heldBack(channel, quiet, settings.ghostAfter()), "note to admins")) {
      log.info("{} quiet members in {} of {} weren't paused (more than a quarter), and no admin is known to tell",
          quiet, channel, team);
    }
  }
}
