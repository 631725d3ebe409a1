-- alter column account.note
UPDATE account SET note = 'none' WHERE note IS NULL;
ALTER TABLE account MODIFY COLUMN note VARCHAR(255) NOT NULL;
-- inverse: alter column account.note
ALTER TABLE account MODIFY COLUMN note VARCHAR(255);
