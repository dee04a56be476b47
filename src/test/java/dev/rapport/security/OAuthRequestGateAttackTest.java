package dev.rapport.security;

import dev.rapport.testkit.OAuthAppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack suite, multi-workspace deployment (OAuth), where {@code /slack/install} and
 * {@code /slack/oauth_redirect} exist too: no route, method or body gets in without a fresh, correct Slack
 * signature that was never used before, and the install paths never treat a body as a Slack request.
 */
class OAuthRequestGateAttackTest extends OAuthAppTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(RequestAttacks.Attack.class)
  void everyRouteAndMethodRefusesTheRequestAndNothingChanges(RequestAttacks.Attack attack) throws Exception {
    answerOAuthWithTokensForTheCodesWorkspace(3600);
    install(TEAM);
    new RequestAttacks(baseUrl(), TEAM, slack, jedis, clock, requests).withAProgram().refusedEverywhere(attack);
  }
}
