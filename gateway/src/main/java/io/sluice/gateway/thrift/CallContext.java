package io.sluice.gateway.thrift;

import java.util.Optional;

/**
 * Who makes a Thrift call and over what: the principal authenticated by the transport (SASL PLAIN
 * or an HTTP Authorization header) with the token it presented, or both empty on a NOSASL
 * connection where OpenSession carries the credentials itself.
 */
public record CallContext(
    Optional<String> principal,
    Optional<String> credential,
    String transport,
    String remoteAddress,
    String userAgent) {
  public CallContext {
    principal = principal == null ? Optional.empty() : principal;
    credential = credential == null ? Optional.empty() : credential;
  }

  /** A call whose transport authenticated no token of its own. */
  public CallContext(
      Optional<String> principal, String transport, String remoteAddress, String userAgent) {
    this(principal, Optional.empty(), transport, remoteAddress, userAgent);
  }
}
