package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.people.MemberForgotten;
import dev.rapport.store.RedisSettings;
import dev.rapport.testkit.RedisMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * Everything Redis ever writes, not only its keys: the app on its own embedded Redis (no REDIS_URL, append-only
 * file on, pulse secret generated into the data directory), with the append-only file read from disk and
 * MONITOR captured on a separate connection while six people answer with distinctive comments.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PulseRedisHistoryTest extends PulseAppTest {

  private static final Path DATA = tempDir();
  private static final List<Integer> TRUST = List.of(5, 1, 4, 2, 3, 5);

  @DynamicPropertySource
  static void embeddedRedisAndGeneratedSecret(DynamicPropertyRegistry registry) {
    registry.add("rapport.redis.url", () -> "");
    registry.add("rapport.redis.data-dir", DATA::toString);
    registry.add("rapport.pulse.secret", () -> "");
  }

  @Autowired
  UnifiedJedis redis;
  @Autowired
  PulsePersonalData personalData;

  private List<String> people;
  private String period;
  private List<String> comments;

  @BeforeEach
  void sixPeopleAndAnOpenPeriod() throws Exception {
    redis.flushAll();
    people = team(6);
    start();
    period = nextPeriod();
    awaitDms(6);
    drainOutbox();
    // Distinctive, and of very different lengths.
    comments = List.of("quokka-7319 feels unheard in planning", "zephyr-2288", "marmot-5051 " + "x".repeat(900),
        "ibis-6420 thinks the on-call rota is unfair", "okapi-1177 :)", "narwhal-9934 would like more 1:1s");
  }

  @Test
  void beforeCloseTheAofHoldsNoCommentNoCountAndNothingNamingAVoterAndAfterItsRewriteOnlyTheTotalsOnce()
      throws Exception {
    long before = Files.size(aof());
    answerAll();
    List<String> sealed = redis.zrange(key("sealed"), 0, -1);
    List<String> voters = redis.zrange(key("voters"), 0, -1);
    String wrappedKey = redis.get(key("key"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sealed.stream().allMatch(aofText()::contains));
    byte[] open = Files.readAllBytes(aof());

    String whole = new String(open, StandardCharsets.ISO_8859_1);
    List<List<String>> answering = commands(Arrays.copyOfRange(open, (int) before, open.length));
    assertThat(answering).as("the answers' writes").isNotEmpty();
    assertNothingLinkable(whole, String.join("\n", answering.stream().map(Object::toString).toList()));
    for (List<String> command : answering) {
      String name = command.get(0).toUpperCase();
      if (List.of("MULTI", "EXEC", "SELECT").contains(name)) {
        continue;
      }
      if (command.size() > 1 && command.get(1).startsWith("rapport:{requests}:seen:")) {
        // The request gate's replay record: a keyed hash of the signed bytes, holding a random mark of the
        // request's own (README, Requests).
        if (name.equals("SET")) {
          assertThat(command.get(2)).as("a replay record holds nothing of the request").matches("[0-9a-f]{1,16}");
        }
        continue;
      }
      assertThat(name).as("no count is written while the period is open: " + command)
          .isIn("ZADD", "PEXPIREAT");
      assertThat(command.get(1)).as("only the voter and sealed sets change while answering")
          .isIn(key("voters"), key("sealed"));
    }
    assertThat(whole).doesNotContain(key("counts")).doesNotContain(key("comments"));

    // The honest limit (README threat model): this file, taken while the period is open, plus the secret
    // generated next to it, does link an answer to a person: the voter's hash and the sealed answer were
    // written by the same script.
    assertThat(linkedComment(commands(open), wrappedKey, people.get(2))).isEqualTo(comments.get(2));

    close();
    await("the AOF rewritten after the close, without the voter hashes").atMost(Duration.ofSeconds(20))
        .until(() -> voters.stream().noneMatch(aofText()::contains));

    String rewritten = aofText();
    List<List<String>> after = commands(Files.readAllBytes(aof()));
    assertThat(rewritten).doesNotContain(wrappedKey).doesNotContain(key("key")).doesNotContain(key("invited"));
    assertThat(sealed).noneMatch(rewritten::contains);
    assertThat(after.stream().filter(c -> c.size() > 2 && c.get(1).equals(key("counts"))
        && c.get(0).toUpperCase().matches("HSET|HMSET")).toList())
        .as("the totals, once").singleElement()
        .satisfies(c -> assertThat(String.join(" ", c)).contains("responses 6").contains("t:5 2")
            .contains("t:1 1").contains("t:2 1").contains("t:3 1").contains("t:4 1"));
    for (String comment : comments) {
      assertThat(occurrences(rewritten, comment)).as("each comment once, in the comment set").isEqualTo(1);
    }
    // (The outbox counts its own queue with HINCRBY while it marks the invitations closed: not a pulse count.)
    assertThat(after).noneMatch(c -> c.get(0).equalsIgnoreCase("HINCRBY") && c.get(1).contains(":pulse:"));
  }

  @Test
  void monitorSeesNoCommentNoCountAndNothingNamingAVoterWhileSixPeopleAnswer() throws Exception {
    List<String> seen = RedisMonitor.during(port(), this::answerAll);

    assertThat(seen).as("the answers went through MONITOR").anyMatch(l -> l.contains(key("sealed")));
    assertNothingLinkable(String.join("\n", seen), String.join("\n", seen));
    for (String line : seen) {
      String upper = line.toUpperCase();
      assertThat(upper).as(line).doesNotContain("\"HINCRBY\"").doesNotContain("\"INCR");
      if (line.contains(" lua]") && upper.matches(".*\"(ZADD|HSET|SADD|SET|DEL|ZINCRBY|RPUSH|LPUSH)\".*")
          && line.contains(":pulse:")) {
        assertThat(line).as("only the voter and sealed sets are written while answering")
            .containsAnyOf("\"" + key("voters") + "\"", "\"" + key("sealed") + "\"");
      }
    }
  }

  @Test
  void hashesOfPeopleReachRedisInValueOrderNeverInTheOrderOfThePeopleTheyBelongTo() throws Exception {
    // Invitations and reminders are queued in the channel's order of people, each naming its recipient: hashes
    // sent in that same order would pair each person with their hashes by position, without the secret.
    close();
    int before = dms().size();
    List<String> seen = RedisMonitor.during(port(), () -> {
      period = nextPeriod();
      awaitDms(before + 6);
      remind();
      awaitDms(before + 12);
    });

    PulseKeys keys = pulseKeys();
    PeriodKeys periodKeys = keys.unwrap(TEAM, CHANNEL, period, redis.get(key("key")));
    Map<String, List<String>> families = Map.of(
        "invited hashes", people.stream().map(periodKeys::invited).toList(),
        "voter hashes", people.stream().map(periodKeys::voter).toList(),
        "membership digests", people.stream().map(user -> keys.memberDigest(TEAM, user)).toList());
    Map<String, Integer> mostInOneCommand = new HashMap<>();
    for (String line : seen) {
      List<String> words = RedisMonitor.words(line);
      families.forEach((family, hashes) -> {
        List<String> sent = words.stream().filter(hashes::contains).toList();
        assertThat(sent).as(family + " in " + line).isSorted();
        mostInOneCommand.merge(family, sent.size(), Math::max);
      });
    }
    assertThat(mostInOneCommand).as("each family went to Redis whole at least once (opening, inviting, reminding)")
        .containsEntry("invited hashes", 6).containsEntry("voter hashes", 6).containsEntry("membership digests", 6);
  }

  @Test
  void forgettingSomeoneWritesTheSameToTheAofWhetherOrNotTheyAnswered() throws Exception {
    String answered = people.get(2);
    String didNot = people.get(3);
    assertThat(modalText(answer(answered, period, 4, 4, 4, 4, null))).contains("Thank you");
    PeriodKeys periodKeys = pulseKeys().unwrap(TEAM, CHANNEL, period, redis.get(key("key")));

    // Forget-me writes other modules' erasures of the person's id next to these: whatever the pulse writes
    // here is theirs for anyone holding the AOF.
    List<List<String>> forgettingAnswered = aofWhileForgetting(answered, periodKeys);
    List<List<String>> forgettingDidNot = aofWhileForgetting(didNot, periodKeys);

    assertThat(String.join(" ", forgettingAnswered.stream().flatMap(List::stream).toList()))
        .as("their voter hash, which the AOF already holds from their answer")
        .doesNotContain(periodKeys.voter(answered));
    assertThat(writes(forgettingAnswered)).as("what forgetting them wrote").isNotEmpty()
        .isEqualTo(writes(forgettingDidNot));
    assertThat(requests.command(TEAM, answered, CHANNEL, "/pulse", "").text()).as("no longer invited")
        .contains("invited from the next period");
  }

  @Test
  void theGeneratedPulseSecretIsOwnerOnlyInTheDataDirectory() throws Exception {
    Path secret = DATA.resolve(PulseKeys.FILE);

    assertThat(Files.readString(secret).strip()).matches("[0-9a-f]{64}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
    assertThat(Files.readString(aof())).doesNotContain(Files.readString(secret).strip());
  }

  /** Six answers: trust 5,1,4,2,3,5, the rest 3, each with its distinctive comment. */
  private void answerAll() {
    for (int i = 0; i < people.size(); i++) {
      assertThat(modalText(answer(people.get(i), period, TRUST.get(i), 3, 3, 3, comments.get(i))))
          .contains("Thank you");
    }
  }

  /**
   * Nothing in {@code everything} names a person or carries a comment, and nothing in {@code answering} that
   * could link an answer to a person without the pulse secret: user ids, plain hashes of them, or the old
   * hashes keyed from the Slack signing secret (which every collaborator on the Slack app can read).
   */
  private void assertNothingLinkable(String everything, String answering) throws Exception {
    for (String comment : comments) {
      assertThat(everything).doesNotContain(comment).doesNotContain(comment.substring(0, comment.indexOf('-')));
    }
    byte[] oldKey = hmac(SECRET.getBytes(StandardCharsets.UTF_8), "rapport-pulse-hash-key-v1");
    // Sealed answers are long random base64: one may hold "U001" by chance (a flake seen once), and no
    // plaintext can be read inside it anyway. Everything else is checked as it was written.
    String readable = answering.replaceAll("[A-Za-z0-9+/]{64,}={0,2}", "<sealed>");
    assertThat(readable).as("sealed values were written").contains("<sealed>");
    for (String user : people) {
      assertThat(readable).doesNotContain(user);
      assertThat(everything).doesNotContain(sha256(user)).doesNotContain(sha256(String.join("|", TEAM, CHANNEL,
          period, user))).doesNotContain(HexFormat.of().formatHex(hmac(oldKey, String.join("|", "voter", TEAM,
          CHANNEL, period, user))));
    }
  }

  /** With the secret: unwraps the period key, finds the person's voter hash and the answer written with it. */
  private String linkedComment(List<List<String>> aof, String wrappedKey, String user) {
    PeriodKeys periodKeys = pulseKeys().unwrap(TEAM, CHANNEL, period, wrappedKey);
    String voter = periodKeys.voter(user);
    for (int i = 0; i < aof.size(); i++) {
      if (aof.get(i).equals(List.of("ZADD", key("voters"), "0", voter))) {
        for (List<String> next : aof.subList(i + 1, aof.size())) {
          if (next.get(0).equals("ZADD") && next.get(1).equals(key("sealed"))) {
            return periodKeys.open(next.get(3)).comment();
          }
        }
      }
    }
    throw new AssertionError("no voter hash of " + user + " in the AOF");
  }

  /** The commands the AOF gained while the pulse forgot {@code user} (its invited hash marks the end). */
  private List<List<String>> aofWhileForgetting(String user, PeriodKeys periodKeys) throws Exception {
    long before = Files.size(aof());
    personalData.forget(new MemberForgotten(TEAM, user));
    await().atMost(Duration.ofSeconds(10)).until(() -> new String(Files.readAllBytes(aof()), StandardCharsets.UTF_8)
        .substring((int) before).contains(periodKeys.invited(user)));
    byte[] all = Files.readAllBytes(aof());
    return commands(Arrays.copyOfRange(all, (int) before, all.length));
  }

  /** The commands on this period's keys, as "COMMAND key part", without their values. */
  private List<String> writes(List<List<String>> commands) {
    return commands.stream().filter(c -> c.size() > 1 && c.get(1).startsWith(key("")))
        .map(c -> c.get(0).toUpperCase() + " " + c.get(1).substring(key("").length())).toList();
  }

  /** The app's keys, from the secret it generated into the data directory. */
  private static PulseKeys pulseKeys() {
    return new PulseKeys(new PulseSettings(5, readSecret(), null, null, true),
        new RedisSettings("redis://unused:6379", List.of(), null, DATA, Duration.ofSeconds(1), 1), null);
  }

  private static String readSecret() {
    try {
      return Files.readString(DATA.resolve(PulseKeys.FILE)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commands of an append-only file (RESP arrays of bulk strings), bytes read as Latin-1. */
  private static List<List<String>> commands(byte[] aof) {
    List<List<String>> commands = new ArrayList<>();
    int at = 0;
    while (at < aof.length && aof[at] == '*') {
      int eol = indexOf(aof, at);
      int count = Integer.parseInt(new String(aof, at + 1, eol - at - 1, StandardCharsets.US_ASCII));
      at = eol + 2;
      List<String> command = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        eol = indexOf(aof, at);
        int length = Integer.parseInt(new String(aof, at + 1, eol - at - 1, StandardCharsets.US_ASCII));
        command.add(new String(aof, eol + 2, length, StandardCharsets.UTF_8));
        at = eol + 2 + length + 2;
      }
      commands.add(command);
    }
    return commands;
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length - 1; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    throw new AssertionError("truncated AOF");
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private String aofText() {
    try {
      return new String(Files.readAllBytes(aof()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path aof() {
    return DATA.resolve("appendonly.aof");
  }

  @SuppressWarnings("unchecked")
  private int port() {
    List<Object> reply = (List<Object>) redis.sendCommand(Protocol.Command.CONFIG, "GET", "port");
    return Integer.parseInt(new String((byte[]) reply.get(1), StandardCharsets.US_ASCII));
  }

  private String key(String part) {
    return "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":" + part;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("rapport-pulse-history");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] hmac(byte[] key, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }
}
