package dev.rapport.insights;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Insights settings, bound from rapport.insights.* ({@code RAPPORT_INSIGHTS_TIEAFTER}).
 *
 * @param tieAfter how long after "We met" the lasting-tie question comes (four weeks)
 */
@Validated
@ConfigurationProperties("rapport.insights")
record InsightsSettings(@NotNull @DefaultValue("P28D") Duration tieAfter) {}
