-- revision: 009
-- down_revision: 008
-- message: create table 9

CREATE TABLE t009 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t009 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t009;
*/
