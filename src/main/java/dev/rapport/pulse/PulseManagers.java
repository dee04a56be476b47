package dev.rapport.pulse;

import dev.rapport.slack.CommandCall;
import dev.rapport.slack.Mentions;
import dev.rapport.slack.Reply;
import dev.rapport.slack.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /pulse managers [add|remove @user]}: who may read a channel's results, saying what really changed. */
@Component
class PulseManagers {

  private final PulseStore store;
  private final PulseSettings settings;

  PulseManagers(PulseStore store, PulseSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  Reply managers(CommandCall call) {
    String team = call.caller().team();
    String channel = PulseAdmin.inChannel(call);
    String[] words = call.args().split("\\s+", 2);
    String verb = words[0].toLowerCase(Locale.ROOT);
    if (verb.isEmpty() || verb.equals("list")) {
      List<String> managers = store.managers(team, channel).stream().sorted().toList();
      return Reply.text(managers.isEmpty()
          ? "<#" + channel + "> has no pulse managers yet. Add one with `/pulse managers add @someone`."
          : "Pulse managers of <#" + channel + ">: " + who(managers) + ".");
    }
    if (!verb.equals("add") && !verb.equals("remove")) {
      throw new UserError("Use `/pulse managers add @someone`, `/pulse managers remove @someone` or "
          + "`/pulse managers` to list them.");
    }
    List<String> users = Mentions.users(words.length > 1 ? words[1] : "");
    if (users.isEmpty()) {
      throw new UserError("Who? Mention them: `/pulse managers " + verb + " @someone`.");
    }
    boolean add = verb.equals("add");
    List<String> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (String user : users) {
      boolean did = add ? store.addManager(team, channel, user) : store.removeManager(team, channel, user);
      (did ? changed : unchanged).add(user);
    }
    String text = changed.isEmpty() ? "" : add
        ? who(changed) + " can now read the pulse results of <#" + channel + "> (closed periods with at least "
            + settings.minResponses() + " answers only). "
        : who(changed) + verb(changed, " no longer manages", " no longer manage") + " the pulse of <#" + channel
            + ">. ";
    if (!unchanged.isEmpty()) {
      text += who(unchanged) + (add ? verb(unchanged, " already manages", " already manage") + " the pulse"
          : changed.isEmpty() ? verb(unchanged, " isn't a pulse manager", " aren't pulse managers")
          : verb(unchanged, " wasn't a pulse manager", " weren't pulse managers"))
          + (changed.isEmpty() ? " of <#" + channel + ">. Nothing changed." : ", so nothing changed for them.");
      if (!add && changed.isEmpty()) {
        text += " `/pulse managers` lists who manages it.";
      }
    }
    return Reply.text(":busts_in_silhouette: " + text.strip());
  }

  private static String verb(List<String> users, String one, String many) {
    return users.size() == 1 ? one : many;
  }

  private static String who(List<String> users) {
    return users.stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
  }
}
