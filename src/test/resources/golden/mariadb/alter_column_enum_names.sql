-- alter column alarm.level
ALTER TABLE alarm MODIFY COLUMN level VARCHAR(255);
UPDATE alarm SET level = CASE level WHEN '0' THEN 'LOW' WHEN '1' THEN 'HIGH' ELSE level END;
ALTER TABLE alarm MODIFY COLUMN level ENUM ('HIGH','LOW');
-- inverse: alter column alarm.level
ALTER TABLE alarm MODIFY COLUMN level VARCHAR(255);
UPDATE alarm SET level = CASE level WHEN 'LOW' THEN '0' WHEN 'HIGH' THEN '1' ELSE level END;
ALTER TABLE alarm MODIFY COLUMN level SMALLINT;
