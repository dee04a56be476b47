package dev.rapport.schedule;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the scheduler runs ({@code RAPPORT_SCHEDULE_*}): how long it waits at most before looking for due work
 * again (it wakes earlier for the next due time or a schedule saved on any instance), how long a claim
 * lasts before another instance may take the occurrence over, how late an occurrence may still run after
 * downtime, and how soon a failed occurrence is tried again.
 */
@Validated
@ConfigurationProperties("rapport.schedule")
public record ScheduleSettings(
    @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration pollInterval,
    @NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration lease,
    @NotNull @DurationMin(millis = 0) @DefaultValue("6h") Duration grace,
    @NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration retryDelay,
    @DefaultValue("true") boolean enabled) {}
