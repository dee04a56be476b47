package dev.rapport.pairing;

import dev.rapport.outbox.Delivery;
import dev.rapport.outbox.Outbox;
import dev.rapport.people.ConfiguredAdmins;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Notes to the people who run a channel's program: the admins who started, changed or ran it, or else the
 * workspace's configured admins. Each gets a DM of their own, keyed by {@code round} and {@code note}, so a
 * retried step tells nobody twice.
 */
@Component
class AdminNotes {

  private final ProgramStore programs;
  private final ConfiguredAdmins configuredAdmins;
  private final Outbox outbox;

  AdminNotes(ProgramStore programs, ConfiguredAdmins configuredAdmins, Outbox outbox) {
    this.programs = programs;
    this.configuredAdmins = configuredAdmins;
    this.outbox = outbox;
  }

  /** Sends {@code text} to the program's admins; false when no admin is known to tell. */
  boolean tell(String team, RoundRef round, String note, String text, String what) {
    List<String> admins = new ArrayList<>(programs.runners(team, round.channel()));
    if (admins.isEmpty()) {
      admins.addAll(configuredAdmins.of(team));
    }
    outbox.sendAll(admins.stream().map(admin -> Delivery.dm(team, List.of(admin),
        round.deliveryKey(note + ":" + admin), text, null).about("pairing", round.channel(), what)).toList());
    return !admins.isEmpty();
  }
}
