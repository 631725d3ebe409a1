-- create index ix_account_name on account[name]
CREATE INDEX ix_account_name ON account (name);
-- inverse: drop index ix_account_name on account
DROP INDEX ix_account_name ON account;
