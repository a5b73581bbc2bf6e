package io.sluice.engine.catalog;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The changes an {@code ALTER TABLE} asks of a governance table, checked against what governance
 * can follow: adding top-level columns, changing column and table comments, and setting or removing
 * table properties. Dropping, renaming or retyping a column is refused, because grants, row filters
 * and column masks name columns.
 */
final class TableAlteration {
  private final String table;
  private final List<TableChange> changes;

  private TableAlteration(String table, List<TableChange> changes) {
    this.table = table;
    this.changes = changes;
  }

  static TableAlteration of(String table, TableChange[] changes) {
    for (TableChange change : changes) {
      if (change instanceof TableChange.RenameColumn rename) {
        throw new UnsupportedCatalogOperation(
            "Renaming column "
                + String.join(".", rename.fieldNames())
                + " of table '"
                + table
                + "' is not supported: grants, row filters and column masks name its columns");
      }
      if (change instanceof TableChange.DeleteColumn delete) {
        throw new UnsupportedCatalogOperation(
            "Dropping column "
                + String.join(".", delete.fieldNames())
                + " of table '"
                + table
                + "' is not supported: grants, row filters and column masks name its columns");
      }
      boolean supported =
          change instanceof TableChange.AddColumn
              || change instanceof TableChange.UpdateColumnComment
              || change instanceof TableChange.SetProperty
              || change instanceof TableChange.RemoveProperty;
      if (!supported) {
        throw new UnsupportedCatalogOperation(
            "This change of table '"
                + table
                + "' is not supported ("
                + change.getClass().getSimpleName()
                + "); add columns, change comments or set and unset properties");
      }
    }
    return new TableAlteration(table, List.of(changes));
  }

  /**
   * The schema after the column changes, for a table whose schema only governance keeps (Parquet):
   * top-level columns added at the end, comments changed. Properties other than the comment have
   * nowhere to live there and are refused.
   */
  StructType applyTo(StructType schema) {
    StructType result = schema;
    for (TableChange change : changes) {
      if (change instanceof TableChange.AddColumn add) {
        if (add.fieldNames().length != 1 || add.position() != null) {
          throw new UnsupportedCatalogOperation(
              "Only top-level columns added at the end are supported for table '" + table + "'");
        }
        StructField field =
            new StructField(
                add.fieldNames()[0], add.dataType(), add.isNullable(), Metadata.empty());
        if (add.comment() != null) {
          field = field.withComment(add.comment());
        }
        result = result.add(field);
      } else if (change instanceof TableChange.UpdateColumnComment comment) {
        String column = comment.fieldNames()[0];
        StructField[] fields = result.fields().clone();
        boolean found = false;
        for (int index = 0; index < fields.length; index++) {
          if (comment.fieldNames().length == 1 && fields[index].name().equalsIgnoreCase(column)) {
            fields[index] = fields[index].withComment(comment.newComment());
            found = true;
          }
        }
        if (!found) {
          throw new UnsupportedCatalogOperation(
              "Only comments of top-level columns can be changed for table '" + table + "'");
        }
        result = new StructType(fields);
      } else if (change instanceof TableChange.SetProperty property
          && !property.property().equals(TableCatalog.PROP_COMMENT)) {
        throw noProperties();
      } else if (change instanceof TableChange.RemoveProperty property
          && !property.property().equals(TableCatalog.PROP_COMMENT)) {
        throw noProperties();
      }
    }
    return result;
  }

  /** The table comment after the changes, from {@code current}. */
  Optional<String> comment(Optional<String> current) {
    Optional<String> result = current;
    for (TableChange change : changes) {
      if (change instanceof TableChange.SetProperty property
          && property.property().equals(TableCatalog.PROP_COMMENT)) {
        result = Optional.of(property.value());
      } else if (change instanceof TableChange.RemoveProperty property
          && property.property().equals(TableCatalog.PROP_COMMENT)) {
        result = Optional.empty();
      }
    }
    return result;
  }

  private UnsupportedCatalogOperation noProperties() {
    return new UnsupportedCatalogOperation(
        "Table '" + table + "' is a Parquet table, which keeps no table properties; use Delta");
  }
}
