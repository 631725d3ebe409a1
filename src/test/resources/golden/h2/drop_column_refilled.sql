-- drop column account.nickname
ALTER TABLE account DROP COLUMN nickname;
-- inverse: add column account.nickname
ALTER TABLE account ADD COLUMN nickname VARCHAR(40) DEFAULT '' NOT NULL;
ALTER TABLE account ALTER COLUMN nickname DROP DEFAULT;
