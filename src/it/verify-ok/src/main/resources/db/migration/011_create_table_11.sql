-- revision: 011
-- down_revision: 010
-- message: create table 11

CREATE TABLE t011 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t011 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t011;
*/
