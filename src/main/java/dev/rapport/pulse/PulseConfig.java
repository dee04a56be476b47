package dev.rapport.pulse;

import dev.rapport.slack.SlashCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pulse's command, as the help and the Home tab introduce it. */
@Configuration(proxyBeanMethods = false)
class PulseConfig {

  @Bean
  SlashCommand pulse() {
    return new SlashCommand("/pulse", 30,
        "Anonymous pulse: four questions on how connected the team feels, answered anonymously.",
        ":bar_chart: *Anonymous pulse* — four questions on how connected your team feels. Nobody, "
            + "not even admins, can see who answered what. Try `/pulse help`.");
  }
}
