package io.sluice.gateway.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of history starts: the last row of the previous page, in the list's order
 * (newest start first, then statement id). Encoded as an opaque page token.
 */
public record PageCursor(long startTimeMillis, String statementId) {
  public PageCursor {
    requireNonNull(statementId, "statementId is null");
  }

  public String token() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((startTimeMillis + ":" + statementId).getBytes(UTF_8));
  }

  /** The cursor a page token names, or empty when the token is not one this gateway issued. */
  public static Optional<PageCursor> parse(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0 || colon == decoded.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(
          new PageCursor(
              Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
