-- revision: 003
-- down_revision: 002
-- message: Add invoice

CREATE TABLE invoice (
    id BIGINT NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE invoice;
*/
