-- Firegrid schema, version 21: what a checklist item's legal bases are.
--
-- basis keeps the confirmed norms a venue breaches, which notices print;
-- basis_unverified the bases that could not be confirmed against the
-- primary text, never printed; reference the background (standards,
-- determination rules, inspectors' procedural rules, policy opinions),
-- shown with the item and never printed as a violated provision. All
-- three are JSON arrays of strings. Rows installed before this version
-- have NULL in the new columns and one mixed basis array: the program
-- sorts it when it reads them (fg-checklist.c), so that what an older
-- inspection prints follows the same rule.
--
-- kind says what a failure is: an order to the venue, or a task of the
-- township (never a hazard). na_allowed is 0 for a legal duty of every
-- venue, which cannot be marked not applicable.

ALTER TABLE checklist_item ADD COLUMN basis_unverified TEXT;
ALTER TABLE checklist_item ADD COLUMN reference TEXT;
ALTER TABLE checklist_item ADD COLUMN kind TEXT NOT NULL DEFAULT 'order'
  CHECK (kind IN ('order', 'township-task'));
ALTER TABLE checklist_item ADD COLUMN na_allowed INTEGER NOT NULL DEFAULT 1
  CHECK (na_allowed IN (0, 1));
