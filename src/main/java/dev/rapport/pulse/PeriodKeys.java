package dev.rapport.pulse;

import dev.rapport.store.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one pulse period, all derived from its random key K_p, which Redis holds only wrapped
 * ({@link PulseKeys}) and which is deleted when the period closes. Once it is gone, the invited and voter
 * hashes that were written under it can't be recomputed for anyone, by anyone, with any secret.
 * <ul>
 *   <li>{@link #invited}: who may answer (written when the period opens);</li>
 *   <li>{@link #voter}: who has answered (blocks a second answer, drives the reminder);</li>
 *   <li>{@link #delivery}: idempotency keys of the DMs about the period, so none equals a voter hash;</li>
 *   <li>{@link #seal}/{@link #open}: one answer as one AES-256-GCM blob of a fixed size;</li>
 *   <li>{@link #sealLanding}/{@link #openLanding}: where an invitation landed (who was invited, never who
 *       answered), so it can say "closed" when the period closes.</li>
 * </ul>
 * Each use has its own subkey, so no value of one use can be matched against another.
 */
final class PeriodKeys {

  /**
   * Plaintext size of every sealed answer, whatever it says: version, four scores, the comment's length in
   * bytes, the comment, zeros. A comment of {@value AnswerModal#MAX_COMMENT} UTF-16 units is at most 3,000
   * bytes of UTF-8, so it fits; the ciphertext's size tells neither whether there is a comment nor how long.
   */
  static final int PLAINTEXT_BYTES = 3072;
  private static final int HEADER = 1 + Question.values().length + 2;
  private static final byte VERSION = 1;

  private final byte[] material;
  private final byte[] invited;
  private final byte[] voter;
  private final byte[] delivery;
  private final Aead answers;
  private final byte[] answerData;
  private final Aead landings;
  private final byte[] landingData;

  /** Where one invitation DM landed: its person, the DM channel and the message's ts. */
  record Landing(String user, String channel, String ts) {}

  private PeriodKeys(byte[] material, String team, String channel, String period) {
    this.material = material.clone();
    this.invited = hmac(material, "invited");
    this.voter = hmac(material, "voter");
    this.delivery = hmac(material, "delivery");
    this.answers = Aead.of(hmac(material, "answers"));
    this.answerData = String.join("|", "rapport-pulse-answer-v2", team, channel, period)
        .getBytes(StandardCharsets.UTF_8);
    this.landings = Aead.of(hmac(material, "landed"));
    this.landingData = String.join("|", "rapport-pulse-landed-v1", team, channel, period)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Fresh keys for a period that opens now. */
  static PeriodKeys fresh(String team, String channel, String period) {
    return new PeriodKeys(Aead.randomKey(), team, channel, period);
  }

  static PeriodKeys of(byte[] material, String team, String channel, String period) {
    if (material.length != Aead.KEY_BYTES) {
      throw new IllegalArgumentException("a period key has " + Aead.KEY_BYTES + " bytes");
    }
    return new PeriodKeys(material, team, channel, period);
  }

  /** K_p itself, only to be wrapped. */
  byte[] material() {
    return material.clone();
  }

  String invited(String user) {
    return hex(hmac(invited, user));
  }

  String voter(String user) {
    return hex(hmac(voter, user));
  }

  /** The idempotency key part of a DM about the period ("invite", "remind") to {@code user}. */
  String delivery(String purpose, String user) {
    return hex(hmac(delivery, purpose + "|" + user));
  }

  /** One answer sealed for Redis (Base64): always the same length. */
  String seal(AnswerModal.Answer answer) {
    byte[] comment = answer.comment() == null ? new byte[0] : answer.comment().getBytes(StandardCharsets.UTF_8);
    if (comment.length > PLAINTEXT_BYTES - HEADER) {
      throw new IllegalArgumentException("comment too long to seal");
    }
    ByteBuffer plain = ByteBuffer.allocate(PLAINTEXT_BYTES).put(VERSION);
    for (Question q : Question.values()) {
      plain.put(answer.scores().get(q).byteValue());
    }
    plain.putShort((short) comment.length).put(comment);
    byte[] bytes = plain.array();
    try {
      return Base64.getEncoder().encodeToString(answers.seal(bytes, answerData));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The answer in a sealed blob; {@link Aead.SealBrokenException} when it was not sealed for this period. */
  AnswerModal.Answer open(String sealed) {
    ByteBuffer plain = ByteBuffer.wrap(answers.open(Base64.getDecoder().decode(sealed), answerData));
    if (plain.remaining() != PLAINTEXT_BYTES || plain.get() != VERSION) {
      throw new IllegalArgumentException("not a sealed pulse answer");
    }
    Map<Question, Integer> scores = new EnumMap<>(Question.class);
    for (Question q : Question.values()) {
      int score = plain.get();
      if (score < Question.MIN_SCORE || score > Question.MAX_SCORE) {
        throw new IllegalArgumentException("not a sealed pulse answer");
      }
      scores.put(q, score);
    }
    int length = Short.toUnsignedInt(plain.getShort());
    if (length > plain.remaining()) {
      throw new IllegalArgumentException("not a sealed pulse answer");
    }
    byte[] comment = new byte[length];
    plain.get(comment);
    return new AnswerModal.Answer(scores, length == 0 ? null : new String(comment, StandardCharsets.UTF_8));
  }

  /** Where an invitation landed, sealed for Redis (Base64, a fresh nonce each time). */
  String sealLanding(Landing landing) {
    byte[] plain = String.join("|", landing.user(), landing.channel(), landing.ts()).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(landings.seal(plain, landingData));
  }

  /** A sealed landing; {@link Aead.SealBrokenException} when it was not sealed for this period. */
  Landing openLanding(String sealed) {
    String[] parts = new String(landings.open(Base64.getDecoder().decode(sealed), landingData),
        StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a sealed landing");
    }
    return new Landing(parts[0], parts[1], parts[2]);
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "PeriodKeys[***]";
  }
}
