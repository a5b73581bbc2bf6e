package io.sluice.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policy functions inlined for the person running the statement. */
class TestPolicyExpressions {
  private static final Identity HR_MEMBER = new Identity("ann@example.com", "hr"::equals);
  private static final Identity OUTSIDER = new Identity("bob@example.com", group -> false);

  @Test
  void parametersBecomeTheirArgumentsAndGroupMembershipIsAnsweredByTheGateway() throws Exception {
    String body = "CASE WHEN is_account_group_member('hr') THEN ssn ELSE '***' END";
    assertThat(PolicyExpressions.inline(body, List.of("ssn"), List.of("`ssn`"), HR_MEMBER))
        .isEqualTo("(CASE WHEN TRUE THEN (`ssn`) ELSE '***' END)");
    assertThat(PolicyExpressions.inline(body, List.of("SSN"), List.of("`tax_id`"), OUTSIDER))
        .isEqualTo("(CASE WHEN FALSE THEN (`tax_id`) ELSE '***' END)");
  }

  @Test
  void currentUserIsALiteralThatNoNameCanBreakOutOf() throws Exception {
    Identity quoted = new Identity("o'brien\\'; DROP TABLE x; --", group -> false);
    String inlined =
        PolicyExpressions.inline(
            "owner = current_user() OR owner = current_user",
            List.of("owner"),
            List.of("`owner`"),
            quoted);
    assertThat(inlined)
        .isEqualTo(
            "((`owner`) = 'o\\'brien\\\\\\'; DROP TABLE x; --' OR (`owner`) ="
                + " 'o\\'brien\\\\\\'; DROP TABLE x; --')");
    assertThat(new SqlPlanner().analyze("SELECT " + inlined, SessionContext.initial("d")).kind())
        .isEqualTo(StatementKind.QUERY);
  }

  @Test
  void aStatementsIdentityCallsAreAnsweredAndItsColumnsKept() throws Exception {
    assertThat(
            PolicyExpressions.answerIdentity(
                "SELECT current_user(), IS_ACCOUNT_GROUP_MEMBER('hr'), user, current_user"
                    + " FROM t WHERE is_member('ops')",
                HR_MEMBER))
        .isEqualTo("SELECT 'ann@example.com', TRUE, user, current_user FROM t WHERE FALSE");
    String plain = "SELECT users, username FROM t";
    assertThat(PolicyExpressions.answerIdentity(plain, HR_MEMBER)).isSameAs(plain);
  }

  @Test
  void aPolicyBodyMayReadATableInASubqueryWhoseOwnColumnsItLeavesAlone() throws Exception {
    String body =
        "EXISTS (SELECT 1 FROM access_map m WHERE m.user_name = current_user()"
            + " AND m.region = region_param AND active) OR is_account_group_member('hr')";
    String inlined =
        PolicyExpressions.inlinePolicy(
            body, List.of("region_param"), List.of("`sluice_policy_scan`.`region`"), OUTSIDER);
    assertThat(inlined)
        .isEqualTo(
            "(EXISTS (SELECT 1 FROM access_map m WHERE m.user_name = 'bob@example.com'"
                + " AND m.region = (`sluice_policy_scan`.`region`) AND active) OR FALSE)");
    assertThat(PolicyExpressions.runsQuery(inlined)).isTrue();
    assertThat(PolicyExpressions.runsQuery("(`sluice_policy_scan`.`region` = 'US')")).isFalse();
    assertThatThrownBy(
            () -> PolicyExpressions.inline(body, List.of("region_param"), List.of("`r`"), OUTSIDER))
        .hasMessageContaining("can only be a row filter or a column mask");
    assertThatThrownBy(
            () ->
                PolicyExpressions.inlinePolicy(
                    "active AND EXISTS (SELECT 1 FROM access_map)",
                    List.of("region_param"),
                    List.of("`r`"),
                    OUTSIDER))
        .hasMessageContaining("'active', which is not one of its parameters");
  }

  @Test
  void bodiesTheGatewayCannotAnswerForAreRefused() {
    assertThatThrownBy(
            () -> PolicyExpressions.inline("other = 1", List.of("x"), List.of("`x`"), OUTSIDER))
        .isInstanceOf(PlanningException.class)
        .hasMessageContaining("'other', which is not one of its parameters");
    assertThatThrownBy(
            () ->
                PolicyExpressions.inline(
                    "main.security.allowed(x)", List.of("x"), List.of("`x`"), OUTSIDER))
        .hasMessageContaining("calls the catalog function main.security.allowed");
    assertThatThrownBy(
            () ->
                PolicyExpressions.inline(
                    "x IN (SELECT region FROM main.security.regions)",
                    List.of("x"),
                    List.of("`x`"),
                    OUTSIDER))
        .hasMessageContaining("runs a query");
    assertThatThrownBy(
            () ->
                PolicyExpressions.inline(
                    "is_account_group_member(x)", List.of("x"), List.of("`x`"), OUTSIDER))
        .isInstanceOf(PlanningException.class);
  }

  @Test
  void argumentsAreColumnsOrLiterals() throws Exception {
    Set<String> columns = Set.of("region", "amount");
    assertThat(PolicyExpressions.argument("Region", columns))
        .isEqualTo("`sluice_policy_scan`.`region`");
    assertThat(PolicyExpressions.argument("'US'", columns)).isEqualTo("'US'");
    assertThat(PolicyExpressions.argument("-5", columns)).isEqualTo("-5");
    assertThatThrownBy(() -> PolicyExpressions.argument("amount + 1", columns))
        .hasMessageContaining("neither a column of the table nor a literal");
    assertThatThrownBy(() -> PolicyExpressions.argument("secret_column", columns))
        .hasMessageContaining("neither a column of the table nor a literal");
  }
}
