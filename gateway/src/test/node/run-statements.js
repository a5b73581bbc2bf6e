#!/usr/bin/env node
'use strict';

/*
 * Runs SQL statements and metadata calls through the real Databricks Node.js driver
 * (@databricks/sql, pinned in package.json) and prints one JSON document on stdout.
 *
 * Usage:  node run-statements.js '<request JSON>'
 *         node run-statements.js < request.json
 *
 * Request:
 *   {
 *     "host": "127.0.0.1", "port": 8443, "path": "/sql/1.0/warehouses/default",
 *     "token": "<personal access token>",
 *     "caCertPath": "/tmp/.../localhost-certificate.pem",   // PEM trusted as customCaCert
 *     "checkServerCertificate": true,                        // optional, default true
 *     "initialCatalog": "spark_catalog", "initialSchema": "default",   // optional
 *     "sessionConfiguration": {"k": "v"},                    // optional
 *     "statements": [
 *       "SELECT 1 AS x",
 *       {"sql": "SELECT :p AS x", "namedParameters": {"p": 7}, "maxRows": 1000, "cancelAfterMs": 500}
 *     ],
 *     "maxRows": 1000,             // optional default for statements: direct-results and fetch size
 *     "namedParameters": {...},    // optional default for statements
 *     "cancelAfterMs": 500,        // optional default for statements: operation.cancel() after this
 *     "metadata": [{"call": "getTables", "args": {"schemaName": "s"}}],   // run after statements
 *     "socketTimeoutMs": 60000, "retryMaxAttempts": 5        // optional, passed to the driver
 *   }
 *   Parameter values may use the tags of encode-values.js ({"$bigint": "..."}, {"$date": "..."}),
 *   or {"type": "DECIMAL", "value": "1.5"} for an explicitly typed DBSQLParameter.
 *
 * Result (exit code 0 whenever this document was printed):
 *   {
 *     "driverVersion": "2.1.0",
 *     "error": {...},              // only when connecting or opening the session failed
 *     "statements": [
 *       {"sql": "...", "columns": [{"name": "x", "type": "INT_TYPE", "position": 1}],
 *        "rows": [[1]], "chunkCount": 1, "elapsedMs": 12},
 *       {"sql": "...", "error": {...}, "cancelRequested": true, "elapsedMs": 510}
 *     ],
 *     "metadata": [{"call": "getTables", "args": {...}, "columns": [...], "rows": [[...]]}]
 *   }
 *   Rows are arrays in column order. Values are encoded as described in encode-values.js.
 *   An error is {"name", "message", "sqlState", "state", "errorCode", "httpStatus", "displayMessage"}
 *   with whatever of those the driver exposed (null otherwise). Note that the driver keeps the
 *   SQLSTATE only for errors reported through the operation state (ERROR_STATE); an error TStatus
 *   on the RPC itself reaches it as a StatusError with a message and no SQLSTATE.
 *
 * Exit code 2: the request was unusable. Exit code 1: this script itself failed (see stderr).
 */

const fs = require('node:fs');

// The driver and its dependencies must not write to stdout: it carries only the result document.
console.log = console.info = console.debug = (...args) => console.error(...args);

const { DBSQLClient, DBSQLParameter, thrift } = require('@databricks/sql');
const { encodeValue, decodeValue } = require('./encode-values');

const driverVersion = require('@databricks/sql/package.json').version;
const typeNames = Object.fromEntries(
  Object.entries(thrift.TCLIService_types.TTypeId).map(([name, id]) => [id, name]),
);
const metadataCalls = new Set([
  'getCatalogs',
  'getSchemas',
  'getTables',
  'getTableTypes',
  'getColumns',
  'getTypeInfo',
  'getFunctions',
  'getPrimaryKeys',
  'getCrossReference',
]);

const logger = {
  log(level, message) {
    if (level === 'error' || level === 'warn' || process.env.SLUICE_NODE_CLIENT_DEBUG) {
      process.stderr.write(`[databricks-sql ${level}] ${message}\n`);
    }
  },
};

class UsageError extends Error {}

function readRequest() {
  const text = process.argv.length > 2 ? process.argv[2] : fs.readFileSync(0, 'utf8');
  let request;
  try {
    request = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The request is not JSON: ${error.message}`);
  }
  for (const key of ['host', 'port', 'path', 'token']) {
    if (request[key] === undefined || request[key] === null || request[key] === '') {
      throw new UsageError(`The request has no "${key}"`);
    }
  }
  if (!request.caCertPath && request.checkServerCertificate !== false) {
    throw new UsageError('The request has no "caCertPath" (the driver only speaks HTTPS)');
  }
  if (request.statements !== undefined && !Array.isArray(request.statements)) {
    throw new UsageError('"statements" must be an array');
  }
  for (const item of request.metadata || []) {
    if (!metadataCalls.has(item.call)) {
      throw new UsageError(`Unknown metadata call "${item.call}"; known: ${[...metadataCalls].join(', ')}`);
    }
  }
  return request;
}

function describeError(error) {
  const response = error && error.response;
  const isHttpResponse = response && typeof response.status === 'number' && response.headers;
  const operationStatus = response && !isHttpResponse ? response : undefined;
  return {
    name: (error && (error.name || (error.constructor && error.constructor.name))) || 'Error',
    message:
      (operationStatus && (operationStatus.errorMessage || operationStatus.displayMessage)) ||
      (error && error.message) ||
      String(error),
    sqlState: (operationStatus && operationStatus.sqlState) || null,
    state: (error && typeof error.errorCode === 'string' && error.errorCode) || null,
    errorCode:
      (error && (typeof error.code === 'number' || typeof error.code === 'string') && error.code) ||
      (operationStatus && operationStatus.errorCode) ||
      null,
    httpStatus: (error && typeof error.statusCode === 'number' && error.statusCode) || (isHttpResponse && response.status) || null,
    displayMessage: (operationStatus && operationStatus.displayMessage) || null,
  };
}

function parameters(named) {
  if (!named) {
    return undefined;
  }
  return Object.fromEntries(
    Object.entries(named).map(([name, value]) => {
      if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value && 'type' in value) {
        return [name, new DBSQLParameter({ type: value.type, value: decodeValue(value.value) })];
      }
      return [name, decodeValue(value)];
    }),
  );
}

async function describeColumns(operation) {
  const schema = await operation.getSchema();
  if (!schema || !schema.columns) {
    return [];
  }
  return [...schema.columns]
    .sort((left, right) => left.position - right.position)
    .map((column) => {
      const entry = column.typeDesc && column.typeDesc.types && column.typeDesc.types[0];
      const primitive = entry && entry.primitiveEntry;
      const description = {
        name: column.columnName,
        type: primitive ? typeNames[primitive.type] || String(primitive.type) : 'COMPLEX',
        position: column.position,
      };
      const qualifiers = primitive && primitive.typeQualifiers && primitive.typeQualifiers.qualifiers;
      if (qualifiers) {
        for (const [key, value] of Object.entries(qualifiers)) {
          if (value && value.i32Value !== undefined && value.i32Value !== null) {
            description[key] = value.i32Value;
          }
        }
      }
      return description;
    });
}

// The result format the server chose, by its TSparkRowSetType name.
const RESULT_FORMATS = ['ARROW_BASED_SET', 'COLUMN_BASED_SET', 'ROW_BASED_SET', 'URL_BASED_SET'];

async function drain(operation, maxRows) {
  const columns = await describeColumns(operation);
  const metadata = await operation.getMetadata();
  const resultFormat = RESULT_FORMATS[metadata.resultFormat] || null;
  const rows = [];
  let chunkCount = 0;
  const fetchOptions = { disableBuffering: true };
  if (maxRows) {
    fetchOptions.maxRows = maxRows;
  }
  do {
    const chunk = await operation.fetchChunk(fetchOptions); // eslint-disable-line no-await-in-loop
    if (chunk.length > 0) {
      chunkCount += 1;
    }
    for (const row of chunk) {
      rows.push(columns.map((column) => encodeValue(row[column.name])));
    }
  } while (await operation.hasMoreRows()); // eslint-disable-line no-await-in-loop
  return { columns, rows, chunkCount, resultFormat };
}

async function closeQuietly(operation) {
  try {
    await operation.close();
  } catch (error) {
    logger.log('warn', `closing an operation failed: ${error.message}`);
  }
}

async function runStatement(session, request, item) {
  const statement = typeof item === 'string' ? { sql: item } : item;
  if (!statement || typeof statement.sql !== 'string') {
    throw new UsageError(`A statement must be a string or {"sql": ...}, not ${JSON.stringify(item)}`);
  }
  const maxRows = statement.maxRows !== undefined ? statement.maxRows : request.maxRows;
  const cancelAfterMs = statement.cancelAfterMs !== undefined ? statement.cancelAfterMs : request.cancelAfterMs;
  const namedParameters = parameters(statement.namedParameters || request.namedParameters);
  const started = Date.now();
  const result = { sql: statement.sql };
  let operation;
  let timer;
  let cancelPromise;
  try {
    const options = { useCloudFetch: false };
    if (maxRows) {
      options.maxRows = maxRows;
    }
    if (namedParameters) {
      options.namedParameters = namedParameters;
    }
    operation = await session.executeStatement(statement.sql, options);
    if (cancelAfterMs !== undefined && cancelAfterMs !== null) {
      result.cancelRequested = false;
      timer = setTimeout(() => {
        result.cancelRequested = true;
        cancelPromise = operation.cancel().then(
          () => {
            result.cancelStatus = 'ok';
          },
          (error) => {
            result.cancelStatus = describeError(error);
          },
        );
      }, Math.max(0, cancelAfterMs - (Date.now() - started)));
    }
    Object.assign(result, await drain(operation, maxRows));
  } catch (error) {
    if (error instanceof UsageError) {
      throw error;
    }
    result.error = describeError(error);
  } finally {
    clearTimeout(timer);
    if (cancelPromise) {
      await cancelPromise;
    }
    if (operation) {
      await closeQuietly(operation);
    }
  }
  result.elapsedMs = Date.now() - started;
  return result;
}

async function runMetadata(session, request, item) {
  const args = { ...(item.args || {}) };
  if (request.maxRows && args.maxRows === undefined) {
    args.maxRows = request.maxRows;
  }
  const result = { call: item.call, args: item.args || {} };
  let operation;
  try {
    operation = await session[item.call](args);
    Object.assign(result, await drain(operation, args.maxRows));
  } catch (error) {
    result.error = describeError(error);
  } finally {
    if (operation) {
      await closeQuietly(operation);
    }
  }
  return result;
}

async function main() {
  let request;
  try {
    request = readRequest();
  } catch (error) {
    process.stderr.write(`run-statements.js: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }

  const output = { driverVersion, statements: [], metadata: [] };
  const client = new DBSQLClient({ logger });
  let session;
  try {
    const options = {
      host: request.host,
      port: Number(request.port),
      path: request.path,
      token: request.token,
      telemetryEnabled: false,
      preserveBigNumericPrecision: true,
    };
    if (request.caCertPath) {
      options.customCaCert = fs.readFileSync(request.caCertPath);
    }
    if (request.checkServerCertificate !== undefined) {
      options.checkServerCertificate = request.checkServerCertificate;
    }
    if (request.socketTimeoutMs !== undefined) {
      options.socketTimeout = request.socketTimeoutMs;
    }
    if (request.retryMaxAttempts !== undefined) {
      options.retryMaxAttempts = request.retryMaxAttempts;
    }
    await client.connect(options);
    const sessionRequest = {};
    if (request.initialCatalog) {
      sessionRequest.initialCatalog = request.initialCatalog;
    }
    if (request.initialSchema) {
      sessionRequest.initialSchema = request.initialSchema;
    }
    if (request.sessionConfiguration) {
      sessionRequest.configuration = request.sessionConfiguration;
    }
    session = await client.openSession(sessionRequest);
  } catch (error) {
    output.error = describeError(error);
  }

  try {
    if (session) {
      for (const item of request.statements || []) {
        output.statements.push(await runStatement(session, request, item)); // eslint-disable-line no-await-in-loop
      }
      for (const item of request.metadata || []) {
        output.metadata.push(await runMetadata(session, request, item)); // eslint-disable-line no-await-in-loop
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`run-statements.js: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    if (session) {
      try {
        await session.close();
      } catch (error) {
        logger.log('warn', `closing the session failed: ${error.message}`);
      }
    }
    try {
      await client.close();
    } catch (error) {
      logger.log('warn', `closing the client failed: ${error.message}`);
    }
  }
  await new Promise((resolve) => {
    process.stdout.write(`${JSON.stringify(output)}\n`, resolve);
  });
}

main().then(
  () => {
    // Sockets kept alive by the HTTP agent must not hold the process open.
    process.exit();
  },
  (error) => {
    process.stderr.write(`run-statements.js failed: ${(error && error.stack) || error}\n`);
    process.exit(1);
  },
);
