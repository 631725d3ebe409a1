-- revision: 001
-- down_revision: none
-- message: Create invoice

CREATE TABLE invoice (
    id BIGINT NOT NULL,
    number VARCHAR(20),
    legacy_code VARCHAR(40) NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE invoice;
*/
