package dev.rapport.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler runs ({@code RAPPORT_SCHEDULE_*}): how often it looks for due work, how long a claim
 * lasts before another instance may take the occurrence over, how late an occurrence may still run after
 * downtime, and how soon a failed occurrence is tried again.
 */
@ConfigurationProperties("rapport.schedule")
public record ScheduleSettings(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("5m") Duration lease,
    @DefaultValue("6h") Duration grace,
    @DefaultValue("1m") Duration retryDelay,
    @DefaultValue("true") boolean enabled) {}
