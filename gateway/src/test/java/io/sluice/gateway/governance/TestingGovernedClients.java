package io.sluice.gateway.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.governance.TestingRestClient.Answer;
import io.sluice.gateway.testing.TestingClientDrivers;
import io.sluice.gateway.testing.TestingSluice;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Users of a test gateway as people are: created by the admin over SCIM with a token of their own,
 * connected through Apache Hive JDBC.
 */
final class TestingGovernedClients {
  private TestingGovernedClients() {}

  /** Creates the user {@code userName} and returns a personal access token for it. */
  static String userWithToken(TestingRestClient admin, String userName) throws Exception {
    createUser(admin, userName);
    return tokenFor(admin, userName);
  }

  /** Creates the user {@code userName}; returns its SCIM id. */
  static String createUser(TestingRestClient admin, String userName) throws Exception {
    Answer created = admin.post("/api/2.0/preview/scim/v2/Users", Map.of("userName", userName));
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asText();
  }

  /** Creates the group {@code name} with the users (SCIM ids) as members. */
  static void createGroup(TestingRestClient admin, String name, List<String> memberIds)
      throws Exception {
    Answer created =
        admin.post(
            "/api/2.0/preview/scim/v2/Groups",
            Map.of(
                "displayName",
                name,
                "members",
                memberIds.stream().map(id -> Map.of("value", id)).toList()));
    assertThat(created.status()).isEqualTo(201);
  }

  /** A new personal access token for the existing user {@code userName}. */
  static String tokenFor(TestingRestClient admin, String userName) throws Exception {
    Answer token =
        admin.post("/api/2.0/token-management/on-behalf-of/tokens", Map.of("user_name", userName));
    return token.body().get("token_value").asText();
  }

  static Connection connect(TestingSluice sluice, String token) throws SQLException {
    return TestingClientDrivers.hiveJdbc()
        .connect("jdbc:hive2://127.0.0.1:" + sluice.binaryPort() + "/default", "token", token);
  }

  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** One column of a query's rows, as strings. */
  static List<String> column(Connection connection, String sql, int column) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(column));
      }
      return values;
    }
  }

  /** Each row's values joined with {@code |}. */
  static List<String> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<String> rows = new ArrayList<>();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int index = 1; index <= columns; index++) {
          values.add(result.getString(index));
        }
        rows.add(String.join("|", values));
      }
      return rows;
    }
  }
}
