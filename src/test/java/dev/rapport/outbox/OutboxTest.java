package dev.rapport.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.model.Message;
import io.micrometer.core.instrument.MeterRegistry;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.testkit.HeardDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxTest extends AppTest {

  @Autowired
  Outbox outbox;
  @Autowired
  OutboxStore store;
  @Autowired
  OutboxSettings settings;
  @Autowired
  MeterRegistry metrics;
  @Autowired
  RateLimiter limits;
  @Autowired
  DeadLetters dead;

  @Autowired
  HeardDeliveries heard;

  @BeforeEach
  void quiet() {
    heard.clear();
  }

  @Test
  void deliversEachItemOnceWithItsKeyInTheMetadata() {
    outbox.sendAll(List.of(post("k1", "C1"), post("k2", "C2"), post("k3", "C1")));

    awaitDelivered("k1", "k2", "k3");
    assertThat(slack.api().messages()).extracting(m -> m.payload().path("rapport_id").asText())
        .containsExactlyInAnyOrder("k1", "k2", "k3");
    assertThat(slack.api().messages()).allMatch(m -> "rapport_delivery".equals(m.eventType()));
  }

  @Test
  void theSameKeyIsNeverQueuedTwice() {
    assertThat(outbox.send(post("same", "C1"))).isTrue();
    assertThat(outbox.send(post("same", "C1"))).isFalse();
    awaitDelivered("same");

    assertThat(outbox.send(post("same", "C1"))).as("already delivered").isFalse();
    assertThat(slack.api().messages()).hasSize(1);
  }

  @Test
  void aGroupDmIsOpenedForItsMembersAndTheListenerHearsWhereItLanded() {
    outbox.send(Delivery.dm(TEAM, List.of("U1", "U2", "U3"), "intro-1", "Hello all", null)
        .withTag(HeardDeliveries.TAG, Map.of()));

    awaitDelivered("intro-1");
    String channel = slack.api().groupDmOf(List.of("U1", "U2", "U3"));
    assertThat(slack.calls("conversations.open")).extracting(c -> c.param("users")).containsExactly("U1,U2,U3");
    assertThat(slack.api().messages(channel)).hasSize(1);
    assertThat(heard.heard()).singleElement().asString().startsWith("intro-1@" + channel + "/");
  }

  @Test
  void a429WithRetryAfterDelaysAndThenDelivers() {
    slack.rateLimitNext("chat.postMessage", 2, 1);

    outbox.send(post("limited", "C1"));

    awaitDelivered("limited");
    List<FakeSlack.Call> calls = slack.calls("chat.postMessage");
    assertThat(calls).hasSize(2);
    assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(slack.api().messages()).hasSize(1);
  }

  @Test
  void metricsCountSentRetriedRateLimitedAndDeadByMethodAndShowTheQueueDepth() {
    double sent = count("sent");
    double limited = count("rate_limited");
    double dead = count("dead");
    slack.rateLimitNext("chat.postMessage", 1, 1);
    slack.on("conversations.open", call -> FakeApi.error("user_not_found"));

    outbox.sendAll(List.of(post("m1", "C1"), Delivery.dm(TEAM, List.of("UGONE"), "m2", "hi", null)));

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.delivered("m1") && outbox.stats(TEAM)
        .deadLettered() == 1);
    assertThat(count("sent") - sent).isEqualTo(1);
    assertThat(count("rate_limited") - limited).isEqualTo(1);
    assertThat(count("dead") - dead).isEqualTo(1);
    assertThat(metrics.find("rapport.outbox.deliveries").tag("method", "chat.postMessage").counters()).isNotEmpty();
    assertThat(metrics.find("rapport.outbox.depth").gauge()).isNotNull();
    assertThat(metrics.find("rapport.outbox.depth").gauge().value()).isZero();
  }

  private double count(String outcome) {
    return metrics.find("rapport.outbox.deliveries").tag("outcome", outcome).counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  @Test
  void serverErrorsAreRetriedUntilSlackAcceptsIt() {
    slack.failNext("chat.postMessage", 503, 2);

    outbox.send(post("flaky", "C1"));

    awaitDelivered("flaky");
    assertThat(slack.api().messages()).hasSize(1);
  }

  @Test
  void aMessageSlackAcceptedWhoseAnswerWasLostIsNotPostedAgain() {
    slack.acceptThenFailNext("chat.postMessage");

    outbox.send(post("lost-answer", "C1"));

    awaitDelivered("lost-answer");
    assertThat(slack.calls("conversations.history")).isNotEmpty();
    assertThat(slack.api().messages()).hasSize(1);
  }

  /**
   * Why Rapport asks for im:history and mpim:history: Slack has no idempotency key on chat.postMessage, so
   * a message to a (group) DM whose answer was lost can only be found again in that conversation's
   * history. These are the only reads of DM history the app makes.
   */
  @Test
  void aDirectOrGroupMessageWhoseAnswerWasLostIsFoundInThatConversationsHistory() {
    slack.acceptThenFailNext("chat.postMessage");
    outbox.send(Delivery.dm(TEAM, List.of("U001", "U002"), "intro-lost", "an intro", null));
    awaitDelivered("intro-lost");
    slack.acceptThenFailNext("chat.postMessage");
    outbox.send(post("invite-lost", "U003"));
    awaitDelivered("invite-lost");

    String groupDm = slack.api().groupDmOf(List.of("U001", "U002"));
    String dm = slack.api().groupDmOf(List.of("U003"));
    assertThat(slack.calls("conversations.history")).extracting(call -> call.param("channel"))
        .containsExactlyInAnyOrder(groupDm, dm);
    assertThat(slack.api().messages(groupDm)).hasSize(1);
    assertThat(slack.api().messages("U003")).as("posted to the user id, so in their DM").hasSize(1);
  }

  @Test
  void aWorkerKilledMidBatchLosesNothingAndSendsNothingTwice() {
    List<Delivery> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(post("batch-" + i, "C" + i));
    }
    // A worker that claimed ten items and died: five after Slack accepted them, five before sending.
    // They are queued an hour ahead so the running workers leave them to this "dead" one.
    Instant later = clock.instant().plus(Duration.ofHours(1));
    long[] at = new long[10];
    java.util.Arrays.fill(at, later.toEpochMilli());
    store.enqueue(all.subList(0, 10), at);
    List<OutboxStore.Claimed> claimed = store.claimNext(later, 10).items();
    assertThat(claimed).hasSize(10);
    for (OutboxStore.Claimed c : claimed.subList(0, 5)) {
      postAsTheDeadWorkerDid(c.delivery());
    }
    outbox.sendAll(all.subList(10, 30));
    // The live workers finish theirs first: jumping the clock past the lease while one of them is still
    // sending would expire a lease that is really held (a send never outlives its lease in real time).
    await().atMost(Duration.ofSeconds(30))
        .until(() -> all.subList(10, 30).stream().allMatch(d -> outbox.delivered(d.id())));

    clock.advance(Duration.ofHours(1).plus(settings.lease()).plusSeconds(1));

    await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(d -> outbox.delivered(d.id())));
    List<String> posted = slack.api().messages().stream().map(m -> m.payload().path("rapport_id").asText()).toList();
    assertThat(posted).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void aBatchQueuedLaterInterleavesWithABigOneInsteadOfWaitingBehindAllOfIt() {
    // Queued an hour ahead so the running workers leave them to this test's claims.
    Instant later = clock.instant().plus(Duration.ofHours(1));
    List<Delivery> intros = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      intros.add(Delivery.dm(TEAM, List.of("U" + i, "V" + i), "intro-" + i, "hi", null));
    }
    outbox.sendAll(intros, later);
    outbox.sendAll(List.of(post("invite-1", "U1"), post("invite-2", "U2")), later.plusSeconds(10));

    List<OutboxStore.Claimed> claimed = store.claimNext(later.plusSeconds(15), 20).items();
    List<String> firstTaken = claimed.stream().map(c -> c.delivery().id()).toList();
    // This test claimed them as a worker would; handing them back leaves nothing in flight for 60 s.
    store.defer(claimed.stream().map(OutboxStore.Claimed::delivery).toList(), later);

    // 50 conversations.open a minute: 5 at once, then one each 1.2 s, so by 10 s the intros are at #13.
    assertThat(firstTaken).contains("invite-1", "invite-2");
    assertThat(firstTaken.indexOf("invite-1")).isBetween(12, 15);
    assertThat(firstTaken).doesNotContain("intro-30", "intro-199");
  }

  @Test
  void aBatchBuiltAChunkAtATimeQueuesEverythingOnceAndARerunQueuesNothingNew() {
    Outbox.Batch first = outbox.batch();
    for (int i = 0; i < 250; i++) {
      first.add(post("chunked-" + i, "C" + (i % 50)));
    }
    int queued = first.finish();

    Outbox.Batch rerun = outbox.batch();
    for (int i = 0; i < 250; i++) {
      rerun.add(post("chunked-" + i, "C" + (i % 50)));
    }

    assertThat(queued).isEqualTo(250);
    assertThat(rerun.finish()).isZero();
    awaitDelivered("chunked-0");
  }

  @Test
  void aWorkspaceOutOfSlackBudgetDoesNotHoldBackAnotherWorkspace() {
    limits.backOff(limits.method(TEAM, "chat.postMessage"), clock.instant(), Duration.ofSeconds(60));
    List<Delivery> mixed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mixed.add(post("a-mine-" + i, "C" + i));
    }
    Delivery other = Delivery.post("T0OTHER", "C9", "b-other", "hello", null);
    mixed.add(other);
    long[] now = new long[mixed.size()];
    java.util.Arrays.fill(now, clock.millis());

    // Queued together, so one worker claims them in one batch, the other workspace's last.
    store.enqueue(mixed, now);

    awaitDelivered("b-other");
    assertThat(outbox.delivered("a-mine-0")).as("held until its own workspace's budget allows").isFalse();
  }

  @Test
  void errorsRetryingCannotFixGoStraightToTheDeadLetters() {
    slack.on("chat.postMessage", call -> FakeApi.error("channel_not_found"));

    outbox.send(post("nowhere", "CGONE"));

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.stats(TEAM).deadLettered() == 1);
    OutboxStats stats = outbox.stats(TEAM);
    assertThat(stats.pending()).isZero();
    assertThat(stats.recentDeadLetters()).singleElement().satisfies(letter -> {
      assertThat(letter.id()).isEqualTo("nowhere");
      assertThat(letter.error()).isEqualTo("chat.postMessage: channel_not_found");
    });
  }

  @Test
  void afterTheLastFailedAttemptAnItemIsDeadLetteredWithTheSlackError() {
    slack.failNext("chat.postMessage", 500, settings.maxAttempts());

    outbox.send(post("doomed", "C1"));

    await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats(TEAM).deadLettered() == 1);
    assertThat(outbox.stats(TEAM).recentDeadLetters().get(0).error()).isEqualTo("chat.postMessage: http_500");
    assertThat(outbox.stats(TEAM).recentDeadLetters().get(0).attempts()).isEqualTo(settings.maxAttempts());
    assertThat(slack.api().messages()).isEmpty();
  }

  @Test
  void deadLettersAreKeptWhereTheyBelongAndSayWhyInPlainWords() {
    slack.workspace(TEAM).withoutRapport("C0OUT");
    slack.on("conversations.open", call -> FakeApi.error("user_disabled"));

    outbox.send(Delivery.post(TEAM, "C0OUT", "prompts:x", "a prompt", null)
        .about("prompts", "C0OUT", "scheduled prompt"));
    outbox.send(Delivery.dm(TEAM, List.of("U1", "U2"), "pairing:C0COFFEE:r1:0:intro", "an intro", null));

    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.stats(TEAM).deadLettered() == 2);
    Instant since = clock.instant().minus(Duration.ofDays(1));
    Undelivered prompts = outbox.undelivered(TEAM, "prompts", "C0OUT", since);
    assertThat(prompts.count()).isEqualTo(1);
    assertThat(prompts.inWords("posted")).startsWith("1 scheduled prompt wasn't posted (<!date^")
        .endsWith("Rapport isn't a member of <#C0OUT>. To fix it, type `/invite @Rapport` in <#C0OUT>.");
    assertThat(outbox.undelivered(TEAM, "pairing", "C0COFFEE", since).inWords("delivered"))
        .as("an item without an origin is placed by its key").startsWith("1 intro wasn't delivered")
        .contains("deactivated").doesNotContain("To fix it");
    assertThat(outbox.undelivered(TEAM, "pairing", "C0OUT", since).isEmpty()).isTrue();
    assertThat(outbox.undelivered("T0OTHER", "prompts", "C0OUT", since).isEmpty()).isTrue();
    assertThat(outbox.undeliveredByChannel(TEAM, "prompts", since)).containsOnlyKeys("C0OUT");
    assertThat(outbox.deadLetters(TEAM, 10)).extracting(DeadLetter::id)
        .containsExactlyInAnyOrder("pairing:C0COFFEE:r1:0:intro", "prompts:x");
    assertThat(outbox.undelivered(TEAM, "prompts", "C0OUT", clock.instant().plusSeconds(1)).isEmpty())
        .as("older than asked").isTrue();
  }

  @Test
  void itemsQueuedAndLettersKeptBeforeOriginsExistedAreStillReadAndPlaced() {
    slack.workspace(TEAM).withoutRapport("C0OLD");
    // As written before deliveries had an origin and dead letters a place: no such fields.
    String item = "{\"id\":\"prompts:" + TEAM + "|prompts|C0OLD@1700000000000\",\"team\":\"" + TEAM
        + "\",\"kind\":\"POST\",\"channel\":\"C0OLD\",\"users\":[],\"text\":\"old prompt\","
        + "\"context\":{},\"attempts\":0}";
    jedis.hset("rapport:{outbox}:items", "prompts:" + TEAM + "|prompts|C0OLD@1700000000000", item);
    jedis.hincrBy("rapport:{outbox}:pending", TEAM, 1);
    jedis.zadd("rapport:{outbox}:ready", 0, "prompts:" + TEAM + "|prompts|C0OLD@1700000000000");
    jedis.lpush(DeadLetters.LEGACY, "{\"id\":\"pairing:C0COFFEE:r0:1:followup\",\"team\":\"" + TEAM
        + "\",\"kind\":\"POST\",\"error\":\"chat.postMessage: is_archived\",\"attempts\":1,\"at\":\""
        + clock.instant() + "\"}");

    assertThat(dead.moveLegacy()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.stats(TEAM).deadLettered() == 1);

    Instant since = clock.instant().minus(Duration.ofDays(1));
    assertThat(outbox.undelivered(TEAM, "prompts", "C0OLD", since).inWords("posted"))
        .startsWith("1 scheduled prompt wasn't posted");
    assertThat(outbox.undelivered(TEAM, "pairing", "C0COFFEE", since).inWords("delivered"))
        .startsWith("1 follow-up wasn't delivered").contains("<#C0COFFEE> is archived");
    assertThat(jedis.exists(DeadLetters.LEGACY)).isFalse();
  }

  @Test
  void anUpdateChangesAMessageAlreadySent() {
    outbox.send(Delivery.update(TEAM, "D0ADMIN", "1700000000.000100", "u1", "Decided", null));

    awaitDelivered("u1");
    FakeSlack.Call update = slack.calls("chat.update").get(0);
    assertThat(update.param("channel")).isEqualTo("D0ADMIN");
    assertThat(update.param("ts")).isEqualTo("1700000000.000100");
    assertThat(update.param("text")).isEqualTo("Decided");
    assertThat(update.param("blocks")).as("no blocks: the old ones (and their buttons) go").isEqualTo("[]");
  }

  @Test
  void itemsQueuedBeforeEachKindWasATypeOfItsOwnAreStillDelivered() {
    // As the one 17-field record wrote them (nulls left out): a retried DM whose group DM was already
    // opened, an update whose message ts is in threadTs, an upload to users[0], and a post with its origin.
    String dm = slack.api().groupDmOf(List.of("U001", "U002"));
    queueAsBefore("old-dm", "{\"id\":\"old-dm\",\"team\":\"" + TEAM + "\",\"kind\":\"DM\",\"users\":[\"U001\","
        + "\"U002\"],\"text\":\"an old intro\",\"tag\":\"" + HeardDeliveries.TAG + "\",\"context\":{\"round\":\"r1\"},"
        + "\"attempts\":1,\"lastError\":\"chat.postMessage: fatal_error\",\"openedChannel\":\"" + dm + "\"}");
    queueAsBefore("old-update", "{\"id\":\"old-update\",\"team\":\"" + TEAM + "\",\"kind\":\"UPDATE\","
        + "\"channel\":\"D0ADMIN\",\"users\":[],\"text\":\"Decided\",\"blocks\":\"[]\","
        + "\"threadTs\":\"1700000000.000100\",\"context\":{},\"attempts\":0}");
    queueAsBefore("old-upload", "{\"id\":\"old-upload\",\"team\":\"" + TEAM + "\",\"kind\":\"UPLOAD\","
        + "\"users\":[\"U003\"],\"text\":\"Your export\",\"context\":{},\"filename\":\"pulse.csv\","
        + "\"title\":\"Pulse\",\"content\":\"" + java.util.Base64.getEncoder().encodeToString("a,b\n".getBytes())
        + "\",\"attempts\":0}");
    queueAsBefore("old-post", "{\"id\":\"old-post\",\"team\":\"" + TEAM + "\",\"kind\":\"POST\","
        + "\"channel\":\"C0OLDPOST\",\"users\":[],\"text\":\"an old prompt\",\"context\":{},\"attempts\":0,"
        + "\"origin\":{\"feature\":\"prompts\",\"channel\":\"C0OLDPOST\",\"what\":\"scheduled prompt\"}}");

    awaitDelivered("old-dm", "old-update", "old-upload", "old-post");
    assertThat(slack.api().messages(dm)).extracting(FakeApi.Message::text).containsExactly("an old intro");
    assertThat(heard.heard()).anyMatch(h -> h.startsWith("old-dm@" + dm + "/"));
    assertThat(slack.calls("conversations.open")).as("the DM opened before is kept")
        .noneMatch(call -> "U001,U002".equals(call.param("users")));
    FakeSlack.Call update = slack.calls("chat.update").get(0);
    assertThat(update.param("channel")).isEqualTo("D0ADMIN");
    assertThat(update.param("ts")).isEqualTo("1700000000.000100");
    assertThat(slack.api().files()).singleElement().satisfies(f -> {
      assertThat(f.filename()).isEqualTo("pulse.csv");
      assertThat(new String(f.bytes())).isEqualTo("a,b\n");
    });
    assertThat(slack.api().messages("C0OLDPOST")).extracting(FakeApi.Message::text).containsExactly("an old prompt");
  }

  private void queueAsBefore(String id, String json) {
    jedis.hset("rapport:{outbox}:items", id, json);
    jedis.hincrBy("rapport:{outbox}:pending", TEAM, 1);
    jedis.zadd("rapport:{outbox}:ready", 0, id);
  }

  private void postAsTheDeadWorkerDid(Delivery d) {
    try {
      var config = new com.slack.api.SlackConfig();
      config.setMethodsEndpointUrlPrefix(slack.apiUrl());
      com.slack.api.Slack.getInstance(config).methods(FakeSlack.tokenFor(TEAM)).chatPostMessage(r -> r
          .channel(((Delivery.Post) d).channel()).text(d.text()).metadata(Message.Metadata.builder()
              .eventType("rapport_delivery")
              .eventPayload(Map.of("rapport_id", d.id())).build()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitDelivered(String... ids) {
    await().atMost(Duration.ofSeconds(20)).until(() -> List.of(ids).stream().allMatch(outbox::delivered));
  }

  @Test
  void aDeliveryInFlightWhenItsWorkspaceOrRecipientIsErasedLeavesNoRecordThatItWasSent() {
    // Queued an hour ahead so the running workers leave them to this test's claims.
    Instant later = clock.instant().plus(Duration.ofHours(1));
    Delivery toWorkspace = post("erased-workspace", "C1");
    Delivery toPerson = Delivery.dm(TEAM, List.of("U0GONE"), "erased-person", "hi", null);
    long[] at = {later.toEpochMilli(), later.toEpochMilli()};
    store.enqueue(List.of(toWorkspace, toPerson), at);
    assertThat(store.claimNext(later, 10).items()).hasSize(2);

    // Slack is still answering the worker's calls when each erasure runs; then Slack says ok.
    assertThat(store.dropNaming(TEAM, "U0GONE")).isEqualTo(1);
    store.ack(toPerson, later);
    store.eraseWorkspace(TEAM);
    store.ack(toWorkspace, later);

    assertThat(store.delivered(toWorkspace.id())).as("the erased workspace's delivery").isFalse();
    assertThat(store.delivered(toPerson.id())).as("the forgotten person's delivery").isFalse();
    assertThat(store.pending(TEAM)).isZero();
  }

  private static Delivery post(String id, String channel) {
    return Delivery.post(TEAM, channel, id, "message " + id, null);
  }
}
