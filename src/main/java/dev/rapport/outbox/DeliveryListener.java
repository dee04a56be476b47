package dev.rapport.outbox;

/**
 * Told about deliveries carrying its {@link #tag()}: when Slack accepted one, where it landed
 * ({@code channel}, {@code ts}), e.g. so a posted prompt's replies can be counted; and when one was given
 * up on, e.g. to tell the admin who scheduled it. Must be idempotent: after a crash it may hear about the
 * same delivery again.
 */
public interface DeliveryListener {

  String tag();

  void delivered(Delivery delivery, String channel, String ts) throws Exception;

  /** Slack won't take {@code delivery} ({@code letter} says why); called before it is dead-lettered. */
  default void failed(Delivery delivery, DeadLetter letter) throws Exception {}
}
