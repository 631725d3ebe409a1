-- revision: 002
-- down_revision: 001
-- message: Nothing yet

-- TODO: add the project table

/* qalab:downgrade irreversible */
