package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.rapport.schedule.Cadence;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The program settings modal: the same choices as {@code /coffee start} (and guests, departments,
 * announcements, onboarding buddies and the manager field) as form fields, so HR never has to learn the text
 * grammar. It shows every cadence the grammar accepts: how often, and on which days (one or more a week, or one
 * every 2 to 4 weeks), so sending it back unchanged keeps the schedule as it is. What was sent is read by
 * {@link SettingsSent}.
 */
final class SettingsModal {

  static final String CALLBACK = "pairing_settings";
  static final String GUESTS = "guests";
  static final String ANNOUNCE = "announce";
  static final String TYPE = "type";
  static final String ONBOARDING = "onboarding";

  /**
   * The fields about people (see {@link OnboardingWords}): onboarding buddies on or off, the buddies' user group
   * ("" for the channel), the journey, and the manager profile field's label ("" for none).
   */
  record People(boolean onboarding, String buddies, String journey, String managerField) {

    static People of(Optional<Onboarding> onboarding, Optional<String> managerField) {
      Onboarding o = onboarding.orElse(Onboarding.defaults());
      return new People(onboarding.isPresent(), o.buddyGroupHandle() == null ? "" : "@" + o.buddyGroupHandle(),
          JourneyStep.write(o.journey()), managerField.orElse(""));
    }
  }
  static final List<String> ZONES = List.of("UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
      "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Madrid", "Europe/Rome", "Europe/Stockholm",
      "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki", "Europe/Istanbul", "Africa/Lagos",
      "Africa/Johannesburg", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai",
      "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Sydney", "Pacific/Auckland", "America/Sao_Paulo",
      "America/Argentina/Buenos_Aires", "America/Mexico_City", "America/Bogota", "America/New_York",
      "America/Toronto", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
      "America/Anchorage", "Pacific/Honolulu");
  static final Map<String, String> FREQUENCIES = new LinkedHashMap<>();
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  static {
    FREQUENCIES.put("1w", "Every week");
    FREQUENCIES.put("2w", "Every 2 weeks");
    FREQUENCIES.put("3w", "Every 3 weeks");
    FREQUENCIES.put("4w", "Every 4 weeks");
    FREQUENCIES.put("weekday", "Every weekday (Monday to Friday)");
    FREQUENCIES.put("day", "Every day");
  }

  private SettingsModal() {}

  static View build(String channel, Program current, People people) {
    return build(channel, current, people, null);
  }

  /** The form filled in with {@code current}; {@code problem}, if any, says above it why it wasn't saved. */
  static View build(String channel, Program current, People people, String problem) {
    Cadence cadence = current.cadence();
    String zone = cadence.zone().getId();
    List<String> zones = new ArrayList<>(ZONES);
    if (!zones.contains(zone)) {
      zones.add(0, zone);
    }
    List<OptionObject> options = List.of(
        option(plainText("Include guests"), GUESTS),
        option(plainText("Announce starts, new rounds and stops in the channel"), ANNOUNCE),
        option(plainText("Give people who join the channel an onboarding buddy"), ONBOARDING));
    List<OptionObject> checked = options.stream().filter(o -> switch (o.getValue()) {
      case GUESTS -> current.guests();
      case ANNOUNCE -> current.announce();
      default -> people.onboarding();
    }).toList();
    List<LayoutBlock> blocks = new ArrayList<>();
    if (problem != null) {
      blocks.add(section(s -> s.text(markdownText(problem + "\nYour choices are still here: press *Save* to "
          + "try again."))));
    }
    blocks.addAll(List.of(
        section(s -> s.text(markdownText("Coffee pairing in <#" + channel + ">. Members are matched with "
            + "someone new every round."))),
        select("frequency", "How often", FREQUENCIES, frequency(cadence)),
        input(i -> i.blockId("days").optional(true).label(plainText("On which days"))
            .hint(plainText("Every week: one or more days. Every 2, 3 or 4 weeks: one day. Not used for every "
                + "weekday or every day."))
            .element(checkboxes(c -> c.actionId("days").options(days())
                .initialOptions(days().stream().filter(o -> cadence.days().contains(DayOfWeek.valueOf(o.getValue())))
                    .toList())))),
        input(i -> i.blockId("time").label(plainText("At what time"))
            .element(timePicker(t -> t.actionId("time").initialTime(cadence.time().toString())))),
        select("zone", "In which time zone", zones.stream().collect(LinkedHashMap::new, (m, z) -> m.put(z, z),
            Map::putAll), zone),
        select("size", "Group size", Map.of("2", "Pairs (2)", "3", "Trios (3)", "4", "Groups of 4"),
            String.valueOf(current.size())),
        select("departments", "Where departments come from (for cross-team groups)", departments(),
            current.departments().name()),
        input(i -> i.blockId(TYPE).optional(true).label(plainText("Program type"))
            .hint(plainText("random, cross @mentors @mentees, cross field Office Berlin Dublin, office field Office "
                + "mode hybrid. Onboarding buddies: the option below. For a leader roulette or sides from channels, "
                + "use /coffee start … type …"))
            // Onboarding is the option below (so unticking it turns it off); its rounds are random groups.
            .element(plainTextInput(t -> t.actionId(TYPE).initialValue(
                current.type().equals(ProgramType.ONBOARDING) ? "random" : current.type().words())))),
        input(i -> i.blockId("options").optional(true).label(plainText("Options"))
            .element(checkboxes(c -> checked.isEmpty() ? c.actionId("options").options(options)
                : c.actionId("options").options(options).initialOptions(checked)))),
        text("buddies", "Onboarding buddies come from", people.buddies(), "A user group, e.g. @mentors. Empty: the "
            + "channel's members who have been in the workspace longer."),
        text("journey", "Onboarding journey: nudges on", people.journey(), "e.g. " + JourneyStep.EXAMPLE
            + " (after it, new people join the rounds)."),
        text("manager_field", "Manager profile field", people.managerField(), "The custom profile field (of "
            + "Slack's Person type) that names each person's manager, e.g. Manager: nobody is paired with their own "
            + "manager. Empty: none.")));
    return View.builder().type("modal").callbackId(CALLBACK).privateMetadata(channel)
        .title(viewTitle(t -> t.type("plain_text").text("Coffee pairing")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Save")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(blocks).build();
  }

  /** The modal once the form was sent: "Saving…", then what happened. */
  static View notice(String text) {
    return View.builder().type("modal").callbackId(CALLBACK + "_done")
        .title(viewTitle(t -> t.type("plain_text").text("Coffee pairing")))
        .close(viewClose(t -> t.type("plain_text").text("Close")))
        .blocks(List.of(section(s -> s.text(markdownText(text))))).build();
  }

  /** The frequency field for a cadence: every day, every weekday, or every N weeks (with its days). */
  private static String frequency(Cadence cadence) {
    if (cadence.everyWeeks() == 1 && cadence.days().size() == 7) {
      return "day";
    }
    if (cadence.everyWeeks() == 1 && cadence.days().equals(WEEKDAYS)) {
      return "weekday";
    }
    return cadence.everyWeeks() + "w";
  }

  private static LayoutBlock select(String id, String label, Map<String, String> choices, String initial) {
    List<OptionObject> options = choices.entrySet().stream()
        .map(e -> option(plainText(e.getValue()), e.getKey())).toList();
    OptionObject chosen = options.stream().filter(o -> o.getValue().equals(initial)).findFirst().orElse(null);
    return input(i -> i.blockId(id).label(plainText(label))
        .element(staticSelect(s -> s.actionId(id).options(options).initialOption(chosen))));
  }

  private static LayoutBlock text(String id, String label, String initial, String hint) {
    return input(i -> i.blockId(id).optional(true).label(plainText(label)).hint(plainText(hint))
        .element(plainTextInput(t -> t.actionId(id).maxLength(200)
            .initialValue(initial == null || initial.isEmpty() ? null : initial))));
  }

  private static List<OptionObject> days() {
    List<OptionObject> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.add(option(plainText(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day.name()));
    }
    return days;
  }

  private static Map<String, String> departments() {
    Map<String, String> choices = new LinkedHashMap<>();
    for (Program.Departments d : Program.Departments.values()) {
      choices.put(d.name(), d == Program.Departments.NONE ? "Don't use departments" : d.label);
    }
    return choices;
  }
}
