-- Firegrid schema, version 17: each checklist item has a finding, the
-- violation as an inspector writes it (营业期间安全出口上锁), which notices
-- and the ledger print under 存在的问题 instead of the requirement the
-- item checks.
--
-- Installed versions never change (checklist_item_immutable), so the
-- items installed before findings existed keep none: their columns stay
-- NULL. An item's code keeps its meaning across versions and templates
-- (checklist-1.xsd), so such an item takes the finding of the newest
-- installed version of the same code; where no version of the code has
-- one (a template of the office's own, never given a finding), it reads
-- as "not as the item requires", quoting the requirement, rather than
-- stating the requirement as if it were the violation.
-- checklist_item_finding is the one place that rule is written.

ALTER TABLE checklist_item ADD COLUMN finding_zh TEXT;
ALTER TABLE checklist_item ADD COLUMN finding_en TEXT;

-- the newest finding of a code: one range of this index
CREATE INDEX checklist_item_code ON checklist_item (code, version, template_id);

CREATE VIEW checklist_item_finding AS
SELECT ci.template_id, ci.version, ci.code, ci.text_zh, ci.text_en,
       coalesce (ci.finding_zh,
                 (SELECT f.finding_zh FROM checklist_item f
                   WHERE f.code = ci.code AND f.finding_zh IS NOT NULL
                   ORDER BY f.version DESC, f.template_id LIMIT 1),
                 '不符合“' || ci.text_zh || '”的要求') AS finding_zh,
       coalesce (ci.finding_en,
                 (SELECT f.finding_en FROM checklist_item f
                   WHERE f.code = ci.code AND f.finding_en IS NOT NULL
                   ORDER BY f.version DESC, f.template_id LIMIT 1),
                 'Not as required: ' || ci.text_en) AS finding_en
  FROM checklist_item ci;
