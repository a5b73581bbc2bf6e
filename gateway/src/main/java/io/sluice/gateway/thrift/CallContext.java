package io.sluice.gateway.thrift;

import java.util.Optional;

/**
 * Who makes a Thrift call and over what: the principal authenticated by the transport (SASL PLAIN
 * or an HTTP Authorization header) with the token it presented, or both empty on a NOSASL
 * connection where OpenSession carries the credentials itself; and the warehouse the transport
 * addressed ({@code /sql/1.0/warehouses/{id}} over HTTP), if it named one.
 */
public record CallContext(
    Optional<String> principal,
    Optional<String> credential,
    String transport,
    String remoteAddress,
    String userAgent,
    Optional<String> warehouse) {
  public CallContext {
    principal = principal == null ? Optional.empty() : principal;
    credential = credential == null ? Optional.empty() : credential;
    warehouse = warehouse == null ? Optional.empty() : warehouse;
  }

  /** A call whose transport authenticated no token of its own and names no warehouse. */
  public CallContext(
      Optional<String> principal, String transport, String remoteAddress, String userAgent) {
    this(principal, Optional.empty(), transport, remoteAddress, userAgent, Optional.empty());
  }
}
