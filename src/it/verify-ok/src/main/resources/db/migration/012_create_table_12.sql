-- revision: 012
-- down_revision: 011
-- message: create table 12

CREATE TABLE t012 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t012 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t012;
*/
