package io.sluice.jdbc.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.config.ConnectionConfig;
import io.sluice.jdbc.config.ConnectionProperties;
import java.util.Base64;

/**
 * Who the client says it is. A personal access token is user {@code token} with the token as
 * password for SASL PLAIN, and {@code Authorization: Bearer} over HTTP; a user name and password
 * are SASL PLAIN and HTTP Basic. Without either, the client is {@code anonymous} (servers running
 * with no authentication accept any name).
 */
public record Credentials(String user, String password, boolean bearer) {
  public static final String TOKEN_USER = "token";
  public static final String ANONYMOUS = "anonymous";

  public Credentials {
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
  }

  public static Credentials from(ConnectionConfig config) {
    var token = config.value(ConnectionProperties.TOKEN);
    if (token.isPresent()) {
      return new Credentials(TOKEN_USER, token.get(), true);
    }
    String user = config.value(ConnectionProperties.USER).orElse(ANONYMOUS);
    String password = config.value(ConnectionProperties.PASSWORD).orElse("");
    return new Credentials(user, password, false);
  }

  /** The HTTP {@code Authorization} header value. */
  public String authorizationHeader() {
    if (bearer) {
      return "Bearer " + password;
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + "]";
  }
}
