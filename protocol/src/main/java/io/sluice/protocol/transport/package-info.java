/**
 * Netty codecs for HiveServer2 Thrift on the gateway's binary port.
 *
 * <p>One port serves two framings. {@link io.sluice.protocol.transport.BinaryTransportDetector} is
 * the first handler of every connection: it sniffs the first bytes and replaces itself with
 *
 * <ul>
 *   <li>{@link io.sluice.protocol.transport.SaslPlainServerHandler} when they are a SASL START
 *       message (Hive JDBC's default). After the PLAIN handshake the connection carries one Thrift
 *       message per length-prefixed frame, decoded by {@link
 *       io.sluice.protocol.transport.SaslFrameDecoder} and encoded by {@link
 *       io.sluice.protocol.transport.SaslFrameEncoder};
 *   <li>{@link io.sluice.protocol.transport.UnframedThriftMessageDecoder} when they start a strict
 *       binary Thrift message ({@code auth=noSasl}): the messages arrive without any framing and
 *       their boundaries are found by {@link io.sluice.protocol.transport.ThriftMessageScanner}.
 * </ul>
 *
 * <p>Either way, the handler after them receives one {@code ByteBuf} per complete Thrift message
 * and writes one {@code ByteBuf} per reply; {@link io.sluice.protocol.transport.ByteBufTransport}
 * lets libthrift's {@code TBinaryProtocol} read and write those buffers directly.
 */
package io.sluice.protocol.transport;
