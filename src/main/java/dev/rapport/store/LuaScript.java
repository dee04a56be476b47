package dev.rapport.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Lua script from {@code classpath:lua/}, run by SHA with a fallback to the full text the first time
 * a node has not seen it. Writes that must happen together live in one script, so a crash can't cut them
 * in half. Each module keeps its scripts in a folder of its name and loads only those
 * ({@code LuaScript.load("pairing/round-create")} from {@code dev.rapport.pairing}); the architecture test
 * checks it.
 */
public final class LuaScript {

  private final String name;
  private final String text;
  private final String sha;

  private LuaScript(String name, String text) {
    this.name = name;
    this.text = text;
    this.sha = sha1(text);
  }

  /** {@code name} is {@code module/script}: {@code lua/pairing/round-create.lua} is "pairing/round-create". */
  public static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream("/lua/" + name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("missing Lua script " + name);
      }
      return new LuaScript(name, withoutCommentLines(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script without its whole-line comments: a script run in a pipeline goes as text with every call, and
   * its comments were most of the bytes Redis read and hashed for {@code /coffee status}.
   */
  static String withoutCommentLines(String text) {
    return String.join("\n", text.lines().filter(line -> !line.stripLeading().startsWith("--")).toList()) + "\n";
  }

  public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException e) {
      return redis.eval(text, keys, args);
    }
  }

  /**
   * Runs the script within {@code pipeline}; its result comes with the pipeline's sync. The text goes along
   * (EVAL, not EVALSHA): a node that hasn't seen the script would otherwise fail it inside the pipeline.
   */
  public Response<Object> run(PipelineBase pipeline, List<String> keys, List<String> args) {
    return pipeline.eval(text, keys, args);
  }

  public String name() {
    return name;
  }

  private static String sha1(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
          .digest(SafeEncoder.encode(text));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02x", b));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
