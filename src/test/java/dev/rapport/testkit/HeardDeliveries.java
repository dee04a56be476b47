package dev.rapport.testkit;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A delivery listener for the "test" tag: remembers where each delivery landed. */
public final class HeardDeliveries implements DeliveryListener {

  public static final String TAG = "test";

  private final List<String> heard = new CopyOnWriteArrayList<>();

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public void delivered(Delivery delivery, String channel, String ts) {
    heard.add(delivery.id() + "@" + channel + "/" + ts);
  }

  public List<String> heard() {
    return List.copyOf(heard);
  }

  public void clear() {
    heard.clear();
  }
}
