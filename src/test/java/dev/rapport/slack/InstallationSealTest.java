package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.util.JsonOps;
import dev.rapport.store.Aead;
import dev.rapport.store.EncryptionSettings;
import dev.rapport.store.Sealer;
import dev.rapport.testkit.RedisContents;
import dev.rapport.testkit.TestRedis;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * Installations are sealed at rest under RAPPORT_ENCRYPTION_KEY, and keys rotate: values under a previous
 * key, or stored in clear before sealing existed, are read and sealed again under the current key.
 * Real Redis; the Slack client is never called (no token is due for rotation).
 */
class InstallationSealTest {

  static final String ACME = "T0ACME";
  static final String GLOBEX = "T0GLOBEX";
  static final String OLD = key();
  static final String NEW = key();
  static final String OTHER = key();

  /** A database of its own on the JVM's test Redis, so emptying it touches no app context's data. */
  private static final int DATABASE = TestRedis.newDatabase();

  private static final JedisPooled redis = TestRedis.shared().client(DATABASE);

  @BeforeEach
  void emptyRedis() {
    redis.flushDB();
  }

  @Test
  void aSavedInstallationIsSealedBoundToItsWorkspaceAndOpensAgain() {
    installations(NEW).saveBot(bot(ACME));

    String stored = redis.get(key(ACME));
    assertThat(stored).startsWith("sealed:1:" + sealer(NEW).currentKeyId().orElseThrow() + ":")
        .doesNotContain("xoxb-").doesNotContain("xoxe-").doesNotContain("UBOT");
    assertThat(installations(NEW).findBot(null, ACME).getBotAccessToken()).isEqualTo(token(ACME));

    // Copied to another workspace's key, it does not open there.
    redis.set(key(GLOBEX), stored);
    assertThat(installations(NEW).findBot(null, GLOBEX)).isNull();
  }

  @Test
  void afterARotationAReadOpensWithThePreviousKeyAndSealsAgainWithTheNewOne() {
    installations(OLD).saveBot(bot(ACME));

    Installations rotated = installations(NEW, OLD);
    assertThat(rotated.findBot(null, ACME).getBotAccessToken()).isEqualTo(token(ACME));

    assertThat(redis.get(key(ACME))).startsWith("sealed:1:" + sealer(NEW).currentKeyId().orElseThrow() + ":");
    assertThat(installations(NEW).findBot(null, ACME).getBotAccessToken())
        .as("the old key is no longer needed").isEqualTo(token(ACME));
  }

  @Test
  void atStartupEveryInstallationUnderAnOlderKeyOrInClearIsSealedWithTheCurrentKey() {
    installations(OLD).saveBot(bot(ACME));
    // Stored by a version of Rapport before sealing: plain JSON.
    redis.set(key(GLOBEX), JsonOps.toJsonString(bot(GLOBEX)));
    installations(NEW).saveBot(bot("T0INITECH"));
    String alreadyCurrent = redis.get(key("T0INITECH"));

    installations(NEW, OLD).resealAll();

    String id = sealer(NEW).currentKeyId().orElseThrow();
    assertThat(List.of(key(ACME), key(GLOBEX), key("T0INITECH"))).allSatisfy(k ->
        assertThat(redis.get(k)).startsWith("sealed:1:" + id + ":"));
    assertThat(redis.get(key("T0INITECH"))).as("left alone").isEqualTo(alreadyCurrent);
    RedisContents.all(redis).values().forEach(v -> assertThat(v).doesNotContain("xoxb-").doesNotContain("xoxe-"));
    for (String team : List.of(ACME, GLOBEX, "T0INITECH")) {
      assertThat(installations(NEW).findBot(null, team).getBotAccessToken()).isEqualTo(token(team));
    }
  }

  @Test
  void anInstallationStoredInClearIsSealedTheFirstTimeItIsRead() {
    redis.set(key(ACME), JsonOps.toJsonString(bot(ACME)));

    assertThat(installations(NEW).findBot(null, ACME).getBotAccessToken()).isEqualTo(token(ACME));

    assertThat(redis.get(key(ACME))).startsWith("sealed:1:").doesNotContain("xoxb-");
  }

  @Test
  void withoutTheKeyItWasSealedWithAnInstallationIsNotReadAndNotErased() {
    installations(OLD).saveBot(bot(ACME));
    String stored = redis.get(key(ACME));

    assertThat(installations(OTHER).findBot(null, ACME)).isNull();
    installations(OTHER).resealAll();

    assertThat(redis.get(key(ACME))).isEqualTo(stored);
    assertThat(installations(OTHER, OLD).findBot(null, ACME).getBotAccessToken()).isEqualTo(token(ACME));
  }

  @Test
  void aValueChangedSinceItWasReadIsNotOverwrittenBySealingItAgain() {
    // Another replica rotated the token between our read and our re-seal: its new token must stay.
    installations(OLD).saveBot(bot(ACME));
    String read = redis.get(key(ACME));
    Installations rotated = installations(NEW, OLD);
    DefaultBot renewed = bot(ACME);
    renewed.setBotAccessToken("xoxb-renewed");
    rotated.saveBot(renewed);

    boolean replaced = rotated.resealIfUnchanged(ACME, key(ACME), read, JsonOps.toJsonString(bot(ACME)));

    assertThat(replaced).isFalse();
    assertThat(rotated.findBot(null, ACME).getBotAccessToken()).isEqualTo("xoxb-renewed");
  }

  private static Installations installations(String key, String... previous) {
    SlackSettings oauth = new SlackSettings(null, "secret", null, "111.222", "client-secret", null, null, null,
        null, null, null, List.of("commands"));
    return new Installations(redis, Slack.getInstance(), oauth, sealer(key, previous));
  }

  private static Sealer sealer(String key, String... previous) {
    return new Sealer(new EncryptionSettings(key, List.of(previous)));
  }

  private static DefaultBot bot(String team) {
    DefaultBot bot = new DefaultBot();
    bot.setTeamId(team);
    bot.setBotUserId("UBOT" + team);
    bot.setBotAccessToken(token(team));
    bot.setBotRefreshToken("xoxe-refresh-" + team);
    bot.setBotTokenExpiresAt(System.currentTimeMillis() + 12 * 3600_000L);
    bot.setScope("commands,chat:write");
    return bot;
  }

  private static String token(String team) {
    return "xoxb-" + team;
  }

  private static String key(String team) {
    return "rapport:{" + team + "}:install:bot";
  }

  private static String key() {
    return Base64.getEncoder().encodeToString(Aead.randomKey());
  }
}
