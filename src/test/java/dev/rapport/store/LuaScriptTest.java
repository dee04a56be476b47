package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuaScriptTest {

  @Test
  void commentLinesAreLeftOutAndCodeKeptAsItWas() {
    String text = "-- what it does\n  -- indented note\nlocal a = redis.call('GET', KEYS[1]) -- why\n"
        + "return a .. '--not a comment'\n";

    assertThat(LuaScript.withoutCommentLines(text))
        .isEqualTo("local a = redis.call('GET', KEYS[1]) -- why\nreturn a .. '--not a comment'\n");
  }
}
