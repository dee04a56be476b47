package dev.rapport.pairing.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Mutable groups of int ids with their cached costs; the state local search works on. */
final class Arrangement {

  final int[][] members;
  final int[] size;
  final int[] groupOf;
  final long[] cost;
  /** Stamp of the last change per group, for local search to skip groups nothing touched. */
  final int[] changedAt;
  int stamp;
  private final GroupCost costs;

  Arrangement(int[][] groups, int poolSize, int capacity, GroupCost costs) {
    this.costs = costs;
    this.members = new int[groups.length][];
    this.size = new int[groups.length];
    this.groupOf = new int[poolSize];
    this.cost = new long[groups.length];
    this.changedAt = new int[groups.length];
    for (int g = 0; g < groups.length; g++) {
      members[g] = Arrays.copyOf(groups[g], capacity);
      size[g] = groups[g].length;
      for (int u : groups[g]) {
        groupOf[u] = g;
      }
      cost[g] = costs.of(members[g], size[g]);
    }
  }

  int groups() {
    return members.length;
  }

  GroupCost costs() {
    return costs;
  }

  /** Exchanges the member at slot i of group g with the one at slot j of group h. */
  void swap(int g, int i, int h, int j) {
    int u = members[g][i];
    int v = members[h][j];
    members[g][i] = v;
    members[h][j] = u;
    groupOf[v] = g;
    groupOf[u] = h;
    changedAt[g] = stamp;
    changedAt[h] = stamp;
    cost[g] = costs.of(members[g], size[g]);
    cost[h] = costs.of(members[h], size[h]);
  }

  /** Moves the member at slot i of group g into group h. */
  void move(int g, int i, int h) {
    int u = members[g][i];
    members[g][i] = members[g][--size[g]];
    members[h][size[h]++] = u;
    groupOf[u] = h;
    changedAt[g] = stamp;
    changedAt[h] = stamp;
    cost[g] = costs.of(members[g], size[g]);
    cost[h] = costs.of(members[h], size[h]);
  }

  int[][] groupsCopy() {
    int[][] copy = new int[members.length][];
    for (int g = 0; g < members.length; g++) {
      copy[g] = java.util.Arrays.copyOf(members[g], size[g]);
    }
    return copy;
  }

  /** Summed top tiers (do-not-pair, deprived, zero overlap, repeats): novelty and meetability. */
  long[] noveltyTiers() {
    long[] tiers = new long[4];
    for (long c : cost) {
      tiers[0] += c / GroupCost.DO_NOT_PAIR;
      tiers[1] += c % GroupCost.DO_NOT_PAIR / GroupCost.DEPRIVED;
      tiers[2] += c % GroupCost.DEPRIVED / GroupCost.ZERO_OVERLAP;
      tiers[3] += c % GroupCost.ZERO_OVERLAP / GroupCost.REPEAT;
    }
    return tiers;
  }

  boolean breaksDoNotPair() {
    for (long c : cost) {
      if (c >= GroupCost.DO_NOT_PAIR) {
        return true;
      }
    }
    return false;
  }

  /** Members sharing a group with someone they must not be paired with, sorted by id. */
  List<String> doNotPairViolators(Pool pool) {
    TreeSet<String> ids = new TreeSet<>();
    for (int g = 0; g < members.length; g++) {
      for (int i = 0; i < size[g]; i++) {
        for (int j = i + 1; j < size[g]; j++) {
          if (pool.avoids(members[g][i], members[g][j])) {
            ids.add(pool.id(members[g][i]));
            ids.add(pool.id(members[g][j]));
          }
        }
      }
    }
    return new ArrayList<>(ids);
  }

  /** Groups with members sorted by id, groups sorted by their first id: stable output. */
  List<Group> toGroups(Pool pool) {
    List<Group> groups = new ArrayList<>(members.length);
    for (int g = 0; g < members.length; g++) {
      String[] ids = new String[size[g]];
      for (int i = 0; i < size[g]; i++) {
        ids[i] = pool.id(members[g][i]);
      }
      Arrays.sort(ids);
      groups.add(new Group(List.of(ids)));
    }
    groups.sort(Comparator.comparing(group -> group.members().get(0)));
    return groups;
  }
}
