package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.store.Keys;
import dev.rapport.testkit.AppTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProgramStoreTest extends AppTest {

  @Autowired
  ProgramStore programs;

  @Test
  void aRoundAndASettingsSaveRememberingOneChannelAtOnceBothSucceed() {
    List<String> members = IntStream.range(0, 2500).mapToObj(i -> "U" + i).toList();
    CyclicBarrier together = new CyclicBarrier(4);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      writers.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 20; i++) {
          await(together);
          programs.rememberMembers(TEAM, "C0BOTH", members);
        }
      }));
    }

    // Before: a shared temporary set was renamed away under another writer (ERR no such key).
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS)
        .join();
    String key = Keys.team(TEAM, "pairing", "C0BOTH", "members");
    assertThat(jedis.scard(key)).isEqualTo(2500);
    assertThat(jedis.ttl(key)).as("kept, not expiring like the temporary set").isEqualTo(-1);
    assertThat(jedis.keys(key + ":*")).as("no temporary set left behind").isEmpty();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS); // a writer that failed stops the rest
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
