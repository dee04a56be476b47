package dev.rapport;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Rapport: coffee pairing, empathy prompts and an anonymous pulse for Slack. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RapportApplication {

  public static void main(String[] args) {
    SpringApplication.run(RapportApplication.class, args);
  }

  /** All time comes from here, so tests move time instead of sleeping. */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }
}
