-- revision: 006
-- down_revision: 005
-- message: create table 6

CREATE TABLE t006 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t006 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t006;
*/
