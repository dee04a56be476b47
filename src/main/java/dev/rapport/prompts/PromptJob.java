package dev.rapport.prompts;

import dev.rapport.outbox.DeadLetter;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.DeliveryListener;
import dev.rapport.outbox.Outbox;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.Schedule;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.SlackDates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Scheduled prompts ({@code /empathy start}): at each occurrence the channel's next prompt goes out through
 * the outbox, and when Slack has accepted it, the message's ts is recorded so its replies and reactions
 * count. A re-run of the same occurrence picks the same prompt and the outbox sends it once. Nothing fails
 * unheard: when the workspace removed every prompt the schedule could use, the admins get a DM; when Slack
 * refuses the post (Rapport was removed from the channel, it was archived), the admin who scheduled it
 * does (the admins, if that person is gone), saying what failed, where and how to fix it, and the channel's
 * {@code /empathy stats} shows it.
 */
@Component
class PromptJob implements ScheduledJob, DeliveryListener {

  static final String KIND = "prompts";
  static final String TAG = "prompts";
  /** The feature name failures are kept under ({@link Delivery#about}). */
  static final String FEATURE = "prompts";

  private final PromptPicker picker;
  private final PromptLibrary library;
  private final PromptPosts posts;
  private final Outbox outbox;
  private final Reviewers reviewers;
  private final ScheduledBy scheduledBy;
  private final Schedules schedules;

  PromptJob(PromptPicker picker, PromptLibrary library, PromptPosts posts, Outbox outbox, Reviewers reviewers,
            ScheduledBy scheduledBy, Schedules schedules) {
    this.picker = picker;
    this.library = library;
    this.posts = posts;
    this.outbox = outbox;
    this.reviewers = reviewers;
    this.scheduledBy = scheduledBy;
    this.schedules = schedules;
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
        PromptMessage.blocks(p)).withTag(TAG, Map.of("prompt", p.id()))
        .about(FEATURE, channel, "scheduled prompt"));
  }

  @Override
  public void delivered(Delivery delivery, String channel, String ts) {
    library.find(delivery.team(), delivery.context().get("prompt"))
        .ifPresent(p -> posts.recordPosted(delivery.team(), channel, ts, p));
  }

  /** Slack refused a scheduled prompt: whoever scheduled it hears, once per occurrence (the key). */
  @Override
  public void failed(Delivery delivery, DeadLetter letter) throws Exception {
    if (!(delivery instanceof Delivery.Post prompt)) {
      return;
    }
    String team = delivery.team();
    String channel = prompt.channel();
    String fix = letter.fix();
    String next = schedules.nextDue(team, KIND, channel).map(at -> " The next one is due "
        + SlackDates.moment(at) + ".").orElse("");
    String text = ":warning: The empathy prompt scheduled for <#" + channel + "> wasn't posted: "
        + letter.reason() + "." + (fix.isEmpty() ? "" : " To fix it, " + fix + ".") + next
        + " To end the schedule, run `/empathy stop` in <#" + channel + ">.";
    String key = "prompts:failed:" + delivery.id();
    Optional<String> by = scheduledBy.of(team, channel);
    if (by.isPresent()) {
      outbox.send(Delivery.dm(team, List.of(by.get()), key, text, null).about(FEATURE, null, "admin notice"));
    } else {
      reviewers.tell(team, key, text, null);
    }
  }
}
