package io.sluice.gateway.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.sluice.governance.Governance;
import io.sluice.governance.grant.Privilege;
import io.sluice.governance.policy.ColumnMask;
import io.sluice.governance.policy.RowFilter;
import io.sluice.governance.principal.PrincipalType;
import io.sluice.governance.securable.ColumnDefinition;
import io.sluice.governance.securable.FunctionDefinition;
import io.sluice.governance.securable.SecurableName;
import io.sluice.governance.securable.TableDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TPC-DS as a governed catalog: its 24 tables in {@code tpcds_bench.tpcds}, a user granted USE and
 * SELECT on the catalog, a row filter on {@code store_sales} and a column mask on {@code customer}
 * (so that planning a query over them also inlines policies and rewrites the text). The two policed
 * tables carry their full TPC-DS column lists (the rewrite lists every column); the others are
 * registered with one placeholder column: table-level authorization does not read columns.
 */
final class TpcdsGovernedCatalog {
  static final String CATALOG = "tpcds_bench";
  static final String SCHEMA = "tpcds";
  static final String ADMIN = "admin";
  static final String USER = "analyst@example.com";

  private static final List<String> TABLES =
      List.of(
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

  private static final List<ColumnDefinition> STORE_SALES =
      columns(
          "ss_sold_date_sk int, ss_sold_time_sk int, ss_item_sk int, ss_customer_sk int,"
              + " ss_cdemo_sk int, ss_hdemo_sk int, ss_addr_sk int, ss_store_sk int,"
              + " ss_promo_sk int, ss_ticket_number bigint, ss_quantity int,"
              + " ss_wholesale_cost decimal(7,2), ss_list_price decimal(7,2),"
              + " ss_sales_price decimal(7,2), ss_ext_discount_amt decimal(7,2),"
              + " ss_ext_sales_price decimal(7,2), ss_ext_wholesale_cost decimal(7,2),"
              + " ss_ext_list_price decimal(7,2), ss_ext_tax decimal(7,2),"
              + " ss_coupon_amt decimal(7,2), ss_net_paid decimal(7,2),"
              + " ss_net_paid_inc_tax decimal(7,2), ss_net_profit decimal(7,2)");

  private static final List<ColumnDefinition> CUSTOMER =
      columns(
          "c_customer_sk int, c_customer_id string, c_current_cdemo_sk int,"
              + " c_current_hdemo_sk int, c_current_addr_sk int, c_first_shipto_date_sk int,"
              + " c_first_sales_date_sk int, c_salutation string, c_first_name string,"
              + " c_last_name string, c_preferred_cust_flag string, c_birth_day int,"
              + " c_birth_month int, c_birth_year int, c_birth_country string, c_login string,"
              + " c_email_address string, c_last_review_date int");

  private TpcdsGovernedCatalog() {}

  /** Registers the catalog, its tables, the policies and the user's grants. */
  static void register(Governance governance) {
    governance.bootstrapAdmin(ADMIN);
    governance.principals().create(PrincipalType.USER, USER, "Analyst", true);
    governance.securables().createCatalog(CATALOG, ADMIN, Optional.empty());
    SecurableName schema = SecurableName.schema(CATALOG, SCHEMA);
    governance.securables().createSchema(schema, ADMIN, Optional.empty());
    for (String table : TABLES) {
      governance
          .securables()
          .createTable(TableDefinition.managed(table(table), columnsOf(table)), ADMIN);
    }
    SecurableName recentSales = SecurableName.function(CATALOG, SCHEMA, "recent_sales");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                recentSales,
                List.of(ColumnDefinition.of("sold_date", "int")),
                "BOOLEAN",
                "is_account_group_member('auditors') OR sold_date >= 2450816",
                Optional.empty()),
            ADMIN);
    SecurableName maskEmail = SecurableName.function(CATALOG, SCHEMA, "mask_email");
    governance
        .securables()
        .createFunction(
            new FunctionDefinition(
                maskEmail,
                List.of(ColumnDefinition.of("email", "string")),
                "STRING",
                "CASE WHEN is_account_group_member('support') THEN email ELSE '***' END",
                Optional.empty()),
            ADMIN);
    governance
        .policies()
        .setRowFilter(
            new RowFilter(table("store_sales"), recentSales, List.of("ss_sold_date_sk")), ADMIN);
    governance
        .policies()
        .setColumnMask(
            new ColumnMask(table("customer"), "c_email_address", maskEmail, List.of()), ADMIN);
    governance
        .grants()
        .grant(
            SecurableName.catalog(CATALOG),
            USER,
            List.of(Privilege.USE_CATALOG, Privilege.USE_SCHEMA, Privilege.SELECT),
            ADMIN);
  }

  /** The TPC-DS queries (103 texts: 14, 23, 24 and 39 have two parts) by name, in order. */
  static Map<String, String> queries() {
    Map<String, String> queries = new LinkedHashMap<>();
    for (int number = 1; number <= 99; number++) {
      List<String> names =
          number == 14 || number == 23 || number == 24 || number == 39
              ? List.of("q" + number + "a", "q" + number + "b")
              : List.of("q" + number);
      for (String name : names) {
        queries.put(name, resource("tpcds/" + name + ".sql"));
      }
    }
    return queries;
  }

  private static SecurableName table(String name) {
    return SecurableName.table(CATALOG, SCHEMA, name);
  }

  private static List<ColumnDefinition> columnsOf(String table) {
    return switch (table) {
      case "store_sales" -> STORE_SALES;
      case "customer" -> CUSTOMER;
      default -> List.of(ColumnDefinition.of("placeholder", "int"));
    };
  }

  private static List<ColumnDefinition> columns(String list) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (String column : list.split(",(?![0-9])")) {
      String[] nameAndType = column.trim().split(" ", 2);
      columns.add(ColumnDefinition.of(nameAndType[0], nameAndType[1]));
    }
    return columns;
  }

  private static String resource(String name) {
    try (InputStream in = TpcdsGovernedCatalog.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing: it comes from spark-sql's tests jar");
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
