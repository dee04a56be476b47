package dev.rapport.pairing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coffee pairing knobs ({@code RAPPORT_PAIRING_*}): after how many ignored intros in a row someone is
 * paused as a "ghost", and how many past rounds the matcher looks back over.
 */
@ConfigurationProperties("rapport.pairing")
public record PairingSettings(@DefaultValue("3") int ghostAfter, @DefaultValue("100") int historyRounds) {}
