package dev.rapport.dashboard;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Dashboard sign-ins, in Redis so every replica knows them. The cookie holds {@code <workspace>.<random token>};
 * Redis holds only the token's SHA-256, so someone who reads Redis can't take over a session.
 * <pre>
 * rapport:{team}:dashboard:session:{digest}   HASH    user, csrf (the forms' token); expires with the session
 * rapport:{team}:dashboard:sessions:{user}    SET     digests of the user's sessions; expires with the latest
 * rapport:{dashboard}:signin:{digest}         STRING  the OpenID Connect nonce of a sign-in under way; 10 minutes
 * </pre>
 */
@Component
class Sessions {

  static final Duration SIGN_IN_TIME = Duration.ofMinutes(10);
  private static final Pattern COOKIE = Pattern.compile("(T[A-Z0-9]{1,20})\\.([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A signed-in person and the token their forms must carry. */
  record Session(String team, String user, String csrf) {}

  private final UnifiedJedis redis;
  private final DashboardSettings settings;
  private final LuaScript start = LuaScript.load("dashboard/session-start");

  Sessions(UnifiedJedis redis, DashboardSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  /** Starts a session; returns the cookie's value. */
  String start(String team, String user) {
    String token = random();
    String digest = digest(token);
    String key = session(team, digest);
    start.run(redis, List.of(key, sessions(team, user)), List.of(user, random(), digest,
        String.valueOf(settings.sessionLength().toSeconds())));
    return team + "." + token;
  }

  Optional<Session> find(String cookie) {
    var m = cookie == null ? null : COOKIE.matcher(cookie);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    List<String> fields = redis.hmget(session(m.group(1), digest(m.group(2))), "user", "csrf");
    if (fields.get(0) == null || fields.get(1) == null) {
      return Optional.empty();
    }
    return Optional.of(new Session(m.group(1), fields.get(0), fields.get(1)));
  }

  void end(String cookie) {
    var m = cookie == null ? null : COOKIE.matcher(cookie);
    if (m != null && m.matches()) {
      redis.del(session(m.group(1), digest(m.group(2))));
    }
  }

  /** Ends every session of {@code user} (forget-me). */
  void endAll(String team, String user) {
    String index = sessions(team, user);
    for (String digest : redis.smembers(index)) {
      redis.del(session(team, digest));
    }
    redis.del(index);
  }

  /** A sign-in under way: returns its state (for the cookie and Slack) and keeps its nonce for 10 minutes. */
  String beginSignIn(String nonce) {
    String state = random();
    redis.set(signIn(digest(state)), nonce, SetParams.setParams().ex(SIGN_IN_TIME.toSeconds()));
    return state;
  }

  /** The nonce of a sign-in under way, once: a state can't be used twice. */
  Optional<String> finishSignIn(String state) {
    return state == null || state.isBlank() ? Optional.empty()
        : Optional.ofNullable(redis.getDel(signIn(digest(state))));
  }

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean sameToken(String a, String b) {
    return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String session(String team, String digest) {
    return Keys.team(team, "dashboard", "session", digest);
  }

  static String sessions(String team, String user) {
    return Keys.team(team, "dashboard", "sessions", user);
  }

  static String signIn(String digest) {
    return Keys.shared("dashboard", "signin", digest);
  }
}
