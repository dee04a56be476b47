package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.User;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Slack statuses read as "away" (skipped this round) and which don't. */
class OutOfOfficeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ":palm_tree:|Vacationing|true",
      ":airplane:||true",
      ":face_with_thermometer:|Out sick|true",
      ":spiral_calendar_pad:|Out of office|true",
      ":spiral_calendar_pad:|In a meeting|false",
      ":coffee:|OOO till Monday|true",
      ":sunny:|On vacation in Lisbon|true",
      "|on parental leave|true",
      "|PTO|true",
      ":wave:|Back from vacation!|false",
      ":tada:|Holiday party prep|false",
      ":house:|Working remotely|false",
      "|Zoom|false"})
  void readsAwayStatusesByEmojiOrWholeWords(String emoji, String text, boolean away) {
    User.Profile profile = new User.Profile();
    profile.setStatusEmoji(emoji);
    profile.setStatusText(text);

    assertThat(OutOfOffice.says(profile)).isEqualTo(away);
  }
}
