package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.UserError;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled side of coffee pairing: a program's rounds, the mid-cycle follow-up to groups that
 * haven't answered, and where each intro landed (so follow-ups go to the same group DM and stats count
 * intros that arrived).
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
  ScheduledJob pairingNow(RoundRunner runner, Announcements announcements, SlackGateway slack) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return RoundRunner.NOW;
      }

      @Override
      public void run(Occurrence occurrence) throws Exception {
        String team = occurrence.schedule().team();
        String[] target = occurrence.schedule().target().split(":", 2);
        String responseUrl = occurrence.schedule().data().get("responseUrl");
        Reply answer;
        try {
          Round round = runner.run(team, target[0], target[1], occurrence.dueAt());
          announcements.roundMade(team, target[0], round);
          answer = Reply.text(ProgramAdmin.summary(round));
        } catch (UserError e) {
          answer = Reply.text(e.getMessage());
        }
        if (responseUrl != null) {
          try {
            slack.respond(responseUrl, answer);
          } catch (SlackCallException e) {
            // The round is made; only the note to the admin was lost (response URLs expire after 30 min).
          }
        }
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
        String[] target = occurrence.schedule().target().split(":", 2);
        String channel = target[0];
        rounds.find(team, channel, target[1]).ifPresent(round -> followUp(team, round, rounds, outbox));
      }
    };
  }

  private static void followUp(String team, Round round, RoundStore rounds, Outbox outbox) {
    Map<String, String> outcomes = rounds.outcomes(team, round.channel(), round.id());
    Map<String, String> dms = rounds.dms(team, round.channel(), round.id());
    Outbox.Batch followUps = outbox.batch();
    for (int g = 0; g < round.groups().size(); g++) {
      String dm = dms.get(String.valueOf(g));
      List<String> group = round.groups().get(g).stream().filter(u -> !Round.FORGOTTEN.equals(u)).toList();
      if (outcomes.containsKey(String.valueOf(g)) || dm == null || group.size() < 2) {
        continue;
      }
      followUps.add(Delivery.post(team, dm, "pairing:" + round.channel() + ":" + round.id() + ":" + g + ":followup",
          Intros.followUpText(group), Intros.followUp(round.channel(), round.id(), g, group)));
    }
    followUps.finish();
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
            channel);
      }
    };
  }
}
