package dev.rapport.prompts;

import dev.rapport.slack.SlashCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Empathy prompts' command, as the help and the Home tab introduce it. */
@Configuration(proxyBeanMethods = false)
class PromptsConfig {

  @Bean
  SlashCommand empathy() {
    return new SlashCommand("/empathy", 20,
        "Empathy prompts: questions that practise listening, empathy, vulnerability and quality time.",
        ":speech_balloon: *Empathy prompts* — questions that practise the four strategies, posted in "
            + "channels. Try `/empathy` in a channel or `/empathy help`.");
  }
}
