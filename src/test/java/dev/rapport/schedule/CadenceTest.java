package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.slack.UserError;
import dev.rapport.testkit.CadenceText;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadenceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static Cadence parse(String text) {
    return CadenceParser.parse(text, ZoneId.of("UTC"), TODAY);
  }

  @Test
  void readsEveryForm() {
    assertThat(parse("every week on mon at 10:00 tz Europe/Berlin"))
        .isEqualTo(new Cadence(EnumSet.of(DayOfWeek.MONDAY), 1, LocalTime.of(10, 0), BERLIN, TODAY));
    assertThat(parse("every 2 weeks on Friday at 15:30").everyWeeks()).isEqualTo(2);
    assertThat(parse("every weekday at 9:05").days())
        .isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(parse("every mon, wed,fri at 12:00").days())
        .isEqualTo(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
    assertThat(parse("every day at 08:00 tz America/New_York").zone()).isEqualTo(NEW_YORK);
    assertThat(parse("EVERY 1 WEEK ON TUE AT 10:00").days()).containsExactly(DayOfWeek.TUESDAY);
  }

  @Test
  void usesTheDefaultZoneWhenNoneIsGiven() {
    assertThat(CadenceParser.parse("every day at 08:00", BERLIN, TODAY).zone()).isEqualTo(BERLIN);
  }

  @Test
  void canonicalTextReadsBackToTheSameCadence() {
    for (String text : List.of("every week on mon at 10:00 tz Europe/Berlin", "every 3 weeks on sun at 07:45",
        "every weekday at 09:00", "every mon,thu at 13:15", "every day at 23:59")) {
      Cadence cadence = parse(text);
      assertThat(parse(CadenceText.of(cadence))).as(text).isEqualTo(cadence);
    }
  }

  @Test
  void badTextShowsWhatWasUnderstoodAndAnExample() {
    assertThatThrownBy(() -> parse("every 2 weeks on fri at 25:00"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("I understood `every 2 weeks on fri at`")
        .hasMessageContaining("`25:00` is not a time")
        .hasMessageContaining(CadenceParser.EXAMPLE);
    assertThatThrownBy(() -> parse("every week on funday at 10:00"))
        .hasMessageContaining("`funday` is not a day");
    assertThatThrownBy(() -> parse("every 6 weeks on mon at 10:00"))
        .hasMessageContaining("every 1 to 4 weeks");
    assertThatThrownBy(() -> parse("every day at 10:00 tz Mars/Olympus"))
        .hasMessageContaining("`Mars/Olympus` is not a time zone");
    assertThatThrownBy(() -> parse("weekly please")).hasMessageContaining("starts with `every`");
    assertThatThrownBy(() -> parse("every day at 10:00 please"))
        .hasMessageContaining("I understood *every day at 10:00 (UTC)* but not `please`");
  }

  @Test
  void leadingParseReturnsTheCommandsOwnWords() {
    CadenceParser.Parsed parsed = CadenceParser.parseLeading("every week on mon at 10:00 size 3", BERLIN, TODAY);

    assertThat(parsed.rest()).containsExactly("size", "3");
  }

  @Test
  void berlinRoundStaysAtTenLocalAcrossBothChanges() {
    Cadence weekly = CadenceParser.parse("every week on sun at 10:00 tz Europe/Berlin", BERLIN, TODAY);

    List<ZonedDateTime> runs = runs(weekly, ZonedDateTime.of(2026, 3, 20, 0, 0, 0, 0, BERLIN), 3);
    assertThat(runs).extracting(ZonedDateTime::toLocalDateTime).containsExactly(
        LocalDateTime.of(2026, 3, 22, 10, 0), LocalDateTime.of(2026, 3, 29, 10, 0),
        LocalDateTime.of(2026, 4, 5, 10, 0));
    assertThat(runs.get(0).getOffset().getTotalSeconds()).isEqualTo(3600);
    assertThat(runs.get(1).getOffset().getTotalSeconds()).isEqualTo(7200);

    List<ZonedDateTime> autumn = runs(weekly, ZonedDateTime.of(2026, 10, 20, 0, 0, 0, 0, BERLIN), 2);
    assertThat(autumn).extracting(ZonedDateTime::toLocalDateTime)
        .containsExactly(LocalDateTime.of(2026, 10, 25, 10, 0), LocalDateTime.of(2026, 11, 1, 10, 0));
    assertThat(autumn.get(0).getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void newYorkRoundStaysAtNineLocalAcrossBothChanges() {
    Cadence daily = CadenceParser.parse("every day at 09:00 tz America/New_York", NEW_YORK, TODAY);

    List<ZonedDateTime> spring = runs(daily, ZonedDateTime.of(2026, 3, 7, 12, 0, 0, 0, NEW_YORK), 3);
    assertThat(spring).extracting(z -> z.toLocalTime()).containsOnly(LocalTime.of(9, 0));
    assertThat(spring).extracting(z -> z.toLocalDate().getDayOfMonth()).containsExactly(8, 9, 10);
    assertThat(spring.get(0).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);

    List<ZonedDateTime> autumn = runs(daily, ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, NEW_YORK), 2);
    assertThat(autumn).extracting(z -> z.toLocalTime()).containsOnly(LocalTime.of(9, 0));
    assertThat(autumn.get(1).getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);
  }

  @Test
  void aTimeThatDoesNotExistMovesForward() {
    Cadence cadence = CadenceParser.parse("every day at 02:30 tz Europe/Berlin", BERLIN, TODAY);

    Instant next = cadence.next(ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, BERLIN).toInstant());

    assertThat(next.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
  }

  @Test
  void aRepeatedHourRunsOnce() {
    Cadence cadence = CadenceParser.parse("every day at 01:30 tz America/New_York", NEW_YORK, TODAY);

    List<ZonedDateTime> runs = runs(cadence, ZonedDateTime.of(2026, 10, 31, 12, 0, 0, 0, NEW_YORK), 2);

    assertThat(runs).extracting(ZonedDateTime::toLocalDateTime)
        .containsExactly(LocalDateTime.of(2026, 11, 1, 1, 30), LocalDateTime.of(2026, 11, 2, 1, 30));
    assertThat(runs.get(0).getOffset().getTotalSeconds()).as("the first 01:30").isEqualTo(-4 * 3600);
  }

  @Test
  void everyTwoWeeksSkipsTheWeeksInBetween() {
    Cadence cadence = CadenceParser.parse("every 2 weeks on wed at 10:00 tz UTC", ZoneId.of("UTC"),
        LocalDate.of(2026, 11, 23));

    List<ZonedDateTime> runs = runs(cadence, ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, ZoneId.of("UTC")), 3);

    assertThat(runs).extracting(z -> z.toLocalDate()).containsExactly(LocalDate.of(2026, 11, 25),
        LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 23));
    assertThat(cadence.cycleDays()).isEqualTo(14);
  }

  @Test
  void weekdaysSkipTheWeekend() {
    Cadence cadence = parse("every weekday at 09:00");

    List<ZonedDateTime> runs = runs(cadence, ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, ZoneId.of("UTC")), 2);

    assertThat(runs).extracting(z -> z.getDayOfWeek()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY);
    assertThat(cadence.cycleDays()).isEqualTo(3);
  }

  private static List<ZonedDateTime> runs(Cadence cadence, ZonedDateTime from, int count) {
    List<ZonedDateTime> runs = new ArrayList<>();
    Instant at = from.toInstant();
    for (int i = 0; i < count; i++) {
      at = cadence.next(at);
      runs.add(at.atZone(cadence.zone()));
    }
    return runs;
  }

  @Test
  void namesItsCycleTheWayPeopleSayIt() {
    assertThat(parse("every day at 09:00").cycle()).isEqualTo("today");
    assertThat(parse("every weekday at 09:00").withinCycle()).isEqualTo("today");
    assertThat(parse("every weekday at 09:00").cyclePossessive()).isEqualTo("today's");
    assertThat(parse("every week on mon at 09:00").withinCycle()).isEqualTo("this week");
    assertThat(parse("every week on mon at 09:00").cyclePossessive()).isEqualTo("this week's");
    assertThat(parse("every 2 weeks on mon at 09:00").cycle()).isEqualTo("these two weeks");
    assertThat(parse("every 4 weeks on mon at 09:00").withinCycle()).isEqualTo("in the next four weeks");
    assertThat(parse("every 3 weeks on mon at 09:00").cyclePossessive()).isEqualTo("these three weeks'");
    assertThat(parse("every mon,wed,fri at 09:00").withinCycle()).isEqualTo("in the next few days");
    assertThat(parse("every sat,sun at 09:00").cycle()).as("Sunday follows Saturday").isEqualTo("today");
  }
}
