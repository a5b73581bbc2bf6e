package io.sluice.protocol.rowset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.protocol.thrift.TColumn;
import io.sluice.protocol.thrift.TColumnDesc;
import io.sluice.protocol.thrift.TRowSet;
import io.sluice.protocol.thrift.TTableSchema;
import io.sluice.protocol.thrift.TTypeId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;

class TestRowSetBuilder {
  private static final ResultSchema SCHEMA =
      ResultSchema.of(
          ColumnDescriptor.of("flag", TTypeId.BOOLEAN_TYPE),
          ColumnDescriptor.of("tiny", TTypeId.TINYINT_TYPE),
          ColumnDescriptor.of("small", TTypeId.SMALLINT_TYPE),
          ColumnDescriptor.of("id", TTypeId.INT_TYPE),
          ColumnDescriptor.of("big", TTypeId.BIGINT_TYPE),
          ColumnDescriptor.of("ratio", TTypeId.FLOAT_TYPE),
          ColumnDescriptor.of("name", TTypeId.STRING_TYPE),
          ColumnDescriptor.of("bytes", TTypeId.BINARY_TYPE),
          ColumnDescriptor.decimal("amount", 10, 2, "money"));

  @Test
  void rowsBecomeColumnsWithNullBitsAndPlaceholders() throws Exception {
    RowSetBuilder builder = new RowSetBuilder(SCHEMA, 1);
    builder.addRow(true, (byte) 1, (short) 2, 3, 4L, 0.1f, "a", new byte[] {9}, "1.50");
    builder.addRow(null, null, null, null, null, null, null, null, null);
    builder.addRow(false, 5, 6, 7, 8, 2.5d, "c", ByteBuffer.wrap(new byte[] {7}), null);

    TRowSet rowSet = roundTrip(builder.build(40));

    assertThat(rowSet.getStartRowOffset()).isEqualTo(40);
    assertThat(rowSet.getRows()).isEmpty();
    List<TColumn> columns = rowSet.getColumns();
    assertThat(columns.get(0).getBoolVal().getValues()).containsExactly(true, false, false);
    assertThat(columns.get(1).getByteVal().getValues())
        .containsExactly((byte) 1, (byte) 0, (byte) 5);
    assertThat(columns.get(2).getI16Val().getValues())
        .containsExactly((short) 2, (short) 0, (short) 6);
    assertThat(columns.get(3).getI32Val().getValues()).containsExactly(3, 0, 7);
    assertThat(columns.get(4).getI64Val().getValues()).containsExactly(4L, 0L, 8L);
    assertThat(columns.get(5).getDoubleVal().getValues()).containsExactly(0.1d, 0d, 2.5d);
    assertThat(columns.get(6).getStringVal().getValues()).containsExactly("a", "", "c");
    assertThat(columns.get(7).getBinaryVal().getValues())
        .containsExactly(
            ByteBuffer.wrap(new byte[] {9}),
            ByteBuffer.wrap(new byte[0]),
            ByteBuffer.wrap(new byte[] {7}));
    assertThat(columns.get(8).getStringVal().getValues()).containsExactly("1.50", "", "");
    assertThat(columns.get(3).getI32Val().getNulls()).containsExactly(0b010);
    assertThat(columns.get(8).getStringVal().getNulls()).containsExactly(0b110);
  }

  @Test
  void theNullBitmapIsLeastSignificantBitFirstAndTrimmed() {
    IntegralColumnBuilder column = new IntegralColumnBuilder(ColumnKind.INTEGER, 2);
    for (int row = 0; row < 20; row++) {
      if (row == 0 || row == 9 || row == 10) {
        column.appendNull();
      } else {
        column.append(row);
      }
    }
    IntegralColumnBuilder withoutNulls = new IntegralColumnBuilder(ColumnKind.INTEGER, 2);
    withoutNulls.append(1);

    assertThat(column.build().getI32Val().getNulls()).containsExactly(0b0000_0001, 0b0000_0110);
    assertThat(withoutNulls.build().getI32Val().getNulls()).isEmpty();
    assertThat(column.size()).isEqualTo(20);
  }

  @Test
  void emptyPagesAndSlicesOfStoredRows() {
    List<Object[]> rows = new ArrayList<>();
    for (int row = 0; row < 5; row++) {
      rows.add(new Object[] {row % 2 == 0, 0, 0, row, 0L, 0f, "r" + row, null, null});
    }

    TRowSet empty = RowSetBuilder.empty(SCHEMA, 5);
    TRowSet middle = RowSetBuilder.page(SCHEMA, rows, 1, 3);

    assertThat(empty.getColumns()).hasSize(9);
    assertThat(empty.getColumns().get(3).getI32Val().getValues()).isEmpty();
    assertThat(middle.getStartRowOffset()).isEqualTo(1);
    assertThat(middle.getColumns().get(3).getI32Val().getValues()).containsExactly(1, 2);
    assertThat(middle.getColumns().get(6).getStringVal().getValues()).containsExactly("r1", "r2");
  }

  @Test
  void schemasCarryTypesQualifiersAndPositionsFromOne() {
    TTableSchema schema = SCHEMA.toTableSchema();

    assertThat(schema.getColumns()).extracting(TColumnDesc::getPosition).startsWith(1, 2, 3);
    TColumnDesc amount = schema.getColumns().get(8);
    assertThat(amount.getComment()).isEqualTo("money");
    var entry = amount.getTypeDesc().getTypes().get(0).getPrimitiveEntry();
    assertThat(entry.getType()).isEqualTo(TTypeId.DECIMAL_TYPE);
    assertThat(entry.getTypeQualifiers().getQualifiers().get("precision").getI32Value())
        .isEqualTo(10);
    assertThat(entry.getTypeQualifiers().getQualifiers().get("scale").getI32Value()).isEqualTo(2);
    assertThat(ColumnKind.forType(TTypeId.FLOAT_TYPE)).isEqualTo(ColumnKind.DOUBLE);
    assertThat(ColumnKind.forType(TTypeId.TIMESTAMP_TYPE)).isEqualTo(ColumnKind.STRING);
  }

  @Test
  void everyIntegralWidthKeepsItsValuesThroughTheWire() throws Exception {
    IntegralColumnBuilder bytes = new IntegralColumnBuilder(ColumnKind.BYTE, 1);
    IntegralColumnBuilder shorts = new IntegralColumnBuilder(ColumnKind.SHORT, 1);
    IntegralColumnBuilder longs = new IntegralColumnBuilder(ColumnKind.LONG, 1);
    for (long value : new long[] {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE}) {
      bytes.append(value);
    }
    shorts.append(Short.MIN_VALUE);
    shorts.appendNull();
    shorts.append(Short.MAX_VALUE);
    longs.append(Long.MIN_VALUE);
    longs.append(Long.MAX_VALUE);
    TRowSet rowSet = new TRowSet(0, new ArrayList<>());
    rowSet.setColumns(List.of(bytes.build(), shorts.build(), longs.build()));

    TRowSet decoded = roundTrip(rowSet);

    assertThat(decoded.getColumns().get(0).getByteVal().getValues())
        .containsExactly((byte) -128, (byte) -1, (byte) 0, (byte) 1, (byte) 127);
    assertThat(decoded.getColumns().get(1).getI16Val().getValues())
        .containsExactly(Short.MIN_VALUE, (short) 0, Short.MAX_VALUE);
    assertThat(decoded.getColumns().get(1).getI16Val().getNulls()).containsExactly(0b010);
    assertThat(decoded.getColumns().get(2).getI64Val().getValues())
        .containsExactly(Long.MIN_VALUE, Long.MAX_VALUE);
    assertThatThrownBy(() -> new IntegralColumnBuilder(ColumnKind.STRING, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TRowSet roundTrip(TRowSet rowSet) throws Exception {
    byte[] bytes = new TSerializer(new TBinaryProtocol.Factory()).serialize(rowSet);
    TRowSet decoded = new TRowSet();
    new TDeserializer(new TBinaryProtocol.Factory()).deserialize(decoded, bytes);
    return decoded;
  }
}
