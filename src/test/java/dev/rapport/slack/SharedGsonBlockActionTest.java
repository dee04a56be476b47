package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.util.json.GsonFactory;
import dev.rapport.testkit.SlackSamples;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A click parsed with the shared Gson is the click Bolt's own request would have made of the same body. */
class SharedGsonBlockActionTest {

  private static final RequestHeaders HEADERS = new RequestHeaders(Map.of());

  @Test
  void slacksSampleClickGivesBoltsPayloadAndContext() {
    SharedGsonBlockAction click = assertSameAsBolt(sample(p -> { }));

    assertThat(context(click.getContext())).as("the sample fills every field").doesNotContainNull();
    assertThat(click.getPayload().getActions()).isNotEmpty();
  }

  @Test
  void aClickWithoutTeamOrTriggerTakesTheUsersTeamAndTheInteractivityPointer() {
    assertSameAsBolt(sample(p -> {
      p.remove("team");
      p.remove("enterprise");
      p.remove("trigger_id");
    }));
  }

  @Test
  void aClickWithoutEnterpriseTakesTheTeamsEnterprise() {
    assertSameAsBolt(sample(p -> {
      p.remove("enterprise");
      p.with("team").put("enterprise_id", "E0FROMTEAM");
    }));
  }

  @Test
  void otherPayloadsAndCommandsAreLeftToBolt() {
    ObjectNode submission = SlackSamples.appBackend("views/ViewSubmissionPayload.json");
    assertThat(SharedGsonBlockAction.parse(form(submission.toString()), HEADERS)).isNull();
    assertThat(SharedGsonBlockAction.parse("token=x&team_id=T1&command=%2Fcoffee&text=status", HEADERS)).isNull();
    assertThat(SharedGsonBlockAction.parse(form("[1,2]"), HEADERS)).isNull();
  }

  private static SharedGsonBlockAction assertSameAsBolt(String json) {
    String body = form(json);
    BlockActionRequest bolt = new BlockActionRequest(body, json, HEADERS);

    SharedGsonBlockAction shared = SharedGsonBlockAction.parse(body, HEADERS);

    assertThat(shared).isNotNull();
    var gson = GsonFactory.createSnakeCase();
    assertThat(gson.toJson(shared.getPayload())).isEqualTo(gson.toJson(bolt.getPayload()));
    assertThat(shared.getRequestBodyAsString()).isEqualTo(bolt.getRequestBodyAsString());
    assertThat(shared.getResponseUrl()).isEqualTo(bolt.getResponseUrl());
    assertThat(context(shared.getContext())).isEqualTo(context(bolt.getContext()));
    return shared;
  }

  private static List<String> context(ActionContext c) {
    return Arrays.asList(c.getTeamId(), c.getEnterpriseId(), c.getRequestUserId(), c.getResponseUrl(),
        c.getTriggerId(), c.getFunctionBotAccessToken(), c.getFunctionExecutionId());
  }

  private static String sample(Consumer<ObjectNode> change) {
    ObjectNode payload = SlackSamples.appBackend("interactive-components/BlockActionPayload.json");
    payload.put("type", "block_actions");
    change.accept(payload);
    return payload.toString();
  }

  private static String form(String json) {
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }
}
