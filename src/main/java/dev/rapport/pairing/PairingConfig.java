package dev.rapport.pairing;

import dev.rapport.pairing.matching.GroupMatcher;
import dev.rapport.pairing.matching.OptimalMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matching engine rounds use. */
@Configuration(proxyBeanMethods = false)
class PairingConfig {

  @Bean
  GroupMatcher matcher() {
    return new OptimalMatcher();
  }
}
