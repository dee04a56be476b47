package dev.rapport.insights;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.pairing.CoffeeFacts;
import dev.rapport.pairing.MeetingAnswered;
import dev.rapport.pulse.PulseTrends;
import dev.rapport.schedule.Occurrence;
import dev.rapport.schedule.ScheduledJob;
import dev.rapport.schedule.Schedules;
import dev.rapport.slack.AnswerLater;
import dev.rapport.slack.Reply;
import dev.rapport.slack.SlackFeature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lasting ties: some weeks ({@link InsightsSettings#tieAfter}, four by default) after someone says "We met",
 * one DM asks "Have you talked with them since?" with two buttons. Asked once per group, answering optional;
 * a "Not this time" before the question goes out takes it back. Questions fall due in hourly batches, one
 * one-off occurrence per workspace and hour, so a busy workspace books an hour once, not a question each.
 */
@Component
class LastingTies implements SlackFeature, ScheduledJob {

  static final String KIND = "insights-ties";
  static final String YES = "insights_tie_yes";
  static final String NO = "insights_tie_no";
  static final String QUESTION = "Have you talked with them since?";
  /** Questions sent per occurrence run (the rest go in the next hour's). */
  private static final int BATCH = 500;

  private final TieStore store;
  private final CoffeeFacts coffee;
  private final Schedules schedules;
  private final Outbox outbox;
  private final AnswerLater later;
  private final InsightsSettings settings;
  private final PulseTrends pulse;
  private final Clock clock;

  LastingTies(TieStore store, CoffeeFacts coffee, Schedules schedules, Outbox outbox, AnswerLater later,
              InsightsSettings settings, PulseTrends pulse, Clock clock) {
    this.store = store;
    this.coffee = coffee;
    this.schedules = schedules;
    this.outbox = outbox;
    this.later = later;
    this.settings = settings;
    this.pulse = pulse;
    this.clock = clock;
  }

  @EventListener
  void answered(MeetingAnswered answer) {
    TieStore.Ask ask = new TieStore.Ask(answer.channel(), answer.round(), answer.group(), answer.user());
    if (!answer.met()) {
      store.unbook(answer.team(), ask);
      return;
    }
    Instant due = answer.at().plus(settings.tieAfter());
    if (store.book(answer.team(), ask, due)) {
      Instant hour = due.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
      schedules.once(answer.team(), KIND, "h" + hour.toEpochMilli(), hour, Map.of());
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Sends the questions due by now; a run again after a crash re-sends nothing (one id per question). */
  @Override
  public void run(Occurrence occurrence) {
    String team = occurrence.schedule().team();
    Instant now = clock.instant();
    List<TieStore.Ask> due = store.due(team, now, BATCH);
    for (TieStore.Ask ask : due) {
      if (coffee.answerOf(team, ask.channel(), ask.round(), ask.user()).filter("met"::equals).isEmpty()) {
        store.unbook(team, ask); // they said "Not this time" after all (or the round is gone): nothing to ask
        continue;
      }
      List<String> others = coffee.group(team, ask.channel(), ask.round(), ask.group()).stream()
          .filter(u -> !u.equals(ask.user())).toList();
      if (!others.isEmpty()) {
        outbox.send(Delivery.dm(team, List.of(ask.user()), "insights:tie:" + ask.encode(), text(others),
            blocks(ask, others)).about("insights", ask.channel(), "lasting-tie question"));
      }
      store.markAsked(team, ask, now);
    }
    if (due.size() == BATCH) {
      schedules.once(team, KIND, "more", now.plus(1, ChronoUnit.MINUTES), Map.of());
    }
  }

  @Override
  public void register(App app) {
    app.blockAction(YES, (req, ctx) -> click(req, ctx, true));
    app.blockAction(NO, (req, ctx) -> click(req, ctx, false));
  }

  private Response click(BlockActionRequest req, ActionContext ctx, boolean yes) {
    var payload = req.getPayload();
    String team = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
    String user = payload.getUser().getId();
    String value = payload.getActions().get(0).getValue();
    later.answer("lasting tie", payload.getResponseUrl(), () -> record(team, user, value, yes));
    return ctx.ack();
  }

  Reply record(String team, String user, String value, boolean yes) {
    Optional<TieStore.Ask> ask = TieStore.Ask.parse((value == null ? "" : value) + "|" + user);
    Optional<String> before = ask.flatMap(a -> store.answer(team, a, yes));
    if (before.isEmpty()) {
      return Reply.text("That question isn't one I asked you, so nothing was recorded.");
    }
    if (!before.get().equals("asked")) {
      return Reply.text("You already answered this one — thanks. Nothing changed.");
    }
    return Reply.text(yes ? ":handshake: Lovely — noted that you've kept in touch. Thanks for answering."
        : ":seedling: Noted, thanks. Plenty of connections start with one conversation.").replacingOriginal();
  }

  private static String text(List<String> others) {
    return "A few weeks ago you met " + names(others) + " through coffee pairing. " + QUESTION;
  }

  private List<LayoutBlock> blocks(TieStore.Ask ask, List<String> others) {
    return List.of(
        section(s -> s.text(markdownText(":coffee: A few weeks ago you met " + names(others) + " through coffee "
            + "pairing in <#" + ask.channel() + ">. *" + QUESTION + "*"))),
        actions(a -> a.elements(List.of(
            button(b -> b.actionId(YES).value(ask.buttonValue()).text(plainText("Yes, we have"))),
            button(b -> b.actionId(NO).value(ask.buttonValue()).text(plainText("Not since")))))),
        context(c -> c.elements(List.of(markdownText("Answering is optional and asked once. HR sees only how "
            + "many people of a program kept in touch, and only when at least " + pulse.k() + " answered; never "
            + "who said what.")))));
  }

  private static String names(List<String> users) {
    return users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(" and "));
  }
}
