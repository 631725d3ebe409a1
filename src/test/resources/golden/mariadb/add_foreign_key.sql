-- add foreign key fk_account_owner_id account[owner_id] -> app_user[id]
ALTER TABLE account ADD CONSTRAINT fk_account_owner_id FOREIGN KEY (owner_id) REFERENCES app_user (id);
-- inverse: drop foreign key fk_account_owner_id on account
ALTER TABLE account DROP FOREIGN KEY fk_account_owner_id;
DROP INDEX IF EXISTS fk_account_owner_id ON account;
