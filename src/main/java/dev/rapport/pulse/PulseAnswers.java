package dev.rapport.pulse;

import dev.rapport.schedule.Schedules;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackDates;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.UserError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answering: which view someone gets when they ask to answer (the form, or why not), and recording a
 * submitted answer, sealed under the period key. Nothing here logs or counts anything: a metric that moved
 * with each answer would tell when each person answered.
 */
@Component
class PulseAnswers {

  static final String ALREADY = "You have already answered this period, thank you. Nothing was changed.";
  static final String NOT_INVITED = ":wave: This period of the pulse was sent to the people in the channel "
      + "when it opened, and you weren't among them, so it isn't yours to answer: results count exactly the "
      + "people invited. You'll be invited from the next period.";
  static final String UNSEALED = ":lock: This period was opened by an earlier version of Rapport and no "
      + "longer takes answers; its results count the answers it already has. You'll get a DM when the next "
      + "period opens.";
  /** How many periods' answer forms are kept rendered: more than there are open periods, in most workspaces. */
  static final int FORMS = 256;

  /** What to show someone who asked to answer: the form of a period, or a notice instead. */
  record Opening(PeriodRef form, String notice) {
    static Opening notice(String text) {
      return new Opening(null, text);
    }
  }

  private final PulseStore store;
  private final PulseKeys keys;
  private final SlackGateway slack;
  private final PulseSettings settings;
  private final Schedules schedules;
  /** The answer form's JSON by {@link PeriodRef}, least recently used dropped first. */
  private final Map<String, String> forms = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > FORMS;
    }
  };

  PulseAnswers(PulseStore store, PulseKeys keys, SlackGateway slack, PulseSettings settings, Schedules schedules) {
    this.store = store;
    this.keys = keys;
    this.slack = slack;
    this.settings = settings;
    this.schedules = schedules;
  }

  /**
   * For {@code /pulse} in a channel: the channel's open period. Two round trips to Redis, whatever the
   * answer: the config with the open period's meta and wrapped key, then (once the key is unwrapped here)
   * whether this person was invited and has answered.
   */
  Opening forChannel(String team, String user, String channel) {
    PulseStore.Asked asked = store.asking(team, channel);
    PulseStore.Config config = asked.config();
    if (config.openPeriod() == null) {
      String next = schedules.nextDue(team, PeriodJob.KIND, channel).map(SlackDates::moment)
          .orElse("on the channel's schedule (" + config.cadence() + ")");
      throw new UserError(config.active()
          ? ":calendar: No pulse period is open in this channel right now. The next one opens " + next
              + ", and everyone here gets a DM."
          : ":bar_chart: There's no pulse in this channel. A Rapport admin can start one with "
              + "`/pulse start every week on mon at 10:00`.");
    }
    return opening(team, user, channel, config.openPeriod(), asked, false);
  }

  /** For the DM button: the period it was sent for. Two round trips, as {@link #forChannel}. */
  Opening forPeriod(String team, String user, String channel, String period) {
    return opening(team, user, channel, period, store.asking(team, channel, period), false);
  }

  /**
   * For the Home tab: the channel's open period if {@code user} may answer it now (the form {@link #forChannel}
   * would open), else null. Two round trips, as {@link #forChannel}.
   */
  Period awaiting(String team, String user, String channel) {
    PulseStore.Asked asked = store.asking(team, channel);
    String open = asked.config().openPeriod();
    // App Home reads keys naming the person too: the sets are read whole (PulseStore.standingFromWholeSets).
    return open != null && opening(team, user, channel, open, asked, true).form() != null ? asked.period() : null;
  }

  private Opening opening(String team, String user, String channel, String period, PulseStore.Asked asked,
                          boolean wholeSets) {
    Period p = asked.period();
    if (p == null || !p.isOpen()) {
      return Opening.notice(":lock: This pulse period has closed, so it no longer takes answers. "
          + "You'll get a DM when the next one opens.");
    }
    if (!p.sealed()) {
      return Opening.notice(UNSEALED);
    }
    if (asked.wrappedKey() == null) {
      return Opening.notice(":lock: This pulse period no longer takes answers. You'll get a DM when the next "
          + "one opens.");
    }
    PeriodKeys periodKeys = keys.unwrap(team, channel, period, asked.wrappedKey());
    PulseStore.Standing standing = wholeSets
        ? store.standingFromWholeSets(team, channel, period, periodKeys.invited(user), periodKeys.voter(user))
        : store.standing(team, channel, period, periodKeys.invited(user), periodKeys.voter(user));
    if (!standing.invited()) {
      return Opening.notice(NOT_INVITED);
    }
    if (standing.answered()) {
      return Opening.notice(ALREADY);
    }
    return new Opening(new PeriodRef(channel, period), null);
  }

  /** Opens the form, or the notice, now: the trigger id expires three seconds after the click. */
  void open(String team, String triggerId, Opening opening) throws SlackCallException {
    String json = opening.form() != null ? formJson(opening.form())
        : SlackGateway.json(AnswerModal.notice(opening.notice()));
    slack.call(team, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).viewAsString(json)));
  }

  /**
   * The answer form of {@code period}, as JSON. The form names only the channel, the period and k (this
   * instance's setting), nothing of the person, so everyone answering a period gets the same one: it is
   * rendered once (serializing the view on every open was a fifth of {@code views.open}'s CPU under
   * {@code /pulse} load) and kept for the {@link #FORMS} periods whose form was opened most recently.
   */
  private String formJson(PeriodRef period) {
    String key = period.encode();
    synchronized (forms) {
      String json = forms.get(key);
      if (json != null) {
        return json;
      }
    }
    String json = SlackGateway.json(AnswerModal.form(period.channel(), period.period(), settings.minResponses()));
    synchronized (forms) {
      forms.put(key, json);
    }
    return json;
  }

  /** Records an answer to {@code target} ({@link PeriodRef}); returns the text the modal shows after. */
  String submit(String team, String user, String target, AnswerModal.Answer answer) {
    PeriodRef where = PeriodRef.parse(target);
    String channel = where.channel();
    String period = where.period();
    Period p = store.period(team, channel, period).orElse(null);
    PeriodKeys periodKeys = p == null || !p.isOpen() || !p.sealed() ? null
        : keys.period(team, channel, period).orElse(null);
    PulseStore.Recorded outcome = p != null && p.isOpen() && !p.sealed() ? PulseStore.Recorded.UNSEALED_PERIOD
        : periodKeys == null ? PulseStore.Recorded.NOT_OPEN
        : store.answer(team, channel, period, periodKeys.invited(user), periodKeys.voter(user),
            periodKeys.seal(answer));
    return switch (outcome) {
      case RECORDED -> ":white_check_mark: Thank you! Your answer was sealed and will be added to the team's "
          + "totals, anonymously, when the period closes. Managers see results then, if at least "
          + settings.minResponses() + " people answered.";
      case ALREADY_ANSWERED -> ALREADY;
      case NOT_INVITED -> NOT_INVITED;
      case UNSEALED_PERIOD -> UNSEALED;
      case NOT_OPEN -> ":lock: This pulse period closed before your answer arrived, so nothing was recorded.";
    };
  }
}
