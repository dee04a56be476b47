package dev.rapport.pairing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Coffee pairing knobs ({@code RAPPORT_PAIRING_*}): after how many ignored intros in a row someone is
 * paused as a "ghost", and how many past rounds the matcher looks back over (at most the
 * {@value RoundStore#KEEP_ROUNDS} a channel keeps).
 */
@Validated
@ConfigurationProperties("rapport.pairing")
public record PairingSettings(@Min(1) @Max(52) @DefaultValue("3") int ghostAfter,
                              @Min(1) @Max(RoundStore.KEEP_ROUNDS) @DefaultValue("100") int historyRounds) {}
