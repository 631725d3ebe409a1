-- alter column alarm.level
ALTER TABLE alarm ALTER COLUMN level SET DATA TYPE VARCHAR(255);
UPDATE alarm SET level = CASE level WHEN '0' THEN 'LOW' WHEN '1' THEN 'HIGH' ELSE level END;
ALTER TABLE alarm ALTER COLUMN level SET DATA TYPE ENUM ('HIGH','LOW');
-- inverse: alter column alarm.level
ALTER TABLE alarm ALTER COLUMN level SET DATA TYPE VARCHAR(255);
UPDATE alarm SET level = CASE level WHEN 'LOW' THEN '0' WHEN 'HIGH' THEN '1' ELSE level END;
ALTER TABLE alarm ALTER COLUMN level SET DATA TYPE SMALLINT;
