package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.DashboardClient;
import dev.rapport.testkit.FakeApi;
import dev.rapport.testkit.FakeSlack;
import dev.rapport.slack.WorkspaceUninstalled;
import dev.rapport.store.KeyFamily;
import dev.rapport.store.KeyLayout;
import dev.rapport.testkit.RedisContents;
import dev.rapport.testkit.SlackRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * {@code /coffee forget-me} leaves nothing in Redis that names the person, whatever they did in every
 * feature, and runs at most once a minute per person; uninstalling leaves nothing that names the workspace.
 * Every key the features write belongs to a family its module declares ({@link KeyLayout}), so a new key
 * family that can hold a person (or, in a shared area, a workspace) has to say so, and then its module has to
 * handle the erasure.
 */
class ForgetMeTest extends AppTest {

  static final String CHANNEL = "C0FORGET";
  static final String ADMIN = "U001";
  /** Someone who used everything: a member, an admin (so a reviewer), a pulse manager, a proposer. */
  static final String ME = "U004";

  /**
   * Families that can name a person which {@link #usedEverything()} doesn't fill, and why. Everything else that
   * names a person is filled before forget-me runs, so its erasure is checked here.
   */
  static final Map<String, String> NOT_EXERCISED = Map.of(
      "rapport:{outbox}:inflight", "holds a delivery only while a worker is sending it",
      "rapport:{outbox}:uncertain", "holds a delivery only after Slack's answer to it was lost",
      "rapport:{outbox}:dead", "the dead letters of versions before per-workspace lists, moved at start",
      "rapport:{team}:pairing:{channel}:ghosts", "needs rounds that end without a word from someone",
      "rapport:{team}:pairing:{channel}:round:{id}:asked", "needs a round's check-in, days after the intro",
      "rapport:{team}:pairing:{channel}:round:{id}:unreached", "needs that check-in's answer",
      "rapport:{team}:insights:ties:{channel}", "needs the lasting-tie question, four weeks after \"We met\" "
          + "(LastingTiesTest checks its erasure)");

  @Autowired
  Outbox outbox;
  @Autowired
  ProfileFields fields;
  @Autowired
  List<KeyLayout> layouts;
  @Autowired
  ApplicationContext context;
  @Autowired
  MeterRegistry meters;

  @BeforeEach
  void aTeamOfNine() {
    slack.workspace(TEAM).channel(CHANNEL, "U", 9);
    slack.workspace(TEAM).user(ADMIN).admin();
    slack.workspace(TEAM).user(ME).admin();
  }

  /** Forget-me, then uninstalling the workspace: one run of every feature serves both (the suite stays quick). */
  @Test
  void forgetMeLeavesNothingNamingThePersonAndUninstallingNothingNamingTheWorkspace() throws Exception {
    usedEverything();
    assertThat(RedisContents.mentions(jedis, ME)).as("before").isNotEmpty()
        .anyMatch(found -> found.contains(":prompts:suggestion:"))
        .anyMatch(found -> found.contains(":prompts:suggest:today:" + ME))
        .anyMatch(found -> found.startsWith("rapport:{outbox}:dead"));
    everyKeyIsInOneDeclaredFamily();
    keysNamingThemAreInFamiliesThatSaySo(ME, KeyFamily::namesPeople, "names a person");
    keysNamingThemAreInFamiliesThatSaySo(TEAM, f -> f.perWorkspace() || f.namesWorkspaces(), "names a workspace");
    Set<String> keys = RedisContents.all(jedis).keySet();
    assertThat(layouts.stream().flatMap(l -> l.keyFamilies().stream()).filter(KeyFamily::namesPeople)
        .filter(f -> keys.stream().noneMatch(f::matches)).map(KeyFamily::pattern))
        .as("families that can name a person but this test leaves empty (exercise them, or say why not)")
        .containsExactlyInAnyOrderElementsOf(NOT_EXERCISED.keySet());

    forgetMe();

    assertThat(RedisContents.mentions(jedis, ME)).as("after forget-me").isEmpty();
    assertThat(empathy("U005", "suggest What made you laugh this week?").text()).as("others' suggestions still work")
        .contains("Thank you");

    assertThat(requests.event(TEAM, SlackRequests.newEventId(), "AppUninstalledPayload",
        Map.of("type", "app_uninstalled")).status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(RedisContents.mentions(jedis, TEAM)).as("after uninstalling").isEmpty());
  }

  @Test
  void aDeliverySlackIsStillAnsweringWhenTheWorkspaceIsUninstalledLeavesNothingBehind() {
    slack.delay("chat.postMessage", 30_000);
    assertThat(empathy("U005", "suggest What are you looking forward to?").text()).contains("Thank you");
    // The review DMs reached Slack; its answers are held back.
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().messages().stream()
        .anyMatch(m -> m.blocks().toString().contains("prompts_reject")));

    uninstallThenLetSlackAnswer("sent");
  }

  @Test
  void aDeliverySlackRefusesAfterTheWorkspaceIsUninstalledLeavesNothingBehind() {
    // A scheduled prompt's post: when Slack refuses one, its listener tells the workspace's admins.
    slack.on("chat.postMessage", call -> FakeApi.error("channel_not_found"));
    slack.delay("chat.postMessage", 30_000);
    outbox.send(Delivery.post(TEAM, "C0GONE", "prompts:gone-prompt", "a prompt", null)
        .withTag("prompts", Map.of("prompt", "p1")));
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.calls("chat.postMessage").isEmpty());

    uninstallThenLetSlackAnswer("dead");
  }

  /**
   * Uninstalls the workspace while Slack holds the outbox's posts, then lets Slack answer: once the worker has
   * had the answer ({@code outcome} counted; a listener runs before the count moves), nothing came back.
   */
  private void uninstallThenLetSlackAnswer(String outcome) {
    assertThat(requests.event(TEAM, SlackRequests.newEventId(), "AppUninstalledPayload",
        Map.of("type", "app_uninstalled")).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> RedisContents.mentions(jedis, TEAM).isEmpty());
    double before = finished(outcome);
    slack.releaseDelays();

    await().atMost(Duration.ofSeconds(10)).until(() -> finished(outcome) > before);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(RedisContents.mentions(jedis, TEAM)).as("after Slack answered: " + outcome).isEmpty());
  }

  /** How many posts the outbox has finished with {@code outcome}. */
  private double finished(String outcome) {
    return meters.counter("rapport.outbox.deliveries", "method", "chat.postMessage", "outcome", outcome).count();
  }

  @Test
  void everyModuleThatKeepsPeopleOrSharedWorkspaceDataHandlesTheirErasure() {
    Set<String> forgetting = listeningModules(MemberForgotten.class);
    Set<String> uninstalling = listeningModules(WorkspaceUninstalled.class);
    assertThat(forgetting).as("modules handling member forgotten").contains("pairing", "prompts", "pulse", "outbox",
        "people");
    assertThat(uninstalling).as("modules handling workspace uninstalled").contains("outbox", "schedule", "slack");
    for (KeyLayout layout : layouts) {
      String module = module(layout.getClass());
      for (KeyFamily family : layout.keyFamilies()) {
        if (family.namesPeople()) {
          assertThat(forgetting).as("%s names people: %s must handle MemberForgotten", family.pattern(), module)
              .contains(module);
        }
        if (family.namesWorkspaces()) {
          assertThat(uninstalling).as("%s names workspaces: %s must handle WorkspaceUninstalled", family.pattern(),
              module).contains(module);
        }
      }
    }
  }

  @Test
  void eachModuleDeclaresExactlyTheKeyFamiliesItsJavadocDocuments() throws IOException {
    Pattern documented = Pattern.compile("^ \\* (rapport:\\{\\S+)", Pattern.MULTILINE);
    try (Stream<Path> modules = Files.list(Path.of("src/main/java/dev/rapport"))) {
      for (Path dir : modules.filter(Files::isDirectory).toList()) {
        String module = dir.getFileName().toString();
        Set<String> inJavadoc = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
            Matcher m = documented.matcher(Files.readString(file));
            while (m.find()) {
              inJavadoc.add(m.group(1));
            }
          }
        }
        assertThat(layouts.stream().filter(l -> module(l.getClass()).equals(module))
            .flatMap(l -> l.keyFamilies().stream()).map(KeyFamily::pattern))
            .as("the key families %s declares (its KeyLayout) and documents (its stores' Javadoc)", module)
            .containsExactlyInAnyOrderElementsOf(inJavadoc);
      }
    }
  }

  @Test
  void aSecondForgetMeWithinAMinuteDoesNothingAndSaysSo() {
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    forgetMe();
    assertThat(coffee(ME, "avoid <@U006>").text()).contains("won't be paired");

    requests.blockAction(TEAM, ME, "D0ME", "pairing_forget", "forget");

    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream()
        .anyMatch(r -> r.text().contains("less than a minute ago") && r.text().contains("try in a minute")));
    assertThat(jedis.smembers("rapport:{" + TEAM + "}:pairing:avoid:" + ME)).as("not erased again")
        .containsExactly("U006");
    assertThat(jedis.keys("rapport:{" + TEAM + "}:people:forgetting:*")).singleElement()
        .satisfies(mark -> assertThat(jedis.ttl(mark)).isBetween(1L, 60L));
  }

  @Test
  void anErasureThatFailsLetsThePersonAskAgainAtOnce() {
    ForgetMe failing = new ForgetMe(jedis, event -> {
      throw new IllegalStateException("a module couldn't erase");
    }, null);
    assertThatThrownBy(() -> failing.forget(TEAM, ME)).hasMessageContaining("couldn't erase");
    assertThat(jedis.keys("rapport:{" + TEAM + "}:people:forgetting:*")).as("no once-a-minute mark").isEmpty();

    List<Object> published = new java.util.ArrayList<>();
    assertThat(new ForgetMe(jedis, published::add, null).forget(TEAM, ME)).isTrue();
    assertThat(published).containsExactly(new MemberForgotten(TEAM, ME));
  }

  /** The person touches every feature that keeps something about people. */
  private void usedEverything() throws Exception {
    // Their custom profile fields were read (a program pairing by office, or guarding skip levels, reads them).
    slack.workspace(TEAM).user(ME).field("Office", "Berlin");
    assertThat(fields.value(TEAM, ME, "Office")).contains("Berlin");
    coffee(ADMIN, "start every week on mon at 10:00 tz UTC");
    coffee(ME, "avoid <@U006>");
    coffee("U007", "avoid <@" + ME + ">");
    coffee(ADMIN, "now");
    await().atMost(Duration.ofSeconds(15)).until(() -> slack.api().intros().size() == 4);
    metTheirGroup();
    // An admin added them as a new hire with a start date ahead: their onboarding journey waits for it.
    assertThat(coffee(ADMIN, "start every week on mon at 10:00 tz UTC type onboarding").text()).contains("buddy");
    assertThat(coffee(ADMIN, "onboard <@" + ME + "> starting "
        + java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(10)).text()).contains(ME);
    coffee(ME, "pause 2w");
    coffee(ME, "leave");
    // A cross-group program keeps their turn in its rotation; a leader roulette they host names them.
    slack.workspace(TEAM).join("C0CROSS", ADMIN, ME, "U006", "U007");
    slack.workspace(TEAM).namedUserGroup("S0SIDEA", "sidea", ME, "U006");
    slack.workspace(TEAM).namedUserGroup("S0SIDEB", "sideb", "U007");
    requests.command(TEAM, ADMIN, "C0CROSS", "/coffee", "start every week on mon at 10:00 tz UTC type cross "
        + "<!subteam^S0SIDEA|@sidea> <!subteam^S0SIDEB|@sideb>");
    requests.command(TEAM, ADMIN, "C0CROSS", "/coffee", "now");
    await().atMost(Duration.ofSeconds(15)).until(() -> jedis.hexists("rapport:{" + TEAM + "}:pairing:C0CROSS:turns",
        ME));
    slack.workspace(TEAM).join("C0LEAD", ADMIN, ME);
    assertThat(requests.command(TEAM, ADMIN, "C0LEAD", "/coffee", "start every week on mon at 10:00 tz UTC type "
        + "leader <@" + ME + ">").text()).contains("leader roulette");
    assertThat(requests.command(TEAM, ADMIN, CHANNEL, "/pulse", "managers add <@" + ME + ">").status()).isEqualTo(200);
    // Two suggestions of their own wait for review; one of someone else's made them a reviewer.
    assertThat(empathy(ME, "suggest What is one thing you learned from a colleague?").text()).contains("Thank you");
    assertThat(empathy(ME, "suggest Who helped you this month, and how?").text()).contains("Thank you");
    assertThat(empathy("U005", "suggest What are you looking forward to?").text()).contains("Thank you");
    // They scheduled prompts here (so they hear if one fails) and rejected that suggestion (which every
    // reviewer's DM then says).
    assertThat(empathy(ME, "start every day at 10:00 tz UTC").text()).contains("Rapport will post");
    String myDm = slack.api().groupDmOf(List.of(ME));
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.api().messages(myDm).stream()
        .anyMatch(m -> m.blocks() != null && m.blocks().toString().contains("looking forward")));
    String suggestion = slack.api().messages(myDm).stream().map(m -> m.blocks().toString())
        .filter(b -> b.contains("looking forward")).findFirst().orElseThrow()
        .replaceAll("(?s).*\"action_id\":\"prompts_reject\"[^}]*\"value\":\"([^\"]+)\".*", "$1");
    int updates = slack.calls("chat.update").size();
    requests.blockAction(TEAM, ME, myDm, "prompts_reject", suggestion);
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == updates + 1);
    // A delivery that names them was given up on.
    slack.on("chat.postMessage", call -> call.param("channel").equals("C0GONE")
        ? FakeApi.error("channel_not_found") : slack.api().answer(call));
    outbox.send(Delivery.post(TEAM, "C0GONE", "test:note-for:" + ME, "hello", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.stats(TEAM).deadLettered() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.hlen("rapport:{outbox}:items") == 0);
    answeredThePulse();
    // They signed in to the dashboard (a session in Redis names them).
    assertThat(new DashboardClient(baseUrl(), slack).signIn(TEAM, ME, "Me").status()).isEqualTo(302);
    // A delivery that names them waits: Slack asked Rapport to slow down.
    slack.rateLimitNext("chat.postMessage", 60, 1);
    outbox.send(Delivery.post(TEAM, CHANNEL, "test:later-for:" + ME, "Later, <@" + ME + ">", null));
    await().atMost(Duration.ofSeconds(10)).until(() -> jedis.zrangeWithScores("rapport:{outbox}:ready", 0, -1)
        .stream().anyMatch(t -> t.getScore() > clock.millis() + 10_000));
  }

  /** The person answers "we met" on their group's intro. */
  private void metTheirGroup() {
    FakeApi.Message intro = slack.api().intros().stream().filter(m -> m.blocks().toString().contains(ME))
        .findFirst().orElseThrow();
    String value = intro.blocks().findParents("action_id").stream()
        .filter(button -> button.path("action_id").asText().equals("pairing_met")).findFirst().orElseThrow()
        .path("value").asText();
    requests.blockAction(TEAM, ME, intro.channel(), "pairing_met", value);
    // Recorded, then shown on the intro.
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("chat.update").size() == 1);
    assertThat(RedisContents.all(jedis).keySet()).anyMatch(key -> key.endsWith(":answers"));
  }

  /** A pulse period opens now, and the person answers it through the modal Slack shows them. */
  private void answeredThePulse() {
    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "start every week on mon at 10:00 tz UTC"))
        .contains("Pulse started");
    assertThat(requests.commandAnsweredLater(TEAM, ADMIN, CHANNEL, "/pulse", "now")).contains("open");
    await().atMost(Duration.ofSeconds(15)).until(() -> outbox.stats(TEAM).pending() == 0);
    assertThat(requests.command(TEAM, ME, CHANNEL, "/pulse", "").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !slack.api().views().isEmpty());
    JsonNode modal = slack.api().views().get(0).view();
    ObjectNode values = new ObjectMapper().createObjectNode();
    for (JsonNode block : modal.path("blocks")) {
      JsonNode element = block.path("element");
      if (element.path("type").asText().equals("radio_buttons")) {
        values.putObject(block.path("block_id").asText()).putObject(element.path("action_id").asText())
            .put("type", "radio_buttons").putObject("selected_option").put("value", "4");
      } else if (element.path("type").asText().equals("plain_text_input")) {
        values.putObject(block.path("block_id").asText()).putObject(element.path("action_id").asText())
            .put("type", "plain_text_input").put("value", "We listen to each other.");
      }
    }
    assertThat(requests.viewSubmission(TEAM, ME, modal.path("callback_id").asText(),
        modal.path("private_metadata").asText(), values).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> RedisContents.all(jedis).keySet().stream()
        .anyMatch(key -> key.endsWith(":voters")));
  }

  /** Every key matches exactly one family of one module's layout: none is written without being declared. */
  private void everyKeyIsInOneDeclaredFamily() {
    List<KeyFamily> families = layouts.stream().flatMap(l -> l.keyFamilies().stream()).toList();
    for (String key : RedisContents.all(jedis).keySet()) {
      assertThat(families.stream().filter(f -> f.matches(key)).map(KeyFamily::pattern))
          .as("declared families of the key %s", key).hasSize(1);
    }
  }

  /** Each key that names {@code id} (in its name or its value) is in a family that says it does. */
  private void keysNamingThemAreInFamiliesThatSaySo(String id, Predicate<KeyFamily> saysSo, String what) {
    List<KeyFamily> families = layouts.stream().flatMap(l -> l.keyFamilies().stream()).toList();
    RedisContents.all(jedis).forEach((key, value) -> {
      if (key.contains(id) || value.contains(id)) {
        KeyFamily family = families.stream().filter(f -> f.matches(key)).findFirst().orElseThrow();
        assertThat(saysSo).as("%s holds %s, so its family %s %s", key, id, family.pattern(), what)
            .accepts(family);
      }
    });
  }

  /** The modules with a bean that has an {@code @EventListener} for {@code event}. */
  private Set<String> listeningModules(Class<?> event) {
    Set<String> modules = new TreeSet<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name);
      if (type == null || !type.getName().startsWith("dev.rapport.")) {
        continue;
      }
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
        if (method.isAnnotationPresent(EventListener.class) && method.getParameterCount() == 1
            && method.getParameterTypes()[0] == event) {
          modules.add(module(type));
        }
      }
    }
    return modules;
  }

  private static String module(Class<?> type) {
    return ClassUtils.getUserClass(type).getPackageName().split("\\.")[2];
  }

  private void forgetMe() {
    requests.blockAction(TEAM, ME, "D0ME", "pairing_forget", "forget");
    await().atMost(Duration.ofSeconds(10)).until(() -> slack.responded().stream()
        .anyMatch(r -> r.text().contains("Done.")));
    assertThat(slack.responded()).extracting(FakeSlack.Responded::text)
        .anyMatch(t -> t.contains("pending prompt suggestions are withdrawn"));
  }

  private dev.rapport.testkit.SlackRequests.Answer coffee(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/coffee", text);
  }

  private dev.rapport.testkit.SlackRequests.Answer empathy(String user, String text) {
    return requests.command(TEAM, user, CHANNEL, "/empathy", text);
  }
}
