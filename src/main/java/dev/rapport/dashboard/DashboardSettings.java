package dev.rapport.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dashboard settings, bound from rapport.dashboard.* ({@code RAPPORT_PUBLIC_URL} for the public URL). The
 * client id and secret are Slack's ({@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET}).
 *
 * @param publicUrl where people reach Rapport, e.g. {@code https://rapport.example.com}: the sign-in redirect
 *     is {@code <publicUrl>/dashboard/signin/callback}, and the admins' Home links to {@code <publicUrl>/dashboard}
 * @param authorizeUrl Slack's OpenID Connect authorization page (a test points it at its fake)
 * @param sessionLength how long a sign-in lasts
 */
@Validated
@ConfigurationProperties("rapport.dashboard")
record DashboardSettings(@URL String publicUrl,
                         @NotNull @URL @DefaultValue("https://slack.com/openid/connect/authorize") String authorizeUrl,
                         @NotNull @DefaultValue("8h") Duration sessionLength) {

  DashboardSettings {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim().replaceAll("/+$", "");
  }

  /** Whether cookies must be Secure: the public URL is HTTPS (then TLS ends before the app, at the ingress). */
  boolean secure() {
    return publicUrl != null && publicUrl.startsWith("https://");
  }
}
