package dev.rapport.prompts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Empathy prompt settings, bound from {@code rapport.prompts.*} ({@code RAPPORT_PROMPTS_MAXREVIEWERS},
 * ...): how many admins at most get a suggestion (or a "no prompts left" notice), how many suggestions one
 * person may send a day, how many prompts a page of {@code /empathy list} shows, and how long a channel
 * waits between two prompts posted on demand ({@code /empathy}; zero: no wait).
 */
@Validated
@ConfigurationProperties("rapport.prompts")
record PromptSettings(@Min(1) @Max(50) @DefaultValue("10") int maxReviewers,
                      @Min(1) @Max(100) @DefaultValue("5") int suggestionsPerDay,
                      @Min(5) @Max(20) @DefaultValue("10") int pageSize,
                      @NotNull @DefaultValue("15m") Duration onDemandEvery) {}
