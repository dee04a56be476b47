package dev.rapport.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Program health's rates keep k at the boundary, and falling rates bring plain advice. */
class ProgramHealthTest {

  static final int K = 5;

  @Test
  void aRateOfKMinusOnePeopleIsHiddenAndOfKIsShown() {
    assertThat(Rate.of(2, K - 1, K).shown()).isFalse();
    assertThat(Rate.of(2, K - 1, K).inWords()).isEqualTo("fewer than 5 people");
    assertThat(Rate.of(2, K - 1, K).part()).isEqualTo(-1);
    assertThat(Rate.of(2, K, K).shown()).isTrue();
    assertThat(Rate.of(2, K, K).inWords()).isEqualTo("40% (2 of 5)");
  }

  @Test
  void aShareOfGroupsIsHiddenWhenItsGroupsHoldFewerThanKPeople() {
    assertThat(Rate.of(1, 2, K - 1, K).shown()).isFalse();
    assertThat(Rate.of(1, 2, K, K).percent()).isEqualTo(50.0);
  }

  static List<ProgramHealth.Round> rounds(int... meetingPercents) {
    List<ProgramHealth.Round> rounds = new ArrayList<>();
    for (int i = 0; i < meetingPercents.length; i++) {
      rounds.add(new ProgramHealth.Round("r" + i, Instant.EPOCH.plusSeconds(i * 604800L),
          Rate.of(meetingPercents[i], 100, K), Rate.of(50, 100, K), Rate.of(90, 100, K)));
    }
    return rounds;
  }

  @Test
  void aFallingMeetingRateInALargeProgramSuggestsSplittingItOrASlowerCadence() {
    List<String> advice = ProgramHealth.advice(rounds(80, 82, 81, 60, 55, 50), 110);

    assertThat(advice).singleElement().asString().contains("81% to 55%").contains("splitting")
        .contains("slower cadence").contains("NPR");
  }

  @Test
  void steadyRatesOrRoundsUnderKBringNoAdvice() {
    assertThat(ProgramHealth.advice(rounds(80, 82, 81, 79, 80, 78), 110)).isEmpty();
    List<ProgramHealth.Round> hidden = new ArrayList<>(rounds(80, 82, 81));
    for (int i = 0; i < 3; i++) {
      hidden.add(new ProgramHealth.Round("h" + i, Instant.EPOCH, Rate.of(0, K - 1, K), Rate.none(K), Rate.none(K)));
    }
    assertThat(ProgramHealth.advice(hidden, 110)).isEmpty();
  }
}
