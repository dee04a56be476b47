package dev.rapport.dashboard;

import dev.rapport.pairing.CoffeeSelf;
import dev.rapport.people.Directory;
import dev.rapport.people.Profile;
import dev.rapport.slack.UserError;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Everyone's own page: their coffee programs (pause, resume, leave, join again), their last groups, and their
 * private do-not-pair list (add, remove). Each form posts here with its CSRF token, changes only the viewer's
 * own choices, and comes back to the page with what happened.
 */
@Controller
class MyPages {

  static final int HISTORY = 20;
  static final int PEOPLE = 1000;
  private static final Map<String, String> DONE = Map.of("paused", "Paused.", "resumed", "Welcome back: you're in "
      + "the next round.", "left", "You've left that program.", "joined", "You're back in that program.",
      "avoided", "Added to your do-not-pair list.", "unavoided", "Taken off your do-not-pair list.");

  private final CoffeeSelf coffee;
  private final Words words;
  private final Directory directory;

  MyPages(CoffeeSelf coffee, Words words, Directory directory) {
    this.coffee = coffee;
    this.words = words;
    this.directory = directory;
  }

  @GetMapping("/dashboard")
  String mine(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, @RequestParam(required = false) String done,
              Model model) {
    return page(viewer, model, done == null ? null : DONE.get(done), null);
  }

  @PostMapping("/dashboard/me/{action}")
  String change(@RequestAttribute(Viewer.ATTRIBUTE) Viewer viewer, @PathVariable String action,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String person,
                @RequestParam(required = false, defaultValue = "2") String weeks, HttpServletResponse response,
                Model model) throws Exception {
    String team = viewer.team();
    String user = viewer.user();
    try {
      switch (action) {
        case "pause" -> coffee.pause(team, user, required(channel), weeks(weeks));
        case "resume" -> coffee.resume(team, user, required(channel));
        case "leave" -> coffee.leave(team, user, required(channel));
        case "join" -> coffee.join(team, user, required(channel));
        case "avoid" -> coffee.avoid(team, user, required(person));
        case "unavoid" -> coffee.unavoid(team, user, required(person));
        default -> throw new UserError("That isn't something this page can do.");
      }
    } catch (UserError e) {
      response.setStatus(400);
      return page(viewer, model, null, e.getMessage());
    }
    return "redirect:/dashboard?done=" + switch (action) {
      case "pause" -> "paused";
      case "resume" -> "resumed";
      case "leave" -> "left";
      case "join" -> "joined";
      case "avoid" -> "avoided";
      default -> "unavoided";
    };
  }

  /** The pause's length as the form sent it: 1 to 12 weeks, anything else a clear refusal. */
  private static int weeks(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UserError("Pick how long to pause: 1 to 12 weeks.");
    }
  }

  private static String required(String value) {
    if (value == null || value.isBlank()) {
      throw new UserError("The form was missing a choice: pick one and try again.");
    }
    return value.trim();
  }

  /** One of the viewer's programs as the page shows it. */
  public record ProgramRow(String channel, String name, String cadence, String next, String state, boolean paused,
                    boolean left) {}

  public record GroupRow(String when, String where, String with, String outcome) {}

  public record Person(String id, String name) {}

  private String page(Viewer viewer, Model model, String notice, String error) {
    String team = viewer.team();
    ZoneId zone = words.zone(team, viewer.user());
    List<ProgramRow> programs = new ArrayList<>();
    for (CoffeeSelf.MyProgram p : coffee.programs(team, viewer.user())) {
      String state = p.left() ? "You left this program." : p.pausedUntil() == null ? "You're taking part."
          : p.pausedForSilence() ? "Paused after a few rounds without a word from you."
          : "Paused until " + words.when(p.pausedUntil(), zone) + ".";
      programs.add(new ProgramRow(p.channel(), words.channel(team, p.channel()), p.cadence(),
          words.when(p.nextRound(), zone), state, p.pausedUntil() != null, p.left()));
    }
    List<GroupRow> groups = coffee.history(team, viewer.user(), HISTORY).stream().map(g -> new GroupRow(
        words.when(g.at(), zone), words.channel(team, g.channel()), words.joined(team, g.others()),
        "met".equals(g.outcome()) ? "You met" : "not".equals(g.outcome()) ? "You didn't meet"
            : g.othersWhoMet().isEmpty() ? "No answer" : "No answer from you (" + words.joined(team, g.othersWhoMet())
            + " said they met)")).toList();
    List<String> avoidedIds = coffee.avoided(team, viewer.user()).stream().sorted().toList();
    List<String> avoidedNames = words.people(team, avoidedIds);
    List<Person> avoided = new ArrayList<>();
    for (int i = 0; i < avoidedIds.size(); i++) {
      avoided.add(new Person(avoidedIds.get(i), avoidedNames.get(i)));
    }
    Map<String, String> choices = new LinkedHashMap<>();
    try {
      for (Profile p : directory.people(team, PEOPLE)) {
        if (!p.id().equals(viewer.user()) && !avoidedIds.contains(p.id())) {
          choices.put(p.id(), p.name() == null ? p.id() : p.name());
        }
      }
    } catch (Exception e) {
      // The list to pick from is a convenience: without Slack the rest of the page still works.
    }
    model.addAttribute("viewer", viewer);
    model.addAttribute("programs", programs);
    model.addAttribute("groups", groups);
    model.addAttribute("avoided", avoided);
    model.addAttribute("choices", choices);
    model.addAttribute("notice", notice);
    model.addAttribute("error", error);
    model.addAttribute("page", "me");
    return "dashboard/me";
  }
}
