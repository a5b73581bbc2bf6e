package io.sluice.gateway.thrift;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.sluice.gateway.cli.GatewayCliService;
import io.sluice.gateway.cli.GatewayServices;
import io.sluice.protocol.thrift.TCLIService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.thrift.ProcessFunction;
import org.apache.thrift.TApplicationException;
import org.apache.thrift.TBase;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TIOStreamTransport;

/**
 * Runs one Thrift call: decodes the request message, invokes the matching TCLIService method on a
 * {@link GatewayCliService} bound to the caller's {@link CallContext}, and encodes the reply.
 *
 * <p>Calls block on engines and the token store, so they run on {@code executor}, never on a Netty
 * event loop. The generated {@link ProcessFunction}s are stateless and shared by all calls.
 */
public final class ThriftDispatcher {
  private static final String FETCH_RESULTS = "FetchResults";

  private final Map<String, ProcessFunction<TCLIService.Iface, ? extends TBase<?, ?>>> functions;
  private final GatewayServices services;
  private final Executor executor;
  private final TConfiguration configuration;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public ThriftDispatcher(GatewayServices services, Executor executor, int maxMessageBytes) {
    this.services = requireNonNull(services, "services is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.configuration = TConfiguration.custom().setMaxMessageSize(maxMessageBytes).build();
    Map processMap = new TCLIService.Processor<TCLIService.Iface>(null).getProcessMapView();
    this.functions = Map.copyOf(processMap);
  }

  /**
   * Processes {@code request} (released when done) and completes with the reply, or exceptionally
   * with {@link TException} when the request is not a well-formed Thrift call.
   */
  public CompletableFuture<ByteBuf> dispatch(
      ByteBuf request, CallContext context, ByteBufAllocator allocator) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return process(request, context, allocator);
          } finally {
            request.release();
          }
        },
        executor);
  }

  /** Whether {@code warehouse} names a warehouse this gateway serves. */
  public boolean servesWarehouse(String warehouse) {
    return services.warehouses().exists(warehouse);
  }

  private ByteBuf process(ByteBuf request, CallContext context, ByteBufAllocator allocator) {
    ByteBuf reply = allocator.buffer();
    try {
      TProtocol input =
          protocol(new TIOStreamTransport(configuration, new ByteBufInputStream(request)));
      TProtocol output =
          protocol(new TIOStreamTransport(configuration, new ByteBufOutputStream(reply)));
      TMessage message = input.readMessageBegin();
      ProcessFunction<TCLIService.Iface, ? extends TBase<?, ?>> function =
          functions.get(message.name);
      if (function == null || message.type != TMessageType.CALL) {
        TProtocolUtil.skip(input, TType.STRUCT);
        input.readMessageEnd();
        TApplicationException unknown =
            new TApplicationException(
                TApplicationException.UNKNOWN_METHOD,
                "Unknown or unsupported method '" + message.name + "'");
        output.writeMessageBegin(new TMessage(message.name, TMessageType.EXCEPTION, message.seqid));
        unknown.write(output);
        output.writeMessageEnd();
      } else if (message.name.equals(FETCH_RESULTS)) {
        relayFetchResults(message.seqid, input, output, new GatewayCliService(services, context));
      } else {
        function.process(message.seqid, input, output, new GatewayCliService(services, context));
      }
      output.getTransport().flush();
      return reply;
    } catch (TException | RuntimeException e) {
      reply.release();
      throw new MalformedRequestException("Malformed Thrift request: " + e.getMessage(), e);
    }
  }

  /**
   * FetchResults, the one call whose reply is large: the engine's encoded result struct is copied
   * into the reply as it is, when the gateway has nothing to change in it.
   */
  private static void relayFetchResults(
      int sequenceId, TProtocol input, TProtocol output, GatewayCliService service)
      throws TException {
    TCLIService.FetchResults_args arguments = new TCLIService.FetchResults_args();
    arguments.read(input);
    input.readMessageEnd();
    Optional<byte[]> encoded = service.encodedFetchResults(arguments.getReq());
    output.writeMessageBegin(new TMessage(FETCH_RESULTS, TMessageType.REPLY, sequenceId));
    if (encoded.isPresent()) {
      output.getTransport().write(encoded.get());
    } else {
      new TCLIService.FetchResults_result()
          .setSuccess(service.FetchResults(arguments.getReq()))
          .write(output);
    }
    output.writeMessageEnd();
  }

  private TProtocol protocol(TIOStreamTransport transport) {
    long limit = configuration.getMaxMessageSize();
    return new TBinaryProtocol(transport, limit, limit, false, true);
  }

  /** A request that could not be decoded; the connection that sent it should be closed. */
  public static final class MalformedRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRequestException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
