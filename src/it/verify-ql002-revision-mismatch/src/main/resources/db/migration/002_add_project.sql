-- revision: 003
-- down_revision: 001
-- message: add project

CREATE TABLE t002 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t002 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t002;
*/
