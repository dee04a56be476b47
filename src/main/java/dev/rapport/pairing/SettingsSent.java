package dev.rapport.pairing;

import com.slack.api.model.view.ViewState;
import dev.rapport.schedule.Cadence;
import dev.rapport.slack.UserError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the settings modal ({@link SettingsModal}) sent: the program it describes, or what is wrong with it. */
final class SettingsSent {

  private SettingsSent() {}

  /** The program the form describes, or the field errors to show next to the fields. */
  record Parsed(Program program, OnboardingWords people, Map<String, String> errors) {}

  static Parsed parse(String channel, ViewState state, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    String frequency = selected(state, "frequency");
    Set<String> days = checked(state, "days");
    String time = state.getValues().getOrDefault("time", Map.of()).getOrDefault("time", new ViewState.Value())
        .getSelectedTime();
    String zoneId = selected(state, "zone");
    String size = selected(state, "size");
    String departments = selected(state, "departments");
    Set<String> options = checked(state, "options");
    if (frequency == null || !SettingsModal.FREQUENCIES.containsKey(frequency)) {
      errors.put("frequency", "Pick how often rounds happen.");
    } else if (frequency.equals("1w") && days.isEmpty()) {
      errors.put("days", "Pick the day (or days) of the week rounds happen.");
    } else if (frequency.endsWith("w") && !frequency.equals("1w") && days.size() != 1) {
      errors.put("days", "Rounds every " + frequency.charAt(0) + " weeks happen on one day: pick one. For several "
          + "days a week, choose Every week.");
    }
    if (time == null || !time.matches("\\d{2}:\\d{2}")) {
      errors.put("time", "Pick a time, e.g. 10:00.");
    }
    ZoneId zone = null;
    try {
      zone = ZoneId.of(zoneId == null ? "" : zoneId);
    } catch (RuntimeException e) {
      errors.put("zone", "Pick a time zone.");
    }
    if (size == null || !Set.of("2", "3", "4").contains(size)) {
      errors.put("size", "Pick a group size.");
    }
    Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
    for (String day : days) {
      try {
        chosen.add(DayOfWeek.valueOf(day));
      } catch (IllegalArgumentException e) {
        errors.put("days", "Pick days from the list.");
      }
    }
    ProgramType type = ProgramType.RANDOM;
    try {
      String typed = typed(state, SettingsModal.TYPE);
      type = typed.isEmpty() ? ProgramType.RANDOM : ProgramTypeWords.parse(typed);
      if (size != null && Set.of("2", "3", "4").contains(size)) {
        ProgramTypeWords.size(type, Integer.parseInt(size), 2);
      }
    } catch (UserError e) {
      errors.put(SettingsModal.TYPE, e.getMessage());
    }
    // Onboarding buddies on (the option) and the type `onboarding` say the same thing.
    boolean onboarding = options.contains(SettingsModal.ONBOARDING) || type.equals(ProgramType.ONBOARDING);
    if (onboarding && type.equals(ProgramType.RANDOM)) {
      type = ProgramType.ONBOARDING;
    }
    OnboardingWords people = people(state, onboarding, errors);
    if (!errors.isEmpty()) {
      return new Parsed(null, null, errors);
    }
    Set<DayOfWeek> when = switch (frequency) {
      case "day" -> EnumSet.allOf(DayOfWeek.class);
      case "weekday" -> SettingsModal.WEEKDAYS;
      default -> chosen;
    };
    int everyWeeks = frequency.endsWith("w") ? Integer.parseInt(frequency.substring(0, 1)) : 1;
    Cadence cadence = new Cadence(when, everyWeeks, LocalTime.parse(time), zone, today);
    return new Parsed(new Program(channel, cadence, Integer.parseInt(size), options.contains(SettingsModal.GUESTS),
        Program.Departments.valueOf(departments == null ? "NONE" : departments),
        options.contains(SettingsModal.ANNOUNCE), type), people, Map.of());
  }

  /** The people fields, as {@code /coffee start}'s words would say them (a journey's mistakes go to its field). */
  private static OnboardingWords people(ViewState state, boolean onboarding, Map<String, String> errors) {
    String buddies = typed(state, "buddies");
    String manager = typed(state, "manager_field");
    String journeyText = typed(state, "journey");
    java.util.List<JourneyStep> journey = JourneyStep.DEFAULT;
    try {
      journey = journeyText.isEmpty() ? JourneyStep.DEFAULT : JourneyStep.parse(journeyText);
    } catch (dev.rapport.slack.UserError e) {
      errors.put("journey", e.getMessage());
    }
    return new OnboardingWords(java.util.List.of(), onboarding, buddies, journey, manager);
  }

  private static String typed(ViewState state, String block) {
    ViewState.Value value = state.getValues().getOrDefault(block, Map.of()).get(block);
    return value == null || value.getValue() == null ? "" : value.getValue().strip();
  }

  private static Set<String> checked(ViewState state, String block) {
    ViewState.Value value = state.getValues().getOrDefault(block, Map.of()).get(block);
    if (value == null || value.getSelectedOptions() == null) {
      return Set.of();
    }
    return value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue)
        .collect(Collectors.toSet());
  }

  private static String selected(ViewState state, String block) {
    ViewState.Value value = state.getValues().getOrDefault(block, Map.of()).get(block);
    return value == null || value.getSelectedOption() == null ? null : value.getSelectedOption().getValue();
  }
}
