package io.sluice.engine.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every governance catalog a user may see usable in that user's Spark session, by naming it
 * in the session's own configuration ({@code spark.sql.catalog.<name>}, which Spark reads when a
 * statement first uses the catalog). The engine asks the gateway when a session opens and before
 * each statement or metadata call, so a catalog created after the session opened is usable by its
 * next statement. The engine's own catalogs ({@code spark_catalog}, {@code samples}) are never
 * replaced, and users cannot set {@code spark.sql.catalog.*} themselves (the gateway refuses it).
 */
public final class GovernedCatalogs {
  private static final Logger LOG = LoggerFactory.getLogger(GovernedCatalogs.class);
  private static final String CATALOG_PREFIX = "spark.sql.catalog.";
  private static final Set<String> ENGINE_CATALOGS = Set.of("spark_catalog", "samples");

  private GovernedCatalogs() {}

  /**
   * Registers the catalogs {@code user} may see in {@code spark}, and answers them. Without a
   * gateway (an engine started on its own) there is nothing to register; when the gateway cannot be
   * reached the session keeps the catalogs it has, and statements on the engine's own catalogs
   * still run.
   */
  public static List<String> register(SparkSession spark, String user) {
    if (GatewayMetastore.installed().isEmpty() || user == null) {
      return List.of();
    }
    List<String> registered = new ArrayList<>();
    try {
      for (String catalog : GatewayMetastore.installed().get().catalogs(user)) {
        String name = catalog.toLowerCase(Locale.ROOT);
        if (register(spark.sessionState().conf(), name, user)) {
          registered.add(name);
        }
      }
    } catch (GatewayMetastoreException e) {
      LOG.warn("Cannot list the governance catalogs of {}: {}", user, e.getMessage());
    }
    registerSystem(spark.sessionState().conf(), user);
    return registered;
  }

  /**
   * Makes {@code system}'s tables readable through {@link SystemCatalog} (the gateway decides who
   * may); Spark resolves its builtin functions and session variables there before any catalog.
   */
  private static void registerSystem(SQLConf conf, String user) {
    String key = CATALOG_PREFIX + SystemCatalog.NAME;
    if (!conf.contains(key)) {
      conf.setConfString(key + "." + GovernedCatalog.USER_OPTION, user);
      conf.setConfString(key, SystemCatalog.class.getName());
    }
  }

  /** Whether {@code catalog} is (now) a governance catalog of the session. */
  private static boolean register(SQLConf conf, String catalog, String user) {
    if (ENGINE_CATALOGS.contains(catalog)) {
      return false;
    }
    String key = CATALOG_PREFIX + catalog;
    if (conf.contains(key)) {
      return GovernedCatalog.class.getName().equals(conf.getConfString(key));
    }
    conf.setConfString(key + "." + GovernedCatalog.USER_OPTION, user);
    conf.setConfString(key, GovernedCatalog.class.getName());
    return true;
  }
}
