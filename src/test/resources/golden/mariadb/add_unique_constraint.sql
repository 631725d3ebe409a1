-- add unique constraint uk_account_owner_id_name on account[owner_id, name]
ALTER TABLE account ADD CONSTRAINT uk_account_owner_id_name UNIQUE (owner_id, name);
-- inverse: drop unique constraint uk_account_owner_id_name on account
ALTER TABLE account DROP INDEX uk_account_owner_id_name;
