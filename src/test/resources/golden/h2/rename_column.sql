-- rename column account.number to iban
ALTER TABLE account ALTER COLUMN number RENAME TO iban;
-- inverse: rename column account.iban to number
ALTER TABLE account ALTER COLUMN iban RENAME TO number;
