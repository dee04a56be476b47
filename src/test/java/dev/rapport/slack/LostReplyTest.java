package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.SlackRequests;
import dev.rapport.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The replay check's reply is lost with its connection after Redis ran it (a network blip, a proxy restart):
 * the client runs the check once more on a fresh connection, and the request must still be let in, not
 * refused as a replay of itself. The app talks to Redis through a proxy that drops one such reply.
 */
@DirtiesContext
class LostReplyTest extends AppTest {

  private static TestRedis own;
  private static ReplyLosingProxy proxy;

  @DynamicPropertySource
  static void redisBehindAProxy(DynamicPropertyRegistry registry) throws IOException {
    own = TestRedis.startNew();
    proxy = new ReplyLosingProxy(own.port());
    registry.add("rapport.redis.url", () -> "redis://127.0.0.1:" + proxy.port());
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    own.stop();
  }

  @Test
  void aCommandWhoseReplayCheckReplyWasLostIsAnsweredNotRefused() {
    proxy.loseTheReplyTo("{requests}:seen:");

    SlackRequests.Answer answer = requests.command(TEAM, "U001", "C001", "/pulse", "help");

    assertThat(proxy.lost()).as("a reply was lost").isEqualTo(1);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text()).contains("*/pulse*");
  }

  @Test
  void aReplayWhoseRecordCannotBeReadBackIsRefusedNotLetIn() {
    SlackRequests.Body body = requests.commandBody(TEAM, "U001", "C001", "/pulse", "help");
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());
    assertThat(requests.send("POST", "/slack/events", body, signed).status()).isEqualTo(200);
    // The replay's SET finds the record; reading whose it is fails, and so does the client's retry.
    proxy.loseTheRepliesTo("$3\r\nGET\r\n", 2);

    assertThat(requests.send("POST", "/slack/events", body, signed).status()).isEqualTo(409);
    assertThat(proxy.lost()).isEqualTo(2);
  }

  @Test
  void anEventWhoseCheckReplyWasLostIsHandledOnceAndItsBytesStillCannotBePlayedAgain() {
    // One event first, so Redis knows the check's script and the lost reply is the script's own answer.
    assertThat(requests.post(homeOpened()).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 1);
    SlackRequests.Body body = homeOpened();
    Map<String, String> signed = requests.signed(String.valueOf(clock.instant().getEpochSecond()), body.text());
    proxy.loseTheReplyTo(":events:seen:");

    assertThat(requests.send("POST", "/slack/events", body, signed).status()).isEqualTo(200);

    assertThat(proxy.lost()).as("a reply was lost").isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> slack.calls("views.publish").size() == 2);
    assertThat(requests.send("POST", "/slack/events", body, signed).status()).as("the same bytes again")
        .isEqualTo(409);
  }

  private SlackRequests.Body homeOpened() {
    return requests.eventBody(TEAM, SlackRequests.newEventId(), "AppHomeOpenedPayload", Map.of("type",
        "app_home_opened", "user", "U001", "tab", "home", "channel", "D001", "event_ts", "1700000000.000100"));
  }

  /**
   * Forwards connections to Redis; once told, it lets the next command that contains a marker reach Redis
   * and then closes that client's connection instead of passing the reply back.
   */
  static final class ReplyLosingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final AtomicReference<String> marker = new AtomicReference<>();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();

    ReplyLosingProxy(int target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      daemon(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    void loseTheReplyTo(String text) {
      loseTheRepliesTo(text, 1);
    }

    /** The next {@code times} commands containing {@code text} each lose their reply (a retry too). */
    void loseTheRepliesTo(String text, int times) {
      lost.set(0);
      remaining.set(times);
      marker.set(text);
    }

    int lost() {
      return lost.get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          Socket redis = new Socket(InetAddress.getLoopbackAddress(), target);
          AtomicBoolean doomed = new AtomicBoolean();
          daemon(() -> pump(client, redis, doomed, true));
          daemon(() -> pump(redis, client, doomed, false));
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void pump(Socket from, Socket to, AtomicBoolean doomed, boolean toRedis) {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          if (toRedis) {
            String wanted = marker.get();
            if (wanted != null && new String(buffer, 0, n, StandardCharsets.ISO_8859_1).contains(wanted)
                && remaining.getAndDecrement() > 0) {
              marker.compareAndSet(wanted, remaining.get() > 0 ? wanted : null);
              doomed.set(true);
            }
          } else if (doomed.get()) {
            lost.incrementAndGet(); // Redis ran it and answered; the client never hears
            from.close();
            to.close();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException closed) {
        // either side went away: so does the other
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }

    private static void daemon(Runnable task) {
      Thread thread = new Thread(task, "reply-losing-proxy");
      thread.setDaemon(true);
      thread.start();
    }

    private static void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
