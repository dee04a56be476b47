package dev.rapport.pulse;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer modal: how it looks, and what a submission of it says. Pure, no Slack calls. */
final class AnswerModal {

  static final String CALLBACK = "pulse_answer";
  static final String OPEN_ACTION = "pulse_answer_open";
  static final String SCORE_ACTION = "score";
  static final String COMMENT_BLOCK = "pulse_comment";
  static final String COMMENT_ACTION = "text";
  static final int MAX_COMMENT = 1000;

  private static final String[] SCALE = {"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
      "Strongly agree"};

  /** A complete answer: one score per question and an optional comment (null when none). */
  record Answer(Map<Question, Integer> scores, String comment) {
    Answer {
      scores = Map.copyOf(scores);
    }
  }

  /** A submission read back: an answer, or errors by block id to show in the modal (input is kept). */
  record Parsed(Answer answer, Map<String, String> errors) {}

  private AnswerModal() {}

  /** The form for {@code period} of {@code channel}; {@code k} is said out loud so people know the rule. */
  static View form(String channel, String period, int k) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText("How does <#" + channel + "> feel lately? Four quick questions, "
        + "from 1 (strongly disagree) to 5 (strongly agree)."))));
    blocks.add(context(List.of(markdownText(":lock: *Anonymous.* Your scores are only added to the team's "
        + "totals; nobody, not even admins, can see who answered or what they answered. Results are shown "
        + "only after the period closes, and only if at least " + k + " people answered."))));
    for (Question q : Question.values()) {
      blocks.add(input(i -> i.blockId(q.blockId()).label(plainText(q.wording))
          .element(radioButtons(r -> r.actionId(SCORE_ACTION).options(scale())))));
    }
    blocks.add(input(i -> i.blockId(COMMENT_BLOCK).optional(true).label(plainText("Anything else? (optional)"))
        .hint(plainText("Managers see comments word for word, in random order, without your name. "
            + "Leave out details that would give you away."))
        .element(plainTextInput(t -> t.actionId(COMMENT_ACTION).multiline(true).maxLength(MAX_COMMENT)))));
    return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(new PeriodRef(channel, period).encode())
        .title(viewTitle(t -> t.type("plain_text").text("Team pulse")))
        .submit(viewSubmit(s -> s.type("plain_text").text("Send anonymously")))
        .close(viewClose(c -> c.type("plain_text").text("Cancel")))
        .blocks(blocks));
  }

  /** A modal that only says something (thanks, already answered, closed). */
  static View notice(String text) {
    return view(v -> v.type("modal").title(viewTitle(t -> t.type("plain_text").text("Team pulse")))
        .close(viewClose(c -> c.type("plain_text").text("Close")))
        .blocks(List.of(section(s -> s.text(markdownText(text))))));
  }

  /** Reads the view state; every question needs a score from 1 to 5, the comment fits the limit. */
  static Parsed parse(Map<String, Map<String, ViewState.Value>> values) {
    Map<Question, Integer> scores = new EnumMap<>(Question.class);
    Map<String, String> errors = new LinkedHashMap<>();
    for (Question q : Question.values()) {
      Integer score = score(value(values, q.blockId(), SCORE_ACTION));
      if (score == null) {
        errors.put(q.blockId(), "Please pick a score from 1 to 5.");
      } else {
        scores.put(q, score);
      }
    }
    ViewState.Value text = value(values, COMMENT_BLOCK, COMMENT_ACTION);
    String comment = text == null || text.getValue() == null ? null : clean(text.getValue());
    if (comment != null && comment.length() > MAX_COMMENT) {
      errors.put(COMMENT_BLOCK, "Please keep the comment under " + MAX_COMMENT + " characters.");
    }
    return errors.isEmpty() ? new Parsed(new Answer(scores, comment), Map.of()) : new Parsed(null, errors);
  }

  private static Integer score(ViewState.Value value) {
    if (value == null || value.getSelectedOption() == null) {
      return null;
    }
    try {
      int score = Integer.parseInt(value.getSelectedOption().getValue());
      return score >= Question.MIN_SCORE && score <= Question.MAX_SCORE ? score : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block,
                                       String action) {
    Map<String, ViewState.Value> inBlock = values == null ? null : values.get(block);
    return inBlock == null ? null : inBlock.get(action);
  }

  /** Trims, drops control characters (keeping line breaks); blank is no comment. */
  private static String clean(String raw) {
    String text = raw.replaceAll("[\\p{Cntrl}&&[^\\n]]", "").strip();
    return text.isEmpty() ? null : text;
  }

  private static List<OptionObject> scale() {
    List<OptionObject> options = new ArrayList<>();
    for (int score = Question.MIN_SCORE; score <= Question.MAX_SCORE; score++) {
      String label = score + " · " + SCALE[score - Question.MIN_SCORE];
      options.add(option(plainText(label), String.valueOf(score)));
    }
    return options;
  }
}
