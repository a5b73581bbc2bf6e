package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

/**
 * What name resolution needs from a session: its current catalog and schema, the catalogs that
 * exist (so that {@code USE x} and {@code x.y.t} can tell a catalog from a schema), and the
 * session's temporary views.
 */
public record SessionContext(
    String currentCatalog, String currentSchema, Set<String> catalogs, Set<String> temporaryViews) {
  /** The engines' built-in session catalog. */
  public static final String SPARK_CATALOG = "spark_catalog";

  public SessionContext {
    currentCatalog =
        requireNonNull(currentCatalog, "currentCatalog is null").toLowerCase(Locale.ROOT);
    currentSchema = requireNonNull(currentSchema, "currentSchema is null").toLowerCase(Locale.ROOT);
    catalogs = Set.copyOf(requireNonNull(catalogs, "catalogs is null"));
    temporaryViews = Set.copyOf(requireNonNull(temporaryViews, "temporaryViews is null"));
  }

  /** A new session on the engines' session catalog, in {@code schema}. */
  public static SessionContext initial(String schema) {
    return new SessionContext(SPARK_CATALOG, schema, Set.of(SPARK_CATALOG), Set.of());
  }

  /** The same session with another current catalog and schema. */
  public SessionContext withNamespace(String catalog, String schema) {
    return new SessionContext(catalog, schema, catalogs, temporaryViews);
  }

  /** The same session where {@code names} are the catalogs that exist. */
  public SessionContext withCatalogs(Set<String> names) {
    return new SessionContext(currentCatalog, currentSchema, names, temporaryViews);
  }

  public SessionContext withTemporaryView(String name) {
    Set<String> views = new java.util.HashSet<>(temporaryViews);
    views.add(name);
    return new SessionContext(currentCatalog, currentSchema, catalogs, views);
  }

  public SessionContext withoutTemporaryView(String name) {
    Set<String> views = new java.util.HashSet<>(temporaryViews);
    views.remove(name);
    return new SessionContext(currentCatalog, currentSchema, catalogs, views);
  }

  public boolean isCatalog(String name) {
    return catalogs.contains(name);
  }

  public boolean isTemporaryView(String name) {
    return temporaryViews.contains(name);
  }
}
