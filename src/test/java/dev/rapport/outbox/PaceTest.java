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

    // Four times the work: a big job uses at most a fifth of a core.
    assertThat(rests).containsExactly(120_000_000L, 20_000_000L);
  }

  @Test
  void restsAMomentEvenAfterATinyChunk() {
    now += 100_000;
    pace.breathe();

    assertThat(rests).containsExactly(1_000_000L);
  }

  @Test
  void theRestItselfDoesNotCountAsWork() {
    now += 10_000_000;
    pace.breathe();
    pace.breathe();

    assertThat(rests).containsExactly(40_000_000L, 1_000_000L);
  }
}
