package io.sluice.protocol.rowset;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TPrimitiveTypeEntry;
import io.sluice.protocol.thrift.TTypeDesc;
import io.sluice.protocol.thrift.TTypeEntry;
import io.sluice.protocol.thrift.TTypeId;
import io.sluice.protocol.thrift.TTypeQualifierValue;
import io.sluice.protocol.thrift.TTypeQualifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One result column: its name, Thrift type and type qualifiers.
 *
 * <p>Complex types (array, map, struct) are described, like Spark's Thrift server does, by one
 * primitive type entry carrying the complex type's id.
 *
 * @param precision decimal precision, or {@code null}
 * @param scale decimal scale, or {@code null}
 * @param characterMaximumLength char/varchar length, or {@code null}
 */
public record ColumnDescriptor(
    String name,
    TTypeId typeId,
    String comment,
    Integer precision,
    Integer scale,
    Integer characterMaximumLength) {

  public ColumnDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeId, "typeId");
    comment = comment == null ? "" : comment;
  }

  /** A column without qualifiers or comment. */
  public static ColumnDescriptor of(String name, TTypeId typeId) {
    return new ColumnDescriptor(name, typeId, "", null, null, null);
  }

  /** A column without qualifiers. */
  public static ColumnDescriptor of(String name, TTypeId typeId, String comment) {
    return new ColumnDescriptor(name, typeId, comment, null, null, null);
  }

  /** A {@code DECIMAL(precision, scale)} column. */
  public static ColumnDescriptor decimal(String name, int precision, int scale, String comment) {
    return new ColumnDescriptor(name, TTypeId.DECIMAL_TYPE, comment, precision, scale, null);
  }

  /** A {@code CHAR(length)} or {@code VARCHAR(length)} column. */
  public static ColumnDescriptor characters(
      String name, TTypeId typeId, int length, String comment) {
    return new ColumnDescriptor(name, typeId, comment, null, null, length);
  }

  /** The Thrift column variant values of this column are sent as. */
  public ColumnKind kind() {
    return ColumnKind.forType(typeId);
  }

  /** This column as a {@code TColumnDesc} at {@code position}. */
  public TColumnDesc toColumnDesc(int position) {
    TPrimitiveTypeEntry entry = new TPrimitiveTypeEntry(typeId);
    entry.setTypeQualifiers(new TTypeQualifiers(qualifiers()));
    TTypeDesc typeDesc = new TTypeDesc(List.of(TTypeEntry.primitiveEntry(entry)));
    return new TColumnDesc(name, typeDesc, position).setComment(comment);
  }

  private Map<String, TTypeQualifierValue> qualifiers() {
    Map<String, TTypeQualifierValue> qualifiers = new LinkedHashMap<>();
    if (precision != null) {
      qualifiers.put(TypeQualifierNames.PRECISION, TTypeQualifierValue.i32Value(precision));
    }
    if (scale != null) {
      qualifiers.put(TypeQualifierNames.SCALE, TTypeQualifierValue.i32Value(scale));
    }
    if (characterMaximumLength != null) {
      qualifiers.put(
          TypeQualifierNames.CHARACTER_MAXIMUM_LENGTH,
          TTypeQualifierValue.i32Value(characterMaximumLength));
    }
    return qualifiers;
  }
}
