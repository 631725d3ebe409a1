-- revision: 007
-- down_revision: 006
-- message: create table 7

CREATE TABLE t007 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t007 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t007;
*/
