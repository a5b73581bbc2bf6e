package io.sluice.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** The per-engine secret a client must present as the OpenSession password. */
public final class EngineSecret {
  public static final String ENVIRONMENT_VARIABLE = "SLUICE_ENGINE_SECRET";

  private final byte[] secret;

  public EngineSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("The engine secret must not be empty");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The secret from {@value #ENVIRONMENT_VARIABLE}; fails when it is unset or empty. */
  public static EngineSecret fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          "Environment variable " + ENVIRONMENT_VARIABLE + " must hold the engine secret");
    }
    return new EngineSecret(value);
  }

  /** Whether {@code candidate} is the secret, compared in constant time. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "EngineSecret[redacted]";
  }
}
