-- revision: 001
-- down_revision: none
-- message: create app user

CREATE TABLE t001 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t001 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t001;
*/
