package io.sluice.protocol.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPlainCredentials {
  @Test
  void parsesAResponseWithoutAuthorizationIdentity() throws Exception {
    assertThat(PlainCredentials.parse("\0token\0dapiTEST".getBytes(UTF_8)))
        .isEqualTo(new PlainCredentials("", "token", "dapiTEST"));
  }

  @Test
  void parsesAResponseWithAuthorizationIdentityAndUtf8() throws Exception {
    assertThat(PlainCredentials.parse("j\u00fcrgen\0j\u00fcrgen\0p\u00e4ss".getBytes(UTF_8)))
        .isEqualTo(new PlainCredentials("j\u00fcrgen", "j\u00fcrgen", "p\u00e4ss"));
  }

  @Test
  void keepsEmptyParts() throws Exception {
    assertThat(PlainCredentials.parse("\0\0".getBytes(UTF_8)))
        .isEqualTo(new PlainCredentials("", "", ""));
  }

  @Test
  void rejectsResponsesWithoutExactlyTwoSeparators() {
    for (String response : new String[] {"", "token", "\0token", "\0token\0pass\0word"}) {
      assertThatThrownBy(() -> PlainCredentials.parse(response.getBytes(UTF_8)))
          .isInstanceOf(SaslNegotiationException.class)
          .hasMessageContaining("Malformed PLAIN response");
    }
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThatThrownBy(() -> PlainCredentials.parse(new byte[] {0, 'a', 0, (byte) 0xc3}))
        .isInstanceOf(SaslNegotiationException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void doesNotPrintThePassword() {
    assertThat(new PlainCredentials("", "token", "dapiTEST").toString())
        .contains("token")
        .doesNotContain("dapiTEST");
  }
}
