/* test-node-replace.c — one installation of a township issues its documents
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two installations of one township that both issued documents gave them
 * the same numbers, and their county then refused the second one's
 * bundles whole. The rule: the office issues them; a second working
 * laptop is a workstation, which numbers none; a laptop that replaces a
 * lost office takes over at the county (peer replace), continuing after
 * the highest numbers the county has seen, and the lost one's bundles are
 * refused from then on, saying it was replaced.
 */
#include <string.h>

#include "fg-bundle-test-util.h"

typedef struct
{
  Office county;
  Office office;   /* 冢头镇's office */
  Office second;   /* another installation of 冢头镇 */
  char *files;
} Fixture;

/* A township installation of 冢头镇: its administrator and a colleague,
 * both with certificates, inspect a restaurant in its first grid, which
 * fails four ordinary items. */
static void
township_init (Office *o)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgAccount) colleague = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint failed = 0;

  fg_test_dir_init (&o->dir);
  o->store = fg_office_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (o->store, "410425101", "冢头镇", "郏县", "admin", "张伟", PASSWORD,
                                                &error);
  g_assert_no_error (error);
  o->actor = fg_account_login (o->store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  village = fg_region_add_village (o->store, o->actor, "410425101", "410425101201", "李庄村", &error);
  g_assert_no_error (error);
  grid = fg_region_add_grid (o->store, o->actor, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (o->store, o->actor, venue, &error);
  g_assert_no_error (error);
  o->venue_id = g_strdup (fg_venue_get_id (venue));

  colleague = fg_account_create (o->store, o->actor, "li.ming", "李明", FG_ROLE_TOWNSHIP_STAFF, "410425101", PASSWORD,
                                 &error);
  g_assert_no_error (error);
  fg_account_set_certificate (o->store, o->actor, "admin", "41042526000011", &error);
  g_assert_no_error (error);
  fg_account_set_certificate (o->store, o->actor, "li.ming", "41042526000012", &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (o->store, o->actor, o->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  fg_inspection_set_second_inspector (o->store, o->actor, inspection, "li.ming", &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = failed < 4 && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

      failed += fail;
      fg_inspection_record (o->store, o->actor, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? "现场检查发现" : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (o->store, o->actor, inspection, &error);
  g_assert_no_error (error);
  o->inspection_id = g_strdup (fg_inspection_get_id (inspection));

  hazards = fg_hazard_list_for_inspection (o->store, o->actor, o->inspection_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 4);
  o->hazard_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < hazards->len; i++)
    g_ptr_array_add (o->hazard_ids, g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, i))));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  county_init (&f->county);
  township_init (&f->office);
  township_init (&f->second);
  introduce (&f->county, &f->office);
  f->files = g_dir_make_tmp ("firegrid-replace-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->county);
  office_clear (&f->office);
  office_clear (&f->second);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

/* An order to correct by a deadline 20 days away, or at once, for the
 * hazard @index of @o's inspection. */
static FgNotice *
try_issue (Office        *o,
           FgNoticeKind   kind,
           guint          index,
           GError       **error)
{
  g_autoptr(GDate) later = g_date_new ();
  g_autofree char *deadline = NULL;
  const char *ids[] = { g_ptr_array_index (o->hazard_ids, index), NULL };
  FgNoticeRequest request = { .kind = kind, .hazard_ids = ids };

  g_date_set_time_t (later, time (NULL));
  g_date_add_days (later, 20);
  deadline = fg_calendar_format_date (later);
  if (kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    request.deadline = deadline;
  return fg_notice_issue (o->store, o->actor, &request, error);
}

static FgNotice *
issue (Office       *o,
       FgNoticeKind  kind,
       guint         index)
{
  g_autoptr(GError) error = NULL;
  FgNotice *notice = try_issue (o, kind, index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static void
set_role (Office     *o,
          FgNodeRole  role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fg_node_set_role (o->store, o->actor, role, &error));
  g_assert_no_error (error);
}

/* @o's peer file, read as the other office reads it. */
static FgNodeInfo *
peer_file_of (Office *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = fg_node_write_peer_file (o->store, o->actor, &error);
  FgNodeInfo *info;

  g_assert_no_error (error);
  info = fg_node_read_peer_file (bytes, &error);
  g_assert_no_error (error);
  return info;
}

/* 0. The trouble, as it was: a county that trusted two offices of one
 * township (a database paired before the rule) got the same number from
 * both, and refused the second one's bundle whole. Now the county does
 * not pair the second office at all. */
static void
test_replace_two_offices (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = file_path (f, "office.xml");
  g_autofree char *second = file_path (f, "second.xml");
  g_autoptr(FgNodeInfo) file = peer_file_of (&f->second);
  g_autoptr(FgNotice) ours = issue (&f->office, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autoptr(FgNotice) theirs = issue (&f->second, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_cmpstr (fg_notice_get_number (ours), ==, fg_notice_get_number (theirs));

  g_assert_false (fg_node_add_peer (f->county.store, f->county.actor, file, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_SECOND_OFFICE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "冢头镇"));
  g_assert_nonnull (strstr (error->message, "workstation"));
  g_assert_nonnull (strstr (error->message, "replace"));
  g_clear_error (&error);

  /* nor do two offices of the township pair with each other */
  {
    g_autoptr(FgNodeInfo) office_file = peer_file_of (&f->office);

    g_assert_false (fg_node_add_peer (f->second.store, f->second.actor, office_file, &error));
    g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_SECOND_OFFICE);
    g_clear_error (&error);
  }

  /* behind the store's back, as before the rule */
  sql = g_strdup_printf ("INSERT INTO peer (id, kind, scope_code, scope_name, public_key, added_at, added_by)"
                         " VALUES ('%s', 'township', '%s', '%s', '%s', '2026-01-01T00:00:00+08:00', 'guo')",
                         file->id, file->scope_code, file->scope_name, file->public_key);
  execute (&f->county, sql);
  trust (&f->second, &f->county);
  export_ok (&f->office, &f->county, first);
  export_ok (&f->second, &f->county, second);
  import_ok (&f->county, first);
  import_refused (&f->county, second, FG_BUNDLE_ERROR_NUMBER_TAKEN);
}

/* 1. A second working laptop is a workstation: its peer file says so,
 * it pairs with the office and the county, it records inspections and
 * hazards the county takes, and it issues no document. */
static void
test_replace_workstation (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *bundle = file_path (f, "workstation.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autoptr(FgNodeInfo) file = NULL;
  g_autoptr(FgNodeInfo) office = peer_file_of (&f->office);
  g_autoptr(FgNotice) issued = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  const char *role = NULL;

  g_assert_cmpint (office->role, ==, FG_NODE_ROLE_OFFICE);
  g_assert_null (fg_node_get_role_label (office));
  set_role (&f->second, FG_NODE_ROLE_WORKSTATION);
  bytes = fg_node_write_peer_file (f->second.store, f->second.actor, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "role=\"workstation\""));
  file = fg_node_read_peer_file (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file->role, ==, FG_NODE_ROLE_WORKSTATION);
  g_assert_nonnull (fg_node_get_role_label (file));

  /* it pairs with the county beside the office, and with the office */
  g_assert_true (fg_node_add_peer (f->county.store, f->county.actor, file, &error));
  g_assert_no_error (error);
  trust (&f->second, &f->county);
  introduce (&f->office, &f->second);
  peers = fg_node_list_peers (f->county.store, f->county.actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peers->len, ==, 2);
  for (guint i = 0; i < peers->len; i++)
    {
      FgNodeInfo *peer = g_ptr_array_index (peers, i);

      if (g_str_equal (peer->id, file->id))
        role = fg_node_role_to_string (peer->role);
    }
  g_assert_cmpstr (role, ==, "workstation");

  /* it issues nothing, and says where documents are issued */
  g_assert_null (try_issue (&f->second, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_WORKSTATION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "冢头镇"));
  g_assert_nonnull (strstr (error->message, office->fingerprint));
  g_clear_error (&error);
  g_assert_cmpint (count (&f->second, "SELECT count(*) FROM notice", NULL), ==, 0);

  /* the office issues, and the workstation holds its documents */
  issued = issue (&f->office, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  export_ok (&f->office, &f->second, bundle);
  import_ok (&f->second, bundle);
  g_assert_cmpint (count (&f->second, "SELECT count(*) FROM notice WHERE id = ?1", fg_notice_get_id (issued)), ==,
                   1);
  {
    g_autoptr(FgNotice) there = fg_notice_load (f->second.store, f->second.actor, fg_notice_get_id (issued), &error);

    g_assert_no_error (error);
    g_assert_false (fg_notice_void (f->second.store, f->second.actor, there, "写错了", &error));
    g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_WORKSTATION);
    g_clear_error (&error);
  }

  /* an office that issued stays the office; a workstation paired with
   * its county becomes the office only by the county's replace */
  g_assert_false (fg_node_set_role (f->office.store, f->office.actor, FG_NODE_ROLE_WORKSTATION, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (fg_node_set_role (f->second.store, f->second.actor, FG_NODE_ROLE_OFFICE, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_ROLE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* its inspections and hazards go to the county */
  g_remove (bundle);
  export_ok (&f->second, &f->county, bundle);
  import_ok (&f->county, bundle);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM inspection WHERE id = ?1", f->second.inspection_id), ==,
                   1);

  /* a document it wrote after all (its role changed behind the store's
   * back) refuses its bundle whole */
  execute (&f->second, "UPDATE node SET role = 'office'");
  g_clear_object (&issued);
  issued = issue (&f->second, FG_NOTICE_KIND_CORRECT_NOW, 1);
  execute (&f->second, "UPDATE node SET role = 'workstation'");
  export_ok (&f->second, &f->county, forged);
  import_refused (&f->county, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice WHERE id = ?1", fg_notice_get_id (issued)), ==, 0);
}

/* 2. The office's laptop is lost. A new installation, set up as a
 * workstation, takes over at the county: the lost one's later bundle is
 * refused, saying it was replaced and when; the county's next bundle makes
 * the new one the office, numbering after the county's highest. */
static void
test_replace_lost_office (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *late = file_path (f, "late.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *again = file_path (f, "again.xml");
  g_autoptr(FgNotice) first = issue (&f->office, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autoptr(FgNotice) second = issue (&f->office, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 1);
  g_autoptr(FgNotice) at_once = issue (&f->office, FG_NOTICE_KIND_CORRECT_NOW, 2);
  g_autoptr(FgNotice) lost = NULL;
  g_autoptr(FgNotice) next = NULL;
  g_autoptr(FgNotice) next_now = NULL;
  g_autoptr(FgNodeInfo) old = peer_file_of (&f->office);
  g_autoptr(FgNodeInfo) replacement = NULL;
  g_autoptr(FgNodeInfo) elsewhere = NULL;
  g_autoptr(FgAccount) reader = NULL;
  g_autoptr(FgActor) county_staff = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_true (g_str_has_suffix (fg_notice_get_number (second), "第0002号"));
  export_ok (&f->office, &f->county, up);
  import_ok (&f->county, up);

  /* the new laptop: a workstation until the county's bundle says otherwise */
  set_role (&f->second, FG_NODE_ROLE_WORKSTATION);
  trust (&f->second, &f->county);
  replacement = peer_file_of (&f->second);

  /* county staff may not, nor may a file of another township replace it */
  reader = fg_account_create (f->county.store, f->county.actor, "zhao", "赵敏", FG_ROLE_COUNTY, "410425", PASSWORD,
                              &error);
  g_assert_no_error (error);
  county_staff = fg_account_login (f->county.store, "zhao", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (fg_node_replace_peer (f->county.store, county_staff, old->id, replacement, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  elsewhere = fg_node_info_copy (replacement);
  g_free (elsewhere->scope_code);
  elsewhere->scope_code = g_strdup ("410425102000");
  g_assert_false (fg_node_replace_peer (f->county.store, f->county.actor, old->id, elsewhere, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE);
  g_clear_error (&error);
  g_assert_false (fg_node_replace_peer (f->county.store, f->county.actor, old->id, old, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_NOT_REPLACEABLE);
  g_clear_error (&error);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM peer WHERE replaced_by IS NOT NULL", NULL), ==, 0);

  g_assert_true (fg_node_replace_peer (f->county.store, f->county.actor, old->id, replacement, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM audit WHERE action = 'peer-replace' AND record_id = ?1",
                          replacement->id), ==, 1);
  peers = fg_node_list_peers (f->county.store, f->county.actor, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peers->len, ==, 1);
  g_assert_cmpstr (((FgNodeInfo *) g_ptr_array_index (peers, 0))->id, ==, replacement->id);
  g_assert_cmpint (((FgNodeInfo *) g_ptr_array_index (peers, 0))->role, ==, FG_NODE_ROLE_OFFICE);

  /* the lost laptop's later bundle: refused, saying it was replaced, when */
  lost = issue (&f->office, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 3);
  export_ok (&f->office, &f->county, late);
  today = g_date_time_format (now, "%Y-%m-%d");
  {
    g_autoptr(GError) refusal = NULL;

    g_assert_false (fg_bundle_import (f->county.store, f->county.actor, late, FALSE, NULL, NULL, &refusal));
    g_assert_error (refusal, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_REPLACED_SIGNER);
    g_test_message ("%s", refusal->message);
    g_assert_nonnull (strstr (refusal->message, "replaced"));
    g_assert_nonnull (strstr (refusal->message, today));
    g_assert_nonnull (strstr (refusal->message, "冢头镇"));
  }
  import_refused (&f->county, late, FG_BUNDLE_ERROR_REPLACED_SIGNER);
  /* nor is it paired again, or sent anything */
  g_assert_false (fg_node_add_peer (f->county.store, f->county.actor, old, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED);
  g_clear_error (&error);
  g_assert_false (fg_bundle_export (f->county.store, f->county.actor, old->id, down, NULL, NULL, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_REPLACED);
  g_clear_error (&error);

  /* until the county's bundle comes, the new one issues nothing */
  g_assert_null (try_issue (&f->second, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0, &error));
  g_assert_error (error, FG_NODE_ERROR, FG_NODE_ERROR_WORKSTATION);
  g_clear_error (&error);

  export_ok (&f->county, &f->second, down);
  import_ok (&f->second, down);
  {
    g_autoptr(FgNodeInfo) self = fg_node_get_self (f->second.store, f->second.actor, &error);

    g_assert_no_error (error);
    g_assert_cmpint (self->role, ==, FG_NODE_ROLE_OFFICE);
  }
  g_assert_cmpint (count (&f->second, "SELECT count(*) FROM audit WHERE action = 'node-take-over'", NULL), ==, 1);

  /* it continues after the highest numbers the county has seen */
  next = issue (&f->second, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_assert_true (g_str_has_suffix (fg_notice_get_number (next), "第0003号"));
  next_now = issue (&f->second, FG_NOTICE_KIND_CORRECT_NOW, 1);
  g_assert_true (g_str_has_suffix (fg_notice_get_number (next_now), "第0002号"));

  /* and the county takes them */
  export_ok (&f->second, &f->county, again);
  import_ok (&f->county, again);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice WHERE id = ?1", fg_notice_get_id (next)), ==, 1);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice WHERE id = ?1", fg_notice_get_id (lost)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/node-replace/two-offices", Fixture, NULL, fixture_set_up, test_replace_two_offices,
              fixture_tear_down);
  g_test_add ("/node-replace/workstation", Fixture, NULL, fixture_set_up, test_replace_workstation,
              fixture_tear_down);
  g_test_add ("/node-replace/lost-office", Fixture, NULL, fixture_set_up, test_replace_lost_office,
              fixture_tear_down);

  return g_test_run ();
}
