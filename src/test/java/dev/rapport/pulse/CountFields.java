package dev.rapport.pulse;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a closed period's counts hash, in the one fixed order they are written (never the order answers
 * arrive).
 */
final class CountFields {

  private CountFields() {}

  static List<String> all() {
    List<String> fields = new ArrayList<>();
    for (Question q : Question.values()) {
      for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
        fields.add(q.field(score));
      }
    }
    return fields;
  }
}
