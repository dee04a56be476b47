package dev.rapport.slack;

import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Slack credentials and endpoint, bound from the conventional variables ({@code SLACK_BOT_TOKEN},
 * {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}, {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET},
 * {@code SLACK_API_URL}) through application.yml.
 */
@Validated
@ConfigurationProperties("rapport.slack")
public record SlackSettings(
    String botToken,
    String signingSecret,
    String appToken,
    String clientId,
    String clientSecret,
    @URL @DefaultValue("https://slack.com/api/") String apiUrl,
    String installPath,
    String redirectPath,
    @URL String redirectUri,
    @URL String completionUrl,
    @URL String cancellationUrl,
    java.util.List<String> scopes) {

  /** How this deployment reaches Slack. */
  public enum Mode { NOT_CONNECTED, HTTP, SOCKET_MODE, OAUTH }

  public SlackSettings {
    botToken = blankToNull(botToken);
    signingSecret = blankToNull(signingSecret);
    appToken = blankToNull(appToken);
    clientId = blankToNull(clientId);
    clientSecret = blankToNull(clientSecret);
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : withSlash(apiUrl.trim());
    installPath = installPath == null || installPath.isBlank() ? "/slack/install" : installPath;
    redirectPath = redirectPath == null || redirectPath.isBlank() ? "/slack/oauth_redirect" : redirectPath;
    redirectUri = blankToNull(redirectUri);
    completionUrl = blankToNull(completionUrl);
    cancellationUrl = blankToNull(cancellationUrl);
    scopes = scopes == null ? java.util.List.of() : java.util.List.copyOf(scopes);
  }

  /**
   * A bot token means one workspace: a client id and secret next to it serve Sign in with Slack (the dashboard)
   * only. Without a bot token they install Rapport into several workspaces.
   */
  public Mode mode() {
    if (clientId != null && clientSecret != null && signingSecret != null && botToken == null) {
      return Mode.OAUTH;
    }
    if (botToken != null && appToken != null) {
      return Mode.SOCKET_MODE;
    }
    if (botToken != null && signingSecret != null) {
      return Mode.HTTP;
    }
    return Mode.NOT_CONNECTED;
  }

  /** Whether Sign in with Slack can work: the app's client id and secret are set. */
  public boolean signsIn() {
    return clientId != null && clientSecret != null;
  }

  /** Whether HTTP requests on /slack/events can be verified (a signing secret is known). */
  public boolean acceptsHttp() {
    return signingSecret != null && mode() != Mode.NOT_CONNECTED;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  @Override
  public String toString() {
    // Secrets never reach a log line.
    return "SlackSettings[mode=" + mode() + ", apiUrl=" + apiUrl + ", botToken=" + mask(botToken)
        + ", signingSecret=" + mask(signingSecret) + ", appToken=" + mask(appToken)
        + ", clientId=" + (clientId == null ? "-" : clientId) + ", clientSecret=" + mask(clientSecret) + "]";
  }

  private static String mask(String secret) {
    return secret == null ? "-" : "***";
  }
}
