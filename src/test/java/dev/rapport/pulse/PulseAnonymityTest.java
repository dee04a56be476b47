package dev.rapport.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.FakeApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Anonymity by construction, checked on everything the app wrote: every key and value in Redis and every log
 * line, after ten people answered, while the period is open and after it closed.
 */
@ExtendWith(OutputCaptureExtension.class)
class PulseAnonymityTest extends PulseAppTest {

  @Test
  void tenAnswersLeaveNoUserIdNextToAScoreOrACommentInRedisOrInTheLogs(CapturedOutput output) throws Exception {
    List<String> people = team(10);
    start();
    String period = nextPeriod();
    List<FakeApi.Message> invitations = awaitDms(10);
    List<String> comments = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      String user = people.get(i);
      FakeApi.Message invitation = invitations.stream().filter(m -> m.channel().equals(user)).findFirst()
          .orElseThrow();
      requests.blockAction(TEAM, user, "D" + user, AnswerModal.OPEN_ACTION, buttonValue(invitation));
      String comment = "pulse remark " + (char) ('a' + i) + " about how the week went" + ".".repeat(i * 40);
      comments.add(comment);
      // Each score 1..5 is given by exactly two people per question.
      assertThat(modalText(answer(user, period, 1 + i % 5, 1 + (i + 1) % 5, 1 + (i + 2) % 5, 1 + (i + 3) % 5,
          comment))).contains("Thank you");
    }

    String prefix = "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":";
    List<String> voters = jedis.zrangeWithScores(prefix + "voters", 0, -1).stream().map(Tuple::getElement).toList();
    List<String> invited = jedis.zrange(prefix + "invited", 0, -1);
    assertThat(voters).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"));
    assertThat(invited).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}")).doesNotContainAnyElementsOf(voters);
    assertThat(jedis.zrangeWithScores(prefix + "voters", 0, -1)).allMatch(t -> t.getScore() == 0.0);
    assertThat(jedis.ttl(prefix + "voters")).as("the voter set expires").isPositive();
    List<Tuple> sealed = jedis.zrangeWithScores(prefix + "sealed", 0, -1);
    assertThat(sealed).hasSize(10).allMatch(t -> t.getScore() == 0.0);
    assertThat(sealed.stream().map(t -> t.getElement().length()).distinct())
        .as("every sealed answer has the same size, however long its comment").hasSize(1);
    assertThat(jedis.exists(prefix + "counts")).as("nothing is counted while the period is open").isFalse();
    assertThat(jedis.exists(prefix + "comments")).isFalse();
    for (String user : people) {
      assertThat(voters).as("voter hashes are keyed, not a plain hash of the ids")
          .doesNotContain(sha256(String.join("|", TEAM, CHANNEL, period, user)), sha256(user));
    }
    Map<String, String> open = dumpRedis();
    assertAnonymous(open, people, comments, voters);
    assertThat(open.values()).as("no comment is anywhere in Redis while the period is open")
        .noneMatch(text -> comments.stream().anyMatch(text::contains));

    close();
    assertThat(report(ADMIN, "")).contains("10 of 10 answered").contains(comments.get(3));

    for (String gone : List.of("voters", "invited", "sealed", "key")) {
      assertThat(jedis.exists(prefix + gone)).as(gone + " is gone once the period closed").isFalse();
    }
    assertAnonymous(dumpRedis(), people, comments, voters);
    assertCountsOnly(prefix);
    assertThat(jedis.zrangeWithScores(prefix + "comments", 0, -1)).hasSize(10)
        .allMatch(t -> t.getScore() == 0.0 && t.getElement().matches("[0-9a-f]{16}:pulse remark [a-j] .*"));
    for (String line : output.getAll().split("\\R")) {
      for (String user : people) {
        assertThat(line).as("log line").doesNotContain(user);
      }
      for (String comment : comments) {
        assertThat(line).as("log line").doesNotContain(comment);
      }
      for (String voter : voters) {
        assertThat(line).as("log line").doesNotContain(voter);
      }
    }
    assertThat(output.getAll()).as("the capture saw the app's logs").contains("Pulse period " + period + " opened");
  }

  @Test
  void answeringChangesNothingInRedisButTheSealedAnswersAndTheVoterSet() throws Exception {
    List<String> people = team(6);
    start();
    String period = nextPeriod();
    awaitDms(6);
    drainOutbox();
    answer(people.get(0), period, 3, 3, 3, 3, "first one in");
    Map<String, String> before = dumpRedis();

    requests.blockAction(TEAM, people.get(1), "D" + people.get(1), AnswerModal.OPEN_ACTION, CHANNEL + "|" + period);
    answer(people.get(1), period, 5, 4, 2, 1, "second one in");
    Map<String, String> after = dumpRedis();

    String prefix = "rapport:{" + TEAM + "}:pulse:" + CHANNEL + ":period:" + period + ":";
    Set<String> changed = new TreeSet<>(after.keySet());
    changed.addAll(before.keySet());
    changed.removeIf(key -> Objects.equals(before.get(key), after.get(key)));
    // The request gate's replay records: a keyed hash of each signed request let in, holding a random mark
    // of the request's own and gone after six minutes; they name neither the person nor the answer.
    assertThat(changed).filteredOn(key -> key.startsWith("rapport:{requests}:seen:"))
        .allSatisfy(key -> assertThat(after.get(key))
            .matches(java.util.regex.Pattern.quote(key) + "\n[0-9a-f]{1,16}"));
    changed.removeIf(key -> key.startsWith("rapport:{requests}:seen:"));
    assertThat(changed).containsExactlyInAnyOrder(prefix + "sealed", prefix + "voters");
  }

  /**
   * No key that names a person (in its name or anywhere in its content) holds a comment or a voter hash, and
   * no pulse key names a person at all. Each comment is stored once, in the period's comment set only. No
   * voter hash appears outside the voter set (so none matches an outbox key of a message naming its user).
   */
  private static void assertAnonymous(Map<String, String> redis, List<String> people, List<String> comments,
                                      List<String> voters) {
    assertThat(redis).isNotEmpty();
    redis.forEach((key, text) -> {
      boolean namesSomeone = people.stream().anyMatch(text::contains);
      if (namesSomeone) {
        assertThat(key).as("a pulse key naming a person").doesNotContain(":pulse:");
        assertThat(comments).as("comments in " + key).noneMatch(text::contains);
        assertThat(voters).as("voter hashes in " + key).noneMatch(text::contains);
      }
      if (!key.endsWith(":comments")) {
        assertThat(comments).as("comments in " + key).noneMatch(text::contains);
      }
      if (!key.endsWith(":voters")) {
        assertThat(voters).as("voter hashes in " + key).noneMatch(text::contains);
      }
    });
  }

  /** The counts hash, written once at close: the fixed set of fields in its fixed order. */
  private void assertCountsOnly(String prefix) {
    List<String> expected = new ArrayList<>(List.of("responses"));
    expected.addAll(CountFields.all());
    assertThat(hashFieldsInStoredOrder(prefix + "counts")).containsExactlyElementsOf(expected);
    Map<String, String> counts = jedis.hgetAll(prefix + "counts");
    assertThat(counts).containsEntry("responses", "10");
    CountFields.all().forEach(field -> assertThat(counts).containsEntry(field, "2"));
  }

  /** Every key with its name and all it holds, whatever its type, as one text per key. */
  private Map<String, String> dumpRedis() {
    Map<String, String> all = new TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(500));
      for (String key : page.getResult()) {
        all.put(key, key + "\n" + contents(key));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return all;
  }

  private String contents(String key) {
    StringBuilder text = new StringBuilder();
    switch (jedis.type(key)) {
      case "string" -> text.append(jedis.get(key));
      case "hash" -> jedis.hgetAll(key).forEach((f, v) -> text.append(f).append('=').append(v).append('\n'));
      case "set" -> jedis.smembers(key).forEach(m -> text.append(m).append('\n'));
      case "zset" -> jedis.zrangeWithScores(key, 0, -1)
          .forEach(t -> text.append(t.getElement()).append('=').append(t.getScore()).append('\n'));
      case "list" -> jedis.lrange(key, 0, -1).forEach(e -> text.append(e).append('\n'));
      default -> throw new AssertionError("unexpected type " + jedis.type(key) + " of " + key);
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private List<String> hashFieldsInStoredOrder(String key) {
    List<Object> raw = (List<Object>) jedis.sendCommand(Protocol.Command.HKEYS, key);
    return raw.stream().map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
