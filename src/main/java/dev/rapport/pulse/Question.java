package dev.rapport.pulse;


/**
 * The four questions, one per outcome of emotional connection. {@code code} names the question in stored
 * count fields ({@code t:4}) and modal block ids; it never changes, so old periods stay readable.
 */
enum Question {
  TRUST("t", "Trust", "I can be open and honest with this team, even about mistakes and doubts."),
  UNDERSTANDING("u", "Understanding", "People on this team understand how I feel about my work."),
  COMMUNICATION("c", "Communication", "We talk through disagreements openly and respectfully."),
  BELONGING("b", "Belonging", "I feel I belong on this team.");

  static final int MIN_SCORE = 1;
  static final int MAX_SCORE = 5;

  final String code;
  final String label;
  final String wording;

  Question(String code, String label, String wording) {
    this.code = code;
    this.label = label;
    this.wording = wording;
  }

  /** The count field for {@code score}, e.g. {@code t:4}. */
  String field(int score) {
    return code + ":" + score;
  }

  String blockId() {
    return "pulse_q_" + code;
  }
}
