-- revision: 007
-- down_revision: 006
-- message: Evolution step 7

ALTER TABLE audit_entry RENAME TO audit_log;
ALTER TABLE customer ALTER COLUMN email RENAME TO email_address;

/* qalab:downgrade
ALTER TABLE customer ALTER COLUMN email_address RENAME TO email;
ALTER TABLE audit_log RENAME TO audit_entry;
*/
