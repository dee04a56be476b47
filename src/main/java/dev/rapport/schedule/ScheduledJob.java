package dev.rapport.schedule;

/**
 * A feature's work for one kind of schedule. Runs on a scheduler thread; should hand bulk Slack work to
 * the outbox and return. Must be idempotent per {@link Occurrence#id()}: after a crash the same
 * occurrence may be run again.
 */
public interface ScheduledJob {

  String kind();

  void run(Occurrence occurrence) throws Exception;
}
