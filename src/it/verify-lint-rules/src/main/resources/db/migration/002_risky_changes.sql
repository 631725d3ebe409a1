-- revision: 002
-- down_revision: 001
-- message: Risky changes, one per lint rule

DROP TABLE audit_log;
ALTER TABLE account ADD COLUMN balance BIGINT NOT NULL;
ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(50);
ALTER TABLE account ALTER COLUMN legacy_code TYPE INTEGER;
CREATE INDEX ix_account_total ON account (total);
ALTER TABLE account ADD CONSTRAINT fk_account_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);
ALTER TABLE account RENAME COLUMN total TO amount;
DO $$ BEGIN RAISE NOTICE 'a ; in a dollar quote'; END $$;

/* qalab:downgrade irreversible */
