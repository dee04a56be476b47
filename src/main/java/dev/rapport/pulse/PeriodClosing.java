package dev.rapport.pulse;

import dev.rapport.store.Aead;
import dev.rapport.store.AofRewrite;
import dev.rapport.store.Keys;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes a period in steps that can each be repeated: stop taking answers; mark every invitation closed ({@link
 * Invitations}); open and tally the sealed answers in memory; then one script writes the totals, decides the
 * differencing guard and deletes the sealed answers, the hashes and the wrapped period key. A crash before that
 * script leaves the sealed answers in place for the next try; after it, a retry finds the period closed. Then Redis
 * is asked to rewrite its append-only file, so the open period's history leaves it too.
 */
@Component
class PeriodClosing {

  private static final Logger log = LoggerFactory.getLogger(PeriodClosing.class);
  private static final int TRIES = 3;

  private final PulseStore store;
  private final PulseKeys keys;
  private final AofRewrite aof;
  private final PulseSettings settings;
  private final Invitations invitations;
  private final SecureRandom random = new SecureRandom();

  PeriodClosing(PulseStore store, PulseKeys keys, AofRewrite aof, PulseSettings settings, Invitations invitations) {
    this.store = store;
    this.keys = keys;
    this.aof = aof;
    this.settings = settings;
    this.invitations = invitations;
  }

  /** Closes the period unless it is closed; true when it closed now. */
  boolean close(String team, String channel, String period, Instant now) {
    if (store.beginClosing(team, channel, period).isEmpty()) {
      return false;
    }
    Period closing = store.period(team, channel, period).orElseThrow();
    if (closing.sealed() && !closing.isClosed()) {
      // Before the period key is destroyed: it opens where the invitations landed.
      keys.period(team, channel, period).ifPresent(k -> invitations.closing(team, channel, closing, k));
    }
    for (int attempt = 0; attempt < TRIES; attempt++) {
      Period p = store.period(team, channel, period).orElseThrow();
      boolean tally = p.sealed() && !p.isClosed();
      List<String> sealed = tally ? store.sealedAnswers(team, channel, period) : List.of();
      PulseStore.Totals totals = tally ? tally(team, channel, p, sealed) : empty();
      List<PulseStore.Overlap> overlaps = tally ? store.overlaps(team, channel, p, now, settings.minResponses())
          : List.of();
      long outcome = store.finishClosing(team, channel, period, now, sealed.size(), totals, overlaps,
          settings.minResponses());
      if (outcome == -2) {
        continue;
      }
      // Also after a period opened before sealing: its per-answer writes leave the AOF's history too.
      if (outcome == 1 && settings.rewriteAof()) {
        aof.request(Keys.team(team, "pulse", channel));
      }
      return outcome == 1;
    }
    throw new IllegalStateException("the sealed answers of pulse period " + period + " kept changing while it "
        + "closed");
  }

  /** Opens every sealed answer in memory and adds it up; comments come out shuffled. */
  private PulseStore.Totals tally(String team, String channel, Period period, List<String> sealed) {
    PeriodKeys periodKeys = keys.period(team, channel, period.id()).orElse(null);
    if (periodKeys == null) {
      if (!sealed.isEmpty()) {
        throw new IllegalStateException("pulse period " + period.id() + " has sealed answers but no key");
      }
      return empty();
    }
    List<long[]> counts = zeros();
    List<String> comments = new ArrayList<>();
    int broken = 0;
    for (String blob : sealed) {
      AnswerModal.Answer answer;
      try {
        answer = periodKeys.open(blob);
      } catch (Aead.SealBrokenException | IllegalArgumentException e) {
        broken++;
        continue;
      }
      for (Question q : Question.values()) {
        counts.get(q.ordinal())[answer.scores().get(q) - Question.MIN_SCORE]++;
      }
      if (answer.comment() != null) {
        comments.add(answer.comment());
      }
    }
    if (broken > 0) {
      // Not from this app: sealed values only ever come from seal(). Counted, never shown.
      log.warn("Pulse period {} in {} of {}: {} sealed value(s) did not open and were left out", period.id(),
          channel, team, broken);
    }
    Collections.shuffle(comments, random);
    return new PulseStore.Totals(sealed.size() - broken, counts, comments);
  }

  private static PulseStore.Totals empty() {
    return new PulseStore.Totals(0, zeros(), List.of());
  }

  private static List<long[]> zeros() {
    List<long[]> counts = new ArrayList<>();
    for (Question ignored : Question.values()) {
      counts.add(new long[Question.MAX_SCORE - Question.MIN_SCORE + 1]);
    }
    return counts;
  }
}
