-- revision: 001
-- down_revision: none
-- message: Create tables

CREATE TABLE app_user (
    id BIGINT NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id)
);
CREATE TABLE account (
    id BIGINT NOT NULL,
    name VARCHAR(255),
    total NUMERIC(12, 2),
    owner_id BIGINT,
    legacy_code VARCHAR(20),
    CONSTRAINT pk_account PRIMARY KEY (id)
);
CREATE TABLE audit_log (id BIGINT NOT NULL);

/* qalab:downgrade
DROP TABLE audit_log;
DROP TABLE account;
DROP TABLE app_user;
*/
