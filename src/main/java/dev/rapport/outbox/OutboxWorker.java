package dev.rapport.outbox;

import com.slack.api.model.Message;
import dev.rapport.slack.Failures;
import dev.rapport.slack.SlackCallException;
import dev.rapport.slack.SlackGateway;
import dev.rapport.store.WakeUps;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Delivers queued items. Each worker claims a few, takes Slack budget for each call (or puts the item
 * back until there is budget), sends, tells the tag's listener, and acks. A 429 pauses that budget for
 * {@code Retry-After}; 5xx and network failures are retried with backoff and jitter; errors retrying
 * can't fix, and items out of attempts, go to the dead-letter list. An item Slack may already have
 * accepted (its worker died, or the answer was lost) is first looked up in the channel's history by the
 * idempotency key in its metadata, so it is never posted twice.
 */
@Component
class OutboxWorker implements SmartLifecycle {

  static final String METADATA_TYPE = "rapport_delivery";
  static final String METADATA_KEY = "rapport_id";
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

  private final OutboxStore store;
  private final DeadLetters dead;
  private final RateLimiter limits;
  private final SlackGateway slack;
  private final Map<String, DeliveryListener> listeners;
  private final OutboxSettings settings;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final Random jitter = new Random();
  /** One thread per worker loop; at a stop each loop finishes the batch in hand. */
  private final ThreadPoolTaskExecutor workers = new ThreadPoolTaskExecutor();
  private final WakeUps.Signal wake;
  private volatile boolean running;

  OutboxWorker(OutboxStore store, DeadLetters dead, RateLimiter limits, SlackGateway slack,
               List<DeliveryListener> listeners, OutboxSettings settings, Clock clock, MeterRegistry metrics,
               WakeUps wakeUps) {
    this.store = store;
    this.dead = dead;
    this.limits = limits;
    this.slack = slack;
    this.listeners = listeners.stream().collect(Collectors.toMap(DeliveryListener::tag, Function.identity()));
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.wake = wakeUps.signal(OutboxStore.WAKE);
    metrics.gauge("rapport.outbox.depth", this, w -> w.depthOrNaN());
    workers.setCorePoolSize(settings.workers());
    workers.setMaxPoolSize(settings.workers());
    workers.setQueueCapacity(0);
    workers.setThreadNamePrefix("rapport-outbox-");
    // Building and sending messages in bulk is background work: lowest OS priority (see Scheduler).
    workers.setThreadPriority(Thread.MIN_PRIORITY);
    workers.setDaemon(true);
    workers.setWaitForTasksToCompleteOnShutdown(true);
    workers.setAwaitTerminationSeconds(10);
  }

  private record Pass(int handled, Instant next) {}

  /**
   * Claims one batch and delivers it. When a workspace's Slack budget
   * runs out, that workspace's other items in the batch go back untouched (spinning through a backlog Slack
   * won't take yet would only burn CPU and Redis that commands need); other workspaces' items still go. If
   * nothing could be sent, the worker waits before claiming again. Returns how many were handled, and when the
   * queue next has something due.
   */
  private Pass pass() throws InterruptedException {
    Map<String, Duration> outOfBudget = new HashMap<>();
    Map<String, List<Delivery>> putBack = new HashMap<>();
    int handled = 0;
    OutboxStore.Batch batch = store.claimNext(clock.instant(), settings.batch());
    for (OutboxStore.Claimed claimed : batch.items()) {
      String team = claimed.delivery().team();
      if (outOfBudget.containsKey(team)) {
        putBack.computeIfAbsent(team, t -> new ArrayList<>()).add(claimed.delivery());
        continue;
      }
      Duration wait = process(claimed);
      if (wait == null) {
        handled++;
      } else {
        outOfBudget.put(team, wait);
      }
    }
    putBack.forEach((team, deliveries) -> store.defer(deliveries, clock.instant().plus(outOfBudget.get(team))));
    if (handled == 0 && !outOfBudget.isEmpty()) {
      Thread.sleep(Math.min(1000, outOfBudget.values().stream().mapToLong(Duration::toMillis).min().orElse(0)));
    }
    return new Pass(handled, batch.items().isEmpty() ? batch.next() : clock.instant());
  }

  /** The item could not be attempted yet (no budget): back to the queue, no attempt spent. */
  private static final class Deferred extends Exception {
    final Duration wait;

    Deferred(Duration wait) {
      super(null, null, false, false);
      this.wait = wait;
    }
  }

  /** Delivers one item; returns how long to wait when Slack's budget ran out (the item is put back). */
  Duration process(OutboxStore.Claimed claimed) {
    // The latest form of the item (once a DM is opened, retries keep its channel instead of opening it
    // again), and whether Slack may already have it: until a history check says no, it may.
    Delivery d = claimed.delivery();
    boolean maybeSent = claimed.uncertain();
    try {
      if (d instanceof Delivery.Dm dm && dm.openedChannel() == null) {
        d = dm.opened(open(d, dm.users()));
      }
      // Messages are looked for before they are sent again. An update changes a message to the same content
      // however often it runs, and an upload can't be found: nothing to look for.
      String channel = d instanceof Delivery.Post p ? p.channel()
          : d instanceof Delivery.Dm dm ? dm.openedChannel() : null;
      if (maybeSent && channel != null) {
        Posted found = findPosted(d, channel);
        if (found != null) {
          finish(d, found, "recovered");
          return null;
        }
        maybeSent = false;
      }
      finish(d, send(d), "sent");
    } catch (Deferred deferred) {
      count("deferred", d);
      store.retry(d, clock.instant().plus(deferred.wait), maybeSent);
      return deferred.wait;
    } catch (SlackCallException e) {
      failed(d, e, maybeSent || e.method().equals("chat.postMessage"));
    } catch (RuntimeException e) {
      if (Failures.isStorageDown(e)) {
        // Redis is away: the lease runs out and the item comes back, marked uncertain.
        log.warn("Outbox: Redis unavailable while delivering {}", d.id());
        return null;
      }
      log.warn("Outbox: delivering {} failed ({})", d.id(), e.getClass().getSimpleName());
      retryLater(failed(d, e.getClass().getSimpleName()), true);
    } catch (Exception e) {
      log.warn("Outbox: a listener for {} failed ({})", d.id(), e.getClass().getSimpleName());
      retryLater(failed(d, e.getClass().getSimpleName()), true);
    }
    return null;
  }

  private record Posted(String channel, String ts) {}

  private Posted send(Delivery d) throws SlackCallException, Deferred {
    if (d instanceof Delivery.Post p) {
      return post(d, p.channel(), p.blocks());
    }
    if (d instanceof Delivery.Dm dm) {
      return post(d, dm.openedChannel(), dm.blocks());
    }
    if (d instanceof Delivery.Upload u) {
      return upload(u);
    }
    return update((Delivery.Update) d);
  }

  private Posted post(Delivery d, String channel, String blocks) throws SlackCallException, Deferred {
    take(limits.method(d.team(), "chat.postMessage"), limits.channel(d.team(), channel));
    Message.Metadata metadata = Message.Metadata.builder().eventType(METADATA_TYPE)
        .eventPayload(Map.of(METADATA_KEY, d.id())).build();
    var response = slack.call(d.team(), "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel)
        .text(d.text()).blocksAsString(blocks).metadata(metadata).unfurlLinks(false)));
    return new Posted(response.getChannel(), response.getTs());
  }

  private Posted update(Delivery.Update u) throws SlackCallException, Deferred {
    take(limits.method(u.team(), "chat.update"));
    var response = slack.call(u.team(), "chat.update", c -> c.chatUpdate(r -> r.channel(u.channel())
        .ts(u.ts()).text(u.text()).blocksAsString(u.blocks())));
    return new Posted(response.getChannel(), response.getTs());
  }

  /** The (group) DM of {@code users}. */
  private String open(Delivery d, List<String> users) throws SlackCallException, Deferred {
    take(limits.method(d.team(), "conversations.open"));
    return slack.call(d.team(), "conversations.open",
        c -> c.conversationsOpen(r -> r.users(users))).getChannel().getId();
  }

  private Posted upload(Delivery.Upload u) throws SlackCallException, Deferred {
    String channel = open(u, List.of(u.user()));
    take(limits.method(u.team(), "files.upload"));
    var response = slack.call(u.team(), "files.uploadV2", c -> c.filesUploadV2(r -> r.channel(channel)
        .filename(u.filename()).title(u.title()).fileData(u.bytes()).initialComment(u.comment())
        .requestFileInfo(false)));
    return new Posted(channel, response.getFile() == null ? null : response.getFile().getId());
  }

  /** Looks for the message in {@code channel} by the idempotency key in its metadata. */
  private Posted findPosted(Delivery d, String channel) throws SlackCallException, Deferred {
    String where = channel.startsWith("U") || channel.startsWith("W") ? open(d, List.of(channel)) : channel;
    take(limits.method(d.team(), "conversations.history"));
    List<Message> messages = slack.call(d.team(), "conversations.history", c -> c.conversationsHistory(r -> r
        .channel(where).limit(200).includeAllMetadata(true))).getMessages();
    for (Message m : messages == null ? List.<Message>of() : messages) {
      if (m.getMetadata() != null && m.getMetadata().getEventPayload() != null
          && d.id().equals(String.valueOf(m.getMetadata().getEventPayload().get(METADATA_KEY)))) {
        return new Posted(where, m.getTs());
      }
    }
    return null;
  }

  private void take(RateLimiter.Budget... budgets) throws Deferred {
    Duration wait = limits.acquire(clock.instant(), budgets);
    if (!wait.isZero()) {
      throw new Deferred(wait);
    }
  }

  private void finish(Delivery d, Posted posted, String outcome) throws Exception {
    DeliveryListener listener = listenerOf(d);
    if (listener != null) {
      listener.delivered(d, posted.channel(), posted.ts());
    }
    store.ack(d, clock.instant());
    count(outcome, d);
  }

  /**
   * Who hears how {@code d} went: the listener of its tag, unless it is no longer queued. Then its workspace
   * was uninstalled, or its recipient forgotten, while Slack was answering (or another worker finished it),
   * and a listener must not write about it after the erasure: ack.lua and dead.lua don't keep it either.
   */
  private DeliveryListener listenerOf(Delivery d) {
    DeliveryListener listener = d.tag() == null ? null : listeners.get(d.tag());
    return listener != null && store.queued(d.id()) ? listener : null;
  }

  private void failed(Delivery d, SlackCallException e, boolean maybeSent) {
    if (e.kind() == SlackCallException.Kind.RATE_LIMITED) {
      count("rate_limited", d);
      RateLimiter.Budget budget = e.method().equals("chat.postMessage") && d instanceof Delivery.Post p
          ? limits.channel(d.team(), p.channel()) : limits.method(d.team(), budgetName(e.method()));
      limits.backOff(budget, clock.instant(), e.retryAfter());
      // A 429 means Slack refused the call: nothing was posted by it.
      store.retry(d, clock.instant().plus(e.retryAfter()), maybeSent && !e.method().equals("chat.postMessage"));
      return;
    }
    Delivery failed = failed(d, e.method() + ": " + e.error());
    if (!e.retryable()) {
      deadLetter(failed, e.method() + ": " + e.error());
      return;
    }
    retryLater(failed, maybeSent);
  }

  private void retryLater(Delivery failed, boolean maybeSent) {
    if (failed.attempts() >= settings.maxAttempts()) {
      deadLetter(failed, failed.lastError());
      return;
    }
    count("retried", failed);
    store.retry(failed, clock.instant().plus(backoff(failed.attempts())), maybeSent);
  }

  /**
   * Gives up on {@code failed}: its listener hears first (a crash before the letter is kept brings the item
   * back, and the listener hears again, which it must bear), then the letter is kept where the feature's
   * stats and the admins' Home read it.
   */
  private void deadLetter(Delivery failed, String error) {
    count("dead", failed);
    log.warn("Outbox: gave up on {} for workspace {} after {} attempt(s): {}", failed.id(), failed.team(),
        failed.attempts(), error);
    DeadLetter letter = DeadLetter.of(failed, error, clock.instant());
    DeliveryListener listener = listenerOf(failed);
    if (listener != null) {
      try {
        listener.failed(failed, letter);
      } catch (Exception e) {
        log.warn("Outbox: the listener for {} failed on hearing it was given up on ({})", failed.id(),
            e.getClass().getSimpleName());
      }
    }
    dead.record(failed, letter);
  }

  private static Delivery failed(Delivery d, String error) {
    return d.with(d.envelope().failed(error));
  }

  /** Exponential, capped, with jitter so a burst of failures doesn't come back all at once. */
  Duration backoff(int attempts) {
    long base = settings.baseBackoff().toMillis() << Math.min(20, Math.max(0, attempts - 1));
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + (long) (jitter.nextDouble() * capped / 2));
  }

  private static String budgetName(String method) {
    return method.startsWith("files.") ? "files.upload" : method;
  }

  private void count(String outcome, Delivery d) {
    String method = switch (d.kind()) {
      case POST, DM -> "chat.postMessage";
      case UPLOAD -> "files.upload";
      case UPDATE -> "chat.update";
    };
    metrics.counter("rapport.outbox.deliveries", "method", method, "outcome", outcome).increment();
  }

  private double depthOrNaN() {
    try {
      return store.depth();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Claims until nothing is due, then waits: until the next item falls due, an enqueue anywhere wakes it
   * ({@link WakeUps}), or at most {@code pollInterval}. An idle instance sends Redis nothing in between.
   */
  private void loop() {
    while (running) {
      try {
        long seen = wake.seen();
        Pass pass = pass();
        if (pass.handled() == 0 && running) {
          wake.awaitNext(seen, clock.instant(), pass.next(), settings.pollInterval());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Outbox worker: {}; retrying shortly", e.getClass().getSimpleName());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    if (!settings.enabled()) {
      return;
    }
    try {
      dead.moveLegacy();
    } catch (RuntimeException e) {
      log.warn("Outbox: couldn't move old dead letters yet ({}); next start tries again", e.getClass().getSimpleName());
    }
    running = true;
    workers.initialize();
    for (int i = 0; i < settings.workers(); i++) {
      workers.execute(this::loop);
    }
  }

  @Override
  public void stop() {
    if (running) {
      running = false;
      wake.raise();
      workers.shutdown();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
