-- revision: 003
-- down_revision: 002
-- message: Backfill users

INSERT INTO app_user (id, name) VALUES (1, 'admin');

/* qalab:downgrade irreversible */
