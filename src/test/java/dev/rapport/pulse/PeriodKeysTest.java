package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.store.Aead;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodKeysTest {

  private final PeriodKeys keys = PeriodKeys.fresh("T1", "C1", "20250106T0900Z");

  @Test
  void everySealedAnswerHasTheSameSizeWhateverItsCommentSays() {
    List<String> comments = java.util.Arrays.asList(null, "ok", "x".repeat(AnswerModal.MAX_COMMENT),
        "🙂".repeat(AnswerModal.MAX_COMMENT / 2), "€".repeat(AnswerModal.MAX_COMMENT));

    assertThat(comments.stream().map(c -> keys.seal(answer(3, c)).length()).distinct()).hasSize(1);
    assertThat(keys.seal(answer(3, "same")).length()).isEqualTo(keys.seal(answer(5, null)).length());
  }

  @Test
  void aSealedAnswerOpensToTheSameScoresAndCommentAndEachSealIsFresh() {
    AnswerModal.Answer answer = new AnswerModal.Answer(Map.of(Question.TRUST, 1, Question.UNDERSTANDING, 2,
        Question.COMMUNICATION, 4, Question.BELONGING, 5), "longest line\nwith ünïcode 🙂");

    assertThat(keys.open(keys.seal(answer))).isEqualTo(answer);
    assertThat(keys.open(keys.seal(answer(3, null))).comment()).isNull();
    assertThat(keys.seal(answer)).as("random nonce").isNotEqualTo(keys.seal(answer));
  }

  @Test
  void anAnswerSealedForAnotherPeriodOrKeyDoesNotOpen() {
    String sealed = keys.seal(answer(4, "moved"));
    PeriodKeys samePeriodOtherChannel = PeriodKeys.of(keys.material(), "T1", "C2", "20250106T0900Z");

    assertThatThrownBy(() -> samePeriodOtherChannel.open(sealed)).isInstanceOf(Aead.SealBrokenException.class);
    assertThatThrownBy(() -> PeriodKeys.fresh("T1", "C1", "20250106T0900Z").open(sealed))
        .isInstanceOf(Aead.SealBrokenException.class);
  }

  @Test
  void invitedVoterAndDeliveryHashesOfOnePersonNeverMatchAndDifferPerPeriod() {
    PeriodKeys next = PeriodKeys.fresh("T1", "C1", "20250113T0900Z");

    assertThat(List.of(keys.invited("U1"), keys.voter("U1"), keys.delivery("invite", "U1"),
        keys.delivery("remind", "U1"), next.voter("U1"))).doesNotHaveDuplicates()
        .allMatch(h -> h.matches("[0-9a-f]{64}"));
    assertThat(keys.voter("U1")).isEqualTo(PeriodKeys.of(keys.material(), "T1", "C1", "x").voter("U1"));
    assertThat(keys.toString()).doesNotContain(java.util.HexFormat.of().formatHex(keys.material()));
  }

  private static AnswerModal.Answer answer(int score, String comment) {
    Map<Question, Integer> scores = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      scores.put(q, score);
    }
    return new AnswerModal.Answer(scores, comment);
  }
}
