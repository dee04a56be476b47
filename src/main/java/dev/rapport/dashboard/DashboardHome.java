package dev.rapport.dashboard;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import dev.rapport.slack.AccessPolicy;
import dev.rapport.slack.HomeSection;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.SlackSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The admins' way to the dashboard from the App Home: a button to it when it is set up, else what is missing
 * (for whoever runs Rapport; admins can't set it themselves). Others see nothing here.
 */
@Component
class DashboardHome implements HomeSection, SlackFeature {

  static final String OPEN = "dashboard_open";

  private final DashboardSettings settings;
  private final SlackSettings slack;
  private final AccessPolicy access;

  DashboardHome(DashboardSettings settings, SlackSettings slack, AccessPolicy access) {
    this.settings = settings;
    this.slack = slack;
    this.access = access;
  }

  /** Slack still sends the click of a link button; unacknowledged, it shows the admin a warning on the button. */
  @Override
  public void register(App app) {
    app.blockAction(OPEN, (req, ctx) -> ctx.ack());
  }

  @Override
  public int order() {
    return 25;
  }

  @Override
  public List<LayoutBlock> render(String team, String user) {
    if (!access.isAdmin(team, user)) {
      return List.of();
    }
    if (settings.publicUrl() == null || !slack.signsIn()) {
      return List.of(section(s -> s.text(markdownText(":bar_chart: *Insights dashboard:* not set up yet. Ask "
          + "whoever runs Rapport to turn on Sign in with Slack; meanwhile `/coffee insights` sends the charts to "
          + "your DM."))));
    }
    String url = settings.publicUrl() + "/dashboard";
    return List.of(section(s -> s.text(markdownText(":bar_chart: *Insights dashboard:* every program's health, "
        + "the cross-team connection map and the teams' pulse, in your browser (Sign in with Slack)."))
        .accessory(button(b -> b.actionId(OPEN).url(url).text(plainText("Open the dashboard"))))));
  }
}
