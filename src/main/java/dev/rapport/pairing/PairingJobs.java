package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.Reply;
import dev.rapport.slack.UserError;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled side of coffee pairing: a program's rounds, the mid-cycle check-in that asks each member who
 * hasn't answered (in a group nobody said met in) directly, in their own DM, and where intros and check-ins
 * landed (stats count intros that arrived; an answer updates both; a landed check-in is what makes silence
 * count, see {@link Ghosts}).
 */
@Configuration(proxyBeanMethods = false)
class PairingJobs {

  /** Round ids come from the occurrence: the same occurrence run twice is the same round. */
  static String roundId(Occurrence occurrence) {
    return "r" + occurrence.dueAt().toEpochMilli();
  }

  @Bean
  ScheduledJob pairingRounds(RoundRunner runner, Announcements announcements) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return ProgramStore.KIND;
      }

      @Override
      public void run(Occurrence occurrence) throws Exception {
        String team = occurrence.schedule().team();
        String channel = occurrence.schedule().target();
        announcements.roundMade(team, channel, runner.run(team, channel, roundId(occurrence), occurrence.dueAt()));
      }
    };
  }

  @Bean
  ScheduledJob pairingNow(RoundRunner runner, Announcements announcements, AnswerLater later) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return RoundRunner.NOW;
      }

      @Override
      public void run(Occurrence occurrence) throws Exception {
        String team = occurrence.schedule().team();
        RoundRef target = RoundRef.parse(occurrence.schedule().target()).orElseThrow();
        String responseUrl = occurrence.schedule().data().get("responseUrl");
        Reply answer;
        try {
          Round round = runner.run(team, target.channel(), target.round(), occurrence.dueAt());
          announcements.roundMade(team, target.channel(), round);
          answer = Reply.text(ProgramAdmin.summary(round));
        } catch (UserError e) {
          answer = Reply.text(e.getMessage());
        }
        // The round is made; if the note can't reach the admin (response URLs expire after 30 min), so be it.
        Reply reply = answer;
        later.answer("/coffee now", responseUrl, () -> reply);
      }
    };
  }

  @Bean
  ScheduledJob pairingFollowUps(RoundStore rounds, Outbox outbox) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return RoundRunner.FOLLOW_UP;
      }

      @Override
      public void run(Occurrence occurrence) {
        String team = occurrence.schedule().team();
        RoundRef.parse(occurrence.schedule().target())
            .flatMap(target -> rounds.find(team, target.channel(), target.round()))
            .ifPresent(round -> followUp(team, round, rounds, outbox));
      }
    };
  }

  private static void followUp(String team, Round round, RoundStore rounds, Outbox outbox) {
    String channel = round.channel();
    Map<String, String> answers = rounds.answers(team, channel, round.id());
    Map<String, String> before = rounds.groupOutcomes(team, channel, round.id());
    Map<String, String> dms = rounds.dms(team, channel, round.id());
    Outbox.Batch checkIns = outbox.batch();
    for (int g = 0; g < round.groups().size(); g++) {
      List<String> group = round.members(g);
      if (!dms.containsKey(String.valueOf(g)) || before.containsKey(String.valueOf(g)) || group.size() < 2
          || group.stream().anyMatch(u -> "met".equals(answers.get(u)))) {
        continue;
      }
      for (String user : group) {
        if (answers.containsKey(user)) {
          continue;
        }
        List<String> others = group.stream().filter(u -> !u.equals(user)).toList();
        checkIns.add(Delivery.dm(team, List.of(user),
                new GroupRef(channel, round.id(), g).deliveryKey("checkin:" + user),
                Intros.checkInText(channel, others), Intros.checkIn(channel, round.id(), g, others))
            .withTag(CHECK_IN_TAG, Map.of("channel", channel, "round", round.id(), "user", user))
            .about("pairing", channel, "check-in"));
      }
    }
    checkIns.finish();
  }

  static final String CHECK_IN_TAG = "pairing:checkin";

  @Bean
  DeliveryListener checkInLanded(RoundStore rounds) {
    return new DeliveryListener() {
      @Override
      public String tag() {
        return CHECK_IN_TAG;
      }

      @Override
      public void delivered(Delivery delivery, String channel, String ts) {
        Map<String, String> c = delivery.context();
        rounds.asked(delivery.team(), c.get("channel"), c.get("round"), c.get("user"), channel, ts);
      }
    };
  }

  @Bean
  DeliveryListener introLanded(RoundStore rounds) {
    return new DeliveryListener() {
      @Override
      public String tag() {
        return RoundRunner.INTRO_TAG;
      }

      @Override
      public void delivered(Delivery delivery, String channel, String ts) {
        Map<String, String> c = delivery.context();
        rounds.introLanded(delivery.team(), c.get("channel"), c.get("round"), Integer.parseInt(c.get("group")),
            channel, ts);
      }
    };
  }
}
