-- revision: 003
-- down_revision: 002
-- message: Add project

CREATE TABLE project (
    id BIGINT NOT NULL,
    CONSTRAINT pk_project PRIMARY KEY (id)
);

/* qalab:downgrade
DROP TABLE project;
*/
