package dev.rapport.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Publishes the Home tab when a user opens it: the sections features contribute, in order, separated by
 * dividers. A section that fails is replaced by a short note so the rest still shows.
 */
@Component
public class HomeTab {

  static final int MAX_BLOCKS = 100;

  private final List<HomeSection> sections;
  private final SlackGateway slack;
  private final BackgroundWork work;

  HomeTab(List<HomeSection> sections, SlackGateway slack, BackgroundWork work) {
    this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
    this.slack = slack;
    this.work = work;
  }

  void register(App app) {
    app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
      AppHomeOpenedEvent event = payload.getEvent();
      if (event.getTab() == null || "home".equals(event.getTab())) {
        refresh(payload.getTeamId() != null ? payload.getTeamId() : ctx.getTeamId(), event.getUser());
      }
      return ctx.ack();
    });
  }

  /** Re-renders and publishes {@code user}'s Home tab in the background (e.g. after a button). */
  public void refresh(String team, String user) {
    work.submit("publish the Home tab", () -> publish(team, user));
  }

  void publish(String team, String user) throws SlackCallException {
    View view = View.builder().type("home").blocks(render(team, user)).build();
    slack.call(team, "views.publish", c -> c.viewsPublish(r -> r.userId(user).view(view)));
  }

  List<LayoutBlock> render(String team, String user) {
    List<List<LayoutBlock>> parts = new ArrayList<>();
    List<String> readInFull = new ArrayList<>();
    for (HomeSection section : sections) {
      List<LayoutBlock> part;
      try {
        part = section.render(team, user);
      } catch (Exception e) {
        Failures.log("render a Home section", e);
        part = List.of(context(List.of(markdownText("_This part of your Home couldn't load just now. "
            + "Open the tab again in a moment._"))));
      }
      if (!part.isEmpty()) {
        parts.add(new ArrayList<>(part));
        readInFull.add(section.readInFull());
      }
    }
    fit(parts, readInFull);
    List<LayoutBlock> blocks = new ArrayList<>();
    for (List<LayoutBlock> part : parts) {
      if (!blocks.isEmpty()) {
        blocks.add(divider());
      }
      blocks.addAll(part);
    }
    return blocks;
  }

  /**
   * Slack takes at most {@value #MAX_BLOCKS} blocks in a Home. When the parts are longer, the longest are
   * shortened from their end (each keeps its first block) and say where to read them in full
   * ({@code readInFull}, one per part), so every part still shows.
   */
  static void fit(List<List<LayoutBlock>> parts, List<String> readInFull) {
    java.util.Set<List<LayoutBlock>> trimmed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (parts.stream().mapToInt(List::size).sum() + parts.size() - 1 + trimmed.size() > MAX_BLOCKS) {
      List<LayoutBlock> longest = parts.stream().max(Comparator.comparingInt(List::size)).orElseThrow();
      if (longest.size() <= 1) {
        break;
      }
      longest.remove(longest.size() - 1);
      trimmed.add(longest);
    }
    for (int i = 0; i < parts.size(); i++) {
      if (trimmed.contains(parts.get(i))) {
        String where = readInFull.get(i).isEmpty() ? "the slash commands show" : readInFull.get(i) + " shows";
        parts.get(i).add(context(List.of(markdownText("_There's more than fits here: " + where + " it all._"))));
      }
    }
  }
}
