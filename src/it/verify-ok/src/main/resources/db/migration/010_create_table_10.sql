-- revision: 010
-- down_revision: 009
-- message: create table 10

CREATE TABLE t010 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t010 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t010;
*/
