package io.sluice.planner;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 99 TPC-DS queries (103 files: 14, 23, 24 and 39 come in two parts) as Spark's own test jar
 * ships them ({@code spark-sql_2.13:4.0.2:tests}, resources {@code tpcds/q*.sql}).
 */
final class TpcdsQueries {
  /** The 24 TPC-DS tables. */
  static final Set<String> TABLES =
      Set.of(
          "call_center",
          "catalog_page",
          "catalog_returns",
          "catalog_sales",
          "customer",
          "customer_address",
          "customer_demographics",
          "date_dim",
          "household_demographics",
          "income_band",
          "inventory",
          "item",
          "promotion",
          "reason",
          "ship_mode",
          "store",
          "store_returns",
          "store_sales",
          "time_dim",
          "warehouse",
          "web_page",
          "web_returns",
          "web_sales",
          "web_site");

  private TpcdsQueries() {}

  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (int number = 1; number <= 99; number++) {
      if (number == 14 || number == 23 || number == 24 || number == 39) {
        names.add("q" + number + "a");
        names.add("q" + number + "b");
      } else {
        names.add("q" + number);
      }
    }
    return names;
  }

  /** Every query's text by name, in order. */
  static Map<String, String> all() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (String name : names()) {
      queries.put(name, text(name));
    }
    return queries;
  }

  static String text(String name) {
    String resource = "tpcds/" + name + ".sql";
    try (InputStream in = TpcdsQueries.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing: it comes from spark-sql_2.13's tests jar");
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
