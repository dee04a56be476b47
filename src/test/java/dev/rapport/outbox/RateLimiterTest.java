package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RateLimiterTest extends AppTest {

  @Autowired
  RateLimiter limits;

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aBudgetAllowsItsBurstThenOneCallPerInterval() {
    RateLimiter.Budget open = limits.method(TEAM, "conversations.open");
    assertThat(open.perMinute()).isEqualTo(50);

    for (int i = 0; i < open.burst(); i++) {
      assertThat(limits.acquire(T0, open)).as("call %d of the burst", i + 1).isZero();
    }
    Duration wait = limits.acquire(T0, open);
    assertThat(wait).isEqualTo(Duration.ofMillis(open.intervalMillis()));
    assertThat(limits.acquire(T0.plus(wait), open)).isZero();
    assertThat(limits.acquire(T0.plus(wait), open)).isPositive();
  }

  @Test
  void overAMinuteNoMoreThanTheBudgetPlusTheBurstGetsThrough() {
    RateLimiter.Budget open = limits.method(TEAM, "conversations.open");
    int granted = 0;
    for (long ms = 0; ms < 60_000; ms += 100) {
      while (limits.acquire(T0.plusMillis(ms), open).isZero()) {
        granted++;
      }
    }
    assertThat(granted).isBetween(50, 50 + open.burst());
  }

  @Test
  void aCallTakesFromEveryBudgetOrFromNone() {
    RateLimiter.Budget workspace = limits.method(TEAM, "chat.postMessage");
    RateLimiter.Budget channel = limits.channel(TEAM, "C1");

    assertThat(limits.acquire(T0, workspace, channel)).isZero();
    assertThat(limits.acquire(T0, workspace, channel)).as("the channel allows 1/s").isEqualTo(Duration.ofSeconds(1));
    assertThat(limits.acquire(T0, workspace, limits.channel(TEAM, "C2"))).as("another channel").isZero();
  }

  @Test
  void slacksRetryAfterHoldsTheBudgetBack() {
    RateLimiter.Budget open = limits.method(TEAM, "conversations.open");

    limits.backOff(open, T0, Duration.ofSeconds(30));

    assertThat(limits.acquire(T0.plusSeconds(29), open)).isPositive();
    assertThat(limits.acquire(T0.plusSeconds(30), open)).isZero();
  }

  @Test
  void workspacesHaveSeparateBudgets() {
    RateLimiter.Budget mine = limits.method(TEAM, "conversations.open");
    for (int i = 0; i < mine.burst(); i++) {
      limits.acquire(T0, mine);
    }
    assertThat(limits.acquire(T0, mine)).isPositive();
    assertThat(limits.acquire(T0, limits.method("T0OTHER", "conversations.open"))).isZero();
  }

  @Test
  void aBatchIsPacedExactlyAsItsBudgetsWouldLetItThrough() {
    List<Delivery> intros = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      intros.add(Delivery.dm(TEAM, List.of("U" + i, "V" + i), "intro-" + i, "hi", null));
    }
    RateLimiter.Budget open = limits.method(TEAM, "conversations.open");
    RateLimiter.Budget post = limits.method(TEAM, "chat.postMessage");

    long[] at = limits.plan(T0).next(intros);

    assertThat(Arrays.stream(at).limit(open.burst())).as("the burst goes at once").containsOnly(T0.toEpochMilli());
    for (int i = open.burst(); i < at.length; i++) {
      assertThat(at[i] - at[i - 1]).as("then one per conversations.open interval").isEqualTo(open.intervalMillis());
    }
    for (long ms : at) {
      assertThat(limits.acquire(Instant.ofEpochMilli(ms), open, post)).as("the limiter agrees at %d", ms).isZero();
    }
  }

  @Test
  void postsArePacedByTheirOwnCheaperBudget() {
    List<Delivery> posts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      posts.add(Delivery.post(TEAM, "U" + i, "invite-" + i, "hi", null));
    }
    RateLimiter.Budget post = limits.method(TEAM, "chat.postMessage");

    long[] at = limits.plan(T0).next(posts);

    assertThat(at[post.burst() - 1]).isEqualTo(T0.toEpochMilli());
    assertThat(at[39] - T0.toEpochMilli()).isEqualTo((40 - post.burst()) * post.intervalMillis());
  }

  @Test
  void aBatchHandedOverInPartsIsPacedAsOne() {
    List<Delivery> intros = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      intros.add(Delivery.dm(TEAM, List.of("U" + i, "V" + i), "intro-" + i, "hi", null));
    }
    RateLimiter.Plan plan = limits.plan(T0);

    long[] first = plan.next(intros.subList(0, 7));
    long[] rest = plan.next(intros.subList(7, 30));

    long[] joined = new long[30];
    System.arraycopy(first, 0, joined, 0, 7);
    System.arraycopy(rest, 0, joined, 7, 23);
    assertThat(joined).containsExactly(limits.plan(T0).next(intros));
  }
}
