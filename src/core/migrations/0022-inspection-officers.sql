-- Firegrid schema, version 22: an inspection by two officers, each with
-- the number of their enforcement certificate (执法证号).
--
-- The number belongs to the person's account, which stays with the office
-- whose people they are. An inspection keeps the numbers both inspectors
-- held when it was finished, so that its record prints them, and so that
-- they travel with it to the county in a bundle. An inspection finished
-- before this version, or by one person, leaves the second inspector NULL.

ALTER TABLE account ADD COLUMN certificate TEXT NOT NULL DEFAULT '';

ALTER TABLE inspection ADD COLUMN inspector_certificate TEXT;
ALTER TABLE inspection ADD COLUMN second_inspector TEXT;            -- login
ALTER TABLE inspection ADD COLUMN second_inspector_name TEXT;
ALTER TABLE inspection ADD COLUMN second_inspector_certificate TEXT;
