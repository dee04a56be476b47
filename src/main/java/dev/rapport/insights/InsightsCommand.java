package dev.rapport.insights;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mrkdwn;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee insights} (admins): the connection map of this quarter and each program's health chart,
 * uploaded to the admin's DM through the outbox. Everything is read and drawn after the ack.
 */
@Component
class InsightsCommand implements SlackFeature {

  /** Health charts sent at most (the dashboard shows every program). */
  static final int MAX_PROGRAMS = 10;

  private final Insights insights;
  private final ChannelNames names;
  private final Outbox outbox;
  private final AnswerLater later;

  InsightsCommand(Insights insights, ChannelNames names, Outbox outbox, AnswerLater later) {
    this.insights = insights;
    this.names = names;
    this.outbox = outbox;
    this.later = later;
  }

  @Override
  public List<Subcommand> subcommands() {
    return List.of(Subcommand.admin("/coffee", "insights", "", "the cross-team connection map and each "
        + "program's health, as charts in your DM", this::insights));
  }

  Reply insights(CommandCall call) {
    String team = call.caller().team();
    String user = call.caller().user();
    later.answer("coffee insights", call.responseUrl(), () -> send(team, user));
    return Reply.text(":bar_chart: Drawing the connection map and program health; the charts will arrive in your "
        + "DM with Rapport in a moment.");
  }

  private Reply send(String team, String user) {
    int k = insights.k();
    List<ProgramHealth> programs = insights.health(team);
    if (programs.isEmpty()) {
      return Reply.text(":bar_chart: No coffee pairing runs in this workspace yet, so there's nothing to chart. "
          + "`/coffee start` in a channel starts one.");
    }
    ConnectionMap map = insights.connectionMap(team, insights.currentQuarter());
    int sent = 0;
    if (!map.isEmpty()) {
      outbox.send(Delivery.upload(team, user, "insights:map:" + UUID.randomUUID(), "connection-map-" + map.quarter()
          + ".png", "Cross-team connection map, " + map.quarter(), InsightCharts.map(map), mapComment(map))
          .about("insights", null, "connection map"));
      sent++;
    }
    for (ProgramHealth program : programs.subList(0, Math.min(MAX_PROGRAMS, programs.size()))) {
      String name = names.of(team, program.channel());
      outbox.send(Delivery.upload(team, user, "insights:health:" + UUID.randomUUID(), "coffee-health-"
          + ChannelNames.fileName(name) + ".png", "Coffee pairing health, " + name,
          InsightCharts.health(program, name), healthComment(program, k)).about("insights", program.channel(),
          "program health chart"));
      sent++;
    }
    String noMap = map.isEmpty() ? " No connection map yet: it needs programs with departments turned on "
        + "(`/coffee settings`) and rounds this quarter." : "";
    return Reply.text(":bar_chart: " + sent + (sent == 1 ? " chart is" : " charts are") + " on the way to your DM "
        + "with Rapport." + noMap + (programs.size() > MAX_PROGRAMS ? " The dashboard shows all "
        + programs.size() + " programs." : ""));
  }

  private static String mapComment(ConnectionMap map) {
    String silos = map.silos().isEmpty() ? "No silos: every pair of departments with at least " + map.k()
        + " people met at least once."
        : "Silos (departments of " + map.k() + "+ people where nobody met anybody of the other): "
            + map.silos().stream().map(s -> Mrkdwn.escape(s.a()) + " and " + Mrkdwn.escape(s.b()))
                .collect(Collectors.joining("; ")) + ".";
    return "How many people of each department (rows) met someone of another (columns) through coffee pairing in "
        + map.quarter() + ". Blank cells describe fewer than " + map.k() + " people and aren't shown. " + silos;
  }

  private static String healthComment(ProgramHealth program, int k) {
    String advice = program.advice().isEmpty() ? "" : "\n" + String.join("\n", program.advice());
    return "Meeting rate, first meetings and participation per round in <#" + program.channel() + ">; lasting "
        + "ties: " + program.lastingTies().inWords() + ". Gaps are rounds with fewer than " + k + " people." + advice;
  }
}
