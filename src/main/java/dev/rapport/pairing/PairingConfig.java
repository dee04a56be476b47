package dev.rapport.pairing;

import dev.rapport.pairing.matching.GroupMatcher;
import dev.rapport.pairing.matching.OptimalMatcher;
import dev.rapport.slack.SlashCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Coffee pairing's command, as the help and the Home tab introduce it, and the matching engine rounds use. */
@Configuration(proxyBeanMethods = false)
class PairingConfig {

  @Bean
  SlashCommand coffee() {
    return new SlashCommand("/coffee", 10,
        "Coffee pairing: meet a colleague for a chat every round, someone new each time.",
        ":coffee: *Coffee pairing* — every round you meet someone new from a channel's program. "
            + "Try `/coffee status` or `/coffee help`.");
  }

  @Bean
  GroupMatcher matcher() {
    return new OptimalMatcher();
  }
}
