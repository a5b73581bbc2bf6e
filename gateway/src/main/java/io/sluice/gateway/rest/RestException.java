package io.sluice.gateway.rest;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request that cannot be served, answered as Databricks answers it: the HTTP status and a JSON
 * body {@code {"error_code": ..., "message": ...}}.
 */
public final class RestException extends RuntimeException {
  private final HttpResponseStatus status;
  private final String errorCode;

  public RestException(HttpResponseStatus status, String errorCode, String message) {
    super(requireNonNull(message, "message is null"));
    this.status = requireNonNull(status, "status is null");
    this.errorCode = requireNonNull(errorCode, "errorCode is null");
  }

  public static RestException invalidParameter(String message) {
    return new RestException(HttpResponseStatus.BAD_REQUEST, "INVALID_PARAMETER_VALUE", message);
  }

  public static RestException notFound(String message) {
    return new RestException(HttpResponseStatus.NOT_FOUND, "RESOURCE_DOES_NOT_EXIST", message);
  }

  public static RestException alreadyExists(String message) {
    return new RestException(HttpResponseStatus.CONFLICT, "RESOURCE_ALREADY_EXISTS", message);
  }

  public static RestException permissionDenied(String message) {
    return new RestException(HttpResponseStatus.FORBIDDEN, "PERMISSION_DENIED", message);
  }

  public HttpResponseStatus status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }
}
