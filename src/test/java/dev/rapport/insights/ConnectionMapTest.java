package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's k rule, at the boundary: k−1 people hidden, k shown; small departments folded; silos. */
class ConnectionMapTest {

  static final int K = 5;
  static final Quarter Q = new Quarter(2026, 4);

  /** {@code n} people of {@code department}, named d0..d(n-1). */
  static List<String> people(String department, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> department + i).toList();
  }

  static ConnectionMap.Meetings meetings(int eng, int sales, int metAcross) {
    ConnectionMap.Meetings m = ConnectionMap.Meetings.empty();
    people("eng", eng).forEach(u -> m.placed(u, "eng"));
    people("sales", sales).forEach(u -> m.placed(u, "sales"));
    for (int i = 0; i < metAcross; i++) {
      m.metEachOther("eng" + i, "sales" + i);
    }
    return m;
  }

  @Test
  void aCellOfKMinusOnePeopleIsHiddenAndOfKIsShown() {
    ConnectionMap hidden = ConnectionMap.of(Q, meetings(8, 8, K - 1), ConnectionMap.Meetings.empty(), K);
    ConnectionMap shown = ConnectionMap.of(Q, meetings(8, 8, K), ConnectionMap.Meetings.empty(), K);

    assertThat(hidden.cell("eng", "sales")).get().extracting(ConnectionMap.Cell::count).isEqualTo(-1L);
    assertThat(shown.cell("eng", "sales")).get().extracting(ConnectionMap.Cell::count).isEqualTo((long) K);
    assertThat(shown.cell("sales", "eng")).get().extracting(ConnectionMap.Cell::count).isEqualTo((long) K);
  }

  @Test
  void aDepartmentOfFewerThanKPeopleIsFoldedIntoOtherDepartments() {
    ConnectionMap map = ConnectionMap.of(Q, meetings(K, K - 1, 0), ConnectionMap.Meetings.empty(), K);

    assertThat(map.departments()).extracting(ConnectionMap.Department::name)
        .containsExactly("eng", ConnectionMap.OTHER);
    assertThat(map.departments()).extracting(ConnectionMap.Department::people).containsExactly((long) K, -1L);
    assertThat(map.toString()).doesNotContain("sales");
  }

  @Test
  void noMeetingsBetweenTwoDepartmentsOfKOrMoreIsASiloAndShowsZero() {
    ConnectionMap map = ConnectionMap.of(Q, meetings(K, K, 0), ConnectionMap.Meetings.empty(), K);

    assertThat(map.silos()).containsExactly(new ConnectionMap.Silo("eng", "sales"));
    assertThat(map.cell("eng", "sales")).get().extracting(ConnectionMap.Cell::count).isEqualTo(0L);
  }

  @Test
  void noMeetingsWithADepartmentUnderKIsNeitherZeroNorASilo() {
    ConnectionMap.Meetings m = meetings(K, K, 0);
    people("ops", K - 1).forEach(u -> m.placed(u, "ops"));
    ConnectionMap map = ConnectionMap.of(Q, m, ConnectionMap.Meetings.empty(), K);

    assertThat(map.cell("eng", ConnectionMap.OTHER)).get().extracting(ConnectionMap.Cell::count).isEqualTo(-1L);
    assertThat(map.silos()).containsExactly(new ConnectionMap.Silo("eng", "sales"));
  }

  @Test
  void theChangeShowsOnlyBetweenTwoShownCounts() {
    ConnectionMap grew = ConnectionMap.of(Q, meetings(8, 8, 7), meetings(8, 8, K), K);
    ConnectionMap fromHidden = ConnectionMap.of(Q, meetings(8, 8, 7), meetings(8, 8, K - 1), K);

    assertThat(grew.cell("eng", "sales")).get().extracting(ConnectionMap.Cell::change).isEqualTo(2L);
    assertThat(fromHidden.cell("eng", "sales")).get().extracting(ConnectionMap.Cell::change).isNull();
  }

  @Test
  void csvHasNoHiddenCountAndKeepsFormulasAsText() {
    ConnectionMap.Meetings m = meetings(8, 0, 0);
    people("=HYPERLINK(x)", K).forEach(u -> m.placed(u, "=HYPERLINK(x)"));
    for (int i = 0; i < K - 1; i++) {
      m.metEachOther("eng" + i, "=HYPERLINK(x)" + i);
    }
    String csv = InsightsCsv.map(ConnectionMap.of(Q, m, ConnectionMap.Meetings.empty(), K));

    assertThat(csv).contains("'=HYPERLINK(x)").doesNotContain(",=HYPERLINK").contains("fewer than " + K)
        .doesNotContain("," + (K - 1) + ",");
  }
}
