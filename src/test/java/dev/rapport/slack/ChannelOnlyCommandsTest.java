package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Commands that act on a channel's program, prompts or pulse go through one check
 * ({@link CommandCall#requireChannel}): typed in a direct message they say, in their feature's words, where to
 * run what was typed, and change nothing.
 */
class ChannelOnlyCommandsTest extends AppTest {

  static final String DM = "D0DIRECT";
  static final String ADMIN = "U001";

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /coffee|start every week on mon at 10:00|Run `/coffee start` in the channel whose members should be paired.
      /coffee|settings|Run `/coffee settings` in the channel whose members should be paired.
      /coffee|stop|Run `/coffee stop` in the channel whose members should be paired.
      /coffee|now|Run `/coffee now` in the channel whose members should be paired.
      /empathy|start every day at 09:00|:point_right: Run `/empathy start` in the channel where the prompts are posted
      /empathy|stop|:point_right: Run `/empathy stop` in the channel where the prompts are posted
      /pulse|start every week on mon at 09:00|A pulse belongs to a channel: run `/pulse start` in the team's channel.
      /pulse|report|A pulse belongs to a channel: run `/pulse report` in the team's channel.
      /pulse|''|A pulse belongs to a channel: run `/pulse` in the team's channel.
      """)
  void aChannelCommandTypedInADirectMessageSaysWhereToRunItAndChangesNothing(String command, String text,
                                                                              String expected) {
    slack.workspace(TEAM).user(ADMIN).admin();

    SlackRequests.Answer answer = requests.command(TEAM, ADMIN, DM, command, text);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains(expected);
    assertThat(jedis.keys("rapport:{schedule}*")).as("nothing scheduled").isEmpty();
  }
}
