-- revision: 002
-- down_revision: 001
-- message: Add account table

CREATE TABLE account (
    id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    balance BIGINT,
    CONSTRAINT pk_account PRIMARY KEY (id)
);
ALTER TABLE account ADD CONSTRAINT fk_account_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);

/* qalab:downgrade
DROP TABLE account;
*/
