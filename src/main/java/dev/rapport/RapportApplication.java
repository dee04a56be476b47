package dev.rapport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rapport: coffee pairing, empathy prompts and an anonymous pulse for Slack. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RapportApplication {

  public static void main(String[] args) {
    SpringApplication.run(RapportApplication.class, args);
  }
}
