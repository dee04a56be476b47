package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

  private long now;
  private final List<Long> rests = new ArrayList<>();
  private final Pace pace = new Pace(() -> now, nanos -> {
    rests.add(nanos);
    now += nanos;
  });

  @Test
  void restsInProportionToTheWorkOfEachChunk() {
    now += 30_000_000;
    pace.breathe();
    now += 5_000_000;
    pace.breathe();

    assertThat(rests).containsExactly(30_000_000L * Pace.REST_PER_WORK, 5_000_000L * Pace.REST_PER_WORK);
    assertThat(Pace.REST_PER_WORK).as("a job may use at most a third of a core").isGreaterThanOrEqualTo(2);
  }

  @Test
  void restsAMomentEvenAfterATinyChunk() {
    now += 100_000;
    pace.breathe();

    assertThat(rests).containsExactly(Pace.MIN_REST_NANOS);
  }

  @Test
  void theRestItselfDoesNotCountAsWork() {
    now += 10_000_000;
    pace.breathe();
    pace.breathe();

    assertThat(rests).containsExactly(10_000_000L * Pace.REST_PER_WORK, Pace.MIN_REST_NANOS);
  }
}
