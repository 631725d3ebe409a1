-- revision: 003
-- down_revision: 002
-- message: Topics

ALTER TABLE tag RENAME TO topic;
ALTER TABLE account_tag DROP FOREIGN KEY fk_account_tag_account_id;
DROP INDEX IF EXISTS fk_account_tag_account_id ON account_tag;
ALTER TABLE account_tag DROP FOREIGN KEY fk_account_tag_tag_id;
DROP INDEX IF EXISTS fk_account_tag_tag_id ON account_tag;
ALTER TABLE account_tag DROP PRIMARY KEY;
DROP INDEX ix_app_user_status_created ON app_user;
CREATE SEQUENCE topic_seq START WITH 1 INCREMENT BY 50 NOCACHE;
ALTER TABLE account MODIFY COLUMN kind VARCHAR(10) DEFAULT 'gold' NOT NULL;
ALTER TABLE account_tag ADD PRIMARY KEY (tag_id, account_id);
-- Drops sequence tag_seq: its current value is lost (a new one starts at 1).
DROP SEQUENCE tag_seq;
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_account_id FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_tag_id FOREIGN KEY (tag_id) REFERENCES topic (id);

/* qalab:downgrade
ALTER TABLE account_tag DROP FOREIGN KEY fk_account_tag_tag_id;
DROP INDEX IF EXISTS fk_account_tag_tag_id ON account_tag;
ALTER TABLE account_tag DROP FOREIGN KEY fk_account_tag_account_id;
DROP INDEX IF EXISTS fk_account_tag_account_id ON account_tag;
CREATE SEQUENCE tag_seq START WITH 1 INCREMENT BY 50 NOCACHE;
ALTER TABLE account_tag DROP PRIMARY KEY;
ALTER TABLE account MODIFY COLUMN kind VARCHAR(10) DEFAULT 'std' NOT NULL;
-- Drops sequence topic_seq: its current value is lost.
DROP SEQUENCE topic_seq;
CREATE INDEX ix_app_user_status_created ON app_user (status, created);
ALTER TABLE account_tag ADD PRIMARY KEY (account_id, tag_id);
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_tag_id FOREIGN KEY (tag_id) REFERENCES topic (id);
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_account_id FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE topic RENAME TO tag;
*/
