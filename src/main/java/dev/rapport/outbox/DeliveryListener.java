package dev.rapport.outbox;

/**
 * Told when Slack accepted a delivery carrying its {@link #tag()}: where it landed ({@code channel},
 * {@code ts}), e.g. so a posted prompt's replies can be counted. Must be idempotent: after a crash it may
 * hear about the same delivery again.
 */
public interface DeliveryListener {

  String tag();

  void delivered(Delivery delivery, String channel, String ts) throws Exception;
}
