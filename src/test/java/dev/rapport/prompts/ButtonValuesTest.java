package dev.rapport.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.slack.UserError;
import org.junit.jupiter.api.Test;

/** Review and list buttons already sent carry these values: they still parse. */
class ButtonValuesTest {

  @Test
  void aReviewButtonAlreadySentStillNamesItsSuggestionAndStrategy() {
    assertThat(ReviewMessage.Choice.parse("s42|listening"))
        .isEqualTo(new ReviewMessage.Choice("s42", Strategy.LISTENING));
    assertThat(ReviewMessage.Choice.parse("s42")).as("Reject").isEqualTo(new ReviewMessage.Choice("s42", null));
    assertThat(new ReviewMessage.Choice("s42", Strategy.LISTENING).encode()).isEqualTo("s42|listening");
    assertThat(new ReviewMessage.Choice("s42", null).encode()).isEqualTo("s42");
    assertThatThrownBy(() -> ReviewMessage.Choice.parse("s42|gossip")).isInstanceOf(UserError.class);
  }

  @Test
  void aListPageButtonAlreadySentStillNamesItsPage() {
    assertThat(ListPage.Position.parse("all|3")).isEqualTo(new ListPage.Position(null, 3));
    assertThat(ListPage.Position.parse("listening|2")).isEqualTo(new ListPage.Position(Strategy.LISTENING, 2));
    assertThat(ListPage.Position.parse("all|x")).as("a bad page is the first").isEqualTo(new ListPage.Position(null,
        1));
    assertThat(new ListPage.Position(null, 3).encode()).isEqualTo("all|3");
    assertThat(new ListPage.Position(Strategy.LISTENING, 2).encode()).isEqualTo("listening|2");
  }
}
