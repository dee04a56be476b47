package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.slack.api.bolt.App;
import dev.rapport.slack.SlackSettings;
import dev.rapport.testkit.AppTest;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;

/**
 * manifest.yml is valid for Slack and says exactly what the code does: every command, event and
 * interaction the app registers is declared, nothing is declared that it doesn't handle, and the bot
 * scopes are the ones the OAuth install asks for.
 */
class ManifestTest extends AppTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  App app;
  @Autowired
  SlackSettings settings;

  @Test
  void theManifestIsValidForSlacksSchema() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream(
        "/slack-samples/manifest-schema/schemas/manifest.schema.1.0.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }

    Set<ValidationMessage> problems = schema.validate(manifest());

    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesABrokenManifest() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream(
        "/slack-samples/manifest-schema/schemas/manifest.schema.1.0.0.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    var broken = (com.fasterxml.jackson.databind.node.ObjectNode) manifest();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("display_information")).remove("name");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("features").path("slash_commands").get(0))
        .put("command", "coffee with spaces");

    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void everyDeclaredCommandIsHandledAndEveryHandledCommandIsDeclared() throws Exception {
    Set<String> declared = new TreeSet<>();
    manifest().path("features").path("slash_commands").forEach(c -> {
      declared.add(c.path("command").asText());
      assertThat(c.path("url").asText()).endsWith("/slack/events");
      assertThat(c.path("should_escape").asBoolean()).as("mentions arrive as user ids").isTrue();
    });
    Set<Pattern> handled = this.<Map<Pattern, ?>>handlers("slashCommandHandlers").keySet();

    assertThat(declared).containsExactly("/coffee", "/empathy", "/pulse");
    assertThat(handled).hasSize(declared.size())
        .allMatch(p -> declared.stream().anyMatch(c -> p.matcher(c).matches()));
    assertThat(declared).allMatch(c -> handled.stream().anyMatch(p -> p.matcher(c).matches()));
  }

  @Test
  void everyDeclaredEventIsHandledAndEveryHandledEventIsDeclared() throws Exception {
    Set<String> declared = new TreeSet<>();
    manifest().path("settings").path("event_subscriptions").path("bot_events")
        .forEach(e -> declared.add(e.asText().split("\\.")[0]));
    Set<String> handled = new TreeSet<>();
    this.<Map<String, ?>>handlers("eventHandlers").keySet().forEach(type -> handled.add(type.split(":")[0]));

    assertThat(handled).isEqualTo(declared);
    assertThat(manifest().path("settings").path("event_subscriptions").path("request_url").asText())
        .endsWith("/slack/events");
  }

  @Test
  void interactivityAndTheHomeTabAreOnBecauseTheAppUsesThem() throws Exception {
    assertThat(this.<Map<?, ?>>handlers("blockActionHandlers")).isNotEmpty();
    assertThat(this.<Map<?, ?>>handlers("viewSubmissionHandlers")).isNotEmpty();
    assertThat(this.<Map<?, ?>>handlers("blockSuggestionHandlers")).as("no external selects").isEmpty();
    assertThat(this.<Map<?, ?>>handlers("globalShortcutHandlers")).as("no shortcuts").isEmpty();
    assertThat(this.<Map<?, ?>>handlers("messageShortcutHandlers")).as("no shortcuts").isEmpty();
    JsonNode manifest = manifest();
    assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
    assertThat(manifest.path("settings").path("interactivity").path("request_url").asText()).endsWith("/slack/events");
    assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.path("features").has("shortcuts")).isFalse();
    assertThat(manifest.path("oauth_config").path("redirect_urls").get(0).asText()).endsWith("/slack/oauth_redirect");
  }

  @Test
  void theBotScopesAreTheOnesTheInstallAsksFor() throws Exception {
    List<String> declared = new ArrayList<>();
    manifest().path("oauth_config").path("scopes").path("bot").forEach(s -> declared.add(s.asText()));

    assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(settings.scopes());
    List<String> user = new ArrayList<>();
    manifest().path("oauth_config").path("scopes").path("user").forEach(s -> user.add(s.asText()));
    assertThat(user).as("Sign in with Slack's scopes only: no user token does anything else")
        .containsExactlyInAnyOrder("openid", "profile");
  }

  @Test
  void theSignInWithSlackRedirectIsTheDashboardsCallback() throws Exception {
    List<String> redirects = new ArrayList<>();
    manifest().path("oauth_config").path("redirect_urls").forEach(u -> redirects.add(u.asText()));

    assertThat(redirects).anyMatch(u -> u.endsWith("/dashboard/signin/callback"));
  }

  static JsonNode manifest() throws Exception {
    Object yaml = new Yaml().load(Files.readString(Path.of("manifest.yml")));
    return JSON.valueToTree(yaml);
  }

  /** What the one Bolt App registered (read, not changed). */
  @SuppressWarnings("unchecked")
  private <T> T handlers(String field) throws Exception {
    Field f = App.class.getDeclaredField(field);
    f.setAccessible(true);
    return (T) f.get(app);
  }
}
