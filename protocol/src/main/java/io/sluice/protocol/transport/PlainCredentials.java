package io.sluice.protocol.transport;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The initial response of SASL PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, all
 * UTF-8. The authorization identity is empty unless the client asks to act as someone else.
 */
record PlainCredentials(String authorizationIdentity, String username, String password) {
  private static final byte SEPARATOR = 0;

  PlainCredentials {
    requireNonNull(authorizationIdentity, "authorizationIdentity is null");
    requireNonNull(username, "username is null");
    requireNonNull(password, "password is null");
  }

  static PlainCredentials parse(byte[] response) throws SaslNegotiationException {
    int first = indexOf(response, 0);
    int second = first < 0 ? -1 : indexOf(response, first + 1);
    if (second < 0 || indexOf(response, second + 1) >= 0) {
      throw new SaslNegotiationException(
          "Malformed PLAIN response: expected [authzid] NUL authcid NUL passwd");
    }
    return new PlainCredentials(
        decode(response, 0, first),
        decode(response, first + 1, second),
        decode(response, second + 1, response.length));
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int index = from; index < bytes.length; index++) {
      if (bytes[index] == SEPARATOR) {
        return index;
      }
    }
    return -1;
  }

  private static String decode(byte[] bytes, int from, int to) throws SaslNegotiationException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SaslNegotiationException("Malformed PLAIN response: not UTF-8");
    }
  }

  @Override
  public String toString() {
    return "PlainCredentials[authorizationIdentity="
        + authorizationIdentity
        + ", username="
        + username
        + ", password=<hidden>]";
  }
}
