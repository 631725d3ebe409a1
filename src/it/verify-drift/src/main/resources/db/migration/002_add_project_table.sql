-- revision: 002
-- down_revision: 001
-- message: Add project table

CREATE SEQUENCE project_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE project (
    id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    description VARCHAR(255),
    owner_id BIGINT NOT NULL,
    CONSTRAINT pk_project PRIMARY KEY (id)
);
ALTER TABLE project ADD CONSTRAINT fk_project_owner FOREIGN KEY (owner_id) REFERENCES app_user (id);

/* qalab:downgrade
DROP TABLE project;
DROP SEQUENCE project_seq;
*/
