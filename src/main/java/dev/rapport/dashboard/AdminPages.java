package dev.rapport.dashboard;

import dev.rapport.insights.ConnectionMap;
import dev.rapport.insights.InsightCharts;
import dev.rapport.insights.Insights;
import dev.rapport.insights.InsightsCsv;
import dev.rapport.insights.ProgramHealth;
import dev.rapport.insights.Quarter;
import dev.rapport.outbox.Outbox;
import dev.rapport.outbox.Undelivered;
import dev.rapport.pairing.CoffeeFacts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' pages: every coffee program of their workspace (schedule, next round, health per round, lasting
 * ties, advice, delivery failures), the connection map by quarter, their charts, and the HR exports. Anyone
 * else gets 403. Everything comes from {@link Insights}, behind k.
 */
@Controller
class AdminPages {

  static final Duration FAILURES = Duration.ofDays(7 * 8);

  private final Insights insights;
  private final CoffeeFacts coffee;
  private final Outbox outbox;
  private final Words words;
  private final Clock clock;

  AdminPages(Insights insights, CoffeeFacts coffee, Outbox outbox, Words words, Clock clock) {
    this.insights = insights;
    this.coffee = coffee;
    this.outbox = outbox;
    this.words = words;
    this.clock = clock;
  }

  public record RoundRow(String day, String meeting, String firstMeeting, String participation) {}

  public record ProgramView(String channel, String name, String cadence, String next, String pool,
                            List<RoundRow> rounds, String lastingTies, String tiesAsked, List<String> advice,
                            List<String> failures) {}

  @GetMapping("/dashboard/programs")
  String programs(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, Model model) {
    requireAdmin(viewer);
    String team = viewer.team();
    ZoneId zone = words.zone(team, viewer.user());
    Map<String, CoffeeFacts.ProgramFacts> facts = coffee.programs(team).stream()
        .collect(Collectors.toMap(CoffeeFacts.ProgramFacts::channel, Function.identity()));
    List<ProgramView> views = new ArrayList<>();
    for (ProgramHealth health : insights.health(team)) {
      CoffeeFacts.ProgramFacts program = facts.get(health.channel());
      List<RoundRow> rounds = health.rounds().stream().map(r -> new RoundRow(words.day(r.at(), zone),
          r.meeting().inWords(), r.firstMeeting().inWords(), r.participation().inWords())).toList();
      Undelivered failed = outbox.undelivered(team, "pairing", health.channel(), clock.instant().minus(FAILURES));
      List<String> failures = failed.letters().stream().map(l -> words.plain(team, l.what() + ": " + l.reason()
          + " " + l.fix())).toList();
      views.add(new ProgramView(health.channel(), words.channel(team, health.channel()), health.cadence(),
          words.when(program == null ? null : program.nextRound(), zone),
          health.pool() < 0 ? "fewer than " + insights.k() : String.valueOf(health.pool()), rounds,
          health.lastingTies().inWords(), health.tiesAsked() < 0 ? "fewer than " + insights.k()
          : String.valueOf(health.tiesAsked()), health.advice().stream().map(a -> words.plain(team, a)).toList(),
          failures));
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("programs", views);
    model.addAttribute("k", insights.k());
    model.addAttribute("page", "programs");
    return "dashboard/programs";
  }

  @GetMapping("/dashboard/map")
  String map(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, @RequestParam(required = false) String quarter,
             Model model) {
    requireAdmin(viewer);
    Quarter q = quarter(quarter);
    ConnectionMap map = insights.connectionMap(viewer.team(), q);
    model.addAttribute("viewer", viewer);
    model.addAttribute("map", map);
    model.addAttribute("quarter", q.toString());
    model.addAttribute("previous", q.previous().toString());
    model.addAttribute("next", q.next().start().isAfter(clock.instant()) ? null : q.next().toString());
    model.addAttribute("k", insights.k());
    model.addAttribute("page", "map");
    return "dashboard/map";
  }

  @GetMapping("/dashboard/charts/map.png")
  ResponseEntity<byte[]> mapChart(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer,
                                  @RequestParam(required = false) String quarter) {
    requireAdmin(viewer);
    return png(InsightCharts.map(insights.connectionMap(viewer.team(), quarter(quarter))));
  }

  @GetMapping("/dashboard/charts/health/{channel}.png")
  ResponseEntity<byte[]> healthChart(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer,
                                     @PathVariable String channel) {
    requireAdmin(viewer);
    ProgramHealth health = insights.health(viewer.team(), channel)
        .orElseThrow(() -> new NotFound("No coffee program of your workspace runs there."));
    return png(InsightCharts.health(health, words.channel(viewer.team(), channel)));
  }

  @GetMapping("/dashboard/export/health.csv")
  ResponseEntity<byte[]> healthCsv(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer) {
    requireAdmin(viewer);
    return csv("coffee-health.csv", InsightsCsv.health(insights.health(viewer.team()),
        channel -> words.channel(viewer.team(), channel)));
  }

  @GetMapping("/dashboard/export/map.csv")
  ResponseEntity<byte[]> mapCsv(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer,
                                @RequestParam(required = false) String quarter) {
    requireAdmin(viewer);
    Quarter q = quarter(quarter);
    return csv("connection-map-" + q + ".csv", InsightsCsv.map(insights.connectionMap(viewer.team(), q)));
  }

  private Quarter quarter(String text) {
    return Quarter.parse(text).orElseGet(insights::currentQuarter);
  }

  static void requireAdmin(Viewer viewer) {
    if (!viewer.admin()) {
      throw new Forbidden("Only Rapport admins see the workspace's programs and the connection map.");
    }
  }

  static ResponseEntity<byte[]> png(byte[] bytes) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(bytes);
  }

  private static ResponseEntity<byte[]> csv(String name, String text) {
    return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(text.getBytes(StandardCharsets.UTF_8));
  }
}
