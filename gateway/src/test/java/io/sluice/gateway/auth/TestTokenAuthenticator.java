package io.sluice.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TestTokenAuthenticator {
  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("Bearer dapi123", Optional.of("dapi123")),
        Arguments.of("bearer   dapi123  ", Optional.of("dapi123")),
        Arguments.of(basic("token:dapi123"), Optional.of("dapi123")),
        Arguments.of(basic("alice:dapi:with:colons"), Optional.of("dapi:with:colons")),
        Arguments.of(basic("token:"), Optional.empty()),
        Arguments.of(basic("no-colon"), Optional.empty()),
        Arguments.of("Basic !!!not-base64", Optional.empty()),
        Arguments.of("Bearer", Optional.empty()),
        Arguments.of("Negotiate abc", Optional.empty()),
        Arguments.of("", Optional.empty()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("headers")
  void extractsThePersonalAccessTokenFromAnAuthorizationHeader(
      String header, Optional<String> token) {
    assertThat(TokenAuthenticator.tokenFromHeader(header)).isEqualTo(token);
  }
}
