-- revision: 003
-- down_revision: 002
-- message: Change by hand
-- Only a vehicle for this IT: its downgrade block makes the changes "by hand" (an index and a column that no
-- migration of db/migration knows), and removes 003 from the history, as if someone had typed them into psql.

CREATE TABLE hand_marker (id INTEGER);

/* qalab:downgrade
DROP TABLE hand_marker;
CREATE INDEX ix_app_user_display_name ON app_user (display_name);
ALTER TABLE app_user ADD COLUMN nickname VARCHAR(40);
*/
