package io.sluice.gateway.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP responses in the shapes clients expect: Thrift bodies, and Databricks-style JSON errors. */
final class HttpResponses {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpResponses() {}

  static FullHttpResponse thrift(ByteBuf body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-thrift");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return response;
  }

  static FullHttpResponse of(io.sluice.gateway.rest.RestResponse restResponse) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            restResponse.status(),
            Unpooled.wrappedBuffer(restResponse.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, restResponse.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, restResponse.body().length);
    restResponse.headers().forEach((name, value) -> response.headers().set(name, value));
    return response;
  }

  /** {@code {"error_code": ..., "message": ...}}, which Databricks clients parse on any non-2xx. */
  static FullHttpResponse error(HttpResponseStatus status, String errorCode, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message);
    return json(status, body);
  }

  static FullHttpResponse json(HttpResponseStatus status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      bytes =
          ("{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e.getOriginalMessage() + "\"}")
              .getBytes(UTF_8);
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return response;
  }
}
