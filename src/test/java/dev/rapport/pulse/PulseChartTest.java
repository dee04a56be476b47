package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.SlackSamples;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The trend chart names its team and keeps lines that lie on top of each other visible. */
class PulseChartTest extends PulseAppTest {

  private static final String NAME = "team-rocket";

  @Test
  void theChartNamesItsChannelAndShowsAllFourQuestionsWhenTheirMeansAreEqual() throws Exception {
    slack.on("conversations.info", call -> {
      ObjectNode info = SlackSamples.apiResponse("conversations.info");
      info.put("ok", true);
      ((ObjectNode) info.get("channel")).put("id", call.param("channel")).put("name", NAME).put("is_member", true);
      return info;
    });
    List<String> people = team(5);
    start();
    for (int i = 0; i < 3; i++) {
      String period = nextPeriod();
      people.forEach(user -> answer(user, period, 4, 4, 4, 4, null));
    }
    close();

    requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "chart");
    FakeApi.File file = awaitFile();

    assertThat(file.filename()).isEqualTo("pulse-" + NAME + ".png");
    assertThat(file.title()).contains("#" + NAME);
    assertThat(slack.calls("files.completeUploadExternal").get(0).param("initial_comment")).contains("last 3 periods");
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(file.bytes()));
    int[] hues = hues(chart, (int) (chart.getHeight() * 0.85));
    assertThat(Arrays.stream(hues).filter(pixels -> pixels >= 100).count())
        .as("four distinct colours show in the plot, above the legend: " + Arrays.toString(hues))
        .isGreaterThanOrEqualTo(4);
  }

  /** Strongly coloured pixels above {@code maxY}, by hue in twelve bins of 30°. */
  private static int[] hues(BufferedImage image, int maxY) {
    int[] bins = new int[12];
    for (int y = 0; y < maxY; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        float[] hsb = Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
        if (hsb[1] > 0.5f && hsb[2] > 0.35f) {
          bins[Math.round(hsb[0] * 12) % 12]++;
        }
      }
    }
    return bins;
  }
}
