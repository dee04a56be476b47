package dev.rapport.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.testkit.AppTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryTest extends AppTest {

  @Autowired
  Directory directory;
  @Autowired
  Roles roles;

  @Test
  void readsEveryMemberOfALargeChannelPageByPage() throws Exception {
    List<String> ids = slack.workspace(TEAM).channel("CBIG", "U", 2500);

    List<String> members = directory.members(TEAM, "CBIG");

    assertThat(members).containsExactlyElementsOf(ids);
    assertThat(slack.calls("conversations.members")).hasSize(3);
  }

  @Test
  void profilesComeFromOneUsersListPerHourNotOneCallPerPerson() throws Exception {
    List<String> ids = slack.workspace(TEAM).channel("C1", "U", 30);
    slack.workspace(TEAM).user("U002").bot();
    slack.workspace(TEAM).user("U003").guest();
    slack.workspace(TEAM).user("U004").tz("Asia/Tokyo", 9 * 3600);

    Map<String, Profile> first = directory.profiles(TEAM, ids);
    Map<String, Profile> second = directory.profiles(TEAM, ids);

    assertThat(first).hasSize(30).isEqualTo(second);
    assertThat(first.get("U002").isHuman()).isFalse();
    assertThat(first.get("U003").guest()).isTrue();
    assertThat(first.get("U004").utcOffsetSeconds()).isEqualTo(9 * 3600);
    assertThat(slack.calls("users.list")).hasSize(1);
    assertThat(slack.calls("users.info")).isEmpty();
  }

  @Test
  void someoneNewSinceTheLastListIsLookedUpAlone() throws Exception {
    slack.workspace(TEAM).channel("C1", "U", 3);
    directory.profiles(TEAM, List.of("U001"));
    slack.workspace(TEAM).user("UNEW");

    assertThat(directory.profiles(TEAM, List.of("U001", "UNEW"))).containsKeys("U001", "UNEW");
    assertThat(slack.calls("users.info")).extracting(c -> c.param("user")).containsExactly("UNEW");
  }

  @Test
  void adminsAreWorkspaceAdminsAndOwnersOrListedOnes() {
    slack.workspace(TEAM).user("UADMIN").admin();
    slack.workspace(TEAM).user("UPLAIN");

    assertThat(roles.isAdmin(TEAM, "UADMIN")).isTrue();
    assertThat(roles.isAdmin(TEAM, "UPLAIN")).isFalse();
    assertThat(roles.isAdmin(TEAM, "UNKNOWN")).as("Slack doesn't know them").isFalse();
    roles.isAdmin(TEAM, "UADMIN");
    assertThat(slack.calls("users.info").stream().filter(c -> "UADMIN".equals(c.param("user")))).as("cached")
        .hasSize(1);
  }
}
