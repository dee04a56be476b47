package dev.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AeadTest {

  private static final byte[] DATA = "T1|C1".getBytes(StandardCharsets.UTF_8);

  @Test
  void opensWhatItSealed() {
    Aead aead = Aead.of(Aead.randomKey());
    byte[] sealed = aead.seal("xoxb-secret".getBytes(StandardCharsets.UTF_8), DATA);
    assertThat(new String(aead.open(sealed, DATA), StandardCharsets.UTF_8)).isEqualTo("xoxb-secret");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("xoxb");
  }

  @Test
  void sealsTheSameTextDifferentlyEachTime() {
    Aead aead = Aead.of(Aead.randomKey());
    byte[] text = "5".getBytes(StandardCharsets.UTF_8);
    assertThat(aead.seal(text, DATA)).isNotEqualTo(aead.seal(text, DATA));
  }

  @Test
  void refusesAnotherKeyOtherDataOrAnAlteredValue() {
    Aead aead = Aead.of(Aead.randomKey());
    byte[] sealed = aead.seal("hello".getBytes(StandardCharsets.UTF_8), DATA);
    assertThatThrownBy(() -> Aead.of(Aead.randomKey()).open(sealed, DATA))
        .isInstanceOf(Aead.SealBrokenException.class);
    assertThatThrownBy(() -> aead.open(sealed, "T2|C1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Aead.SealBrokenException.class);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> aead.open(sealed, DATA)).isInstanceOf(Aead.SealBrokenException.class);
    assertThatThrownBy(() -> aead.open(new byte[3], DATA)).isInstanceOf(Aead.SealBrokenException.class);
  }

  @Test
  void acceptsOnlyAes256Keys() {
    assertThatThrownBy(() -> Aead.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
