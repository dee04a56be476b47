package dev.rapport.pairing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupPlanTest {

  @ParameterizedTest(name = "n = {0}, size {1} -> [{2}]")
  @CsvSource({
      "0, 2, ''", "1, 3, ''",
      "2, 2, 2", "3, 2, 3", "5, 2, 3 2", "7, 2, 3 2 2", "10, 2, 2 2 2 2 2",
      "2, 3, 2", "4, 3, 4", "5, 3, 3 2", "7, 3, 4 3", "8, 3, 4 4", "9, 3, 3 3 3",
      "11, 3, 4 4 3",
      "3, 4, 3", "5, 4, 5", "6, 4, 3 3", "7, 4, 4 3", "9, 4, 5 4", "10, 4, 5 5",
      "11, 4, 4 4 3", "12, 4, 4 4 4", "13, 4, 5 4 4"})
  void splitsThePoolAsDocumented(int n, int size, String expected) {
    int[] sizes = expected.isBlank() ? new int[0]
        : Arrays.stream(expected.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertThat(GroupPlan.of(n, size).sizes()).containsExactly(sizes);
  }

  @Test
  void everyPlanCoversThePoolWithGroupsOfTwoOrMoreThatDifferByAtMostOne() {
    for (int size = 2; size <= 4; size++) {
      for (int n = 2; n <= 500; n++) {
        int[] sizes = GroupPlan.of(n, size).sizes();
        int min = Arrays.stream(sizes).min().getAsInt();
        int max = Arrays.stream(sizes).max().getAsInt();
        assertThat(Arrays.stream(sizes).sum()).isEqualTo(n);
        assertThat(min).isGreaterThanOrEqualTo(2);
        assertThat(max - min).isLessThanOrEqualTo(1);
        if (n >= size * (size - 1)) { // every such n is a sum of size and size+1
          assertThat(min).as("n = %d, size %d", n, size).isGreaterThanOrEqualTo(size);
          assertThat(max).isLessThanOrEqualTo(size + 1);
          assertThat(sizes).hasSize(n / size);
        }
      }
    }
  }
}
