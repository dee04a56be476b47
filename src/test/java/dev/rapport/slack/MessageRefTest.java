package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a message is, kept as "channel ts" by features: what they wrote before still parses. */
class MessageRefTest {

  @Test
  void aStoredLocationParsesBack() {
    assertThat(MessageRef.parse("D0ADMIN 1700000000.000100")).contains(new MessageRef("D0ADMIN", "1700000000.000100"));
    assertThat(new MessageRef("G0GROUP", "1.2").encode()).isEqualTo("G0GROUP 1.2");
    assertThat(MessageRef.parse("D0ADMIN")).isEmpty();
    assertThat(MessageRef.parse(null)).isEmpty();
  }
}
