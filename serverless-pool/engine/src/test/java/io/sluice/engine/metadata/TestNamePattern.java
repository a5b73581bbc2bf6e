package io.sluice.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNamePattern {

  @Test
  void percentAndUnderscoreAreWildcards() {
    assertThat(NamePattern.of("sal%").matches("sales")).isTrue();
    assertThat(NamePattern.of("sal%").matches("orders")).isFalse();
    assertThat(NamePattern.of("ord_rs").matches("orders")).isTrue();
    assertThat(NamePattern.of("ord_rs").matches("ordrs")).isFalse();
    assertThat(NamePattern.of("*").matches("anything")).isTrue();
  }

  @Test
  void backslashEscapesMakeWildcardsLiteral() {
    assertThat(NamePattern.of("metadata\\_db").matches("metadata_db")).isTrue();
    assertThat(NamePattern.of("metadata\\_db").matches("metadataXdb")).isFalse();
    assertThat(NamePattern.of("100\\%").matches("100%")).isTrue();
    assertThat(NamePattern.of("100\\%").matches("1000")).isFalse();
  }

  @Test
  void nullOrEmptyMatchesEverythingAndMatchingIgnoresCase() {
    assertThat(NamePattern.of(null).matches("x")).isTrue();
    assertThat(NamePattern.of("").matches("x")).isTrue();
    assertThat(NamePattern.of("ORDERS").matches("orders")).isTrue();
  }

  @Test
  void matchAllPatternsAreRecognised() {
    assertThat(NamePattern.of(null).matchesEverything()).isTrue();
    assertThat(NamePattern.of("%").matchesEverything()).isTrue();
    assertThat(NamePattern.of("*").matchesEverything()).isTrue();
    assertThat(NamePattern.of("a%").matchesEverything()).isFalse();
  }

  @Test
  void regexCharactersAreLiteral() {
    assertThat(NamePattern.of("a.b").matches("a.b")).isTrue();
    assertThat(NamePattern.of("a.b").matches("axb")).isFalse();
    assertThat(NamePattern.of("(x)+").matches("(x)+")).isTrue();
  }
}
