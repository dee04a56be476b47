package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.rapport.testkit.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Slack's retries of an event: handled once when it went well, handled again when it failed on our side. */
class EventDedupeTest {

  private static TestRedis server;
  private static JedisPooled redis;

  private final EventDedupe dedupe = new EventDedupe(redis, new SimpleMeterRegistry());
  private final AtomicInteger handled = new AtomicInteger();

  @BeforeAll
  static void startRedis() {
    server = TestRedis.startNew();
    redis = server.client();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
    server.stop();
  }

  @Test
  void aRetryOfAnEventHandledWellIsAcknowledgedAndNotHandledAgain() throws Exception {
    EventRequest delivery = delivery("Ev0WELL");

    assertThat(dedupe.apply(delivery, Response.ok(), req -> answer(200)).getStatusCode()).isEqualTo(200);
    assertThat(dedupe.apply(delivery("Ev0WELL"), Response.ok(), req -> answer(200)).getStatusCode()).isEqualTo(200);

    assertThat(handled).hasValue(1);
  }

  @Test
  void aRetryOfAnEventWhoseHandlingThrewIsHandled() throws Exception {
    assertThatThrownBy(() -> dedupe.apply(delivery("Ev0THREW"), Response.ok(), req -> {
      handled.incrementAndGet();
      throw new IllegalStateException("storage hiccup");
    })).isInstanceOf(IllegalStateException.class);

    dedupe.apply(delivery("Ev0THREW"), Response.ok(), req -> answer(200));
    dedupe.apply(delivery("Ev0THREW"), Response.ok(), req -> answer(200));

    assertThat(handled).as("failed, handled on the retry, then acknowledged").hasValue(2);
  }

  @Test
  void aRetryOfAnEventAnswered5xxIsHandled() throws Exception {
    assertThat(dedupe.apply(delivery("Ev0FIVE"), Response.ok(), req -> answer(503)).getStatusCode()).isEqualTo(503);
    dedupe.apply(delivery("Ev0FIVE"), Response.ok(), req -> answer(200));

    assertThat(handled).hasValue(2);
  }

  private Response answer(int status) {
    handled.incrementAndGet();
    return Response.builder().statusCode(status).build();
  }

  private static EventRequest delivery(String eventId) {
    String json = "{\"type\":\"event_callback\",\"team_id\":\"T0DEDUPE\",\"event_id\":\"" + eventId + "\","
        + "\"authorizations\":[{\"team_id\":\"T0DEDUPE\",\"is_bot\":true}],"
        + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U001\",\"tab\":\"home\"}}";
    return new EventRequest(json, new RequestHeaders(Map.of()));
  }
}
