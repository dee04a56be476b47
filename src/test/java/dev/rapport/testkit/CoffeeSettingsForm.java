package dev.rapport.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The values of {@code /coffee settings}' form as Slack sends them on submission, for tests outside pairing. */
public final class CoffeeSettingsForm {

  /** The form's callback id. */
  public static final String CALLBACK = "pairing_settings";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CoffeeSettingsForm() {}

  /**
   * Weekly at 10:00 UTC on the day three days from now (so no round falls due during a test), in pairs, with
   * departments from {@code departments} ({@code NONE}, {@code TITLE} or {@code USERGROUPS}).
   */
  public static ObjectNode weeklyPairs(String departments) {
    String day = LocalDate.now(ZoneOffset.UTC).plusDays(3).getDayOfWeek().toString();
    ObjectNode values = JSON.createObjectNode();
    select(values, "frequency", "1w");
    var days = values.putObject("days").putObject("days").put("type", "checkboxes").putArray("selected_options");
    days.addObject().put("value", day).putObject("text").put("type", "plain_text").put("text", day);
    values.putObject("time").putObject("time").put("type", "timepicker").put("selected_time", "10:00");
    select(values, "zone", "UTC");
    select(values, "size", "2");
    select(values, "departments", departments);
    values.putObject("options").putObject("options").put("type", "checkboxes").putArray("selected_options");
    return values;
  }

  private static void select(ObjectNode values, String block, String value) {
    values.putObject(block).putObject(block).put("type", "static_select").putObject("selected_option")
        .put("value", value).putObject("text").put("type", "plain_text").put("text", value);
  }
}
