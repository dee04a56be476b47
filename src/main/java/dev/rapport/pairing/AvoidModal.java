package dev.rapport.pairing;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A member's private do-not-pair list as a form, opened from their Home: the people picked are the list. */
final class AvoidModal {

  static final String CALLBACK = "pairing_avoid";
  static final String BLOCK = "avoid";
  /** Enough for anyone's list; keeps the form and each round's read of the lists small. */
  static final int MAX = 50;

  private AvoidModal() {}

  static View form(Set<String> avoided) {
    return form(avoided, null);
  }

  /** The form with {@code avoided} picked; {@code problem}, if any, says above it why it wasn't saved. */
  static View form(Set<String> avoided, String problem) {
    List<String> initial = avoided.stream().sorted().limit(MAX).toList();
    String intro = (problem == null ? "" : problem + "\nYour choices are still here: press *Save* to try again.\n\n")
        + ":shushing_face: Rapport never puts you in a coffee group with the people on this list, in any program. "
        + "It is private: nobody else can see it, and nobody is told they are on it.";
    return View.builder().type("modal").callbackId(CALLBACK)
        .title(viewTitle(t -> t.type("plain_text").text("Do-not-pair list")))
        .submit(viewSubmit(t -> t.type("plain_text").text("Save")))
        .close(viewClose(t -> t.type("plain_text").text("Cancel")))
        .blocks(List.of(
            section(s -> s.text(markdownText(intro))),
            input(i -> i.blockId(BLOCK).optional(true).label(plainText("Never pair me with"))
                .element(multiUsersSelect(m -> {
                  m.actionId(BLOCK).maxSelectedItems(MAX).placeholder(plainText("Pick people"));
                  return initial.isEmpty() ? m : m.initialUsers(initial);
                })))))
        .build();
  }

  /** The modal after sending it: "Saving…", then the list as saved. */
  static View notice(String text) {
    return View.builder().type("modal").callbackId(CALLBACK + "_done")
        .title(viewTitle(t -> t.type("plain_text").text("Do-not-pair list")))
        .close(viewClose(t -> t.type("plain_text").text("Close")))
        .blocks(List.of(section(s -> s.text(markdownText(text))))).build();
  }

  /** The people picked (at most {@link #MAX}), or the error to show next to the field. */
  record Parsed(Set<String> people, Map<String, String> errors) {}

  static Parsed parse(ViewState state, String self) {
    ViewState.Value value = state.getValues().getOrDefault(BLOCK, Map.of()).get(BLOCK);
    List<String> picked = value == null || value.getSelectedUsers() == null ? List.of() : value.getSelectedUsers();
    if (picked.contains(self)) {
      return new Parsed(null, Map.of(BLOCK, "You can't avoid yourself — take yourself off the list."));
    }
    if (picked.size() > MAX || picked.stream().anyMatch(u -> !u.matches("[UW][A-Z0-9]{2,20}"))) {
      return new Parsed(null, Map.of(BLOCK, "Pick at most " + MAX + " people from your workspace."));
    }
    return new Parsed(new LinkedHashSet<>(picked), Map.of());
  }

  /** "nobody", "<@U1>", "2 people: <@U1> and <@U2>". */
  static String describe(Set<String> people) {
    if (people.isEmpty()) {
      return "nobody";
    }
    String names = Names.mentions(people.stream().sorted().toList());
    return people.size() == 1 ? "1 person: " + names : people.size() + " people: " + names;
  }
}
