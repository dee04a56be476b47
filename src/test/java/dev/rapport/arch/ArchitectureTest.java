package dev.rapport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps DESIGN.md's picture true: which package may know which. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.rapport");

  @Test
  void featureModulesFormNoCycles() {
    slices().matching("dev.rapport.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void slackKnowsNoFeature() {
    noClasses().that().resideInAPackage("dev.rapport.slack..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.pairing..", "dev.rapport.prompts..",
            "dev.rapport.pulse..", "dev.rapport.schedule..", "dev.rapport.outbox..")
        .check(CLASSES);
  }

  @Test
  void storeDependsOnNothingElseOfOurs() {
    noClasses().that().resideInAPackage("dev.rapport.store..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.slack..", "dev.rapport.people..",
            "dev.rapport.pairing..", "dev.rapport.prompts..", "dev.rapport.pulse..",
            "dev.rapport.schedule..", "dev.rapport.outbox..")
        .check(CLASSES);
  }

  @Test
  void matchingIsPureJava() {
    noClasses().that().resideInAPackage("dev.rapport.pairing.matching..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.slack..",
            "redis..", "dev.rapport.store..", "dev.rapport.slack..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void pulseAndPromptsDoNotReachIntoEachOtherOrPairing() {
    noClasses().that().resideInAPackage("dev.rapport.pulse..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.pairing..", "dev.rapport.prompts..")
        .allowEmptyShould(true)
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.rapport.prompts..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.rapport.pairing..", "dev.rapport.pulse..")
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
