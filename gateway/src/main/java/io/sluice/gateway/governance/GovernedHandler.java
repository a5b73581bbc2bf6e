package io.sluice.gateway.governance;

import static java.util.Objects.requireNonNull;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.sluice.gateway.rest.RestException;
import io.sluice.gateway.rest.RestHandler;
import io.sluice.gateway.rest.RestRequest;
import io.sluice.gateway.rest.RestResponse;
import io.sluice.governance.GovernanceException;
import io.sluice.governance.access.AccessDeniedException;

/**
 * Answers governance failures as Databricks' REST APIs do: a refusal is 403 PERMISSION_DENIED with
 * the INSUFFICIENT_PERMISSIONS text, a missing object 404, a duplicate 409, anything else the
 * caller got wrong 400.
 */
final class GovernedHandler implements RestHandler {
  private final RestHandler delegate;

  private GovernedHandler(RestHandler delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  static RestHandler governed(RestHandler delegate) {
    return new GovernedHandler(delegate);
  }

  @Override
  public RestResponse handle(RestRequest request) throws Exception {
    try {
      return delegate.handle(request);
    } catch (AccessDeniedException e) {
      throw RestException.permissionDenied(e.getMessage());
    } catch (GovernanceException e) {
      throw toRest(e);
    }
  }

  static RestException toRest(GovernanceException e) {
    String errorClass = e.errorClass();
    if (errorClass.endsWith("NOT_FOUND") || errorClass.endsWith("DOES_NOT_EXIST")) {
      return RestException.notFound(e.getMessage());
    }
    if (errorClass.endsWith("ALREADY_EXISTS")) {
      return RestException.alreadyExists(e.getMessage());
    }
    if (errorClass.endsWith("NOT_EMPTY") || errorClass.equals("PRINCIPAL_OWNS_SECURABLES")) {
      return new RestException(HttpResponseStatus.BAD_REQUEST, "INVALID_STATE", e.getMessage());
    }
    return RestException.invalidParameter(e.getMessage());
  }
}
