package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Schedule ids sit in the shared due index and in occurrence ids: what was written before still parses. */
class ScheduleIdTest {

  @Test
  void anIdInTheDueIndexParsesBackTargetAndAll() {
    assertThat(ScheduleId.parse("T0TEST|pairing|C0COFFEE")).contains(new ScheduleId("T0TEST", "pairing", "C0COFFEE"));
    assertThat(ScheduleId.parse("T0TEST|pairing-now|C0COFFEE:n1700000000000"))
        .contains(new ScheduleId("T0TEST", "pairing-now", "C0COFFEE:n1700000000000"));
    assertThat(ScheduleId.parse("T0TEST|kind|a|target|with|bars")).get().extracting(ScheduleId::target)
        .isEqualTo("a|target|with|bars");
    assertThat(ScheduleId.parse("T0TEST|pairing")).isEmpty();
  }

  @Test
  void itEncodesAsBeforeInEachPlace() {
    ScheduleId id = new ScheduleId("T0TEST", "prompts", "C0ROOM");
    assertThat(id.encode()).isEqualTo("T0TEST|prompts|C0ROOM");
    assertThat(id.field()).isEqualTo("prompts|C0ROOM");
    assertThat(id.occurrence(Instant.ofEpochMilli(1700000000000L))).isEqualTo("T0TEST|prompts|C0ROOM@1700000000000");
    assertThat(ScheduleId.parse(id.encode())).contains(id);
  }

  @Test
  void teamAndKindHoldNoBar() {
    assertThatThrownBy(() -> new ScheduleId("T|0", "prompts", "C1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduleId("T0", "pro|mpts", "C1")).isInstanceOf(IllegalArgumentException.class);
  }
}
