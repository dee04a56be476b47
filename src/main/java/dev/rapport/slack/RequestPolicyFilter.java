package dev.rapport.slack;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code POST /slack/events}: a body over 1 MiB gets 413; a missing or wrong signature, or a
 * timestamp more than 5 minutes away from now in either direction, gets 401 and goes no further.
 * The signature is checked over the raw bytes with UTF-8, so non-ASCII text verifies whatever the
 * platform's default charset is.
 */
final class RequestPolicyFilter extends OncePerRequestFilter {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final long MAX_SKEW_SECONDS = 5 * 60;

  private static final Logger log = LoggerFactory.getLogger(RequestPolicyFilter.class);

  private final byte[] signingSecret;
  private final Clock clock;

  RequestPolicyFilter(String signingSecret, Clock clock) {
    this.signingSecret = signingSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                  FilterChain chain) throws ServletException, IOException {
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, 413, "request body larger than 1 MiB");
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      refuse(response, 413, "request body larger than 1 MiB");
      return;
    }
    String problem = problemWith(request.getHeader("X-Slack-Request-Timestamp"),
        request.getHeader("X-Slack-Signature"), body);
    if (problem != null) {
      log.info("Refused a request to {}: {}", request.getRequestURI(), problem);
      refuse(response, 401, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** Why the request can't be trusted, or null when it can. */
  String problemWith(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return "missing Slack signature headers";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return "malformed timestamp";
    }
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > MAX_SKEW_SECONDS) {
      return "timestamp more than 5 minutes from now";
    }
    byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8))) {
      return "signature mismatch";
    }
    return null;
  }

  String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }

  private static void refuse(HttpServletResponse response, int status, String why) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"ok\":false,\"error\":\"" + why + "\"}");
  }

  /** The request with its body already read, so the servlet can read it again. */
  static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    byte[] body() {
      return body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override public boolean isFinished() {
          return in.available() == 0;
        }

        @Override public boolean isReady() {
          return true;
        }

        @Override public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("synchronous only");
        }

        @Override public int read() {
          return in.read();
        }

        @Override public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
