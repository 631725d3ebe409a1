-- revision: 001
-- down_revision: none
-- message: Create customer

CREATE TABLE customer (
    id BIGINT NOT NULL,
    email VARCHAR(255),
    CONSTRAINT pk_customer PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE customer;
*/
