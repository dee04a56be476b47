package dev.rapport.pairing;

import dev.rapport.people.ForgetMe;
import dev.rapport.slack.SlackFeature;
import dev.rapport.slack.Subcommand;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /coffee}: its subcommands, each handed to the class that does the job. The buttons and forms live
 * with their jobs ({@link CoffeeButtons}, {@link HomeControls}, {@link AvoidForm}, {@link SettingsForm}).
 * {@code forget-me} is listed here because that's where people look for it; what it does is people's
 * ({@link ForgetMe}).
 */
@Component
class CoffeeCommand implements SlackFeature {

  private final MemberChoices choices;
  private final AvoidCommands avoid;
  private final MyCoffee mine;
  private final ProgramAdmin admin;
  private final PairingStats stats;
  private final SettingsForm form;
  private final ForgetMe forgetMe;
  private final OnboardingEvents onboarding;

  CoffeeCommand(MemberChoices choices, AvoidCommands avoid, MyCoffee mine, ProgramAdmin admin, PairingStats stats,
                SettingsForm form, ForgetMe forgetMe, OnboardingEvents onboarding) {
    this.choices = choices;
    this.avoid = avoid;
    this.mine = mine;
    this.admin = admin;
    this.stats = stats;
    this.form = form;
    this.forgetMe = forgetMe;
    this.onboarding = onboarding;
  }

  @Override
  public List<Subcommand> subcommands() {
    String c = "/coffee";
    return List.of(
        Subcommand.everyone(c, "status", "", "your programs, next round, current group", mine::status),
        Subcommand.everyone(c, "join", "", "opt back in to this channel's pairings", choices::join),
        Subcommand.everyone(c, "leave", "", "opt out of this channel's pairings (in a DM: pick which)",
            choices::leave),
        Subcommand.everyone(c, "pause", "2w | until 2027-01-15", "skip rounds for 1-12 weeks or until a date "
            + "(in a DM: all your programs)", choices::pause),
        Subcommand.everyone(c, "resume", "", "end a pause early (in a DM: all your programs)", choices::resume),
        Subcommand.everyone(c, "avoid", "[@someone]", "never be paired with someone (private); alone, shows "
            + "your list", avoid::avoid),
        Subcommand.everyone(c, "unavoid", "@someone", "take someone off your do-not-pair list", avoid::unavoid),
        Subcommand.everyone(c, "history", "", "your last 10 groups and whether you met", mine::history),
        Subcommand.everyone(c, "forget-me", "", "delete your pairing history and preferences everywhere",
            call -> forgetMe.confirmation()),
        Subcommand.admin(c, "start", "<cadence> [size 2|3|4] [type random|cross|leader|office|onboarding …]",
            "start or change pairing here, e.g. `every week on mon at 10:00 tz Europe/Berlin type cross @sales "
                + "@engineering`", admin::start),
        Subcommand.admin(c, "settings", "", "change this channel's program in a form", form::open),
        Subcommand.admin(c, "onboard", "@someone [starting 2026-12-07]", "give a new hire an onboarding buddy "
            + "and journey (programs with `type onboarding`)", onboarding::onboard),
        Subcommand.admin(c, "stop", "", "stop pairing in this channel", admin::stop),
        Subcommand.admin(c, "now", "", "run a round right away", admin::now),
        Subcommand.admin(c, "stats", "", "rounds, meeting rate, first meetings, cross-team, deliveries",
            call -> stats.render(call.caller().team(), admin.existing(call))));
  }
}
