-- revision: 003
-- down_revision: 002
-- message: Add account table

CREATE TABLE account (
    id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE account;
*/
