/**
 * Builds HiveServer2 columnar result pages ({@code TRowSet} with {@code TColumn} values) and result
 * schemas ({@code TTableSchema}) without any Spark dependency.
 *
 * <p>Column builders keep values in primitive arrays and expose them to the generated Thrift
 * classes through read-only list views, so a page of a million integers is one {@code int[]}, not a
 * million {@code Integer} objects. Bit {@code i} of a column's {@code nulls} buffer (least
 * significant bit first) marks row {@code i} as NULL; the buffer is trimmed after the last set bit,
 * as {@code java.util.BitSet#toByteArray()} does.
 */
package io.sluice.protocol.rowset;
