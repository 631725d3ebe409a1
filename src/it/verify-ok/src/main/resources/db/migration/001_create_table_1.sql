-- revision: 001
-- down_revision: none
-- message: create table 1

CREATE TABLE t001 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t001 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t001;
*/
