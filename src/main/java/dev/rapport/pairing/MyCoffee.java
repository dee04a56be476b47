package dev.rapport.pairing;

import dev.rapport.schedule.ScheduleLookup;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackDates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** A member's own view: the programs they are in, their current group, and whom they have met. */
@Component
class MyCoffee {

  /** One program as one member sees it. */
  record Membership(Program program, Optional<Instant> nextRound, Optional<Instant> pausedUntil, boolean left,
                    Optional<CurrentGroup> currentGroup) {}

  /** The member's group of a program's latest round they were in: since when, and with whom. */
  record CurrentGroup(Instant at, List<String> others) {}

  /**
   * A group the member was in, their own answer (met, not, or null) and the others who said they met.
   */
  record Past(String channel, Instant at, List<String> others, String outcome, List<String> othersWhoMet) {}

  private final ProgramStore programs;
  private final RoundStore rounds;
  private final RoundReplies replies;
  private final Clock clock;
  private final UnifiedJedis redis;

  MyCoffee(ProgramStore programs, RoundStore rounds, RoundReplies replies, Clock clock,
           UnifiedJedis redis) {
    this.programs = programs;
    this.rounds = rounds;
    this.replies = replies;
    this.clock = clock;
    this.redis = redis;
  }

  List<Membership> memberships(String team, String user) {
    return memberships(team, user, null);
  }

  /**
   * The programs {@code user} is in; {@code here} (where they asked from) counts as one they're in. One
   * pipelined round trip whatever the length of their history: the member's view ({@link MemberView}) and the
   * schedule of each program this instance last saw ({@link ProgramStore#lastRead}); a second only for the
   * schedules of programs started since. {@code /coffee status} answers with this before its ack.
   */
  List<Membership> memberships(String team, String user, String here) {
    Response<Object> read;
    Map<String, ScheduleLookup> schedules = new HashMap<>();
    try (PipelineBase pipeline = redis.pipelined()) {
      read = MemberView.read(pipeline, team, user);
      programs.lastRead(team).forEach(channel -> schedules.put(channel, programs.schedule(pipeline, team, channel)));
      pipeline.sync();
    }
    MemberView view = MemberView.of(read.get());
    Set<String> stored = view.programs().stream().map(MemberView.Place::channel).collect(Collectors.toSet());
    programs.remember(team, stored);
    List<String> missed = stored.stream().filter(channel -> !schedules.containsKey(channel)).toList();
    if (!missed.isEmpty()) {
      try (PipelineBase pipeline = redis.pipelined()) {
        missed.forEach(channel -> schedules.put(channel, programs.schedule(pipeline, team, channel)));
        pipeline.sync();
      }
    }
    Instant now = clock.instant();
    List<Membership> mine = new ArrayList<>();
    for (MemberView.Place place : view.programs().stream()
        .sorted(Comparator.comparing(MemberView.Place::channel)).toList()) {
      String channel = place.channel();
      Optional<CurrentGroup> current = current(team, user, channel, view);
      if (!channel.equals(here) && !place.member() && current.isEmpty()) {
        continue;
      }
      ScheduleLookup schedule = schedules.get(channel);
      ProgramStore.program(channel, place.fields(), schedule.schedule()).ifPresent(program -> mine.add(
          new Membership(program, schedule.nextDue(), ChoiceStore.pauseEnd(place.pauseEnd(), now), place.left(),
              current)));
    }
    return mine;
  }

  /**
   * The group of the channel's newest round still stored; for a round from before per-group fields that no
   * longer has the group, the older ones of the channel, read one by one (old data only).
   */
  private Optional<CurrentGroup> current(String team, String user, String channel, MemberView view) {
    GroupRef ref = view.latest().get(channel);
    if (ref == null) {
      return Optional.empty();
    }
    Optional<RoundGroup> group = rounds.group(team, ref, view.groupFields().get(channel));
    List<GroupRef> history = view.history();
    Iterator<GroupRef> older = history.subList(history.indexOf(ref) + 1, history.size()).stream()
        .filter(r -> r.channel().equals(channel)).iterator();
    while (group.isEmpty() && older.hasNext()) {
      GroupRef next = older.next();
      group = rounds.group(team, next.channel(), next.round(), next.group());
    }
    return group.map(g -> new CurrentGroup(g.at(), g.members().stream().filter(u -> !u.equals(user)).toList()));
  }

  /** The member's last groups, newest first. */
  List<Past> history(String team, String user, int count) {
    return past(team, user, rounds.history(team, user, count));
  }

  private List<Past> past(String team, String user, List<String> entries) {
    List<Past> past = new ArrayList<>();
    for (String entry : entries) {
      GroupRef.parse(entry).ifPresent(ref -> rounds.group(team, ref.channel(), ref.round(), ref.group())
          .ifPresent(g -> {
            List<String> others = g.members().stream().filter(u -> !u.equals(user)).toList();
            Map<String, String> answers = replies.answers(team, ref.channel(), ref.round(), Round.named(g.members()));
            String own = answers.containsKey(user) ? answers.get(user)
                : replies.groupOutcome(team, ref.channel(), ref.round(), ref.group());
            past.add(new Past(ref.channel(), g.at(), others, own,
                others.stream().filter(u -> "met".equals(answers.get(u))).toList()));
          }));
    }
    return past;
  }

  Reply status(CommandCall call) {
    List<Membership> mine = memberships(call.caller().team(), call.caller().user(), call.caller().channel());
    if (mine.isEmpty()) {
      return Reply.text(":coffee: You're not in any coffee pairing yet. Programs run in channels: join a channel "
          + "that has one (or ask HR to `/coffee start` one) and you'll be in its next round.");
    }
    StringBuilder text = new StringBuilder(":coffee: *Your coffee pairing*\n");
    for (Membership m : mine) {
      text.append("\n*<#").append(m.program().channel()).append(">* — ").append(m.program().describe()).append('\n');
      m.nextRound().ifPresent(next -> text.append("• Next round: ").append(SlackDates.moment(next)).append('\n'));
      m.currentGroup().ifPresent(g -> text.append("• Your current group: ").append(Names.mentions(g.others()))
          .append(" (since ").append(SlackDates.moment(g.at())).append(")\n"));
      text.append("• ").append(state(m)).append('\n');
    }
    return Reply.text(text.toString());
  }

  Reply history(CommandCall call) {
    List<Past> past = history(call.caller().team(), call.caller().user(), 10);
    if (past.isEmpty()) {
      return Reply.text("No coffee groups yet. Your first one comes with your program's next round "
          + "(`/coffee status` says when).");
    }
    StringBuilder text = new StringBuilder(":coffee: *Your last " + (past.size() == 1 ? "coffee group"
        : past.size() + " coffee groups") + "*\n");
    for (Past p : past) {
      text.append("• ").append(SlackDates.moment(p.at())).append(" in <#").append(p.channel()).append("> with ")
          .append(Names.mentions(p.others())).append(" — ").append(outcome(p)).append('\n');
    }
    return Reply.text(text.toString());
  }

  static String state(Membership m) {
    if (m.left()) {
      return "You left this program. `/coffee join` in <#" + m.program().channel() + "> brings you back.";
    }
    if (m.pausedUntil().isPresent()) {
      Instant until = m.pausedUntil().get();
      return ChoiceStore.isGhostPause(until)
          ? "Paused after a few rounds without a word from you. `/coffee resume` in <#" + m.program().channel()
              + "> brings you back."
          : "Paused until " + SlackDates.moment(until) + ".";
    }
    return "You're taking part.";
  }

  /** Your own answer; if you gave none, what the others who met said. */
  private static String outcome(Past p) {
    if ("met".equals(p.outcome())) {
      return ":white_check_mark: met";
    }
    if ("not".equals(p.outcome())) {
      return "didn't meet";
    }
    return p.othersWhoMet().isEmpty() ? "no answer"
        : "no answer from you (" + Names.mentions(p.othersWhoMet()) + " said they met)";
  }
}
