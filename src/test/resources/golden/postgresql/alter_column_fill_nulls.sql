-- alter column account.note
UPDATE account SET note = 'none' WHERE note IS NULL;
ALTER TABLE account ALTER COLUMN note SET NOT NULL;
-- inverse: alter column account.note
ALTER TABLE account ALTER COLUMN note DROP NOT NULL;
