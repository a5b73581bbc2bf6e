package io.sluice.gateway.governance;

import static io.sluice.gateway.governance.TestingGovernedClients.column;
import static io.sluice.gateway.governance.TestingGovernedClients.connect;
import static io.sluice.gateway.governance.TestingGovernedClients.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.governance.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingSluice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The workspace {@code users} group through a real gateway: a user the admin has just created may,
 * by Unity Catalog's defaults, create tables in {@code main.default} and work with them, but reads
 * no one else's table there without a grant; SCIM shows the group with every user in it and refuses
 * to change its membership.
 */
@Timeout(300)
class TestWorkspaceUsers {
  private static final String SCIM = "/api/2.0/preview/scim/v2/";

  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aNewUserCreatesAndUsesItsOwnTableInTheDefaultSchemaButReadsNoOneElses() throws Exception {
    String alice = "alice-" + suffix + "@example.com";
    String bob = "bob-" + suffix + "@example.com";
    String aliceToken = TestingGovernedClients.userWithToken(admin, alice);
    String bobToken = TestingGovernedClients.userWithToken(admin, bob);
    String notes = "main.default.notes_" + suffix;
    try (Connection aliceConnection = connect(sluice, aliceToken);
        Connection bobConnection = connect(sluice, bobToken)) {
      execute(aliceConnection, "CREATE TABLE " + notes + " (id INT, text STRING)");
      execute(aliceConnection, "INSERT INTO " + notes + " VALUES (1, 'first'), (2, 'second')");
      assertThat(column(aliceConnection, "SELECT text FROM " + notes + " ORDER BY id", 1))
          .containsExactly("first", "second");
      execute(aliceConnection, "USE CATALOG main");
      assertThat(column(aliceConnection, "SHOW TABLES IN main.default", 2))
          .contains("notes_" + suffix);

      assertRefused(
          bobConnection,
          "SELECT * FROM " + notes,
          "User does not have SELECT on Table '" + notes + "'.");
      assertRefused(
          bobConnection,
          "INSERT INTO " + notes + " VALUES (3, 'third')",
          "User does not have MODIFY on Table '" + notes + "'.");
      assertRefused(
          bobConnection, "CREATE SCHEMA main.bobs_" + suffix, "CREATE SCHEMA on Catalog 'main'");
      assertThat(column(bobConnection, "SHOW TABLES IN main.default", 2))
          .doesNotContain("notes_" + suffix);

      execute(aliceConnection, "GRANT SELECT ON TABLE " + notes + " TO `" + bob + "`");
      assertThat(column(bobConnection, "SELECT count(*) FROM " + notes, 1)).containsExactly("2");
      execute(aliceConnection, "DROP TABLE " + notes);
    }
  }

  @Test
  void scimShowsUsersWithEveryUserAndKeepsItsMembershipFixed() throws Exception {
    String carol = "carol-" + suffix + "@example.com";
    String carolId = TestingGovernedClients.createUser(admin, carol);
    Answer found =
        admin.get(
            SCIM
                + "Groups?filter="
                + URLEncoder.encode("displayName eq \"users\"", StandardCharsets.UTF_8));
    assertThat(found.body().get("totalResults").asInt()).isEqualTo(1);
    JsonNode users = found.body().get("Resources").get(0);
    String usersId = users.get("id").asText();
    assertThat(displays(users.get("members"))).contains("admin", carol);
    assertThat(displays(admin.get(SCIM + "Users/" + carolId).body().get("groups")))
        .containsExactly("users");

    String groupId =
        admin
            .post(SCIM + "Groups", Map.of("displayName", "team-" + suffix))
            .body()
            .get("id")
            .asText();
    assertThat(patchMembers(usersId, "add", groupId).status()).isEqualTo(400);
    assertThat(patchMembers(usersId, "remove", carolId).status()).isEqualTo(400);
    assertThat(admin.delete(SCIM + "Groups/" + usersId).status()).isEqualTo(400);
    assertThat(displays(admin.get(SCIM + "Groups/" + usersId).body().get("members")))
        .contains(carol);

    // The users group can be put in another group, and then everyone is in that group.
    assertThat(patchMembers(groupId, "add", usersId).status()).isEqualTo(200);
    assertThat(sluice.sluice().governance().principals().groupsOf(carol))
        .containsExactly("users", "team-" + suffix);
    // The gateway is shared by the whole test run: no one else should be in this group.
    assertThat(admin.delete(SCIM + "Groups/" + groupId).status()).isEqualTo(204);
  }

  private Answer patchMembers(String groupId, String operation, String memberId) throws Exception {
    return admin.patch(
        SCIM + "Groups/" + groupId,
        Map.of(
            "Operations",
            List.of(
                Map.of(
                    "op",
                    operation,
                    "path",
                    "members",
                    "value",
                    List.of(Map.of("value", memberId))))));
  }

  private static List<String> displays(JsonNode references) {
    List<String> names = new ArrayList<>();
    references.forEach(reference -> names.add(reference.get("display").asText()));
    return names;
  }

  private static void assertRefused(Connection connection, String sql, String message) {
    assertThatThrownBy(() -> execute(connection, sql))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
        .hasMessageContaining(message);
  }
}
