package io.sluice.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TPrimitiveTypeEntry;
import io.sluice.protocol.thrift.TTypeDesc;
import io.sluice.protocol.thrift.TTypeEntry;
import io.sluice.protocol.thrift.TTypeId;
import io.sluice.protocol.thrift.TTypeQualifierValue;
import java.util.Map;
import java.util.Optional;

/**
 * One result column as the server describes it: name, type, and the type's qualifiers (precision
 * and scale of a DECIMAL, the length of a VARCHAR or CHAR).
 */
public record Column(
    String name,
    TTypeId type,
    Optional<Integer> precision,
    Optional<Integer> scale,
    String comment) {
  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(precision, "precision is null");
    requireNonNull(scale, "scale is null");
    requireNonNull(comment, "comment is null");
  }

  public static Column of(String name, TTypeId type) {
    return new Column(name, type, Optional.empty(), Optional.empty(), "");
  }

  static Column from(TColumnDesc description) {
    TTypeDesc typeDescription = description.getTypeDesc();
    TTypeEntry entry =
        typeDescription == null || typeDescription.getTypesSize() == 0
            ? null
            : typeDescription.getTypes().get(0);
    TTypeId type = TTypeId.STRING_TYPE;
    Optional<Integer> precision = Optional.empty();
    Optional<Integer> scale = Optional.empty();
    if (entry != null) {
      if (entry.isSetPrimitiveEntry()) {
        TPrimitiveTypeEntry primitive = entry.getPrimitiveEntry();
        type = primitive.getType();
        if (primitive.isSetTypeQualifiers()) {
          Map<String, TTypeQualifierValue> qualifiers =
              primitive.getTypeQualifiers().getQualifiers();
          precision =
              integer(qualifiers, "precision")
                  .or(() -> integer(qualifiers, "characterMaximumLength"));
          scale = integer(qualifiers, "scale");
        }
      } else if (entry.isSetArrayEntry()) {
        type = TTypeId.ARRAY_TYPE;
      } else if (entry.isSetMapEntry()) {
        type = TTypeId.MAP_TYPE;
      } else if (entry.isSetStructEntry()) {
        type = TTypeId.STRUCT_TYPE;
      } else if (entry.isSetUnionEntry()) {
        type = TTypeId.UNION_TYPE;
      } else if (entry.isSetUserDefinedTypeEntry()) {
        type = TTypeId.USER_DEFINED_TYPE;
      }
    }
    return new Column(
        description.getColumnName() == null ? "" : description.getColumnName(),
        type,
        precision,
        scale,
        description.getComment() == null ? "" : description.getComment());
  }

  private static Optional<Integer> integer(
      Map<String, TTypeQualifierValue> qualifiers, String key) {
    TTypeQualifierValue value = qualifiers == null ? null : qualifiers.get(key);
    return value != null && value.isSetI32Value()
        ? Optional.of(value.getI32Value())
        : Optional.empty();
  }
}
