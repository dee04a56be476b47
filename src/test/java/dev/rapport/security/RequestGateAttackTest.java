package dev.rapport.security;

import dev.rapport.testkit.AppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack suite, single-workspace deployment (bot token and signing secret): no route, method or body
 * gets in without a fresh, correct Slack signature that was never used before.
 */
class RequestGateAttackTest extends AppTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(RequestAttacks.Attack.class)
  void everyRouteAndMethodRefusesTheRequestAndNothingChanges(RequestAttacks.Attack attack) {
    new RequestAttacks(baseUrl(), TEAM, slack, jedis, clock, requests).withAProgram().refusedEverywhere(attack);
  }
}
