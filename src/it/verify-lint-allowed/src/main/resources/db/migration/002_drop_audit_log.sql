-- revision: 002
-- down_revision: 001
-- message: Drop the audit log (no code reads it since release 1.4)
-- qalab:allow destructive

DROP TABLE audit_log;
ALTER TABLE account CHANGE COLUMN legacy_code old_code VARCHAR(20);

/* qalab:downgrade irreversible */
