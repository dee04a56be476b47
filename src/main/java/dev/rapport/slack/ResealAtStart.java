package dev.rapport.slack;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After every start, seals installations left under an older key (or in clear) with the current key. */
@Component
class ResealAtStart {

  private final Installations installations;
  private final BackgroundWork work;

  ResealAtStart(Installations installations, BackgroundWork work) {
    this.installations = installations;
    this.work = work;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    // In the background: a scan of a large Redis must not hold back readiness.
    work.submit("seal installations with the current encryption key", installations::resealAll);
  }
}
