-- revision: 001
-- down_revision: none
-- message: Create app user

CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE app_user (
    id BIGINT NOT NULL,
    email VARCHAR(255) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uk_app_user_email UNIQUE (email)
);

/* qalab:downgrade
DROP TABLE app_user;
DROP SEQUENCE app_user_seq;
*/
