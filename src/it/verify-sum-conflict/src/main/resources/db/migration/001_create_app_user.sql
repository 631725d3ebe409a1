-- revision: 001
-- down_revision: none
-- message: Create app user

CREATE TABLE app_user (
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE app_user;
*/
