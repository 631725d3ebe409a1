-- add column account.currency
ALTER TABLE account ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL;
ALTER TABLE account ALTER COLUMN currency DROP DEFAULT;
-- inverse: drop column account.currency
ALTER TABLE account DROP COLUMN currency;
