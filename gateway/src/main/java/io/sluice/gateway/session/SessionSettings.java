package io.sluice.gateway.session;

import io.sluice.planner.ConfigurationPolicy;
import io.sluice.protocol.thrift.TNamespace;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenSession settings a client may pass to its engine session. The engine applies every
 * setting it is given, so the SET allowlist ({@link ConfigurationPolicy}) applies here too: the
 * {@code use:} keys choose the namespace, and other settings (also as {@code set:hiveconf:} and
 * {@code set:hivevar:}) pass only when a SET of them would; the rest are dropped (clients send
 * their own settings at connect and do not expect a failure for them).
 */
final class SessionSettings {
  private static final Logger log = LoggerFactory.getLogger(SessionSettings.class);
  private static final String USE_DATABASE = "use:database";

  private SessionSettings() {}

  static Map<String, String> forEngine(Map<String, String> requested) {
    Map<String, String> allowed = new HashMap<>();
    requested.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            return;
          }
          if (key.startsWith("use:") || ConfigurationPolicy.isSettable(settingName(key))) {
            allowed.put(key, value);
          } else {
            log.debug("Dropping OpenSession setting {}: not settable through the gateway", key);
          }
        });
    return Map.copyOf(allowed);
  }

  /** The schema the engine session starts in (the namespace's schema wins, as on the engine). */
  static String initialSchema(Map<String, String> configuration, Optional<TNamespace> namespace) {
    return namespace
        .filter(TNamespace::isSetSchemaName)
        .map(TNamespace::getSchemaName)
        .filter(schema -> !schema.isEmpty())
        .or(
            () ->
                Optional.ofNullable(configuration.get(USE_DATABASE))
                    .filter(schema -> !schema.isEmpty()))
        .orElse("default");
  }

  private static String settingName(String key) {
    for (String prefix : new String[] {"set:hiveconf:", "set:hivevar:"}) {
      if (key.startsWith(prefix)) {
        return key.substring(prefix.length());
      }
    }
    return key;
  }
}
