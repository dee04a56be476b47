package dev.rapport.slack;

import java.time.Duration;

/**
 * A Web API call that did not succeed, classified so callers can decide: rate limited (wait
 * {@link #retryAfter()}), a server or network failure (retry with backoff), or an API error that retrying
 * will not fix ({@link #error()} is Slack's error code, e.g. {@code channel_not_found}).
 */
public class SlackCallException extends Exception {

  public enum Kind { RATE_LIMITED, SERVER_ERROR, NETWORK, API_ERROR }

  private final String method;
  private final Kind kind;
  private final String error;
  private final Duration retryAfter;

  SlackCallException(String method, Kind kind, String error, Duration retryAfter, Throwable cause) {
    super(method + " failed: " + kind + (error == null ? "" : " " + error), cause, false, false);
    this.method = method;
    this.kind = kind;
    this.error = error;
    this.retryAfter = retryAfter;
  }

  public static SlackCallException apiError(String method, String error) {
    return new SlackCallException(method, Kind.API_ERROR, error, null, null);
  }

  public String method() {
    return method;
  }

  public Kind kind() {
    return kind;
  }

  /** Slack's error code, or a short description for HTTP and network failures. */
  public String error() {
    return error;
  }

  /** For {@link Kind#RATE_LIMITED}: how long Slack asked us to wait. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether trying again later can succeed. */
  public boolean retryable() {
    return kind != Kind.API_ERROR || "ratelimited".equals(error) || "internal_error".equals(error)
        || "fatal_error".equals(error) || "service_unavailable".equals(error)
        || "request_timeout".equals(error);
  }
}
