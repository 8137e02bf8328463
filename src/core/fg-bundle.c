/* fg-bundle.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is one XML file (data/schema/bundle-1.xsd, docs/bundles.md):
 * the rows one office changed or received since its last bundle to a peer,
 * photos as base64, and at the end an Ed25519 signature over every byte
 * before it. fg-bundle-write.c writes it, fg-bundle-read.c checks and reads
 * it, fg-bundle-merge.c merges its rows; documents and audit records travel
 * by fg-notice-bundle.c and fg-audit-bundle.c.
 *
 * This file holds what they all speak of: the tables a bundle carries and
 * the columns of each.
 */
#include "config.h"

#include "fg-bundle-private.h"

G_DEFINE_QUARK (fg-bundle-error-quark, fg_bundle_error)

/* The columns a bundle carries of each synced table */

static const char * const photo_columns[] = { "sha256", "mime_type", "size", "created_at", NULL };
static const char * const region_columns[] = {
  "id", "parent_id", "level", "code", "name", "code_year", "retired", "origin_node", "stamp", "base_stamp",
  "deleted", NULL
};
static const char * const campaign_columns[] = {
  "id", "township_id", "name", "starts_on", "ends_on", "focus", "created_at", "origin_node", "stamp", "base_stamp",
  "deleted", NULL
};
/* the venues a campaign is aimed at, inside its element */
static const char * const campaign_venue_columns[] = { "venue_id", NULL };
static const char * const campaign_id_column[] = { "campaign_id", NULL };
static const char * const venue_columns[] = {
  "id", "region_id", "name", "address", "categories", "operator_name", "phone", "credit_code", "floor_area",
  "floors", "sleeping", "key_unit", "smoke_alarm", "status", "created_at", "origin_node", "stamp", "base_stamp",
  "deleted", "smoke_alarm_count", "smoke_alarm_checked_on", "simple_extinguishing",
  "simple_extinguishing_checked_on", NULL
};
static const char * const inspection_columns[] = {
  "id", "venue_id", "kind", "campaign_id", "inspector", "inspector_name", "started_at", "finished_at", "note",
  "township_id", "village_id", "grid_id", "origin_node", "stamp", "deleted", "inspector_certificate",
  "second_inspector", "second_inspector_name", "second_inspector_certificate", NULL
};
static const char * const template_columns[] = { "position", "template_id", "version", NULL };
static const char * const result_columns[] = { "item_code", "outcome", "note", "recorded_at", NULL };
static const char * const inspection_photo_columns[] = { "item_code", "sha256", "added_at", NULL };
static const char * const hazard_columns[] = {
  "id", "venue_id", "inspection_id", "item_code", "template_id", "template_version", "grade", "deadline_days",
  "note", "found_at", "township_id", "village_id", "grid_id", "origin_node", "stamp", "deleted", NULL
};
static const char * const event_columns[] = {
  "id", "hazard_id", "kind", "at", "actor", "actor_name", "note", "deadline", "level", "target", "origin_node",
  "stamp", "notice_id", "decision_number", "decision_date", "decision_authority", NULL
};
static const char * const event_photo_columns[] = { "sha256", "position", NULL };
/* a document's content goes as an element of its own (see fg_notice_bundle_write_children()) */
static const char * const notice_columns[] = {
  "id", "kind", "township_id", "year", "number_seq", "number", "venue_id", "inspection_id", "follows_id",
  "issued_on", "issued_at", "actor", "actor_name", "deadline", "digest", "voided_at", "voided_by", "void_reason",
  "void_stamp", "served_at", "service", "service_stamp", "origin_node", "stamp", NULL
};
static const char * const notice_hazard_columns[] = { "hazard_id", "position", NULL };

/* An audit record's fields as the log keeps them; some go as elements of
 * their own (see fg-audit-bundle.c) */
static const char * const audit_columns[] = {
  "seq", "id", "at", "actor_login", "actor_kind", "action", "record_id", "outcome", "detail", "origin_node", "before",
  "after", "prev_hash", "hash", NULL
};

/* The venue row keeps the regions it lies in, from the region it names. */
static const char * const venue_path_columns[] = { "county_id", "township_id", "village_id", "grid_id", NULL };
/* the id of the row a child row's element lies in */
static const char * const inspection_id_column[] = { "inspection_id", NULL };
static const char * const event_id_column[] = { "event_id", NULL };
static const char * const notice_id_column[] = { "notice_id", NULL };
static const char * const content_column[] = { "content", NULL };      /* an element of its own, in base64 */
static const char * const photo_data_column[] = { "data", NULL };     /* the element's text, in base64 */
static const char * const audit_node_column[] = { "node_id", NULL };  /* the record's "node" attribute */

const FgBundleTableSpec fg_bundle_photos = {
  .table = "photo", .element = "photo", .columns = photo_columns, .other_columns = photo_data_column,
};
const FgBundleTableSpec fg_bundle_regions = { .table = "region", .element = "region", .columns = region_columns };
const FgBundleTableSpec fg_bundle_campaigns = {
  .table = "campaign", .element = "campaign", .columns = campaign_columns,
};
const FgBundleTableSpec fg_bundle_campaign_venues = {
  .table = "campaign_venue", .element = "target", .columns = campaign_venue_columns,
  .other_columns = campaign_id_column,
};
const FgBundleTableSpec fg_bundle_venues = {
  .table = "venue", .element = "venue", .columns = venue_columns, .other_columns = venue_path_columns,
};
const FgBundleTableSpec fg_bundle_inspections = {
  .table = "inspection", .element = "inspection", .columns = inspection_columns,
};
const FgBundleTableSpec fg_bundle_inspection_templates = {
  .table = "inspection_template", .element = "template", .columns = template_columns,
  .other_columns = inspection_id_column,
};
const FgBundleTableSpec fg_bundle_inspection_results = {
  .table = "inspection_result", .element = "result", .columns = result_columns,
  .other_columns = inspection_id_column,
};
const FgBundleTableSpec fg_bundle_inspection_photos = {
  .table = "inspection_photo", .element = "photo", .columns = inspection_photo_columns,
  .other_columns = inspection_id_column,
};
const FgBundleTableSpec fg_bundle_hazards = { .table = "hazard", .element = "hazard", .columns = hazard_columns };
const FgBundleTableSpec fg_bundle_events = { .table = "hazard_event", .element = "event", .columns = event_columns };
const FgBundleTableSpec fg_bundle_event_photos = {
  .table = "hazard_event_photo", .element = "photo", .columns = event_photo_columns,
  .other_columns = event_id_column,
};
const FgBundleTableSpec fg_bundle_notices = {
  .table = "notice", .element = "notice", .columns = notice_columns, .other_columns = content_column,
  .writer = FG_BUNDLE_NOTICE_WRITER ("t"),
};
const FgBundleTableSpec fg_bundle_notice_hazards = {
  .table = "notice_hazard", .element = "hazard", .columns = notice_hazard_columns,
  .other_columns = notice_id_column,
};
/* this office's log, and the records of others it keeps and passes on */
const FgBundleTableSpec fg_bundle_audit = { .table = "audit", .element = "audit", .columns = audit_columns };
const FgBundleTableSpec fg_bundle_audit_in = {
  .table = "audit_in", .element = "audit", .columns = audit_columns, .other_columns = audit_node_column,
};

/* Every table a bundle carries rows of, NULL-terminated: for the test
 * that holds their columns against the database's. */
const FgBundleTableSpec * const *
fg_bundle_table_specs (void)
{
  static const FgBundleTableSpec * const specs[] = {
    &fg_bundle_photos, &fg_bundle_regions, &fg_bundle_campaigns, &fg_bundle_campaign_venues, &fg_bundle_venues,
    &fg_bundle_inspections,
    &fg_bundle_inspection_templates, &fg_bundle_inspection_results, &fg_bundle_inspection_photos,
    &fg_bundle_hazards, &fg_bundle_events, &fg_bundle_event_photos, &fg_bundle_notices, &fg_bundle_notice_hazards,
    &fg_bundle_audit, &fg_bundle_audit_in, NULL,
  };

  return specs;
}

void
fg_bundle_info_free (FgBundleInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->sender);
  g_free (info->sender_name);
  g_free (info->receiver);
  g_free (info->previous);
  g_free (info->created_at);
  g_free (info->since);
  g_free (info->digest);
  g_free (info->takes_over);
  g_free (info);
}

char *
fg_bundle_column_list (const char         *prefix,
                       const char * const *columns)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (int i = 0; columns[i] != NULL; i++)
    g_string_append_printf (list, "%s%s%s", i > 0 ? ", " : "", prefix, columns[i]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}
