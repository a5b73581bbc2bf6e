package io.sluice.gateway.warehouse;

import io.sluice.pool.EngineProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How engines call back to the gateway that launched them: the gateway's URL, passed at launch as
 * Spark setting {@value #GATEWAY_URL_SETTING} once the HTTP port listens, and the secrets of the
 * engines alive now, with which their calls authenticate.
 */
public final class EngineLink {
  /** The engine reads the gateway's URL from this Spark setting. */
  public static final String GATEWAY_URL_SETTING = "spark.sluice.gateway.url";

  /** With TLS, the engine trusts the gateway's certificate (a PEM file) named by this setting. */
  public static final String GATEWAY_CERTIFICATE_SETTING = "spark.sluice.gateway.certificate";

  private static final Duration URL_WAIT = Duration.ofMinutes(1);

  private final CompletableFuture<Map<String, String>> gatewaySettings = new CompletableFuture<>();
  private final Set<EngineProcess> engines = ConcurrentHashMap.newKeySet();

  /**
   * The gateway serves engines at {@code url} from now on, with TLS when {@code certificate} (the
   * gateway's PEM certificate) is present.
   */
  public void gatewayListening(String url, Optional<Path> certificate) {
    Map<String, String> settings = new HashMap<>();
    settings.put(GATEWAY_URL_SETTING, url);
    certificate.ifPresent(
        path -> settings.put(GATEWAY_CERTIFICATE_SETTING, path.toAbsolutePath().toString()));
    gatewaySettings.complete(Map.copyOf(settings));
  }

  /** The gateway failed to start: engines waiting for its URL give up. */
  public void gatewayFailed(Throwable failure) {
    gatewaySettings.completeExceptionally(failure);
  }

  /** The Spark settings an engine is launched with; waits until the gateway's port is known. */
  Map<String, String> sparkConf() {
    try {
      return gatewaySettings.get(URL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for the gateway's URL", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The gateway has no URL for its engines", e);
    }
  }

  /** {@code engine} was launched by this gateway; its secret is valid while it lives. */
  void launched(EngineProcess engine) {
    engines.add(engine);
    engine.exited().whenComplete((ignored, failure) -> engines.remove(engine));
  }

  /** Whether {@code secret} is the secret of an engine this gateway launched that is alive now. */
  public boolean isLiveEngineSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      return false;
    }
    byte[] presented = secret.getBytes(StandardCharsets.UTF_8);
    boolean matched = false;
    for (EngineProcess engine : engines) {
      boolean same =
          MessageDigest.isEqual(presented, engine.secret().getBytes(StandardCharsets.UTF_8));
      matched |= same && engine.isAlive();
    }
    return matched;
  }
}
