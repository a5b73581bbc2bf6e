CREATE TABLE table_policy (
  table_id VARCHAR(64) NOT NULL REFERENCES securable (securable_id) ON DELETE CASCADE,
  column_name VARCHAR(256) NOT NULL,
  function_name VARCHAR(1024) NOT NULL,
  set_by VARCHAR(256) NOT NULL,
  set_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (table_id, column_name)
);
CREATE TABLE table_policy_argument (
  table_id VARCHAR(64) NOT NULL,
  column_name VARCHAR(256) NOT NULL,
  ordinal INT NOT NULL,
  argument VARCHAR(4096) NOT NULL,
  PRIMARY KEY (table_id, column_name, ordinal),
  FOREIGN KEY (table_id, column_name) REFERENCES table_policy (table_id, column_name)
    ON DELETE CASCADE
)
