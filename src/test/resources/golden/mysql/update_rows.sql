-- update ticket.priority to 'MEDIUM' where it holds 'HIGH'
UPDATE ticket SET priority = 'MEDIUM' WHERE priority IN ('HIGH');
-- inverse: note: rows of ticket whose priority the upgrade set to 'MEDIUM' keep that value
