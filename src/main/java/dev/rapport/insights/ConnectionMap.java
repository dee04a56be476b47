package dev.rapport.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cross-team connection map of one quarter: for each pair of departments A and B, how many people of A met
 * someone of B through coffee pairing (both said they met), with the change from the quarter before.
 *
 * <p>The k rule: a department with fewer than k people taking part that quarter is folded into
 * {@link #OTHER}; a cell shows its count only from k people, or 0 when both departments have at least k
 * people (then "nobody of A met anyone of B" describes all of them); anything else reads "fewer than k". A
 * change shows only between two shown counts. Silos are pairs of departments, each with at least k people,
 * where nobody met anybody of the other either way.
 */
public record ConnectionMap(Quarter quarter, int k, List<Department> departments, List<Cell> cells,
                            List<Silo> silos) {

  public static final String OTHER = "Other departments (each fewer than k people)";

  /** A row or column, with its people taking part that quarter ({@code -1}: fewer than k). */
  public record Department(String name, long people) {

    public boolean shown() {
      return people >= 0;
    }
  }

  /**
   * How many people of {@code from} met someone of {@code to}: {@code count} is -1 when hidden; {@code change}
   * is null unless this quarter's and the last one's counts are both shown.
   */
  public record Cell(String from, String to, long count, Long change) {

    public boolean shown() {
      return count >= 0;
    }
  }

  public record Silo(String a, String b) {}

  /** One quarter's meetings: who is in which department, and whom each person met. */
  record Meetings(Map<String, String> departments, Map<String, Set<String>> met) {

    static Meetings empty() {
      return new Meetings(new HashMap<>(), new HashMap<>());
    }

    /** Someone taking part, in {@code department} (the latest known wins). */
    void placed(String user, String department) {
      departments.put(user, department);
    }

    void metEachOther(String a, String b) {
      met.computeIfAbsent(a, x -> new HashSet<>()).add(b);
      met.computeIfAbsent(b, x -> new HashSet<>()).add(a);
    }
  }

  /** How a department is named to people: the folded ones say how small each was, with k as a number. */
  public String label(String department) {
    return OTHER.equals(department) ? "Other departments (each fewer than " + k + " people)" : department;
  }

  public boolean isEmpty() {
    return departments.isEmpty();
  }

  public Optional<Cell> cell(String from, String to) {
    return cells.stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst();
  }

  /** The one rule, applied to this quarter's meetings and the previous one's. */
  static ConnectionMap of(Quarter quarter, Meetings now, Meetings before, int k) {
    Counted current = Counted.of(now, k);
    Counted previous = Counted.of(before, k);
    List<Department> departments = current.sizes.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().equals(OTHER))
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
        .map(e -> new Department(e.getKey(), KRule.shows(e.getValue(), k) ? e.getValue() : -1)).toList();
    List<Cell> cells = new ArrayList<>();
    List<Silo> silos = new ArrayList<>();
    for (Department a : departments) {
      for (Department b : departments) {
        long count = current.shown(a.name(), b.name());
        long last = previous.shown(a.name(), b.name());
        cells.add(new Cell(a.name(), b.name(), count, count >= 0 && last >= 0 ? count - last : null));
        boolean large = !a.name().equals(OTHER) && !b.name().equals(OTHER) && a.shown() && b.shown();
        if (large && a.name().compareTo(b.name()) < 0 && count == 0 && current.shown(b.name(), a.name()) == 0) {
          silos.add(new Silo(a.name(), b.name()));
        }
      }
    }
    return new ConnectionMap(quarter, k, departments, cells, silos);
  }

  /** Raw counts of one quarter, with the fold into {@link #OTHER} done. */
  private record Counted(Map<String, Long> sizes, Map<String, Long> counts, int k) {

    static Counted of(Meetings meetings, int k) {
      Map<String, Long> raw = new HashMap<>();
      meetings.departments().values().forEach(d -> raw.merge(d, 1L, Long::sum));
      Map<String, String> bucketOf = new HashMap<>();
      Map<String, Long> sizes = new HashMap<>();
      meetings.departments().forEach((user, d) -> {
        String bucket = raw.get(d) >= k ? d : OTHER;
        bucketOf.put(user, bucket);
        sizes.merge(bucket, 1L, Long::sum);
      });
      Map<String, Long> counts = new HashMap<>();
      bucketOf.forEach((user, from) -> {
        Set<String> reached = new HashSet<>();
        for (String other : meetings.met().getOrDefault(user, Set.of())) {
          String to = bucketOf.get(other);
          if (to != null) {
            reached.add(to);
          }
        }
        reached.forEach(to -> counts.merge(from + "\n" + to, 1L, Long::sum));
      });
      return new Counted(sizes, counts, k);
    }

    /** The cell as it may be shown, or -1. */
    long shown(String from, String to) {
      if (!sizes.containsKey(from) || !sizes.containsKey(to)) {
        return -1;
      }
      long count = counts.getOrDefault(from + "\n" + to, 0L);
      if (count >= k) {
        return count;
      }
      return count == 0 && sizes.get(from) >= k && sizes.get(to) >= k ? 0 : -1;
    }
  }
}
