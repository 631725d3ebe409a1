-- alter column account.name
ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(200);
ALTER TABLE account ALTER COLUMN name SET DEFAULT '?';
ALTER TABLE account ALTER COLUMN name SET NOT NULL;
-- inverse: alter column account.name
ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(100);
ALTER TABLE account ALTER COLUMN name DROP DEFAULT;
ALTER TABLE account ALTER COLUMN name DROP NOT NULL;
