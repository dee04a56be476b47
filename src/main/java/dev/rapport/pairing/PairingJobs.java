package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
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
 * The scheduled side of coffee pairing, wired to the scheduler and the outbox: a program's rounds, rounds run
 * with {@code /coffee now} (the admin hears how it went), the check-ins ({@link CheckIns}), and where intros
 * and check-ins landed (stats count intros that arrived; an answer updates both; a landed check-in is what
 * makes silence count, see {@link Ghosts}).
 */
@Configuration(proxyBeanMethods = false)
class PairingJobs {

  /** Round ids come from the occurrence: the same occurrence run twice is the same round. */
  static String roundId(Occurrence occurrence) {
    return "r" + occurrence.dueAt().toEpochMilli();
  }

  @Bean
  ScheduledJob pairingRounds(RoundRunner runner, Announcements announcements, AdminNotes adminNotes,
                             ProgramStore programs) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return ProgramStore.KIND;
      }

      @Override
      public void run(Occurrence occurrence) throws Exception {
        String team = occurrence.team();
        String channel = occurrence.target();
        String roundId = roundId(occurrence);
        try {
          announcements.roundMade(team, channel, runner.run(team, channel, roundId, occurrence.dueAt()));
        } catch (UserError e) {
          if (programs.find(team, channel).isEmpty()) {
            return; // stopped meanwhile: nothing to run, nobody to tell
          }
          // Something only an admin can mend (a user group deleted, a side's channel Rapport left): trying the
          // same round again every minute would change nothing, and nobody would hear. The admins hear once;
          // the next round tries again.
          adminNotes.tell(team, new RoundRef(channel, roundId), "failed", ":warning: <#" + channel + ">'s coffee "
              + "round didn't run, so nobody was paired this time. " + e.getMessage(), "round not run");
        }
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
        String team = occurrence.team();
        RoundRef target = RoundRef.parse(occurrence.target()).orElseThrow();
        String responseUrl = occurrence.schedule().data().get("responseUrl");
        Reply answer;
        try {
          Round round = runner.run(team, target.channel(), target.round(), occurrence.dueAt());
          announcements.roundMade(team, target.channel(), round);
          answer = Reply.text(summary(round));
        } catch (UserError e) {
          answer = Reply.text(e.getMessage());
        }
        // The round is made; if the note can't reach the admin (response URLs expire after 30 min), so be it.
        Reply reply = answer;
        later.answer("/coffee now", responseUrl, () -> reply);
      }
    };
  }

  /** What the admin who ran {@code /coffee now} hears. */
  static String summary(Round round) {
    int people = round.groups().stream().mapToInt(List::size).sum();
    if (round.groups().isEmpty()) {
      // Never why nobody could be grouped: that could reveal someone's private do-not-pair list.
      return round.pool() == 1 ? "Only one person was available this round, so nobody was paired; they got a kind note."
          : round.pool() > 1 && round.leftOut().isEmpty() ? ":coffee: No groups this round: " + round.pool()
              + " people were available, but the program's type had nobody to group (a leader roulette's host who "
              + "is paused or not in the channel, or a side of a cross-group program with nobody available)."
          : round.pool() > 1 ? ":coffee: No groups this round: " + round.pool() + " people were available, but no "
              + "group could be made. Each got a short note, and they'll be in next round's draw."
          : "Nobody was available to pair this round (everyone left, paused, or the channel is empty).";
    }
    int groups = round.groups().size();
    int leftOut = round.leftOut().size();
    return ":coffee: Round made: " + people + " people in " + groups + (groups == 1 ? " group" : " groups")
        + ". Intros are on their way" + (leftOut == 0 ? "." : "; " + leftOut + (leftOut == 1 ? " person" : " people")
        + " couldn't be placed and got a note.");
  }

  @Bean
  ScheduledJob pairingFollowUps(CheckIns checkIns) {
    return new ScheduledJob() {
      @Override
      public String kind() {
        return CheckIns.FOLLOW_UP;
      }

      @Override
      public void run(Occurrence occurrence) {
        checkIns.send(occurrence.team(), occurrence.target());
      }
    };
  }

  @Bean
  DeliveryListener checkInLanded(RoundReplies replies) {
    return new DeliveryListener() {
      @Override
      public String tag() {
        return CheckIns.CHECK_IN_TAG;
      }

      @Override
      public void delivered(Delivery delivery, String channel, String ts) {
        Map<String, String> c = delivery.context();
        replies.asked(delivery.team(), c.get("channel"), c.get("round"), c.get("user"), channel, ts);
      }
    };
  }

  @Bean
  DeliveryListener introLanded(RoundReplies replies) {
    return new DeliveryListener() {
      @Override
      public String tag() {
        return IntroDelivery.INTRO_TAG;
      }

      @Override
      public void delivered(Delivery delivery, String channel, String ts) {
        Map<String, String> c = delivery.context();
        replies.introLanded(delivery.team(), c.get("channel"), c.get("round"), Integer.parseInt(c.get("group")),
            channel, ts);
      }
    };
  }
}
