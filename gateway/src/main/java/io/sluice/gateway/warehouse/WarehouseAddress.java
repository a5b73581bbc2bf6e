package io.sluice.gateway.warehouse;

import static java.util.Objects.requireNonNull;

import io.sluice.gateway.rest.RestRequest;
import java.util.function.IntSupplier;

/**
 * Where clients reach the gateway's HTTP port, for the connection details the Warehouses API
 * returns: the host and port the API request itself was sent to (its {@code Host} header), else the
 * configured address.
 */
public final class WarehouseAddress {
  private final String configuredHost;
  private final IntSupplier configuredPort;
  private final boolean tls;

  public WarehouseAddress(String configuredHost, IntSupplier configuredPort, boolean tls) {
    this.configuredHost = requireNonNull(configuredHost, "configuredHost is null");
    this.configuredPort = requireNonNull(configuredPort, "configuredPort is null");
    this.tls = tls;
  }

  /** A host, a port and whether the port speaks TLS. */
  public record Endpoint(String host, int port, boolean tls) {}

  Endpoint of(RestRequest request) {
    String host = request.header("host").orElse("");
    int colon = host.lastIndexOf(':');
    if (colon > 0 && colon < host.length() - 1 && !host.endsWith("]")) {
      try {
        return new Endpoint(
            host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)), tls);
      } catch (NumberFormatException e) {
        // Not a port: fall back to the configured address.
      }
    }
    return new Endpoint(configuredHost, configuredPort.getAsInt(), tls);
  }
}
