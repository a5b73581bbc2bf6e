package io.sluice.protocol.transport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Accepts fixed user names and passwords; the principal is the user name in upper case. */
final class TestingPlainAuthenticator implements PlainAuthenticator {
  private final Map<String, String> passwords;

  TestingPlainAuthenticator(Map<String, String> passwords) {
    this.passwords = Map.copyOf(passwords);
  }

  @Override
  public CompletionStage<Optional<String>> authenticate(String username, String password) {
    boolean accepted = password.equals(passwords.get(username));
    return CompletableFuture.completedFuture(
        accepted ? Optional.of(username.toUpperCase(java.util.Locale.ROOT)) : Optional.empty());
  }
}
