package io.sluice.gateway.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sluice.gateway.rest.RestJson;

/** A JSON value as a one-element array, for SCIM fields that may be one value or many. */
final class RestJsonArrays {
  private RestJsonArrays() {}

  static ArrayNode single(JsonNode node) {
    ArrayNode array = RestJson.MAPPER.createArrayNode();
    array.add(node);
    return array;
  }
}
