package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import dev.rapport.testkit.DashboardClient;
import dev.rapport.testkit.SlackRequests;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's rules over HTTP, through the running app: sign in with Slack (state, session cookie), each
 * role sees its own pages only, forms need the session's CSRF token, another workspace's ids are 404, and the
 * Slack request gate is untouched by a dashboard session.
 */
class DashboardAccessTest extends AppTest {

  static final String COFFEE = "C0COFFEE";
  static final String TEAM_A = "C0TEAMA";
  static final String TEAM_B = "C0TEAMB";
  static final String ADMIN = "U001";
  static final String MANAGER = "U002";
  static final String EMPLOYEE = "U003";
  static final String OTHER_WORKSPACE = "T0OTHER";

  static final SlackRequests.Body NO_BODY = new SlackRequests.Body("text/plain", "");

  DashboardClient browser;

  /** A coffee program of six with one round, two teams with a pulse; U002 manages team A. */
  @BeforeEach
  void aWorkspaceWithEveryRole() {
    DashboardWorld.build(slack, requests, TEAM);
    browser = new DashboardClient(baseUrl(), slack);
  }

  @Test
  void withoutASessionPagesSendToSignInAndFormsChangeNothing() {
    assertThat(browser.get("/dashboard").status()).isEqualTo(302);
    assertThat(browser.get("/dashboard").location()).endsWith("/dashboard/signin");
    assertThat(browser.get("/dashboard/programs").location()).endsWith("/dashboard/signin");
    assertThat(browser.get("/dashboard/teams/" + TEAM_A).location()).endsWith("/dashboard/signin");
    assertThat(browser.get("/dashboard/export/health.csv").location()).endsWith("/dashboard/signin");

    DashboardClient.Page post = browser.post("/dashboard/me/leave", Map.of("channel", COFFEE, "_csrf", "x"));

    assertThat(post.status()).isEqualTo(403);
    assertThat(post.body()).as("the dashboard's own error page, in words").contains("<h1>Nothing changed</h1>")
        .contains("You&#39;re signed out, so nothing changed").contains("href=\"#main\"")
        .contains("/dashboard/dashboard.css");
    assertThat(coffeeStatus(EMPLOYEE)).doesNotContain("left");
  }

  @Test
  void signingInStartsAnHttpOnlySameSiteSessionScopedToTheDashboard() {
    assertThat(browser.get("/dashboard/signin").body()).contains("href=\"/dashboard/signin/slack\"");
    DashboardClient.Page start = browser.get("/dashboard/signin/slack");
    assertThat(start.location()).startsWith(slack.authorizeUrl()).contains("scope=openid+profile")
        .contains("client_id=" + DASHBOARD_CLIENT_ID).contains("state=").contains("nonce=")
        .contains("redirect_uri=" + java.net.URLEncoder.encode(baseUrl() + "/dashboard/signin/callback",
            java.nio.charset.StandardCharsets.UTF_8));

    DashboardClient.Page back = browser.signIn(TEAM, EMPLOYEE, "Erin");

    assertThat(back.status()).isEqualTo(302);
    assertThat(back.location()).endsWith("/dashboard");
    String session = back.setCookies().stream().filter(c -> c.startsWith("rapport_session=")).findFirst()
        .orElseThrow();
    assertThat(session).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/dashboard")
        .as("plain HTTP in tests: Secure only behind TLS").doesNotContain("Secure");
    long eightHours = java.time.Duration.ofHours(8).toSeconds();
    assertThat(jedis.ttl(Sessions.sessions(TEAM, EMPLOYEE))).as("the person's index expires").isBetween(1L, eightHours);
    assertThat(jedis.smembers(Sessions.sessions(TEAM, EMPLOYEE))).singleElement()
        .satisfies(digest -> assertThat(jedis.ttl(Sessions.session(TEAM, digest))).as("the session expires")
            .isBetween(1L, eightHours));
    assertThat(slack.calls("openid.connect.token")).singleElement()
        .satisfies(c -> assertThat(c.param("client_secret")).isEqualTo("dashboard-client-secret"));
    assertThat(browser.get("/dashboard").body()).contains("My coffee pairing").contains("Signed in as");
  }

  @Test
  void signingInOverAnEarlierSessionGivesANewCookieAndEndsTheEarlierOne() {
    browser.signIn(TEAM, EMPLOYEE, "Erin");
    String earlier = "rapport_session=" + browser.cookies().get("rapport_session");

    browser.signIn(TEAM, MANAGER, "Max");

    assertThat("rapport_session=" + browser.cookies().get("rapport_session")).isNotEqualTo(earlier);
    assertThat(browser.get("/dashboard").status()).isEqualTo(200);
    assertThat(requests.send("GET", "/dashboard", NO_BODY, Map.of("Cookie", earlier)).status())
        .as("the earlier session is over: sign in again").isEqualTo(302);
  }

  @Test
  void someoneDeactivatedInSlackIsSignedOutAtTheirNextPage() {
    browser.signIn(TEAM, EMPLOYEE, "Erin");
    assertThat(browser.get("/dashboard").status()).isEqualTo(200);

    slack.workspace(TEAM).user(EMPLOYEE).deleted();
    jedis.del(dev.rapport.store.Keys.team(TEAM, "people", "profile", EMPLOYEE)); // the cache's 10 minutes passed

    assertThat(browser.get("/dashboard").location()).endsWith("/dashboard/signin");
    assertThat(jedis.smembers(Sessions.sessions(TEAM, EMPLOYEE))).as("the session ended")
        .noneMatch(digest -> jedis.exists(Sessions.session(TEAM, digest)));
  }

  @Test
  void aCallbackWithAnotherStateOrAUsedOneSignsNobodyIn() {
    slack.openId().signInAs(TEAM, ADMIN, "Ada");
    DashboardClient.Page start = browser.get("/dashboard/signin/slack");
    DashboardClient.Page slackPage = browser.send(HttpRequest.newBuilder(URI.create(start.location())).GET());
    String callback = slackPage.location().substring(baseUrl().length());

    DashboardClient.Page forged = browser.get(callback.replaceAll("state=[^&]+", "state=forged"));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.setCookies()).noneMatch(c -> c.startsWith("rapport_session=") && !c.contains("Max-Age=0"));

    DashboardClient.Page again = browser.get(callback);
    assertThat(again.status()).as("the state was spent (and its cookie cleared) by the first try").isEqualTo(400);
    assertThat(browser.get("/dashboard").location()).endsWith("/dashboard/signin");
  }

  @Test
  void someoneOfAWorkspaceRapportDoesntServeIsNotSignedIn() {
    DashboardClient.Page back = browser.signIn(OTHER_WORKSPACE, "U0STRANGER", "Stranger");

    assertThat(back.status()).isEqualTo(403);
    assertThat(back.body()).contains("installed in the Slack workspace you signed in with");
    assertThat(browser.get("/dashboard").location()).endsWith("/dashboard/signin");
  }

  @Test
  void anAdminSeesEveryProgramTheMapAndTheExportsOthersGet403() {
    browser.signIn(TEAM, ADMIN, "Ada");

    assertThat(browser.get("/dashboard/programs").body()).contains("Coffee programs").contains("#channel-c0coffee")
        .contains("every week").contains("Health per round");
    assertThat(browser.get("/dashboard/map").body()).contains("Cross-team connection map")
        .as("departments of three people are folded together").contains("Other departments")
        .doesNotContain("engineering").doesNotContain("sales");
    assertThat(browser.get("/dashboard/charts/health/" + COFFEE + ".png").status()).isEqualTo(200);
    DashboardClient.Page csv = browser.get("/dashboard/export/health.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("program,round_day_utc,meeting_rate").contains("#channel-c0coffee")
        .doesNotContain(EMPLOYEE);
    assertThat(browser.get("/dashboard/teams").body()).contains("#channel-c0teama").contains("#channel-c0teamb");

    DashboardClient employee = new DashboardClient(baseUrl(), slack);
    employee.signIn(TEAM, EMPLOYEE, "Erin");
    assertThat(employee.get("/dashboard/programs").status()).isEqualTo(403);
    assertThat(employee.get("/dashboard/map").status()).isEqualTo(403);
    assertThat(employee.get("/dashboard/export/health.csv").status()).isEqualTo(403);
    assertThat(employee.get("/dashboard/export/map.csv").status()).isEqualTo(403);
    assertThat(employee.get("/dashboard/teams").status()).isEqualTo(403);
    assertThat(employee.get("/dashboard").body()).doesNotContain("/dashboard/programs");
  }

  @Test
  void aManagerSeesTheirTeamOnlyAnotherTeamIs403AndAnotherWorkspacesIs404() {
    browser.signIn(TEAM, MANAGER, "Max");

    assertThat(browser.get("/dashboard/teams").body()).contains("#channel-c0teama").doesNotContain("#channel-c0teamb");
    DashboardClient.Page mine = browser.get("/dashboard/teams/" + TEAM_A);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains("Pulse of #channel-c0teama").contains("Pulse started")
        .contains("not what changed the scores");
    assertThat(browser.get("/dashboard/charts/pulse/" + TEAM_A + ".png").status()).isEqualTo(200);

    assertThat(browser.get("/dashboard/teams/" + TEAM_B).status()).isEqualTo(403);
    assertThat(browser.get("/dashboard/charts/pulse/" + TEAM_B + ".png").status()).isEqualTo(403);
    assertThat(browser.get("/dashboard/teams/" + TEAM_B).body()).doesNotContain("Pulse of");
    assertThat(browser.get("/dashboard/programs").status()).isEqualTo(403);

    assertThat(browser.get("/dashboard/teams/C0ELSEWHERE").status()).isEqualTo(404);
    assertThat(browser.get("/dashboard/charts/pulse/C0ELSEWHERE.png").status()).isEqualTo(404);
  }

  @Test
  void anotherWorkspacesProgramIs404EvenToAnAdmin() {
    slack.workspace(OTHER_WORKSPACE).channel("C0THEIRS", "W", 6);
    browser.signIn(TEAM, ADMIN, "Ada");

    assertThat(browser.get("/dashboard/charts/health/C0THEIRS.png").status()).isEqualTo(404);
    assertThat(browser.get("/dashboard/teams/C0THEIRS").status()).isEqualTo(404);
    DashboardClient.Page form = browser.post("/dashboard/me/pause", form(browser, "channel", "C0THEIRS"));
    assertThat(form.status()).isEqualTo(400);
    assertThat(form.body()).contains("not in a coffee pairing there");
  }

  @Test
  void formsWithoutTheSessionsTokenAreRefusedAndChangeNothing() {
    browser.signIn(TEAM, EMPLOYEE, "Erin");

    Map<String, String> missing = Map.of("channel", COFFEE);
    assertThat(browser.post("/dashboard/me/leave", missing).status()).isEqualTo(403);
    assertThat(browser.post("/dashboard/me/leave", Map.of("channel", COFFEE, "_csrf", "forged")).status())
        .isEqualTo(403);
    DashboardClient other = new DashboardClient(baseUrl(), slack);
    other.signIn(TEAM, MANAGER, "Max");
    String othersToken = other.get("/dashboard").csrf();
    assertThat(browser.post("/dashboard/me/leave", Map.of("channel", COFFEE, "_csrf", othersToken)).status())
        .as("another session's token").isEqualTo(403);
    assertThat(browser.post("/dashboard/signout", Map.of()).status()).isEqualTo(403);
    assertThat(coffeeStatus(EMPLOYEE)).doesNotContain("left");
  }

  @Test
  void anEmployeePausesResumesLeavesAndEditsTheirAvoidListWithTheirToken() {
    browser.signIn(TEAM, EMPLOYEE, "Erin");
    assertThat(browser.get("/dashboard").body()).contains("#channel-c0coffee").contains("taking part.")
        .contains("My last groups");

    DashboardClient.Page paused = browser.post("/dashboard/me/pause", form(browser, "channel", COFFEE,
        "weeks", "4"));
    assertThat(paused.status()).isEqualTo(302);
    assertThat(browser.get(paused.location().replaceFirst("^https?://[^/]+", "")).body()).contains("Paused.")
        .contains("Paused until");
    assertThat(coffeeStatus(EMPLOYEE)).contains("Paused until");
    DashboardClient.Page nonsense = browser.post("/dashboard/me/pause", form(browser, "channel", COFFEE,
        "weeks", "forever"));
    assertThat(nonsense.status()).isEqualTo(400);
    assertThat(nonsense.body()).contains("1 to 12 weeks");
    assertThat(browser.post("/dashboard/me/pause", form(browser, "channel", COFFEE, "weeks", "13")).status())
        .isEqualTo(400);

    browser.post("/dashboard/me/resume", form(browser, "channel", COFFEE));
    assertThat(browser.get("/dashboard").body()).contains("taking part.");

    browser.post("/dashboard/me/avoid", form(browser, "person", "U004"));
    assertThat(requests.command(TEAM, EMPLOYEE, COFFEE, "/coffee", "avoid").text()).contains("U004");
    assertThat(browser.post("/dashboard/me/avoid", form(browser, "person", EMPLOYEE)).body())
        .contains("avoid yourself");
    browser.post("/dashboard/me/unavoid", form(browser, "person", "U004"));
    assertThat(requests.command(TEAM, EMPLOYEE, COFFEE, "/coffee", "avoid").text()).doesNotContain("U004");

    browser.post("/dashboard/me/leave", form(browser, "channel", COFFEE));
    assertThat(browser.get("/dashboard").body()).contains("You left this program").contains("Join again");

    assertThat(browser.post("/dashboard/signout", form(browser)).location()).endsWith("/dashboard/signed-out");
    assertThat(browser.get("/dashboard").location()).endsWith("/dashboard/signin");
  }

  @Test
  void aDashboardSessionOpensNothingOnTheSlackPaths() {
    browser.signIn(TEAM, ADMIN, "Ada");
    String cookie = "rapport_session=" + browser.cookies().get("rapport_session");

    var unsigned = requests.send("POST", "/slack/events", new SlackRequests.Body(
        "application/x-www-form-urlencoded", "command=%2Fcoffee&text=stop&team_id=" + TEAM + "&user_id=" + ADMIN),
        Map.of("Cookie", cookie));
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(requests.send("GET", "/slack/dashboard", NO_BODY, Map.of("Cookie", cookie)).status()).isEqualTo(404);
    assertThat(requests.send("GET", "/dashboard/programs", NO_BODY, Map.of("Cookie", cookie)).status()).isEqualTo(200);
  }

  /** The fields of a form on the current page: the page's token first, then {@code pairs}. */
  static Map<String, String> form(DashboardClient browser, String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", browser.get("/dashboard").csrf());
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return fields;
  }

  private String coffeeStatus(String user) {
    return requests.command(TEAM, user, "D0" + user, "/coffee", "status").text();
  }
}
