package dev.rapport.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import redis.clients.jedis.JedisPooled;

/**
 * Base of end-to-end tests: the whole app on a random port, a real Redis, the fake Slack Web API, and a
 * clock tests can move. Requests go through {@code /slack/events}, signed as Slack signs them. Every test
 * starts from an empty Redis and a fresh fake Slack.
 *
 * <p>Subclasses share one Spring context (test-only beans live in {@link TestBeans}); a subclass with other
 * settings gets a context of its own, which Spring caches too. Every context works in a Redis database of
 * its own ({@link TestRedis#newDatabase}), and each test empties its database before and after it, so a
 * cached context's scheduler and outbox workers, still running while other classes' tests do, never see
 * another context's data nor take its deliveries or occurrences: nobody needs to stop them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
    "rapport.schedule.poll-interval=100ms",
    "rapport.outbox.poll-interval=50ms",
    "rapport.outbox.base-backoff=50ms",
    "rapport.outbox.max-attempts=4",
    // Recovery checks are rare in production; tests make many, so give them more budget.
    "rapport.outbox.per-minute.conversations.history=600",
    // A closing pulse period updates every invitation (Tier 3 in Slack); tests close many periods quickly.
    "rapport.outbox.per-minute.chat.update=600"})
@Import(AppTest.TestBeans.class)
public abstract class AppTest {

  public static final String TEAM = "T0TEST";
  public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  /** SLACK_CLIENT_ID of the app under test: Sign in with Slack's audience. */
  public static final String DASHBOARD_CLIENT_ID = "333.444";
  /** RAPPORT_PULSE_SECRET of the app under test (the pulse refuses to run without one on a real Redis). */
  public static final String PULSE_SECRET = "5e1f0c7a9b3d4e2f8a6c1b0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";

  protected static final FakeSlack slack = Shared.SLACK;
  protected static final TestRedis redis = TestRedis.shared();

  @LocalServerPort
  protected int port;
  /** Health and metrics: a port of their own, never the Slack port. */
  @org.springframework.boot.test.web.server.LocalManagementPort
  protected int managementPort;
  @Autowired
  protected MutableClock clock;

  protected SlackRequests requests;
  protected JedisPooled jedis;

  /**
   * Registered under the environment variables' names, which application.yml reads: a subclass that
   * registers the {@code rapport.*} property itself (another Redis, no bot token) overrides them, since
   * Spring applies a superclass's dynamic properties after the subclass's.
   */
  @DynamicPropertySource
  static void slackAndRedis(DynamicPropertyRegistry registry) {
    // Called once for each context Spring builds: the context's own database.
    String database = redis.url(TestRedis.newDatabase());
    registry.add("SLACK_API_URL", slack::apiUrl);
    registry.add("SLACK_BOT_TOKEN", () -> FakeSlack.tokenFor(TEAM));
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("REDIS_URL", () -> database);
    registry.add("RAPPORT_PULSE_SECRET", () -> PULSE_SECRET);
    // Sign in with Slack (the dashboard) against the fake's OpenID Connect pages; with a bot token set these
    // serve sign-in only, so the app stays a single-workspace install.
    registry.add("SLACK_CLIENT_ID", () -> DASHBOARD_CLIENT_ID);
    registry.add("SLACK_CLIENT_SECRET", () -> "dashboard-client-secret");
    registry.add("rapport.dashboard.authorize-url", slack::authorizeUrl);
  }

  @Autowired
  private org.springframework.core.env.Environment environment;

  @BeforeEach
  void cleanSlate() {
    jedis = Shared.jedis(redisUrl());
    jedis.flushDB();
    slack.reset();
    clock.reset();
    requests = new SlackRequests(baseUrl(), SECRET, slack, clock);
  }

  /**
   * The Redis this test's app uses: its own database of the shared server, or the server a subclass set
   * ({@code rapport.redis.url}). A second app instance of the same deployment is started on it.
   */
  protected String redisUrl() {
    String own = environment.getProperty("rapport.redis.url");
    return own != null && !own.isBlank() ? own : environment.getProperty("REDIS_URL");
  }

  /**
   * Lets deliveries a test started finish, then empties the database: a worker that is still sending would
   * otherwise write its results (and listener side effects) into the next test's data, and leftovers would
   * keep this context's workers busy while other contexts' tests run.
   */
  @AfterEach
  void settleAndEmpty() {
    letTheOutboxSettle();
    emptyThisDatabase();
  }

  private void letTheOutboxSettle() {
    try {
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
          jedis.zcount("rapport:{outbox}:ready", 0, clock.millis()) == 0
              && jedis.zcard("rapport:{outbox}:inflight") == 0);
    } catch (org.awaitility.core.ConditionTimeoutException | redis.clients.jedis.exceptions.JedisException e) {
      // a test that left Redis down or deliveries stuck; the flush below clears them
    }
  }

  private void emptyThisDatabase() {
    try {
      jedis.flushDB();
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      // Redis left down by a drill; the next test of this context flushes first anyway
    }
  }

  protected String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Where /actuator/* is served. */
  protected String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  @TestConfiguration(proxyBeanMethods = false)
  public static class TestBeans {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }

    @Bean
    RecordingJob recordingJob(redis.clients.jedis.UnifiedJedis redis) {
      return new RecordingJob(redis);
    }

    @Bean
    HeardDeliveries heardDeliveries() {
      return new HeardDeliveries();
    }
  }

  /** One fake Slack per test JVM, and one Redis client per database tests look into. */
  static final class Shared {
    static final FakeSlack SLACK = FakeSlack.start();
    private static final java.util.Map<String, JedisPooled> CLIENTS = new java.util.HashMap<>();

    static synchronized JedisPooled jedis(String url) {
      return CLIENTS.computeIfAbsent(url, u -> TestRedis.client(java.net.URI.create(u)));
    }
  }

  /** Satisfies "the Clock" for beans that ask for a plain {@link Clock}. */
  protected Clock appClock() {
    return clock;
  }
}
