package io.sluice.gateway.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.gateway.governance.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin REST APIs through a real gateway: SCIM principals, tokens, Unity Catalog permissions
 * and catalogs. Names carry a random suffix because the gateway is shared by the whole test run.
 */
@Timeout(120)
class TestGovernanceRestApi {
  private static final String SCIM = "/api/2.0/preview/scim/v2/";
  private static final String UC = "/api/2.1/unity-catalog/";

  private final TestingSluice sluice = TestingSluice.shared();
  private final TestingRestClient admin = new TestingRestClient(sluice.httpPort(), sluice.token());
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theAdminIsAMemberOfAdminsAndSeesItselfThroughMe() throws Exception {
    Answer me = admin.get(SCIM + "Me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("userName").asText()).isEqualTo("admin");
    assertThat(names(me.body().get("groups"), "display")).contains("admins");
  }

  @Test
  void adminsCreateUsersNestedGroupsAndServicePrincipals() throws Exception {
    String alice = "alice-" + suffix + "@example.com";
    Answer user = admin.post(SCIM + "Users", Map.of("userName", alice, "displayName", "Alice"));
    assertThat(user.status()).isEqualTo(201);
    String aliceId = user.body().get("id").asText();
    assertThat(user.body().get("emails").get(0).get("value").asText()).isEqualTo(alice);

    Answer analysts =
        admin.post(
            SCIM + "Groups",
            Map.of(
                "displayName", "analysts-" + suffix, "members", List.of(Map.of("value", aliceId))));
    assertThat(analysts.status()).isEqualTo(201);
    String analystsId = analysts.body().get("id").asText();
    Answer everyone = admin.post(SCIM + "Groups", Map.of("displayName", "everyone-" + suffix));
    String everyoneId = everyone.body().get("id").asText();
    Answer patched =
        admin.patch(
            SCIM + "Groups/" + everyoneId,
            Map.of(
                "schemas",
                List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations",
                List.of(
                    Map.of(
                        "op",
                        "add",
                        "path",
                        "members",
                        "value",
                        List.of(Map.of("value", analystsId))))));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(names(patched.body().get("members"), "display"))
        .containsExactly("analysts-" + suffix);
    assertThat(sluice.sluice().governance().principals().groupsOf(alice))
        .containsExactly("analysts-" + suffix, "users", "everyone-" + suffix);

    Answer cycle =
        admin.patch(
            SCIM + "Groups/" + analystsId,
            Map.of(
                "Operations",
                List.of(
                    Map.of(
                        "op",
                        "add",
                        "path",
                        "members",
                        "value",
                        List.of(Map.of("value", everyoneId))))));
    assertThat(cycle.status()).isEqualTo(400);

    Answer found = admin.get(SCIM + "Users?filter=" + encode("userName eq \"" + alice + "\""));
    assertThat(found.body().get("totalResults").asInt()).isEqualTo(1);
    assertThat(found.body().get("Resources").get(0).get("id").asText()).isEqualTo(aliceId);

    Answer robot = admin.post(SCIM + "ServicePrincipals", Map.of("displayName", "etl-" + suffix));
    assertThat(robot.status()).isEqualTo(201);
    assertThat(robot.body().get("applicationId").asText()).hasSize(36);

    Answer removed =
        admin.patch(
            SCIM + "Groups/" + analystsId,
            Map.of(
                "Operations",
                List.of(Map.of("op", "remove", "path", "members[value eq \"" + aliceId + "\"]"))));
    assertThat(removed.body().get("members")).isEmpty();
    assertThat(admin.delete(SCIM + "Users/" + aliceId).status()).isEqualTo(204);
    assertThat(admin.get(SCIM + "Users/" + aliceId).status()).isEqualTo(404);
  }

  @Test
  void onlyAdminsChangePrincipalsAndOthersTokens() throws Exception {
    TestingRestClient bob = userWithToken("bob-" + suffix);
    Answer refused = bob.post(SCIM + "Users", Map.of("userName", "mallory-" + suffix));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body().get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(bob.get("/api/2.0/token-management/tokens").status()).isEqualTo(403);
    assertThat(bob.get(SCIM + "Me").body().get("userName").asText()).isEqualTo("bob-" + suffix);
  }

  @Test
  void usersManageTheirOwnTokensAndADeletedTokenIsRefusedAtOnce() throws Exception {
    String carol = "carol-" + suffix;
    TestingRestClient carolClient = userWithToken(carol);
    Answer created =
        carolClient.post(
            "/api/2.0/token/create", Map.of("comment", "laptop", "lifetime_seconds", 3600));
    assertThat(created.status()).isEqualTo(200);
    String second = created.body().get("token_value").asText();
    String secondId = created.body().get("token_info").get("token_id").asText();
    assertThat(second).startsWith("dapi");
    assertThat(created.body().get("token_info").get("expiry_time").asLong())
        .isEqualTo(created.body().get("token_info").get("creation_time").asLong() + 3_600_000);

    List<String> listed = new ArrayList<>();
    carolClient
        .get("/api/2.0/token/list")
        .body()
        .get("token_infos")
        .forEach(info -> listed.add(info.get("token_id").asText()));
    assertThat(listed).hasSize(2).contains(secondId);

    TestingRestClient secondClient = new TestingRestClient(sluice.httpPort(), second);
    assertThat(secondClient.get(SCIM + "Me").status()).isEqualTo(200);
    assertThat(carolClient.post("/api/2.0/token/delete", Map.of("token_id", secondId)).status())
        .isEqualTo(200);
    assertThat(secondClient.get(SCIM + "Me").status()).isEqualTo(401);
    assertThat(carolClient.post("/api/2.0/token/delete", Map.of("token_id", secondId)).status())
        .isEqualTo(404);
  }

  @Test
  void revokingATokenEndsSessionsAlreadyOpenWithIt() throws Exception {
    String dave = "dave-" + suffix;
    admin.post(SCIM + "Users", Map.of("userName", dave));
    // Over HTTP every request carries the token and is refused with 401; on the binary port the
    // session's token is re-checked on each call and the call fails with SQLSTATE 28000.
    Map<String, String> refusals =
        Map.of(
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default",
            "was revoked or has expired",
            "jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default;auth=noSasl",
            "was revoked or has expired",
            "jdbc:hive2://127.0.0.1:"
                + sluice.httpPort()
                + "/default;transportMode=http;httpPath=cliservice",
            "HTTP Response code: 401");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      String url = refusal.getKey();
      Answer issued =
          admin.post("/api/2.0/token-management/on-behalf-of/tokens", Map.of("user_name", dave));
      assertThat(issued.status()).isEqualTo(200);
      String token = issued.body().get("token_value").asText();
      String tokenId = issued.body().get("token_info").get("token_id").asText();
      Connection connection = TestingClientDrivers.hiveJdbc().connect(url, "token", token);
      try {
        assertThat(connection.getMetaData().getDatabaseProductName()).isNotEmpty();
        assertThat(admin.delete("/api/2.0/token-management/tokens/" + tokenId).status())
            .isEqualTo(200);
        assertThatThrownBy(() -> connection.getMetaData().getDatabaseProductName())
            .as(url)
            .isInstanceOf(SQLException.class)
            .hasStackTraceContaining(refusal.getValue());
      } finally {
        closeQuietly(connection);
      }
    }
  }

  @Test
  void permissionsAndCatalogsFollowGrants() throws Exception {
    String erin = "erin-" + suffix;
    String frank = "frank-" + suffix;
    TestingRestClient erinClient = userWithToken(erin);
    TestingRestClient frankClient = userWithToken(frank);
    String group = "readers-" + suffix;
    String groupId =
        admin.post(SCIM + "Groups", Map.of("displayName", group)).body().get("id").asText();
    String erinId = sluice.sluice().governance().principals().require(erin).id();
    admin.patch(
        SCIM + "Groups/" + groupId,
        Map.of(
            "Operations",
            List.of(
                Map.of(
                    "op", "add", "path", "members", "value", List.of(Map.of("value", erinId))))));

    String catalog = "cat_" + suffix;
    Answer createdByUser = erinClient.post(UC + "catalogs", Map.of("name", catalog));
    assertThat(createdByUser.status()).isEqualTo(403);
    assertThat(createdByUser.body().get("message").asText())
        .isEqualTo(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have CREATE CATALOG on Metastore 'metastore'.");

    Answer created = admin.post(UC + "catalogs", Map.of("name", catalog, "comment", "test"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.body().get("owner").asText()).isEqualTo("admin");
    Answer schema = admin.post(UC + "schemas", Map.of("name", "sales", "catalog_name", catalog));
    assertThat(schema.body().get("full_name").asText()).isEqualTo(catalog + ".sales");

    assertThat(catalogNames(erinClient)).doesNotContain(catalog);
    Answer granted =
        admin.patch(
            UC + "permissions/catalog/" + catalog,
            Map.of(
                "changes",
                List.of(Map.of("principal", group, "add", List.of("USE_CATALOG", "BROWSE")))));
    assertThat(granted.status()).isEqualTo(200);
    assertThat(granted.body().get("privilege_assignments").get(0).get("principal").asText())
        .isEqualTo(group);
    assertThat(names(granted.body().get("privilege_assignments").get(0).get("privileges"), null))
        .containsExactly("BROWSE", "USE_CATALOG");

    assertThat(catalogNames(erinClient)).contains(catalog);
    assertThat(catalogNames(frankClient)).doesNotContain(catalog);
    assertThat(
            erinClient
                .get(UC + "schemas?catalog_name=" + catalog)
                .body()
                .get("schemas")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("sales");

    Answer erinPatch =
        erinClient.patch(
            UC + "permissions/catalog/" + catalog,
            Map.of("changes", List.of(Map.of("principal", erin, "add", List.of("SELECT")))));
    assertThat(erinPatch.status()).isEqualTo(403);
    assertThat(erinPatch.body().get("message").asText())
        .isEqualTo(
            "[INSUFFICIENT_PERMISSIONS] Insufficient privileges:\n"
                + "User does not have MANAGE on Catalog '"
                + catalog
                + "'.");

    Answer frankView = frankClient.get(UC + "permissions/catalog/" + catalog);
    assertThat(frankView.body().get("privilege_assignments")).isEmpty();

    Answer transferred = admin.patch(UC + "catalogs/" + catalog, Map.of("owner", erin));
    assertThat(transferred.body().get("owner").asText()).isEqualTo(erin);
    assertThat(
            erinClient
                .patch(
                    UC + "permissions/catalog/" + catalog,
                    Map.of(
                        "changes",
                        List.of(Map.of("principal", frank, "add", List.of("USE_CATALOG")))))
                .status())
        .isEqualTo(200);
    assertThat(catalogNames(frankClient)).contains(catalog);

    assertThat(frankClient.delete(UC + "catalogs/" + catalog + "?force=true").status())
        .isEqualTo(403);
    assertThat(admin.delete(UC + "catalogs/" + catalog).status()).isEqualTo(400);
    assertThat(admin.delete(UC + "catalogs/" + catalog + "?force=true").status()).isEqualTo(200);
    assertThat(admin.get(UC + "catalogs/" + catalog).status()).isEqualTo(404);
  }

  /** Closing may fail too once the token is revoked (over HTTP every call is refused). */
  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The session is gone with its token.
    }
  }

  private List<String> catalogNames(TestingRestClient client) throws Exception {
    return names(client.get(UC + "catalogs").body().get("catalogs"), "name");
  }

  private TestingRestClient userWithToken(String userName) throws Exception {
    Answer user = admin.post(SCIM + "Users", Map.of("userName", userName));
    assertThat(user.status()).isEqualTo(201);
    Answer token =
        admin.post("/api/2.0/token-management/on-behalf-of/tokens", Map.of("user_name", userName));
    assertThat(token.status()).isEqualTo(200);
    return new TestingRestClient(sluice.httpPort(), token.body().get("token_value").asText());
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    array.forEach(item -> names.add(field == null ? item.asText() : item.get(field).asText()));
    return names;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
