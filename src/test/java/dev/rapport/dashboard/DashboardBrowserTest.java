package dev.rapport.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through Debian's chromedriver (nothing is
 * downloaded). Each role signs in through the fake Slack's OpenID Connect pages by clicking "Sign in with Slack",
 * sees exactly its own pages, and is refused the others; a form stripped of its CSRF token changes nothing. A
 * screenshot of every whole page goes to {@code target/dashboard-screenshots/}, at a phone's width, once the page
 * passed basic accessibility checks (labels, alternative texts, landmarks, captions).
 *
 * <p>Runs with {@code ./mvnw -B test -Pbrowser} (the {@code browser} group; {@code verify} leaves it out).
 */
@Tag("browser")
class DashboardBrowserTest extends AppTest {

  static final Path SHOTS = Path.of("target", "dashboard-screenshots");
  static final String CHROMIUM = System.getProperty("rapport.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("rapport.chromedriver", "/usr/bin/chromedriver");

  static ChromeDriver browser;
  static Path profile;

  @BeforeAll
  static void chromium() throws IOException {
    profile = Files.createTempDirectory("rapport-chromium");
    Files.createDirectories(SHOTS);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=412,915");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void aWorkspaceWithEveryRole() {
    DashboardWorld.build(slack, requests, TEAM);
  }

  @AfterEach
  void signOutEverywhere() {
    browser.manage().deleteAllCookies();
  }

  @Test
  void anAdminSeesEveryProgramTheMapAndEveryTeam() throws IOException {
    signIn(DashboardAccessTest.ADMIN, "Ada Admin");
    shot("admin-my-coffee");
    assertThat(nav()).contains("My coffee", "Team pulse", "Programs", "Connection map");

    click("Programs");
    assertThat(heading()).isEqualTo("Coffee programs");
    assertThat(text()).contains("#channel-c0coffee").contains("every week on").contains("Health per round")
        .contains("Delivery problems");
    assertThat(imageLoaded("img.chart")).as("the health chart").isTrue();
    shot("admin-programs");

    click("Connection map");
    assertThat(heading()).startsWith("Cross-team connection map");
    shot("admin-connection-map");

    click("Team pulse");
    assertThat(text()).contains("#channel-c0teama").contains("#channel-c0teamb");
    shot("admin-team-pulse");
  }

  @Test
  void aManagerSeesTheirTeamOnlyAndCannotOpenAnotherTeamsUrl() throws IOException {
    signIn(DashboardAccessTest.MANAGER, "Max Manager");
    assertThat(nav()).contains("My coffee", "Team pulse").doesNotContain("Programs", "Connection map");

    click("Team pulse");
    assertThat(text()).contains("#channel-c0teama").doesNotContain("#channel-c0teamb");
    shot("manager-teams");
    go(By.linkText("#channel-c0teama"));
    assertThat(heading()).isEqualTo("Pulse of #channel-c0teama");
    assertThat(text()).contains("Milestones").contains("Pulse started")
        .contains("not what changed the scores");
    shot("manager-team-pulse");

    open("/dashboard/teams/" + DashboardAccessTest.TEAM_B);
    assertThat(heading()).isEqualTo("Not for you");
    assertThat(text()).doesNotContain("Pulse of");
    shot("manager-other-team-refused");

    open("/dashboard/programs");
    assertThat(heading()).isEqualTo("Not for you");

    open("/dashboard/teams/C0ELSEWHERE");
    assertThat(heading()).isEqualTo("Not found");
  }

  @Test
  void anEmployeeSeesTheirOwnCoffeeAndChangesItWhileAFormWithoutItsTokenChangesNothing() throws IOException {
    signIn(DashboardAccessTest.EMPLOYEE, "Erin Employee");
    assertThat(nav()).contains("My coffee").doesNotContain("Team pulse", "Programs", "Connection map");
    assertThat(text()).contains("#channel-c0coffee").contains("taking part").contains("My last groups")
        .contains("My do-not-pair list");
    shot("employee-my-coffee");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("weeks-C0COFFEE"))).selectByValue("4");
    go(By.cssSelector("button[aria-label='Pause in #channel-c0coffee']"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Paused.");
    assertThat(text()).contains("Paused until");
    shot("employee-paused");

    go(By.cssSelector("button[aria-label='Resume in #channel-c0coffee']"));
    assertThat(text()).contains("Welcome back").contains("taking part");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("person"))).selectByValue("U004");
    go(By.xpath("//button[normalize-space()='Add to my list']"));
    assertThat(text()).contains("Added to your do-not-pair list.").contains("Real user-u004");
    shot("employee-avoid-list");

    browser.executeScript("document.querySelectorAll('form[action=\"/dashboard/me/leave\"] input[name=_csrf]')"
        + ".forEach(e => e.remove());");
    go(By.cssSelector("button[aria-label='Leave #channel-c0coffee']"));
    assertThat(heading()).isEqualTo("Nothing changed");
    shot("employee-form-without-token");
    open("/dashboard");
    assertThat(text()).contains("taking part").doesNotContain("You left this program");

    open("/dashboard/programs");
    assertThat(heading()).isEqualTo("Not for you");
    open("/dashboard/teams/" + DashboardAccessTest.TEAM_A);
    assertThat(heading()).isEqualTo("Not for you");
  }

  @Test
  void signingOutEndsTheSession() throws IOException {
    open("/dashboard/programs");
    assertThat(heading()).as("no session: the sign-in page").isEqualTo("Rapport dashboard");
    shot("sign-in");
    signIn(DashboardAccessTest.EMPLOYEE, "Erin Employee");

    go(By.xpath("//button[normalize-space()='Sign out']"));
    assertThat(text()).contains("signed out");
    open("/dashboard");
    assertThat(heading()).isEqualTo("Rapport dashboard");
  }

  /** Opens the dashboard, is sent to sign in, and clicks "Sign in with Slack" as {@code user}. */
  private void signIn(String user, String name) {
    slack.openId().signInAs(TEAM, user, name);
    open("/dashboard");
    go(By.linkText("Sign in with Slack"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
    assertThat(heading()).isEqualTo("My coffee pairing");
  }

  private void open(String path) {
    browser.get(baseUrl() + path);
  }

  private void click(String link) {
    go(By.linkText(link));
  }

  /** Clicks what leads to another page and waits until that page has loaded (a click doesn't wait for a post). */
  private void go(By what) {
    String before = browser.getCurrentUrl();
    browser.findElement(what).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
        .until(d -> !d.getCurrentUrl().equals(before)
            && "complete".equals(browser.executeScript("return document.readyState;")));
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private String nav() {
    java.util.List<WebElement> navs = browser.findElements(By.cssSelector("nav[aria-label=Dashboard]"));
    return navs.isEmpty() ? "" : navs.get(0).getText();
  }

  private boolean imageLoaded(String css) {
    return Boolean.TRUE.equals(browser.executeScript("const i = document.querySelector(arguments[0]);"
        + " return i != null && i.complete && i.naturalWidth > 0;", css));
  }

  /**
   * Saves the whole page at a phone's width, after checking what a screen reader and a keyboard need of it: a
   * language, a main landmark with a skip link to it, an alternative text on every image, a name on every
   * control (a label, or aria-label), and a caption on every table.
   */
  private void shot(String name) throws IOException {
    Object problems = browser.executeScript("""
        const p = [];
        if (!document.documentElement.lang) p.push('no lang');
        if (!document.querySelector('main#main')) p.push('no main');
        if (!document.querySelector('a.skip[href="#main"]')) p.push('no skip link');
        document.querySelectorAll('img').forEach(i => { if (!i.alt) p.push('img without alt: ' + i.src); });
        document.querySelectorAll('select, input:not([type=hidden]), textarea').forEach(c => {
          const labelled = c.getAttribute('aria-label')
              || (c.id && document.querySelector('label[for="' + c.id + '"]'));
          if (!labelled) p.push('control without a label: ' + (c.name || c.id));
        });
        document.querySelectorAll('button').forEach(b => {
          if (!(b.getAttribute('aria-label') || b.textContent.trim())) p.push('button without a name');
        });
        document.querySelectorAll('table').forEach(t => { if (!t.caption) p.push('table without caption'); });
        return p;""");
    assertThat((java.util.List<?>) problems).as("accessibility of %s", name).isEmpty();
    long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, (int) Math.min(height + 120, 6000)));
    try {
      Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.move(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
    }
  }
}
