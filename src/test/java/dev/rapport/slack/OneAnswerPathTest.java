package dev.rapport.slack;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.slack.api.bolt.context.Context;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Answering after the ack has one way, {@link AnswerLater}: no feature posts to a {@code response_url} by
 * itself (Bolt's {@code ctx.respond}, or the gateway's {@code respond}, which only AnswerLater may use).
 */
class OneAnswerPathTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.rapport");

  @Test
  void nothingButAnswerLaterPostsToAResponseUrl() {
    noClasses().that().doNotHaveFullyQualifiedName(AnswerLater.class.getName())
        .should().callMethodWhere(describe("Bolt's Context.respond or SlackGateway.respond", call ->
            call.getName().equals("respond")
                && (call.getTargetOwner().isAssignableTo(Context.class)
                    || call.getTargetOwner().isEquivalentTo(SlackGateway.class))))
        .because("answers after the ack go through AnswerLater")
        .check(MAIN);
  }
}
