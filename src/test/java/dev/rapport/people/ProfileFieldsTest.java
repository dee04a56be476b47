package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProfileFieldsTest extends AppTest {

  @Autowired
  ProfileFields fields;

  @Test
  void readsACustomFieldByItsLabelWhateverTheCaseAndCachesThePersonsFields() throws Exception {
    slack.workspace(TEAM).user("U0F1").field("Office", "Berlin").field("Manager", "U0BOSS").field("Team", " ");

    assertThat(fields.value(TEAM, "U0F1", "  office ")).contains("Berlin");
    assertThat(fields.value(TEAM, "U0F1", "MANAGER")).contains("U0BOSS");
    assertThat(fields.value(TEAM, "U0F1", "Team")).as("a blank field is no value").isEmpty();
    assertThat(fields.value(TEAM, "U0F1", "Desk")).isEmpty();
    assertThat(slack.calls("users.profile.get")).as("asked once, then cached").hasSize(1)
        .allSatisfy(call -> assertThat(call.param("user")).isEqualTo("U0F1"));
    assertThat(jedis.get("rapport:{" + TEAM + "}:people:fields:U0F1")).contains("Berlin");
  }

  @Test
  void someoneWithoutCustomFieldsHasNone() throws Exception {
    slack.workspace(TEAM).user("U0F2");

    assertThat(fields.all(TEAM, "U0F2")).isEmpty();
    assertThat(fields.value(TEAM, "U0F2", "Office")).isEmpty();
  }
}
