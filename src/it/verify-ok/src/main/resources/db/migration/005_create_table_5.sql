-- revision: 005
-- down_revision: 004
-- message: create table 5

CREATE TABLE t005 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t005 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t005;
*/
