-- alter column account.name
ALTER TABLE account MODIFY COLUMN name VARCHAR(200) DEFAULT '?' NOT NULL;
-- inverse: alter column account.name
ALTER TABLE account MODIFY COLUMN name VARCHAR(100);
