package io.sluice.gateway.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a REST handler answers: a status, a content type, a body and extra headers. */
public record RestResponse(
    HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {
  public RestResponse {
    requireNonNull(status, "status is null");
    requireNonNull(contentType, "contentType is null");
    requireNonNull(body, "body is null");
    headers = Map.copyOf(headers);
  }

  public static RestResponse json(Object body) {
    return json(HttpResponseStatus.OK, body);
  }

  public static RestResponse json(HttpResponseStatus status, Object body) {
    try {
      return new RestResponse(
          status, "application/json", RestJson.MAPPER.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON response: " + e.getMessage(), e);
    }
  }

  /** An empty JSON object, which Databricks answers to successful deletes and actions. */
  public static RestResponse emptyJson() {
    return json(Map.of());
  }

  public static RestResponse error(HttpResponseStatus status, String errorCode, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message);
    return json(status, body);
  }

  public static RestResponse text(String contentType, String body) {
    return new RestResponse(HttpResponseStatus.OK, contentType, body.getBytes(UTF_8), Map.of());
  }

  public static RestResponse bytes(String contentType, byte[] body) {
    return new RestResponse(HttpResponseStatus.OK, contentType, body, Map.of());
  }

  public RestResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new RestResponse(status, contentType, body, copy);
  }
}
