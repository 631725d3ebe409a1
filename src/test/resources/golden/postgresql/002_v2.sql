-- revision: 002
-- down_revision: 001
-- message: Tags, iban and nicknames

ALTER TABLE account RENAME COLUMN number TO iban;
ALTER TABLE account DROP CONSTRAINT uk_account_number;
ALTER SEQUENCE account_seq INCREMENT BY 20;
CREATE SEQUENCE tag_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE account_tag (
    account_id BIGINT NOT NULL,
    tag_id BIGINT NOT NULL,
    CONSTRAINT pk_account_tag PRIMARY KEY (account_id, tag_id)
);
CREATE TABLE tag (
    id BIGINT NOT NULL,
    label VARCHAR(50) NOT NULL,
    CONSTRAINT pk_tag PRIMARY KEY (id),
    CONSTRAINT uk_tag_label UNIQUE (label)
);
ALTER TABLE account ADD COLUMN kind VARCHAR(10) DEFAULT 'std' NOT NULL;
ALTER TABLE app_user ADD COLUMN nickname VARCHAR(40);
ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(200);
ALTER TABLE account ALTER COLUMN name SET NOT NULL;
CREATE INDEX ix_account_iban ON account (iban);
-- qalab:allow destructive: drops column app_user.rank and its data.
ALTER TABLE app_user DROP COLUMN "rank";
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_account_id FOREIGN KEY (account_id) REFERENCES account (id);
ALTER TABLE account_tag ADD CONSTRAINT fk_account_tag_tag_id FOREIGN KEY (tag_id) REFERENCES tag (id);

/* qalab:downgrade
ALTER TABLE account_tag DROP CONSTRAINT fk_account_tag_tag_id;
ALTER TABLE account_tag DROP CONSTRAINT fk_account_tag_account_id;
-- Data loss: column app_user.rank comes back empty; the upgrade destroyed its data.
ALTER TABLE app_user ADD COLUMN "rank" SMALLINT;
DROP INDEX ix_account_iban;
-- Narrows account.name back to VARCHAR(100): values that do not fit make it fail (or are cut).
ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(100);
ALTER TABLE account ALTER COLUMN name DROP NOT NULL;
-- Data loss: drop column app_user.nickname destroys the data written since the upgrade.
ALTER TABLE app_user DROP COLUMN nickname;
-- Data loss: drop column account.kind destroys the data written since the upgrade.
ALTER TABLE account DROP COLUMN kind;
-- Data loss: drop table tag destroys the data written since the upgrade.
DROP TABLE tag;
-- Data loss: drop table account_tag destroys the data written since the upgrade.
DROP TABLE account_tag;
-- Drops sequence tag_seq: its current value is lost.
DROP SEQUENCE tag_seq;
ALTER SEQUENCE account_seq INCREMENT BY 50;
ALTER TABLE account ADD CONSTRAINT uk_account_number UNIQUE (iban);
ALTER TABLE account RENAME COLUMN iban TO number;
*/
