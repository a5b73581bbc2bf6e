INSERT INTO principal (principal_id, principal_type, name, display_name, active, created_at)
  SELECT '2', 'GROUP', 'users', 'users', TRUE, CURRENT_TIMESTAMP FROM principal
  WHERE principal_id = '1' AND NOT EXISTS (SELECT 1 FROM principal WHERE name = 'users');
CREATE TABLE bootstrap_step (
  step VARCHAR(256) NOT NULL PRIMARY KEY,
  done_at TIMESTAMP WITH TIME ZONE NOT NULL
)
