-- revision: 001
-- down_revision: none
-- message: Create users and accounts

CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50 NOCACHE;
CREATE TABLE account (
    id BIGINT NOT NULL,
    owner_id BIGINT NOT NULL,
    name VARCHAR(100),
    number VARCHAR(34) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_account_number UNIQUE (number)
);
CREATE TABLE app_user (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(255) NOT NULL,
    status VARCHAR(20) DEFAULT 'new' NOT NULL,
    active BIT NOT NULL,
    level TINYINT,
    `rank` SMALLINT,
    logins INTEGER DEFAULT 0 NOT NULL,
    score FLOAT(23),
    ratio DOUBLE,
    balance DECIMAL(38,2),
    initial CHAR(1),
    bio LONGTEXT,
    avatar LONGBLOB,
    token VARBINARY(255),
    born DATE,
    wakes TIME(0),
    created DATETIME(6),
    seen DATETIME(6),
    external_id UUID,
    colour ENUM ('GREEN','RED'),
    `order` INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT uk_app_user_email UNIQUE (email)
);
CREATE INDEX ix_app_user_status_created ON app_user (status, created);
ALTER TABLE account ADD CONSTRAINT fk_account_owner_id FOREIGN KEY (owner_id) REFERENCES app_user (id);

/* qalab:downgrade
ALTER TABLE account DROP FOREIGN KEY fk_account_owner_id;
DROP INDEX IF EXISTS fk_account_owner_id ON account;
-- Data loss: drop table app_user destroys the data written since the upgrade.
DROP TABLE app_user;
-- Data loss: drop table account destroys the data written since the upgrade.
DROP TABLE account;
-- Drops sequence account_seq: its current value is lost.
DROP SEQUENCE account_seq;
*/
