CREATE TABLE privilege_grant (
  securable_id VARCHAR(64) NOT NULL REFERENCES securable (securable_id) ON DELETE CASCADE,
  principal_id VARCHAR(64) NOT NULL REFERENCES principal (principal_id) ON DELETE CASCADE,
  privilege VARCHAR(64) NOT NULL,
  granted_by VARCHAR(256) NOT NULL,
  granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (securable_id, principal_id, privilege)
);
CREATE INDEX privilege_grant_principal ON privilege_grant (principal_id)
