package io.sluice.gateway.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.sluice.gateway.auth.TokenAuthenticator;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.gateway.rest.RestRoute;
import io.sluice.gateway.rest.RestRoutes;
import io.sluice.gateway.thrift.CallContext;
import io.sluice.gateway.thrift.ThriftDispatcher;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes HTTP requests: Thrift POSTs on the HiveServer2 and Databricks warehouse paths, the REST
 * routes that features register, and a fast JSON 404 for everything else (the Databricks drivers
 * probe several endpoints before they connect). Every request is authenticated by its own
 * Authorization header; a missing or wrong token gets 401, never 5xx or 429, which the Databricks
 * driver would retry for minutes.
 */
final class HttpGatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(HttpGatewayHandler.class);
  private static final Pattern DUPLICATE_SLASHES = Pattern.compile("/{2,}");
  private static final Pattern WAREHOUSE_PATH =
      Pattern.compile("/sql/1\\.0/(?:warehouses|endpoints)/([^/]+)/?");
  private static final String DEFAULT_WAREHOUSE = "default";
  private static final Pattern HIVE_PATH = Pattern.compile("/cliservice/?");

  private final TokenAuthenticator authenticator;
  private final ThriftDispatcher dispatcher;
  private final RestRoutes routes;
  private final Executor executor;

  HttpGatewayHandler(
      TokenAuthenticator authenticator,
      ThriftDispatcher dispatcher,
      RestRoutes routes,
      Executor executor) {
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    this.routes = requireNonNull(routes, "routes is null");
    this.executor = requireNonNull(executor, "executor is null");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      respond(
          context,
          HttpResponses.error(
              HttpResponseStatus.BAD_REQUEST, "BAD_REQUEST", "Malformed HTTP request"),
          false);
      return;
    }
    String path = normalizedPath(request.uri());
    Optional<String> thriftTarget = thriftTarget(path);
    if (thriftTarget.isPresent()) {
      serveThriftPath(context, request, thriftTarget.get(), keepAlive);
    } else {
      serveRest(context, request, path, keepAlive);
    }
  }

  private void serveThriftPath(
      ChannelHandlerContext context, FullHttpRequest request, String warehouse, boolean keepAlive) {
    if (!dispatcher.servesWarehouse(warehouse)) {
      respond(
          context,
          HttpResponses.error(
              HttpResponseStatus.NOT_FOUND,
              "RESOURCE_DOES_NOT_EXIST",
              "Warehouse '" + warehouse + "' does not exist"),
          keepAlive);
      return;
    }
    if (!request.method().equals(HttpMethod.POST)) {
      respond(
          context,
          HttpResponses.error(
              HttpResponseStatus.METHOD_NOT_ALLOWED, "BAD_REQUEST", "Thrift calls must be POSTed"),
          keepAlive);
      return;
    }
    // /cliservice names no warehouse: the session's settings may choose one.
    Optional<String> named =
        HIVE_PATH.matcher(normalizedPath(request.uri())).matches()
            ? Optional.empty()
            : Optional.of(warehouse);
    serveThrift(context, request, named, keepAlive);
  }

  private void serveThrift(
      ChannelHandlerContext context,
      FullHttpRequest request,
      Optional<String> warehouse,
      boolean keepAlive) {
    String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    String userAgent =
        Optional.ofNullable(request.headers().get(HttpHeaderNames.USER_AGENT)).orElse("");
    String remoteAddress = String.valueOf(context.channel().remoteAddress());
    var body = request.content().retain();
    CompletableFuture<FullHttpResponse> response =
        CompletableFuture.supplyAsync(
                () -> authenticator.authenticateHeader(authorization), executor)
            .thenCompose(
                principal -> {
                  if (principal.isEmpty()) {
                    body.release();
                    return CompletableFuture.completedFuture(unauthorized(authorization));
                  }
                  CallContext callContext =
                      new CallContext(
                          principal,
                          TokenAuthenticator.tokenFromHeader(authorization),
                          "http",
                          remoteAddress,
                          userAgent,
                          warehouse);
                  return dispatcher
                      .dispatch(body, callContext, context.alloc())
                      .thenApply(HttpResponses::thrift);
                });
    answerWhenDone(context, response, "Malformed Thrift request", keepAlive);
  }

  private void serveRest(
      ChannelHandlerContext context, FullHttpRequest request, String path, boolean keepAlive) {
    RestRoutes.Resolution resolution = routes.resolve(request.method().name(), path);
    if (resolution instanceof RestRoutes.Resolution.Found found) {
      RestRequest restRequest = restRequest(request, path, found.pathParameters());
      String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
      answerWhenDone(
          context,
          CompletableFuture.supplyAsync(
              () -> handleRest(found.route(), restRequest, authorization), executor),
          "Malformed request",
          keepAlive);
    } else if (resolution instanceof RestRoutes.Resolution.MethodNotAllowed) {
      respond(
          context,
          HttpResponses.error(
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              "BAD_REQUEST",
              "'" + path + "' does not accept " + request.method()),
          keepAlive);
    } else {
      respond(
          context,
          HttpResponses.error(
              HttpResponseStatus.NOT_FOUND,
              "ENDPOINT_NOT_FOUND",
              "No API found for '" + request.method() + " " + path + "'"),
          keepAlive);
    }
  }

  private FullHttpResponse handleRest(RestRoute route, RestRequest request, String authorization) {
    RestRequest served = request;
    if (route.authenticated()) {
      Optional<String> principal = authenticator.authenticateHeader(authorization);
      if (principal.isEmpty()) {
        return unauthorized(authorization);
      }
      served =
          new RestRequest(
              request.method(),
              request.path(),
              request.pathParameters(),
              request.queryParameters(),
              request.headers(),
              request.body(),
              principal);
    }
    RestResponse response;
    try {
      response = route.handler().handle(served);
    } catch (RestException e) {
      response = RestResponse.error(e.status(), e.errorCode(), e.getMessage());
    } catch (Exception e) {
      log.warn("{} {} failed", request.method(), request.path(), e);
      response =
          RestResponse.error(
              HttpResponseStatus.INTERNAL_SERVER_ERROR,
              "INTERNAL_ERROR",
              "Internal error: " + e.getMessage());
    }
    return HttpResponses.of(response);
  }

  private static RestRequest restRequest(
      FullHttpRequest request, String path, Map<String, String> pathParameters) {
    Map<String, String> headers = new HashMap<>();
    request
        .headers()
        .forEach(
            header -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
    byte[] body = new byte[request.content().readableBytes()];
    request.content().getBytes(request.content().readerIndex(), body);
    return new RestRequest(
        request.method().name(),
        path,
        pathParameters,
        new QueryStringDecoder(request.uri()).parameters(),
        headers,
        body,
        Optional.empty());
  }

  /**
   * Stops reading from the connection until {@code response} completes, then writes it on the event
   * loop; a failure is answered with 400 and the connection closed.
   */
  private static void answerWhenDone(
      ChannelHandlerContext context,
      CompletableFuture<FullHttpResponse> response,
      String failureMessage,
      boolean keepAlive) {
    context.channel().config().setAutoRead(false);
    response.whenComplete(
        (answer, failure) ->
            context
                .executor()
                .execute(
                    () -> {
                      context.channel().config().setAutoRead(true);
                      if (failure != null) {
                        log.debug(
                            "Bad request from {}: {}",
                            context.channel().remoteAddress(),
                            failure.toString());
                        respond(
                            context,
                            HttpResponses.error(
                                HttpResponseStatus.BAD_REQUEST, "BAD_REQUEST", failureMessage),
                            false);
                      } else {
                        respond(context, answer, keepAlive);
                      }
                    }));
  }

  private static FullHttpResponse unauthorized(String authorization) {
    FullHttpResponse response =
        HttpResponses.error(
            HttpResponseStatus.UNAUTHORIZED,
            "UNAUTHENTICATED",
            authorization == null
                ? "Missing credentials: send 'Authorization: Bearer <personal access token>'"
                : "Invalid access token");
    response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"Sluice\"");
    return response;
  }

  private static void respond(
      ChannelHandlerContext context, FullHttpResponse response, boolean keepAlive) {
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      context.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  static String normalizedPath(String uri) {
    int query = uri.indexOf('?');
    String path = query < 0 ? uri : uri.substring(0, query);
    path = DUPLICATE_SLASHES.matcher(path).replaceAll("/");
    return path.startsWith("/") ? path : "/" + path;
  }

  /** The warehouse a Thrift path addresses, if it is a Thrift path. */
  static Optional<String> thriftTarget(String path) {
    if (HIVE_PATH.matcher(path).matches()) {
      return Optional.of(DEFAULT_WAREHOUSE);
    }
    var matcher = WAREHOUSE_PATH.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    log.debug("HTTP connection {} failed: {}", context.channel().remoteAddress(), cause.toString());
    context.close();
  }
}
