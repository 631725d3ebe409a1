-- rename column account.number to iban
ALTER TABLE account RENAME COLUMN number TO iban;
-- inverse: rename column account.iban to number
ALTER TABLE account RENAME COLUMN iban TO number;
