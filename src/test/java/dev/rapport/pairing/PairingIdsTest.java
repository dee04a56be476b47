package dev.rapport.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pairing's ids are written into messages already sent (button values), members' histories and queued
 * deliveries: what older versions wrote must still parse, and keys must come out the same so a delivery
 * queued before an upgrade is recognised after it.
 */
class PairingIdsTest {

  @Test
  void anIntroButtonFromAMessageAlreadySentStillNamesItsGroup() {
    assertThat(GroupRef.parse("C0COFFEE|1700000000000|3")).contains(new GroupRef("C0COFFEE", "1700000000000", 3));
    assertThat(GroupRef.parse("C0COFFEE|n1700000000000|0")).contains(new GroupRef("C0COFFEE", "n1700000000000", 0));
    assertThat(new GroupRef("C0COFFEE", "r1", 3).encode()).isEqualTo("C0COFFEE|r1|3");
  }

  @Test
  void aDidntReplyButtonNamesTheGroupAndThePartner() {
    GroupRef.Partner partner = GroupRef.Partner.parse("C0COFFEE|r1|2|U0SILENT").orElseThrow();
    assertThat(partner.group()).isEqualTo(new GroupRef("C0COFFEE", "r1", 2));
    assertThat(partner.member()).isEqualTo("U0SILENT");
    assertThat(partner.encode()).isEqualTo("C0COFFEE|r1|2|U0SILENT");
    assertThat(GroupRef.Partner.parse("C0COFFEE|r1|2")).as("a group, not a partner").isEmpty();
  }

  @Test
  void forgedOrForeignButtonValuesNameNoGroup() {
    assertThat(GroupRef.parse(null)).isEmpty();
    assertThat(GroupRef.parse("")).isEmpty();
    assertThat(GroupRef.parse("C0COFFEE|r1")).isEmpty();
    assertThat(GroupRef.parse("C0COFFEE|r1|x")).isEmpty();
    assertThat(GroupRef.parse("C0COFFEE|r1|99999999999")).isEmpty();
    assertThat(GroupRef.parse("C0COFFEE|r1|1|U2")).isEmpty();
  }

  @Test
  void aRoundScheduledBeforeStillParsesAsItsChannelAndRound() {
    assertThat(RoundRef.parse("C0COFFEE:1700000000000")).contains(new RoundRef("C0COFFEE", "1700000000000"));
    assertThat(RoundRef.parse("C0COFFEE:n1700000000000")).contains(new RoundRef("C0COFFEE", "n1700000000000"));
    assertThat(new RoundRef("C0COFFEE", "r1").encode()).isEqualTo("C0COFFEE:r1");
    assertThat(RoundRef.parse("C0COFFEE")).isEmpty();
  }

  @Test
  void deliveryKeysAreTheOnesQueuedBefore() {
    RoundRef round = new RoundRef("C0COFFEE", "r1");
    assertThat(round.group(0).deliveryKey("intro")).isEqualTo("pairing:C0COFFEE:r1:0:intro");
    assertThat(round.group(1).deliveryKey("checkin:U1")).isEqualTo("pairing:C0COFFEE:r1:1:checkin:U1");
    assertThat(round.deliveryKey("left-out:2")).isEqualTo("pairing:C0COFFEE:r1:left-out:2");
    assertThat(round.deliveryKey("U1:ghost")).isEqualTo("pairing:C0COFFEE:r1:U1:ghost");
    assertThat(round.deliveryKey("held:U9")).isEqualTo("pairing:C0COFFEE:r1:held:U9");
  }
}
