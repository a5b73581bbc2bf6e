package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

public class TestSqlLiterals {
  @Test
  public void stringsCannotCloseTheirQuotes() throws SQLException {
    assertThat(SqlLiterals.literal("o'brien")).isEqualTo("'o\\'brien'");
    assertThat(SqlLiterals.literal("\\' OR 1=1 --")).isEqualTo("'\\\\\\' OR 1=1 --'");
    assertThat(SqlLiterals.literal("plain")).isEqualTo("'plain'");
  }

  @Test
  public void typedValues() throws SQLException {
    assertThat(SqlLiterals.literal(null)).isEqualTo("NULL");
    assertThat(SqlLiterals.literal(true)).isEqualTo("TRUE");
    assertThat(SqlLiterals.literal(5L)).isEqualTo("CAST(5 AS BIGINT)");
    assertThat(SqlLiterals.literal(new BigDecimal("-1.50")))
        .isEqualTo("CAST('-1.50' AS DECIMAL(3,2))");
    assertThat(SqlLiterals.literal(new BigDecimal("1E+3")))
        .isEqualTo("CAST('1000' AS DECIMAL(4,0))");
    assertThat(SqlLiterals.literal(new byte[] {0, (byte) 0xAB})).isEqualTo("X'00ab'");
    assertThat(SqlLiterals.literal(Date.valueOf("2024-01-02"))).isEqualTo("DATE '2024-01-02'");
    assertThat(SqlLiterals.literal(Timestamp.valueOf("2024-01-02 03:04:05.5")))
        .isEqualTo("TIMESTAMP '2024-01-02 03:04:05.5'");
    assertThat(SqlLiterals.literal(Double.NaN)).isEqualTo("CAST('NaN' AS DOUBLE)");
    assertThatThrownBy(() -> SqlLiterals.literal(new BigDecimal("1" + "0".repeat(40))))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
    assertThatThrownBy(() -> SqlLiterals.literal(new Object()))
        .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
  }

  @Test
  public void placeholdersInsideQuotesAndCommentsAreText() throws SQLException {
    ParameterizedSql sql =
        ParameterizedSql.parse("SELECT ?, '?', \"?\", `?`, 'it''s ?', 'esc\\'?' -- ?\n, /* ? */ ?");
    assertThat(sql.parameterCount()).isEqualTo(2);
    assertThat(sql.render(Arrays.asList("1", "2")))
        .isEqualTo("SELECT 1, '?', \"?\", `?`, 'it''s ?', 'esc\\'?' -- ?\n, /* ? */ 2");
    assertThatThrownBy(() -> sql.render(Arrays.asList("1", null)))
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("07001"));
  }
}
