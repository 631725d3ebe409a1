-- revision: 008
-- down_revision: 007
-- message: create table 8

CREATE TABLE t008 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t008 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t008;
*/
