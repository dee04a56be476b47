package dev.rapport.pairing;

import java.util.List;

/** How coffee pairing's messages name people and channels. */
final class Names {

  private Names() {}

  /** "<@A>, <@B> and <@C>"; forgotten members aren't named. */
  static String mentions(List<String> users) {
    List<String> named = Round.named(users).stream().map(u -> "<@" + u + ">").toList();
    return named.isEmpty() ? "someone who has since left" : listed(named);
  }

  /** "<#C1>" or "<#C1> and <#C2>". */
  static String channels(List<String> channels) {
    return listed(channels.stream().map(c -> "<#" + c + ">").toList());
  }

  /** "a", "a and b", "a, b and c". */
  static String listed(List<String> items) {
    return items.size() == 1 ? items.get(0)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
