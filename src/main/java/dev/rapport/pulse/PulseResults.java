package dev.rapport.pulse;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.slack.UserError;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Results for the channel's managers and Rapport admins: the report (ephemeral), the trend chart and the
 * CSV export (uploaded to the requester's DM through the outbox). Everyone else is refused.
 */
@Component
class PulseResults {

  static final int DEFAULT_WEEKS = 8;
  static final int MAX_WEEKS = 104;
  static final int CHART_PERIODS = 12;
  /** Most periods a report reads: more never fit in one message (see {@link ReportView}). */
  static final int REPORT_PERIODS = 24;
  private static final int EXPORT_PERIODS = 1000;
  private static final Pattern WEEKS = Pattern.compile("(\\d{1,3})\\s*(w|wk|wks|week|weeks)?");

  private final PulseStore store;
  private final AccessPolicy access;
  private final Outbox outbox;
  private final AnswerLater later;
  private final PulseSettings settings;
  private final SlackGateway slack;
  private final Clock clock;

  PulseResults(PulseStore store, AccessPolicy access, Outbox outbox, AnswerLater later, PulseSettings settings,
               SlackGateway slack, Clock clock) {
    this.store = store;
    this.access = access;
    this.outbox = outbox;
    this.later = later;
    this.settings = settings;
    this.slack = slack;
    this.clock = clock;
  }

  Reply report(CommandCall call) {
    String channel = requireViewer(call);
    int weeks = weeks(call.args());
    String team = call.caller().team();
    // Periods and their comments are read in the background, and only as many as one message can show.
    later.answer("/pulse report", call.responseUrl(), () -> {
      Instant since = clock.instant().minus(Duration.ofDays(7L * weeks));
      List<PeriodResult> results = store.periods(team, channel, Math.min(weeks * 7 + 1, REPORT_PERIODS)).stream()
          .filter(p -> !p.isClosed() || !p.closed().isBefore(since))
          .map(p -> store.resultWithComments(team, channel, p, settings.minResponses())).toList();
      return Reply.blocks(ReportView.fallback(channel),
          ReportView.report(channel, weeks, results, settings.minResponses()));
    });
    return Reply.text(":bar_chart: Gathering the pulse of <#" + channel + ">…");
  }

  Reply chart(CommandCall call) {
    String channel = requireViewer(call);
    String team = call.caller().team();
    String user = call.caller().user();
    // Reading 12 periods and drawing them: in the background, not before the ack.
    later.answer("draw the pulse chart", call.responseUrl(), () -> {
      List<PeriodResult> results = closed(team, channel, CHART_PERIODS);
      if (results.stream().noneMatch(PeriodResult::shown)) {
        throw new UserError(":chart_with_upwards_trend: Nothing to chart yet: no closed period of <#" + channel
            + "> has at least " + settings.minResponses() + " answers.");
      }
      ZoneId zone = store.config(team, channel).zone();
      String name = channelName(team, channel);
      outbox.send(Delivery.upload(team, user, "pulse:chart:" + UUID.randomUUID(), "pulse-" + fileName(name) + ".png",
          "Team pulse of #" + name, TrendChart.png("#" + name, results, zone), "Average pulse scores of <#"
              + channel + ">, " + (results.size() == 1 ? "the last period" : "last "
              + PulseWording.count(results.size(), "period", "periods")) + ". Gaps are periods whose results "
              + "may not be shown; where questions score alike, their lines run nested and their points side by "
              + "side.").about("pulse", null, "pulse chart"));
      return Reply.text(":chart_with_upwards_trend: The trend of <#" + channel + "> is on its way to your DM "
          + "with Rapport.");
    });
    return Reply.text(":chart_with_upwards_trend: Drawing the trend of <#" + channel + ">; it will arrive in "
        + "your DM with Rapport in a moment.");
  }

  Reply export(CommandCall call) {
    String channel = requireViewer(call);
    String team = call.caller().team();
    String user = call.caller().user();
    // Up to 1,000 periods are read: in the background, not before the ack.
    later.answer("export the pulse", call.responseUrl(), () -> {
      List<PeriodResult> results = closed(team, channel, EXPORT_PERIODS);
      if (results.isEmpty()) {
        throw new UserError("Nothing to export yet: <#" + channel + "> has no closed pulse period.");
      }
      outbox.send(Delivery.upload(team, user, "pulse:export:" + UUID.randomUUID(), "pulse-" + channel + ".csv",
          "Team pulse export", CsvExport.csv(results, store.config(team, channel).zone())
              .getBytes(StandardCharsets.UTF_8), "Pulse aggregates of <#" + channel + ">, one row per closed "
              + "period, dated in " + store.config(team, channel).zone().getId()
                  + " (the pulse's time zone). Periods with fewer than " + settings.minResponses()
                      + " answers have no scores, and 1–5 "
              + "counts need " + settings.distributionFrom() + ".").about("pulse", null, "pulse export"));
      return Reply.text(":page_facing_up: " + results.size() + " period" + (results.size() == 1 ? "" : "s")
          + " exported; the CSV is on its way to your DM with Rapport.");
    });
    return Reply.text(":page_facing_up: Exporting the pulse of <#" + channel + ">; the CSV will arrive in your "
        + "DM with Rapport in a moment.");
  }

  /** The channel's name, for a chart that is read outside Slack too; its id when Slack won't say. */
  private String channelName(String team, String channel) {
    try {
      String name = slack.call(team, "conversations.info", c -> c.conversationsInfo(r -> r.channel(channel)))
          .getChannel().getName();
      return name == null || name.isBlank() ? channel : name;
    } catch (SlackCallException e) {
      return channel;
    }
  }

  /** A channel name as a file name: letters, digits, '-' and '_' only (Slack's names are mostly that already). */
  static String fileName(String name) {
    String safe = name.replaceAll("[^\\p{L}\\p{N}_-]", "-");
    return safe.isBlank() ? "team" : safe;
  }

  /** The channel, if the caller manages its pulse or is a Rapport admin. */
  private String requireViewer(CommandCall call) {
    String channel = PulseAdmin.inChannel(call);
    String team = call.caller().team();
    String user = call.caller().user();
    if (!store.isManager(team, channel, user) && !access.isAdmin(team, user)) {
      throw new UserError(":lock: Only the pulse managers of this channel and Rapport admins can see its "
          + "results. If you should, ask an admin to run `/pulse managers add @you`.");
    }
    return channel;
  }

  /** The latest {@code max} closed periods, oldest first. */
  private List<PeriodResult> closed(String team, String channel, int max) {
    List<Period> closed = store.periods(team, channel, max + 1).stream().filter(Period::isClosed).toList();
    return closed.subList(Math.max(0, closed.size() - max), closed.size()).stream()
        .map(p -> store.result(team, channel, p, settings.minResponses())).toList();
  }

  /** "[N weeks]": empty for the default, then a number of weeks from 1 to {@value #MAX_WEEKS}. */
  static int weeks(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return DEFAULT_WEEKS;
    }
    Matcher m = WEEKS.matcher(t);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > MAX_WEEKS) {
      throw new UserError("Tell me how many weeks to cover, from 1 to " + MAX_WEEKS + ", e.g. `/pulse report "
          + "12 weeks`. Without a number it covers the last " + DEFAULT_WEEKS + ".");
    }
    return Integer.parseInt(m.group(1));
  }
}
