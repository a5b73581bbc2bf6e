CREATE TABLE principal (
  principal_id VARCHAR(64) NOT NULL PRIMARY KEY,
  principal_type VARCHAR(32) NOT NULL,
  name VARCHAR(256) NOT NULL UNIQUE,
  display_name VARCHAR(256) NOT NULL,
  active BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE group_member (
  group_id VARCHAR(64) NOT NULL REFERENCES principal (principal_id) ON DELETE CASCADE,
  member_id VARCHAR(64) NOT NULL REFERENCES principal (principal_id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX group_member_member ON group_member (member_id);
INSERT INTO principal (principal_id, principal_type, name, display_name, active, created_at)
  VALUES ('1', 'GROUP', 'admins', 'admins', TRUE, CURRENT_TIMESTAMP)
