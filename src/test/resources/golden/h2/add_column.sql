-- add column account.kind
ALTER TABLE account ADD COLUMN kind VARCHAR(10) DEFAULT 'std' NOT NULL;
-- inverse: drop column account.kind
ALTER TABLE account DROP COLUMN kind;
