CREATE TABLE securable (
  securable_id VARCHAR(64) NOT NULL PRIMARY KEY,
  securable_type VARCHAR(32) NOT NULL,
  parent_id VARCHAR(64) REFERENCES securable (securable_id) ON DELETE CASCADE,
  name VARCHAR(256) NOT NULL,
  full_name VARCHAR(1024) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  owner_id VARCHAR(64) NOT NULL REFERENCES principal (principal_id),
  comment VARCHAR(4096),
  data_source_format VARCHAR(64),
  storage_location VARCHAR(4096),
  definition VARCHAR(1000000),
  return_type VARCHAR(4096),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(256) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT securable_unique_name UNIQUE (parent_id, securable_type, name)
);
CREATE INDEX securable_owner ON securable (owner_id);
CREATE TABLE table_column (
  table_id VARCHAR(64) NOT NULL REFERENCES securable (securable_id) ON DELETE CASCADE,
  ordinal INT NOT NULL,
  column_name VARCHAR(256) NOT NULL,
  type_text VARCHAR(4096) NOT NULL,
  nullable BOOLEAN NOT NULL,
  comment VARCHAR(4096),
  PRIMARY KEY (table_id, ordinal),
  CONSTRAINT table_column_unique_name UNIQUE (table_id, column_name)
);
CREATE TABLE function_parameter (
  function_id VARCHAR(64) NOT NULL REFERENCES securable (securable_id) ON DELETE CASCADE,
  ordinal INT NOT NULL,
  parameter_name VARCHAR(256) NOT NULL,
  type_text VARCHAR(4096) NOT NULL,
  PRIMARY KEY (function_id, ordinal)
);
INSERT INTO securable (securable_id, securable_type, parent_id, name, full_name, kind, owner_id,
    comment, created_at, created_by, updated_at)
  VALUES ('metastore', 'METASTORE', NULL, 'metastore', 'metastore', 'METASTORE', '1',
    'The gateway''s metastore', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP)
