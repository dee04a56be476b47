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
 * <p>All subclasses share one Spring context (test-only beans live in {@link TestBeans}), because every
 * cached context runs its own scheduler and outbox workers against the one Redis. A subclass that needs
 * other settings must close its context after it with {@code @DirtiesContext}, unless several classes
 * share those settings through one base class (as {@link OAuthAppTest} does for a multi-workspace app).
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
    registry.add("SLACK_API_URL", slack::apiUrl);
    registry.add("SLACK_BOT_TOKEN", () -> FakeSlack.tokenFor(TEAM));
    registry.add("SLACK_SIGNING_SECRET", () -> SECRET);
    registry.add("REDIS_URL", redis::url);
    registry.add("RAPPORT_PULSE_SECRET", () -> PULSE_SECRET);
  }

  @Autowired
  private org.springframework.context.ConfigurableApplicationContext context;

  /** Every app context tests have started in this JVM (Spring caches them; they stay alive). */
  private static final java.util.Set<org.springframework.context.ConfigurableApplicationContext> CONTEXTS =
      java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

  /**
   * Only this test's app runs background work: the scheduler and outbox workers of other cached
   * contexts (other settings, e.g. a multi-workspace app) are stopped, or they would take this test's
   * deliveries and occurrences from the shared Redis and handle them with their own settings.
   */
  @BeforeEach
  void onlyThisAppWorksInTheBackground() {
    synchronized (CONTEXTS) {
      CONTEXTS.add(context);
      for (var other : CONTEXTS) {
        if (!other.isActive()) {
          continue;
        }
        boolean mine = other == context;
        other.getBeansOfType(org.springframework.context.SmartLifecycle.class).values().stream()
            .filter(bean -> bean.getClass().getPackageName().startsWith("dev.rapport"))
            .forEach(bean -> {
              if (mine && !bean.isRunning()) {
                bean.start();
              } else if (!mine && bean.isRunning()) {
                bean.stop();
              }
            });
      }
    }
  }

  @BeforeEach
  void cleanSlate() {
    jedis = Shared.jedis(redis);
    jedis.flushAll();
    slack.reset();
    clock.reset();
    requests = new SlackRequests(baseUrl(), SECRET, slack, clock);
  }

  /**
   * Lets deliveries a test started finish before the next test flushes Redis: a worker that is still
   * sending would otherwise write its results (and listener side effects) into the next test's data.
   */
  @AfterEach
  void letTheOutboxSettle() {
    try {
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() ->
          jedis.zcount("rapport:{outbox}:ready", 0, clock.millis()) == 0
              && jedis.zcard("rapport:{outbox}:inflight") == 0);
    } catch (org.awaitility.core.ConditionTimeoutException | redis.clients.jedis.exceptions.JedisException e) {
      // a test that left Redis down or deliveries stuck; the next test starts from a flush anyway
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

  /** One fake Slack and one Redis client per test JVM. */
  static final class Shared {
    static final FakeSlack SLACK = FakeSlack.start();
    private static JedisPooled jedis;

    static synchronized JedisPooled jedis(TestRedis redis) {
      if (jedis == null) {
        jedis = redis.client();
      }
      return jedis;
    }
  }

  /** Satisfies "the Clock" for beans that ask for a plain {@link Clock}. */
  protected Clock appClock() {
    return clock;
  }
}
