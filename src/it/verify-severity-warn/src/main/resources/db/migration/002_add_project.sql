-- revision: 002
-- down_revision: 001

CREATE TABLE project (id BIGINT NOT NULL);
