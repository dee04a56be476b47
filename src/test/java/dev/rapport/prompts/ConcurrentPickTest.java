package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentPickTest extends PromptTestSupport {

  @Autowired
  PromptPicker picker;

  @Test
  void picksMadeAtTheSameTimeForOneChannelNeverGetTheSamePrompt() throws Exception {
    int all = library.available(TEAM, Strategy.LISTENING).size();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> picks = new ArrayList<>();
      for (int i = 0; i < all; i++) {
        picks.add(() -> picker.next(TEAM, "C130", Strategy.LISTENING, null).orElseThrow().id());
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(picks)) {
        ids.add(f.get());
      }

      assertThat(ids).doesNotHaveDuplicates().hasSize(all);
    } finally {
      pool.shutdownNow();
    }
  }
}
