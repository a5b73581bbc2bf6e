CREATE TABLE query_history (
  statement_id VARCHAR(64) NOT NULL PRIMARY KEY,
  session_id VARCHAR(64),
  principal VARCHAR(256) NOT NULL,
  transport VARCHAR(32),
  client_name VARCHAR(256),
  client_version VARCHAR(128),
  client_application VARCHAR(256),
  warehouse_id VARCHAR(128) NOT NULL,
  engine_id VARCHAR(128),
  statement_text VARCHAR(1000000) NOT NULL,
  rewritten_text VARCHAR(1000000),
  status VARCHAR(16) NOT NULL,
  start_time_ms BIGINT NOT NULL,
  execution_end_time_ms BIGINT,
  end_time_ms BIGINT,
  queued_ms BIGINT DEFAULT 0 NOT NULL,
  planning_ms BIGINT DEFAULT 0 NOT NULL,
  executing_ms BIGINT DEFAULT 0 NOT NULL,
  fetching_ms BIGINT DEFAULT 0 NOT NULL,
  rows_produced BIGINT DEFAULT 0 NOT NULL,
  bytes_produced BIGINT DEFAULT 0 NOT NULL,
  error_message VARCHAR(8192),
  sql_state VARCHAR(8),
  from_cache BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX query_history_start ON query_history (start_time_ms, statement_id);
CREATE INDEX query_history_principal_start ON query_history (principal, start_time_ms);
CREATE INDEX query_history_status_start ON query_history (status, start_time_ms);
CREATE INDEX query_history_warehouse_start ON query_history (warehouse_id, start_time_ms);
