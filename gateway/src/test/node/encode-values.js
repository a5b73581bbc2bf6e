'use strict';

/*
 * Lossless JSON encoding of the values the Databricks Node.js driver hands back.
 *
 * JSON carries null, booleans, strings, finite numbers, arrays and objects as themselves. Anything
 * else is written as a one-key object whose key starts with "$":
 *
 *   Buffer / Uint8Array       {"$binary": "<base64>"}
 *   bigint, node-int64 Int64  {"$bigint": "<decimal digits, optional leading ->"}
 *   Date                      {"$date": "<ISO-8601 UTC, millisecond precision>"}  (null if invalid)
 *   NaN, ±Infinity, -0        {"$number": "NaN" | "Infinity" | "-Infinity" | "-0"}
 *   Map                       {"$map": [[key, value], ...]}
 *   an object with a key that itself starts with "$"
 *                             {"$object": {...}}  (so that user data can never look like a tag)
 *
 * The Java side (io.sluice.gateway.testing.TestingNodeClient) decodes these to byte[], BigInteger,
 * Instant, Double and Map. A plain JSON number is always a JavaScript double.
 */

// node-int64 values (the driver's i64 type) are recognised by shape, not by class, so that this
// file needs no dependency beyond the driver itself.
function isInt64(value) {
  return typeof value.toOctetString === 'function' && value.buffer instanceof Uint8Array;
}

function int64ToBigInt(value) {
  return BigInt.asIntN(64, BigInt(`0x${value.toOctetString()}`));
}

function encodeValue(value) {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Object.is(value, -0)) {
        return { $number: '-0' };
      }
      if (!Number.isFinite(value)) {
        return { $number: String(value) };
      }
      return value;
    case 'bigint':
      return { $bigint: value.toString() };
    default:
      break;
  }
  if (value instanceof Uint8Array) {
    return { $binary: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (isInt64(value)) {
    return { $bigint: int64ToBigInt(value).toString() };
  }
  if (value instanceof Date) {
    return { $date: Number.isNaN(value.getTime()) ? null : value.toISOString() };
  }
  if (value instanceof String || value instanceof Boolean) {
    return value.valueOf();
  }
  if (value instanceof Number) {
    return encodeValue(value.valueOf());
  }
  if (Array.isArray(value)) {
    return value.map(encodeValue);
  }
  if (value instanceof Map) {
    return { $map: [...value.entries()].map(([key, item]) => [encodeValue(key), encodeValue(item)]) };
  }
  if (typeof value.toJSON === 'function' && Object.getPrototypeOf(value) !== Object.prototype) {
    // Arrow rows and vectors: their JSON form is a plain object or array.
    return encodeValue(value.toJSON());
  }
  const entries = Object.entries(value).map(([key, item]) => [key, encodeValue(item)]);
  const encoded = Object.fromEntries(entries);
  return entries.some(([key]) => key.startsWith('$')) ? { $object: encoded } : encoded;
}

/** The inverse, for parameters sent to the driver: tags become bigint, Date, Buffer, numbers. */
function decodeValue(value) {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(decodeValue);
  }
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [key] = keys;
    const item = value[key];
    switch (key) {
      case '$binary':
        return Buffer.from(item, 'base64');
      case '$bigint':
        return BigInt(item);
      case '$date':
        return item === null ? new Date(NaN) : new Date(item);
      case '$number':
        return item === '-0' ? -0 : Number(item);
      case '$map':
        return new Map(item.map(([entryKey, entryValue]) => [decodeValue(entryKey), decodeValue(entryValue)]));
      case '$object':
        return Object.fromEntries(Object.entries(item).map(([entryKey, entryValue]) => [entryKey, decodeValue(entryValue)]));
      default:
        break;
    }
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeValue(item)]));
}

module.exports = { encodeValue, decodeValue };
