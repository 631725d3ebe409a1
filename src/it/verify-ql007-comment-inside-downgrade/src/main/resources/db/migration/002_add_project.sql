-- revision: 002
-- down_revision: 001

CREATE TABLE project (id BIGINT NOT NULL);

/* qalab:downgrade
DROP TABLE project; /* the table goes */
*/
