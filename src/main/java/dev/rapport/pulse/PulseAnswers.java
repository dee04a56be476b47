package dev.rapport.pulse;

import com.slack.api.model.view.View;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.UserError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Answering: which view someone gets when they ask to answer (the form, or why not), and recording a
 * submitted answer. Nothing here logs, and metrics count outcomes only, never who or what.
 */
@Component
class PulseAnswers {

  static final String ALREADY = "You have already answered this period, thank you. Nothing was changed.";

  /** What to show someone who asked to answer: the form, or a notice instead. */
  record Opening(View form, String notice) {
    static Opening notice(String text) {
      return new Opening(null, text);
    }
  }

  private final PulseStore store;
  private final PulseHashes hashes;
  private final SlackGateway slack;
  private final PulseSettings settings;
  private final Clock clock;
  private final MeterRegistry metrics;

  PulseAnswers(PulseStore store, PulseHashes hashes, SlackGateway slack, PulseSettings settings, Clock clock,
               MeterRegistry metrics) {
    this.store = store;
    this.hashes = hashes;
    this.slack = slack;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** For {@code /pulse} in a channel: the channel's open period. */
  Opening forChannel(String team, String user, String channel) {
    PulseStore.Config config = store.config(team, channel);
    if (config.openPeriod() == null) {
      throw new UserError(config.active()
          ? ":calendar: No pulse period is open in this channel right now. The next one opens "
              + "on the channel's schedule (" + config.cadence() + "), and everyone here gets a DM."
          : ":bar_chart: There's no pulse in this channel. A Rapport admin can start one with "
              + "`/pulse start every week on mon at 10:00`.");
    }
    return forPeriod(team, user, channel, config.openPeriod());
  }

  /** For the DM button: the period it was sent for. */
  Opening forPeriod(String team, String user, String channel, String period) {
    Period p = store.period(team, channel, period).orElse(null);
    if (p == null || !p.isOpen()) {
      return Opening.notice(":lock: This pulse period has closed, so it no longer takes answers. "
          + "You'll get a DM when the next one opens.");
    }
    if (store.hasAnswered(team, channel, period, hashes.voter(team, channel, period, user))) {
      return Opening.notice(ALREADY);
    }
    return new Opening(AnswerModal.form(channel, period, settings.minResponses()), null);
  }

  /** Opens a modal now: the trigger id expires three seconds after the click. */
  void open(String team, String triggerId, View view) throws SlackCallException {
    slack.call(team, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view)));
  }

  /** Records an answer to {@code target} (channel|period); returns the text the modal shows after. */
  String submit(String team, String user, String target, AnswerModal.Answer answer) {
    String[] where = AnswerModal.target(target);
    String channel = where[0];
    String period = where[1];
    Period p = store.period(team, channel, period).orElse(null);
    PulseStore.Recorded outcome = p == null ? PulseStore.Recorded.NOT_OPEN
        : store.answer(team, channel, period, hashes.voter(team, channel, period, user), answer.scores(),
            answer.comment(), votersExpireAt(p));
    metrics.counter("rapport.pulse.answers", "outcome", outcome.name().toLowerCase()).increment();
    return switch (outcome) {
      case RECORDED -> ":white_check_mark: Thank you! Your answer was added to the team's totals, "
          + "anonymously. Managers see results once the period closes, if at least " + settings.minResponses()
          + " people answered.";
      case ALREADY_ANSWERED -> ALREADY;
      case NOT_OPEN -> ":lock: This pulse period closed before your answer arrived, so nothing was recorded.";
    };
  }

  // The voter set only has to outlive the period. A period left open long past its planned close (the app
  // was down) keeps its set a week from today instead, rounded to the day so the expiry tells no answer time.
  private Instant votersExpireAt(Period period) {
    Instant planned = period.closes().plus(Duration.ofDays(7));
    Instant now = clock.instant();
    return planned.isAfter(now) ? planned : now.plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.DAYS);
  }
}
