package io.sluice.engine.catalog;

import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.delta.catalog.DeltaCatalog;
import org.apache.spark.sql.delta.catalog.DeltaTableV2;

/**
 * Alters a governance catalog's Delta table exactly as Delta's own catalog alters its tables: a
 * {@link DeltaCatalog} that knows only this one table runs Delta's ALTER commands on it, so the
 * table's log records the change as it would for any Delta table.
 */
final class DeltaAlterations {
  private DeltaAlterations() {}

  static void apply(Identifier identifier, DeltaTableV2 table, TableChange[] changes) {
    new OneTableDeltaCatalog(table).alterTable(identifier, changes);
  }

  private static final class OneTableDeltaCatalog extends DeltaCatalog {
    private final DeltaTableV2 table;

    OneTableDeltaCatalog(DeltaTableV2 table) {
      this.table = table;
    }

    @Override
    public Table loadTable(Identifier identifier) {
      return table;
    }
  }
}
