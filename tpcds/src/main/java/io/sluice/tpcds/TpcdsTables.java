package io.sluice.tpcds;

import java.util.List;
import java.util.Map;

/** The 24 TPC-DS tables, largest first so that parallel loading finishes evenly. */
public final class TpcdsTables {
  /**
   * Where the column names of Spark's TPC-DS schema, which its published queries use, differ from
   * the specification's, which the generator uses (two of them are typos in the specification).
   */
  public static final Map<String, String> SPARK_COLUMN_NAMES =
      Map.of(
          "c_last_review_date_sk", "c_last_review_date",
          "p_response_targe", "p_response_target",
          "s_tax_precentage", "s_tax_percentage");

  public static final List<String> LARGEST_FIRST =
      List.of(
          "inventory",
          "store_sales",
          "customer_demographics",
          "catalog_sales",
          "web_sales",
          "store_returns",
          "catalog_returns",
          "web_returns",
          "customer",
          "customer_address",
          "date_dim",
          "time_dim",
          "item",
          "catalog_page",
          "household_demographics",
          "promotion",
          "store",
          "call_center",
          "web_site",
          "web_page",
          "warehouse",
          "reason",
          "ship_mode",
          "income_band");

  private TpcdsTables() {}
}
