-- revision: 002
-- down_revision: 001

CREATE TABLE half_done (id BIGINT NOT NULL);
INSERT INTO no_such_table (id) VALUES (1);

/* qalab:downgrade
DROP TABLE half_done;
*/
