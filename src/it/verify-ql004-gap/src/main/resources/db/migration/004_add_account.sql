-- revision: 004
-- down_revision: 003
-- message: add account

CREATE TABLE t004 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t004 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t004;
*/
