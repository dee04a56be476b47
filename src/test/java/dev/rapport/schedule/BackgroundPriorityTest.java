package dev.rapport.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Background work runs at the lowest OS priority only when the JVM is started with both options. */
class BackgroundPriorityTest {

  @Test
  void thePolicyAloneLeavesBackgroundThreadsAtNiceFourSoItWarns() {
    assertThat(BackgroundPriority.honoured("1", "-1")).isFalse();
  }

  @Test
  void bothOptionsAsTheLaunchConfigurationsSetThemAreHonoured() {
    assertThat(BackgroundPriority.honoured("1", "19")).isTrue();
  }

  @Test
  void withoutThePolicyNoPriorityReachesTheOs() {
    assertThat(BackgroundPriority.honoured("0", "19")).isFalse();
  }
}
