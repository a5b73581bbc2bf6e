CREATE TABLE warehouse (
  warehouse_id VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(256) NOT NULL UNIQUE,
  cluster_size VARCHAR(32) NOT NULL,
  min_num_clusters INT NOT NULL,
  max_num_clusters INT NOT NULL,
  auto_stop_mins INT NOT NULL,
  serverless BOOLEAN NOT NULL,
  warehouse_type VARCHAR(32) NOT NULL,
  engine_per_user BOOLEAN NOT NULL,
  creator VARCHAR(256) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE warehouse_endpoint (
  warehouse_id VARCHAR(64) NOT NULL,
  endpoint_index INT NOT NULL,
  host VARCHAR(256) NOT NULL,
  port INT NOT NULL,
  PRIMARY KEY (warehouse_id, endpoint_index),
  FOREIGN KEY (warehouse_id) REFERENCES warehouse (warehouse_id) ON DELETE CASCADE
);
