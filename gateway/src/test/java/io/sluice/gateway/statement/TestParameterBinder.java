package io.sluice.gateway.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.gateway.rest.RestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestParameterBinder {
  private static String bind(String sql, StatementParameter... parameters) {
    return ParameterBinder.bind(sql, List.of(parameters));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "INT|42|CAST(42 AS INT)",
        "BIGINT|-9000000000|CAST(-9000000000 AS BIGINT)",
        "DECIMAL(10,2)|12.50|CAST(12.50 AS DECIMAL(10,2))",
        "decimal( 5 , 1 )|1.5|CAST(1.5 AS DECIMAL(5,1))",
        "DOUBLE|1.5e3|CAST(1.5E+3 AS DOUBLE)",
        "BOOLEAN|True|TRUE",
        "DATE|2024-02-29|DATE'2024-02-29'",
        "TIMESTAMP|2024-02-29 10:11:12|TIMESTAMP'2024-02-29T10:11:12'",
        "STRING|plain text|'plain text'",
        "|no type is a string|'no type is a string'",
      })
  void valuesBecomeTypedLiterals(String type, String value, String literal) {
    assertThat(bind("SELECT :p", new StatementParameter("p", value, type)))
        .isEqualTo("SELECT " + literal);
  }

  @Test
  void nullIsATypedNull() {
    assertThat(bind("SELECT :p", new StatementParameter("p", null, "INT")))
        .isEqualTo("SELECT CAST(NULL AS INT)");
  }

  @Test
  void quotesAndBackslashesCannotEndTheLiteral() {
    String bound =
        bind(
            "SELECT * FROM t WHERE name = :name",
            new StatementParameter("name", "x' OR '1'='1", "STRING"));
    assertThat(bound)
        .isEqualTo("SELECT * FROM t WHERE name = CAST(X'7827204f52202731273d2731' AS STRING)");
    assertThat(bind("SELECT :s", new StatementParameter("s", "a\\'; DROP TABLE t; --", null)))
        .doesNotContain("DROP")
        .startsWith("SELECT CAST(X'");
  }

  @Test
  void numbersAreParsedNotPasted() {
    for (String attack : List.of("1; DROP TABLE t", "1 OR 1=1", "0x10", "1)--", "NaN'")) {
      assertThatThrownBy(() -> bind("SELECT :n", new StatementParameter("n", attack, "INT")))
          .isInstanceOf(RestException.class)
          .hasMessageContaining("not a valid INT");
    }
    assertThatThrownBy(
            () -> bind("SELECT :d", new StatementParameter("d", "2024-01-01' --", "DATE")))
        .isInstanceOf(RestException.class);
  }

  @Test
  void typesOutsideTheGrammarAreRefused() {
    for (String type : List.of("INT) FROM x --", "STRING, 1", "DECIMAL(10,2)) --", "ARRAY<INT>")) {
      assertThatThrownBy(() -> bind("SELECT :p", new StatementParameter("p", "1", type)))
          .isInstanceOf(RestException.class)
          .hasMessageContaining("Unsupported parameter type");
    }
  }

  @Test
  void markersInLiteralsCommentsAndCastsAreLeftAlone() {
    String sql =
        "SELECT ':a', \":a\", `:a`, x::INT, :a -- :a\n/* :a */ FROM t WHERE y = 'it\\'s :a'";
    assertThat(bind(sql, new StatementParameter("a", "7", "INT")))
        .isEqualTo(
            "SELECT ':a', \":a\", `:a`, x::INT, CAST(7 AS INT) -- :a\n/* :a */ FROM t"
                + " WHERE y = 'it\\'s :a'");
  }

  @Test
  void everyMarkerNeedsAValueAndNamesMustBeIdentifiers() {
    assertThatThrownBy(() -> bind("SELECT :missing"))
        .isInstanceOf(RestException.class)
        .hasMessageContaining(":missing");
    assertThatThrownBy(() -> bind("SELECT 1", new StatementParameter("a b", "1", "INT")))
        .isInstanceOf(RestException.class);
    assertThatThrownBy(
            () ->
                bind(
                    "SELECT :a",
                    new StatementParameter("a", "1", "INT"),
                    new StatementParameter("a", "2", "INT")))
        .isInstanceOf(RestException.class)
        .hasMessageContaining("repeated");
  }
}
