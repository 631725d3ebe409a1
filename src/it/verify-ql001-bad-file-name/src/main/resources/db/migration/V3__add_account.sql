-- revision: 003
-- down_revision: 002
-- message: add account

CREATE TABLE t003 (
    id BIGINT NOT NULL,
    CONSTRAINT pk_t003 PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE t003;
*/
