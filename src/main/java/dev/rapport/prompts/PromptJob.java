package dev.rapport.prompts;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduledJob;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Scheduled prompts ({@code /empathy start}): at each occurrence the channel's next prompt goes out through
 * the outbox, and when Slack has accepted it, the message's ts is recorded so its replies and reactions
 * count. A re-run of the same occurrence picks the same prompt and the outbox sends it once. When the
 * workspace removed every prompt the schedule could use, the admins get a DM instead of silence.
 */
@Component
class PromptJob implements ScheduledJob, DeliveryListener {

  static final String KIND = "prompts";
  static final String TAG = "prompts";

  private final PromptPicker picker;
  private final PromptLibrary library;
  private final PromptPosts posts;
  private final Outbox outbox;
  private final Reviewers reviewers;

  PromptJob(PromptPicker picker, PromptLibrary library, PromptPosts posts, Outbox outbox, Reviewers reviewers) {
    this.picker = picker;
    this.library = library;
    this.posts = posts;
    this.outbox = outbox;
    this.reviewers = reviewers;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String tag() {
    return TAG;
  }

  @Override
  public void run(Occurrence occurrence) throws Exception {
    Schedule schedule = occurrence.schedule();
    String team = schedule.team();
    String channel = schedule.target();
    Strategy strategy = Strategy.parse(schedule.data().get("strategy")).orElse(null);
    Optional<Prompt> prompt = picker.next(team, channel, strategy, occurrence.id());
    if (prompt.isEmpty()) {
      String what = strategy == null ? "every prompt" : "every *" + strategy.label() + "* prompt";
      String add = strategy == null ? "&lt;strategy&gt;" : strategy.id();
      reviewers.tell(team, "prompts:" + occurrence.id() + ":none-left",
          ":warning: The scheduled empathy prompt for <#" + channel + "> wasn't posted: this workspace removed "
              + what + ". Add one with `/empathy add " + add + " &lt;text&gt;`, or in <#" + channel + "> "
              + "change the schedule with `/empathy start &lt;cadence&gt; &lt;strategy&gt;` or end it with "
              + "`/empathy stop`.", null);
      return;
    }
    Prompt p = prompt.get();
    outbox.send(Delivery.post(team, channel, "prompts:" + occurrence.id(), PromptMessage.fallback(p),
        PromptMessage.blocks(p)).withTag(TAG, Map.of("prompt", p.id())));
  }

  @Override
  public void delivered(Delivery delivery, String channel, String ts) {
    library.find(delivery.team(), delivery.context().get("prompt"))
        .ifPresent(p -> posts.recordPosted(delivery.team(), channel, ts, p));
  }
}
