CREATE TABLE access_token (
  token_id VARCHAR(64) NOT NULL PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  principal VARCHAR(256) NOT NULL,
  comment VARCHAR(1024),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE,
  revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_token_principal ON access_token (principal);
