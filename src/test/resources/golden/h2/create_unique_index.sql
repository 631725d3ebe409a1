-- create index ux_account_iban on account[iban]
CREATE UNIQUE INDEX ux_account_iban ON account (iban);
-- inverse: drop index ux_account_iban on account
DROP INDEX ux_account_iban;
