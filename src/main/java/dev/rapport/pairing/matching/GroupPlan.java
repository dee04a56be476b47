package dev.rapport.pairing.matching;

import java.util.Arrays;

/**
 * How many groups of which sizes. Normally groups of size and size+1, the remainder absorbed by
 * making some groups one bigger (size 3, n = 7: 4 + 3). A pool of at most size+1 is one group.
 * The few pools that cannot be split that way (size 3: n = 5; size 4: n = 6, 7, 11) get one more
 * group with sizes as even as possible, never below 2.
 */
final class GroupPlan {

  private final int[] sizes; // descending

  private GroupPlan(int[] sizes) {
    this.sizes = sizes;
  }

  static GroupPlan of(int n, int size) {
    if (n < 2) {
      return new GroupPlan(new int[0]);
    }
    if (n <= size + 1) {
      return new GroupPlan(new int[] {n});
    }
    int groups = n / size;
    int remainder = n % size;
    if (remainder > groups) {
      groups++;
    }
    int base = n / groups;
    int bigger = n % groups;
    int[] sizes = new int[groups];
    Arrays.fill(sizes, base);
    Arrays.fill(sizes, 0, bigger, base + 1);
    return new GroupPlan(sizes);
  }

  int[] sizes() {
    return sizes.clone();
  }

  int groups() {
    return sizes.length;
  }

  int largest() {
    return sizes.length == 0 ? 0 : sizes[0];
  }
}
