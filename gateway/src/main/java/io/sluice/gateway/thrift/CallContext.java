package io.sluice.gateway.thrift;

import java.util.Optional;

/**
 * Who makes a Thrift call and over what: the principal authenticated by the transport (SASL PLAIN
 * or an HTTP Authorization header), or empty on a NOSASL connection where OpenSession carries the
 * credentials itself.
 */
public record CallContext(
    Optional<String> principal, String transport, String remoteAddress, String userAgent) {
  public CallContext {
    principal = principal == null ? Optional.empty() : principal;
  }
}
