package io.sluice.jdbc.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.jdbc.arrow.ArrowField;
import io.sluice.jdbc.arrow.ArrowSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.arrow.flatbuf.BodyCompressionMethod;
import org.apache.arrow.flatbuf.CompressionType;
import org.apache.arrow.flatbuf.Endianness;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowBodyCompression;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.MetadataVersion;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver's own Arrow reader against Arrow Java: batches of every type the engine sends, written
 * by Arrow Java's vectors and serializer as Spark's are, must read back as the values those vectors
 * hold (in the driver's value kinds), and what the driver does not read must fail precisely.
 */
class TestArrowPageDecoder {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
  private static final String LARGE_TEXT = "large ✓ ".repeat(40_000);
  private static final String NON_ASCII = "ünïcödé ✓ 日本語 🙂";
  private static final BigDecimal LARGEST_DECIMAL =
      new BigDecimal("9999999999999999999999999999.9999999999");

  private BufferAllocator allocator;

  @BeforeEach
  void createAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void readsEveryTypeAsArrowJavaWroteItAcrossBatchesOfOnePage() throws Exception {
    List<Column> columns = everyType();
    Schema schema = schema(columns);
    List<ByteBuffer> batches = new ArrayList<>();
    List<List<Object>> expected = new ArrayList<>();
    // An empty batch, a small one, and one large enough to cross byte boundaries everywhere.
    int[][] ranges = {{0, 0}, {0, 7}, {7, 2_500}};
    for (int[] range : ranges) {
      batches.add(batch(schema, columns, range[0], range[1], IpcOption.DEFAULT, expected));
    }

    ResultPage page = decoder(schema, IpcOption.DEFAULT).decode(batches);

    assertPage(page, columns, expected);
  }

  @Test
  void readsOneBatchPage() throws Exception {
    List<Column> columns = everyType();
    Schema schema = schema(columns);
    List<List<Object>> expected = new ArrayList<>();
    ByteBuffer batch = batch(schema, columns, 0, 300, IpcOption.DEFAULT, expected);

    assertPage(decoder(schema, IpcOption.DEFAULT).decode(List.of(batch)), columns, expected);
  }

  @Test
  void readsTheLegacyFormatWithoutContinuationMarker() throws Exception {
    IpcOption legacy = new IpcOption(true, MetadataVersion.V4);
    List<Column> columns = everyType();
    Schema schema = schema(columns);
    List<List<Object>> expected = new ArrayList<>();
    ByteBuffer first = batch(schema, columns, 0, 20, legacy, expected);
    ByteBuffer second = batch(schema, columns, 20, 45, legacy, expected);
    assertThat(first.getInt(0)).isNotEqualTo(-1);

    assertPage(decoder(schema, legacy).decode(List.of(first, second)), columns, expected);
  }

  @Test
  void anEmptyPageHasNoRows() throws Exception {
    Schema schema = schema(everyType());

    ResultPage page = decoder(schema, IpcOption.DEFAULT).decode(List.of());

    assertThat(page.rowCount()).isZero();
    assertThat(page.columnCount()).isEqualTo(schema.getFields().size());
  }

  @Test
  void readsTheSchemasNamesScalesAndTimeZones() throws Exception {
    ArrowSchema schema = ArrowSchema.read(schemaMessage(schema(everyType()), IpcOption.DEFAULT));

    assertThat(schema.fields())
        .filteredOn(field -> field.name().equals("decimal_38_10"))
        .extracting(ArrowField::scale)
        .containsExactly(10);
    assertThat(schema.fields())
        .filteredOn(field -> field.name().startsWith("timestamp"))
        .extracting(field -> field.timeZone().orElseThrow())
        .containsExactly(LOS_ANGELES, ZoneId.of("UTC"), KOLKATA, ZoneOffset.UTC);
    assertThat(schema.fields())
        .filteredOn(field -> field.name().equals("text"))
        .extracting(ArrowField::type, ArrowField::timeZone)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                io.sluice.jdbc.arrow.ArrowType.UTF8, Optional.empty()));
  }

  @Test
  void readsTheDaysTheHybridCalendarSkipsAsColumnarResultsShowThem() throws Exception {
    // Spark renders java.sql values, whose calendar jumps from 1582-10-04 to 1582-10-15.
    Column days =
        new Column(
            "day",
            new ArrowType.Date(DateUnit.DAY),
            row -> LocalDate.of(1582, 10, 4).plusDays(row));
    Column times =
        new Column(
            "time",
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"),
            row -> Instant.parse("1582-10-04T23:59:59.5Z").plus(row, ChronoUnit.DAYS));
    Schema schema = schema(List.of(days, times));
    ByteBuffer batch =
        batch(schema, List.of(days, times), 0, 12, IpcOption.DEFAULT, new ArrayList<>());

    ResultPage page = decoder(schema, IpcOption.DEFAULT).decode(List.of(batch));

    List<Object> readDays = new ArrayList<>();
    List<Object> readTimes = new ArrayList<>();
    for (int row = 0; row < page.rowCount(); row++) {
      readDays.add(page.column(0).value(row));
      readTimes.add(page.column(1).value(row));
    }
    LocalDate gregorian = LocalDate.of(1582, 10, 15);
    List<LocalDate> expectedDays = new ArrayList<>();
    expectedDays.add(LocalDate.of(1582, 10, 4));
    for (int day = 5; day <= 14; day++) {
      expectedDays.add(gregorian);
    }
    expectedDays.add(gregorian);
    assertThat(readDays).isEqualTo(expectedDays);
    assertThat(readTimes)
        .isEqualTo(expectedDays.stream().map(day -> day.atTime(23, 59, 59, 500_000_000)).toList());
  }

  @Test
  void readsColumnsWithoutNullsWhoseValidityBufferIsLeftOut() throws Exception {
    // Arrow Java always writes the bitmap; other writers leave it out when nothing is NULL.
    Column column = new Column("id", new ArrowType.Int(64, true), row -> row * 3L - 7);
    Schema schema = schema(List.of(column));
    List<List<Object>> expected = new ArrayList<>();
    ByteBuffer message;
    try (VectorSchemaRoot root = fill(schema, List.of(column), 0, 20, expected);
        ArrowRecordBatch whole = new VectorUnloader(root).getRecordBatch();
        ArrowRecordBatch withoutBitmap =
            new ArrowRecordBatch(
                whole.getLength(),
                whole.getNodes(),
                List.of(allocator.getEmpty(), whole.getBuffers().get(1)))) {
      message = serialize(withoutBitmap, IpcOption.DEFAULT);
    }

    assertPage(
        decoder(schema, IpcOption.DEFAULT).decode(List.of(message)), List.of(column), expected);
  }

  @Test
  void refusesACompressedBatch() throws Exception {
    Column column = new Column("id", new ArrowType.Int(64, true), row -> (long) row);
    Schema schema = schema(List.of(column));
    ByteBuffer message;
    try (VectorSchemaRoot root = fill(schema, List.of(column), 0, 10, new ArrayList<>());
        ArrowRecordBatch plain = new VectorUnloader(root).getRecordBatch();
        ArrowRecordBatch compressed =
            new ArrowRecordBatch(
                plain.getLength(),
                plain.getNodes(),
                plain.getBuffers(),
                new ArrowBodyCompression(
                    CompressionType.LZ4_FRAME, BodyCompressionMethod.BUFFER))) {
      message = serialize(compressed, IpcOption.DEFAULT);
    }

    assertThatThrownBy(() -> decoder(schema, IpcOption.DEFAULT).decode(List.of(message)))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage(
            "The Arrow record batch is compressed (LZ4_FRAME); the driver reads uncompressed"
                + " batches only");
  }

  static Stream<Arguments> unsupportedTypes() {
    return Stream.of(
        Arguments.of(new ArrowType.Time(TimeUnit.MICROSECOND, 64), "Time"),
        Arguments.of(new ArrowType.Interval(IntervalUnit.DAY_TIME), "Interval"),
        Arguments.of(new ArrowType.Duration(TimeUnit.MICROSECOND), "Duration"),
        Arguments.of(new ArrowType.FixedSizeBinary(4), "FixedSizeBinary"),
        Arguments.of(new ArrowType.Int(32, false), "Int(32, unsigned)"),
        Arguments.of(
            new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), "FloatingPoint(HALF)"),
        Arguments.of(new ArrowType.Decimal(40, 2, 256), "Decimal(40, 2, 256-bit)"),
        Arguments.of(new ArrowType.Date(DateUnit.MILLISECOND), "Date(MILLISECOND)"),
        Arguments.of(new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"), "Timestamp(NANOSECOND)"),
        Arguments.of(new ArrowType.Utf8View(), "Utf8View"));
  }

  @ParameterizedTest
  @MethodSource("unsupportedTypes")
  void refusesATypeItDoesNotReadNamingIt(ArrowType type, String name) {
    Schema schema =
        new Schema(List.of(Field.nullable("c", new ArrowType.Utf8()), field("odd", type)));

    assertThatThrownBy(() -> ArrowSchema.read(schemaMessage(schema, IpcOption.DEFAULT)))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("Column odd has the Arrow type " + name + ", which the driver does not read");
  }

  @Test
  void refusesNestedAndDictionaryEncodedFields() {
    Field list =
        new Field(
            "numbers",
            FieldType.nullable(new ArrowType.List()),
            List.of(Field.nullable("element", new ArrowType.Int(32, true))));
    Field dictionary =
        new Field(
            "labels",
            new FieldType(
                true,
                new ArrowType.Utf8(),
                new DictionaryEncoding(1, false, new ArrowType.Int(32, true))),
            null);

    assertThatThrownBy(
            () -> ArrowSchema.read(schemaMessage(new Schema(List.of(list)), IpcOption.DEFAULT)))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage(
            "Column numbers has the Arrow type List with child fields, which the driver does not"
                + " read");
    assertThatThrownBy(
            () ->
                ArrowSchema.read(schemaMessage(new Schema(List.of(dictionary)), IpcOption.DEFAULT)))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage(
            "Column labels has the Arrow type dictionary-encoded Utf8, which the driver does not"
                + " read");
  }

  @Test
  void refusesABigEndianSchema() {
    com.google.flatbuffers.FlatBufferBuilder builder =
        new com.google.flatbuffers.FlatBufferBuilder();
    int fields = org.apache.arrow.flatbuf.Schema.createFieldsVector(builder, new int[0]);
    org.apache.arrow.flatbuf.Schema.startSchema(builder);
    org.apache.arrow.flatbuf.Schema.addEndianness(builder, Endianness.Big);
    org.apache.arrow.flatbuf.Schema.addFields(builder, fields);
    int schema = org.apache.arrow.flatbuf.Schema.endSchema(builder);
    Message.startMessage(builder);
    Message.addVersion(builder, org.apache.arrow.flatbuf.MetadataVersion.V5);
    Message.addHeaderType(builder, MessageHeader.Schema);
    Message.addHeader(builder, schema);
    Message.addBodyLength(builder, 0);
    builder.finish(Message.endMessage(builder));
    byte[] metadata = builder.sizedByteArray();
    int padded = (metadata.length + 7) / 8 * 8;
    ByteBuffer message = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    message.putInt(-1).putInt(padded).put(metadata).position(0);

    assertThatThrownBy(() -> ArrowSchema.read(message))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("The Arrow schema is big-endian; the driver reads little-endian Arrow only");
  }

  @Test
  void refusesMalformedBatches() throws Exception {
    Column column = new Column("name", new ArrowType.Utf8(), row -> "value " + row);
    Schema schema = schema(List.of(column));
    ByteBuffer batch = batch(schema, List.of(column), 0, 100, IpcOption.DEFAULT, new ArrayList<>());
    ArrowPageDecoder decoder = decoder(schema, IpcOption.DEFAULT);

    ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(batch.array(), batch.limit() - 200));
    assertThatThrownBy(() -> decoder.decode(List.of(truncated)))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Malformed Arrow record batch: body length");
    assertThatThrownBy(() -> decoder.decode(List.of(ByteBuffer.wrap(new byte[] {-1, -1}))))
        .isInstanceOf(SQLException.class)
        .hasMessage("Malformed Arrow record batch: the message is truncated");

    Column other = new Column("id", new ArrowType.Int(64, true), row -> (long) row);
    Schema twoColumns = schema(List.of(column, other));
    ByteBuffer wider =
        batch(twoColumns, List.of(column, other), 0, 5, IpcOption.DEFAULT, new ArrayList<>());
    assertThatThrownBy(() -> decoder.decode(List.of(wider)))
        .isInstanceOf(SQLException.class)
        .hasMessage(
            "Malformed Arrow record batch: it has 2 fields and 5 buffers where the schema has 1"
                + " and 3");

    ByteBuffer schemaMessage = schemaMessage(schema, IpcOption.DEFAULT);
    assertThatThrownBy(() -> decoder.decode(List.of(schemaMessage)))
        .isInstanceOf(SQLException.class)
        .hasMessage(
            "Malformed Arrow record batch: Arrow record batch is an Arrow Schema message, not"
                + " RecordBatch");
  }

  /** One column: its Arrow field and the value (or null) of each row. */
  private record Column(Field field, IntFunction<Object> values) {
    Column(String name, ArrowType type, IntFunction<Object> values) {
      this(Field.nullable(name, type), values);
    }
  }

  private static List<Column> everyType() {
    return List.of(
        new Column("flag", new ArrowType.Bool(), row -> row % 3 == 0 ? null : row % 2 == 0),
        new Column(
            "int8",
            new ArrowType.Int(8, true),
            edges(
                new Object[] {Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0, (byte) -1},
                r -> (byte) r.nextInt())),
        new Column(
            "int16",
            new ArrowType.Int(16, true),
            edges(
                new Object[] {Short.MIN_VALUE, Short.MAX_VALUE, (short) -1},
                r -> (short) r.nextInt())),
        new Column(
            "int32",
            new ArrowType.Int(32, true),
            edges(new Object[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1}, Random::nextInt)),
        new Column(
            "int64",
            new ArrowType.Int(64, true),
            edges(new Object[] {Long.MIN_VALUE, Long.MAX_VALUE, -1L}, Random::nextLong)),
        new Column(
            "float32",
            new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE),
            edges(
                new Object[] {
                  0.1f,
                  1.5f,
                  -0.0f,
                  Float.MIN_VALUE,
                  Float.MAX_VALUE,
                  -Float.MAX_VALUE,
                  Float.NaN,
                  Float.POSITIVE_INFINITY,
                  1.23456789e8f
                },
                r -> Float.intBitsToFloat(r.nextInt()))),
        new Column(
            "float64",
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE),
            edges(
                new Object[] {
                  0.1,
                  -0.0,
                  Double.MIN_VALUE,
                  Double.MAX_VALUE,
                  Double.NaN,
                  Double.NEGATIVE_INFINITY
                },
                Random::nextGaussian)),
        new Column(
            "text",
            new ArrowType.Utf8(),
            edges(
                new Object[] {"", NON_ASCII, LARGE_TEXT, "a\u0000b"}, r -> "text " + r.nextInt())),
        new Column(
            "large_text",
            new ArrowType.LargeUtf8(),
            edges(new Object[] {NON_ASCII, "", LARGE_TEXT}, r -> "large " + r.nextLong())),
        new Column(
            "bytes",
            new ArrowType.Binary(),
            edges(
                new Object[] {new byte[0], new byte[] {0, (byte) 0xFF}, randomBytes(100_000)},
                r -> randomBytes(r.nextInt(20)))),
        new Column(
            "large_bytes",
            new ArrowType.LargeBinary(),
            edges(
                new Object[] {new byte[] {1, 2, 3}, new byte[0]}, r -> randomBytes(r.nextInt(9)))),
        new Column(
            "decimal_38_10",
            new ArrowType.Decimal(38, 10, 128),
            edges(
                new Object[] {
                  LARGEST_DECIMAL,
                  LARGEST_DECIMAL.negate(),
                  new BigDecimal("-0.0000000001"),
                  new BigDecimal("0E-10"),
                  new BigDecimal("-922337203.6854775808"),
                  new BigDecimal("-922337203.6854775809")
                },
                r ->
                    new BigDecimal(new BigInteger(r.nextInt(126), r), 10)
                        .multiply(BigDecimal.valueOf(r.nextBoolean() ? 1 : -1)))),
        new Column(
            "decimal_5_2",
            new ArrowType.Decimal(5, 2, 128),
            edges(
                new Object[] {
                  new BigDecimal("-999.99"), new BigDecimal("999.99"), new BigDecimal("12.50")
                },
                r -> BigDecimal.valueOf(r.nextInt(199_999) - 99_999, 2))),
        new Column(
            "date",
            new ArrowType.Date(DateUnit.DAY),
            edges(
                new Object[] {
                  LocalDate.of(1815, 12, 10),
                  LocalDate.of(1969, 12, 31),
                  LocalDate.EPOCH,
                  LocalDate.of(1, 1, 1),
                  LocalDate.of(9999, 12, 31),
                  LocalDate.of(2024, 2, 29)
                },
                r -> LocalDate.ofEpochDay(r.nextInt(2_000_000) - 1_000_000))),
        timestampColumn("timestamp_los_angeles", LOS_ANGELES.getId()),
        timestampColumn("timestamp_utc", "UTC"),
        timestampColumn("timestamp_kolkata", KOLKATA.getId()),
        timestampColumn("timestamp_ntz", null),
        new Column("nothing", new ArrowType.Null(), row -> null));
  }

  private static Column timestampColumn(String name, String zone) {
    return new Column(
        name,
        new ArrowType.Timestamp(TimeUnit.MICROSECOND, zone),
        edges(
            new Object[] {
              Instant.EPOCH,
              Instant.EPOCH.minus(1, ChronoUnit.MICROS),
              Instant.parse("2024-03-10T10:00:00.000001Z"),
              Instant.parse("2024-11-03T09:30:00Z"),
              Instant.parse("1900-01-01T00:00:00Z"),
              Instant.parse("1582-10-04T12:00:00.5Z"),
              Instant.parse("9999-12-31T23:59:59.999999Z")
            },
            r -> Instant.EPOCH.plus(r.nextLong() % 4_000_000_000_000_000L, ChronoUnit.MICROS)));
  }

  /** The edge values in the first rows, then NULL every seventh row, else random values. */
  private static IntFunction<Object> edges(
      Object[] edges, java.util.function.Function<Random, Object> random) {
    return row -> {
      if (row < edges.length) {
        return edges[row];
      }
      if (row % 7 == 3) {
        return null;
      }
      return random.apply(new Random(row));
    };
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private static Schema schema(List<Column> columns) {
    return new Schema(columns.stream().map(Column::field).toList());
  }

  private static Field field(String name, ArrowType type) {
    return Field.nullable(name, type);
  }

  private ArrowPageDecoder decoder(Schema schema, IpcOption option) throws Exception {
    return new ArrowPageDecoder(ArrowSchema.read(schemaMessage(schema, option)));
  }

  /**
   * Writes rows {@code [from, to)} as one encapsulated batch, and adds to {@code expected} what
   * Arrow Java's vectors hold for them, in the driver's value kinds.
   */
  private ByteBuffer batch(
      Schema schema,
      List<Column> columns,
      int from,
      int to,
      IpcOption option,
      List<List<Object>> expected)
      throws IOException {
    try (VectorSchemaRoot root = fill(schema, columns, from, to, expected);
        ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
      return serialize(batch, option);
    }
  }

  private VectorSchemaRoot fill(
      Schema schema, List<Column> columns, int from, int to, List<List<Object>> expected) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    for (int column = 0; column < columns.size(); column++) {
      FieldVector vector = root.getVector(column);
      for (int row = from; row < to; row++) {
        set(vector, row - from, columns.get(column).values().apply(row));
      }
      vector.setValueCount(to - from);
    }
    root.setRowCount(to - from);
    for (int row = 0; row < to - from; row++) {
      List<Object> values = new ArrayList<>();
      for (FieldVector vector : root.getFieldVectors()) {
        values.add(driverValue(vector, row));
      }
      expected.add(values);
    }
    return root;
  }

  private static void set(FieldVector vector, int index, Object value) {
    if (value == null) {
      if (vector instanceof BaseFixedWidthVector fixed) {
        fixed.setNull(index);
      } else if (vector instanceof BaseVariableWidthVector variable) {
        variable.setNull(index);
      } else if (vector instanceof BaseLargeVariableWidthVector variable) {
        variable.setNull(index);
      }
      return;
    }
    if (vector instanceof BitVector bits) {
      bits.setSafe(index, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector bytes) {
      bytes.setSafe(index, (Byte) value);
    } else if (vector instanceof SmallIntVector shorts) {
      shorts.setSafe(index, (Short) value);
    } else if (vector instanceof IntVector ints) {
      ints.setSafe(index, (Integer) value);
    } else if (vector instanceof BigIntVector longs) {
      longs.setSafe(index, (Long) value);
    } else if (vector instanceof Float4Vector floats) {
      floats.setSafe(index, (Float) value);
    } else if (vector instanceof Float8Vector doubles) {
      doubles.setSafe(index, (Double) value);
    } else if (vector instanceof VarCharVector || vector instanceof LargeVarCharVector) {
      setBytes(vector, index, ((String) value).getBytes(UTF_8));
    } else if (vector instanceof VarBinaryVector || vector instanceof LargeVarBinaryVector) {
      setBytes(vector, index, (byte[]) value);
    } else if (vector instanceof DecimalVector decimals) {
      decimals.setSafe(index, (BigDecimal) value);
    } else if (vector instanceof DateDayVector days) {
      days.setSafe(index, (int) ((LocalDate) value).toEpochDay());
    } else if (vector instanceof TimeStampMicroTZVector zoned) {
      zoned.setSafe(index, micros((Instant) value));
    } else if (vector instanceof TimeStampMicroVector local) {
      local.setSafe(index, micros((Instant) value));
    } else {
      throw new IllegalArgumentException("No setter for " + vector);
    }
  }

  private static void setBytes(FieldVector vector, int index, byte[] bytes) {
    if (vector instanceof BaseVariableWidthVector variable) {
      variable.setSafe(index, bytes);
    } else {
      ((BaseLargeVariableWidthVector) vector).setSafe(index, bytes);
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  /**
   * What Arrow Java's vector holds at {@code index}, as the value the driver's columnar path gives:
   * strings as Strings, binary as ByteBuffers, a float as the double of its text, a timestamp as
   * the wall-clock time in its zone (UTC without one).
   */
  private static Object driverValue(FieldVector vector, int index) {
    Object value = vector.getObject(index);
    if (value == null || vector instanceof NullVector) {
      return null;
    }
    if (vector instanceof Float4Vector) {
      return Double.parseDouble(value.toString());
    }
    if (vector instanceof VarCharVector || vector instanceof LargeVarCharVector) {
      return value.toString();
    }
    if (vector instanceof VarBinaryVector || vector instanceof LargeVarBinaryVector) {
      return ByteBuffer.wrap((byte[]) value);
    }
    if (vector instanceof DateDayVector) {
      return LocalDate.EPOCH.plusDays((Integer) value);
    }
    if (vector instanceof TimeStampMicroTZVector zoned) {
      Instant instant = Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS);
      return instant.atZone(ZoneId.of(zoned.getTimeZone())).toLocalDateTime();
    }
    return value;
  }

  private static void assertPage(
      ResultPage page, List<Column> columns, List<List<Object>> expected) {
    assertThat(page.rowCount()).isEqualTo(expected.size());
    assertThat(page.columnCount()).isEqualTo(columns.size());
    for (int column = 0; column < columns.size(); column++) {
      ColumnValues values = page.column(column);
      for (int row = 0; row < expected.size(); row++) {
        Object want = expected.get(row).get(column);
        assertThat(values.isNull(row))
            .as("%s row %d is null", columns.get(column).field().getName(), row)
            .isEqualTo(want == null);
        assertThat(values.value(row))
            .as("%s row %d", columns.get(column).field().getName(), row)
            .isEqualTo(want);
      }
    }
  }

  private static ByteBuffer schemaMessage(Schema schema, IpcOption option) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema, option);
    return ByteBuffer.wrap(out.toByteArray());
  }

  private static ByteBuffer serialize(ArrowRecordBatch batch, IpcOption option) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), batch, option);
    return ByteBuffer.wrap(out.toByteArray());
  }
}
