package dev.rapport.dashboard;

import dev.rapport.insights.InsightCharts;
import dev.rapport.insights.Insights;
import dev.rapport.insights.PulseContext;
import dev.rapport.pulse.PulseTrends;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * Pulse with context: the teams a manager manages (an admin: every team), each with its pulse trend and its
 * channel's milestones. A team the viewer doesn't manage is 403, a channel
 * of another workspace (or with no pulse) 404, whatever the URL says.
 */
@Controller
class TeamPages {

  private final Insights insights;
  private final Words words;

  TeamPages(Insights insights, Words words) {
    this.insights = insights;
    this.words = words;
  }

  public record Team(String channel, String name) {}

  public record PeriodRow(String opened, String closed, String answered, List<String> means) {}

  public record MilestoneRow(int number, String when, String what) {}

  @GetMapping("/dashboard/teams")
  String teams(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, Model model) {
    List<String> channels = insights.pulseTeams(viewer.team(), viewer.user(), viewer.admin());
    if (channels.isEmpty()) {
      throw new Forbidden("You don't manage a team's pulse. An admin adds managers with /pulse managers add.");
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("teams", channels.stream().map(c -> new Team(c, words.channel(viewer.team(), c))).toList());
    model.addAttribute("page", "teams");
    return "dashboard/teams";
  }

  @GetMapping("/dashboard/teams/{channel}")
  String team(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, @PathVariable String channel, Model model) {
    requireTeam(viewer, channel);
    String team = viewer.team();
    ZoneId zone = words.zone(team, viewer.user());
    PulseContext context = insights.pulse(team, channel);
    List<PeriodRow> periods = new ArrayList<>();
    for (PulseTrends.TeamPeriod p : context.periods()) {
      String answered = p.withheld() ? "withheld (overlaps another team's pulse too closely)"
          : p.shown() ? p.responses() + " of " + p.invited()
          : "fewer than " + context.k() + " answered: scores not shown";
      periods.add(new PeriodRow(words.day(p.opened(), zone), words.day(p.closed(), zone), answered,
          PulseTrends.questions().stream().map(q -> p.means().containsKey(q)
              ? String.format(Locale.ROOT, "%.1f", p.means().get(q)) : "—").toList()));
    }
    List<MilestoneRow> milestones = new ArrayList<>();
    for (int i = 0; i < context.milestones().size(); i++) {
      milestones.add(new MilestoneRow(i + 1, words.when(context.milestones().get(i).at(), zone),
          context.milestones().get(i).inWords()));
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("channel", channel);
    model.addAttribute("name", words.channel(team, channel));
    model.addAttribute("questions", PulseTrends.questions());
    model.addAttribute("periods", periods);
    model.addAttribute("milestones", milestones);
    model.addAttribute("k", context.k());
    model.addAttribute("note", PulseContext.NOTE);
    model.addAttribute("page", "teams");
    return "dashboard/team";
  }

  @GetMapping("/dashboard/charts/pulse/{channel}.png")
  ResponseEntity<byte[]> chart(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, @PathVariable String channel) {
    requireTeam(viewer, channel);
    return AdminPages.png(InsightCharts.pulse(insights.pulse(viewer.team(), channel),
        words.channel(viewer.team(), channel)));
  }

  /** 404 for a channel with no pulse in the viewer's workspace (another workspace's too), 403 for another team. */
  private void requireTeam(Viewer viewer, String channel) {
    if (!insights.pulseTeams(viewer.team(), viewer.user(), true).contains(channel)) {
      throw new NotFound("Your workspace has no team pulse there.");
    }
    if (!insights.maySeePulse(viewer.team(), channel, viewer.user(), viewer.admin())) {
      throw new Forbidden("You can see the pulse of the teams you manage only.");
    }
  }
}
