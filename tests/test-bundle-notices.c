/* test-bundle-notices.c — documents (文书) in the bundles from townships to their county
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A township issues documents, voids one, records the service of others
 * and sends its county a bundle: the county lists them as the township
 * does, tells a genuine paper copy from a voided or altered one, and
 * holds the numbers of several townships side by side. A county never
 * writes a document: a bundle of its own that carries one is refused.
 * What is written, or not, is read back with sqlite3 directly.
 */
#include <string.h>

#include "fg-bundle-test-util.h"

typedef struct
{
  Office county;
  Office township;
  char *files;
} Fixture;

/* A township office: its administrator inspects a restaurant in its
 * first grid, which fails four ordinary items. */
static void
township_init (Office     *o,
               const char *code,
               const char *name,
               const char *admin_login)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgAccount) colleague = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *village_code = g_strconcat (code, "201", NULL);
  GListModel *items;
  guint failed = 0;

  fg_test_dir_init (&o->dir);
  o->store = fg_office_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (o->store, code, name, "郏县", admin_login, "张伟", PASSWORD, &error);
  g_assert_no_error (error);
  o->actor = fg_account_login (o->store, admin_login, PASSWORD, &error);
  g_assert_no_error (error);

  village = fg_region_add_village (o->store, o->actor, code, village_code, "李庄村", &error);
  g_assert_no_error (error);
  grid = fg_region_add_grid (o->store, o->actor, fg_region_get_id (village), "第一网格", &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (o->store, o->actor, venue, &error);
  g_assert_no_error (error);
  o->venue_id = g_strdup (fg_venue_get_id (venue));

  /* two officers inspect, each with the number of their certificate */
  colleague = fg_account_create (o->store, o->actor, "li.ming", "李明", FG_ROLE_TOWNSHIP_STAFF, code, PASSWORD, &error);
  g_assert_no_error (error);
  fg_account_set_certificate (o->store, o->actor, admin_login, "41042526000011", &error);
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
  township_init (&f->township, "410425101", "冢头镇", "admin");
  trust (&f->county, &f->township);
  trust (&f->township, &f->county);
  f->files = g_dir_make_tmp ("firegrid-notices-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->county);
  office_clear (&f->township);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

static const char *
hazard (Office *o,
        guint   i)
{
  return g_ptr_array_index (o->hazard_ids, i);
}

/* Reading the databases behind the store's back */

/* The documents, every column but the local row number, and the hazards
 * they name: the same at every office that holds them. */
static char *
dump_notices (Office *o)
{
  g_autofree char *notices = rows (o,
                                   "SELECT n.id, n.kind, r.code, n.year, n.number_seq, n.number, n.venue_id,"
                                   "  n.inspection_id, n.follows_id, n.issued_on, n.issued_at, n.actor, n.actor_name,"
                                   "  n.deadline, n.content, n.digest, n.voided_at, n.voided_by, n.void_reason,"
                                   "  n.void_stamp, n.served_at, n.service, n.service_stamp, n.origin_node, n.stamp"
                                   " FROM notice n JOIN region r ON r.id = n.township_id ORDER BY n.id", NULL);
  g_autofree char *links = rows (o, "SELECT notice_id, hazard_id, position FROM notice_hazard"
                                    " ORDER BY notice_id, position", NULL);

  return g_strconcat (notices, "--\n", links, NULL);
}

/* Documents */

static FgNotice *
issue (Office             *o,
       FgNoticeKind        kind,
       const char * const *hazard_ids,
       const char         *follows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) later = g_date_new ();
  g_autofree char *deadline = NULL;
  FgNoticeRequest request = {
    .kind = kind,
    .hazard_ids = hazard_ids,
    .follows_id = follows,
    .inspection_id = kind == FG_NOTICE_KIND_INSPECTION_RECORD ? o->inspection_id : NULL,
  };
  FgNotice *notice;

  g_date_set_time_t (later, time (NULL));
  g_date_add_days (later, 20);
  deadline = fg_calendar_format_date (later);
  if (kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    request.deadline = deadline;

  notice = fg_notice_issue (o->store, o->actor, &request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static FgNotice *
issue_order (Office       *o,
             FgNoticeKind  kind,
             guint         hazard_index)
{
  const char *ids[] = { hazard (o, hazard_index), NULL };

  return issue (o, kind, ids, NULL);
}

static FgNotice *
load_notice (Office     *o,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  FgNotice *notice = fg_notice_load (o->store, o->actor, id, &error);

  g_assert_no_error (error);
  return notice;
}

static FgNoticeVerdict
verify (Office     *o,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  FgNoticeVerdict verdict = fg_notice_verify (o->store, o->actor, code, NULL, &error);

  g_assert_no_error (error);
  return verdict;
}

/* A document as the county lists it is the document as the township
 * holds it. */
static void
assert_same_notice (FgNotice *at_county,
                    FgNotice *at_township)
{
  const char * const *county_hazards = fg_notice_get_hazard_ids (at_county);
  const char * const *township_hazards = fg_notice_get_hazard_ids (at_township);

  g_assert_cmpstr (fg_notice_get_id (at_county), ==, fg_notice_get_id (at_township));
  g_assert_cmpstr (fg_notice_get_number (at_county), ==, fg_notice_get_number (at_township));
  g_assert_cmpint (fg_notice_get_kind (at_county), ==, fg_notice_get_kind (at_township));
  g_assert_cmpstr (fg_notice_get_venue_id (at_county), ==, fg_notice_get_venue_id (at_township));
  g_assert_cmpstr (fg_notice_get_venue_name (at_county), ==, "老王烧烤");
  g_assert_cmpstr (fg_notice_get_village_name (at_county), ==, "李庄村");
  g_assert_cmpstr (fg_notice_get_inspection_id (at_county), ==, fg_notice_get_inspection_id (at_township));
  g_assert_cmpstr (fg_notice_get_follows_id (at_county), ==, fg_notice_get_follows_id (at_township));
  g_assert_cmpstr (fg_notice_get_issued_on (at_county), ==, fg_notice_get_issued_on (at_township));
  g_assert_cmpstr (fg_notice_get_actor_name (at_county), ==, "张伟");
  g_assert_cmpstr (fg_notice_get_deadline (at_county), ==, fg_notice_get_deadline (at_township));
  g_assert_cmpstr (fg_notice_get_digest (at_county), ==, fg_notice_get_digest (at_township));
  g_assert_true (g_variant_equal (fg_notice_get_content (at_county), fg_notice_get_content (at_township)));
  g_assert_cmpint (fg_notice_get_voided (at_county), ==, fg_notice_get_voided (at_township));
  g_assert_cmpstr (fg_notice_get_void_reason (at_county), ==, fg_notice_get_void_reason (at_township));
  g_assert_cmpint (fg_notice_get_service (at_county), ==, fg_notice_get_service (at_township));
  g_assert_cmpstr (fg_notice_get_served_at (at_county), ==, fg_notice_get_served_at (at_township));
  g_assert_cmpuint (g_strv_length ((char **) county_hazards), ==, g_strv_length ((char **) township_hazards));
  for (guint i = 0; township_hazards[i] != NULL; i++)
    g_assert_cmpstr (county_hazards[i], ==, township_hazards[i]);
}

/* 1. What the township issued, voided and served, the county sees and
 * verifies; two bundles in either order, or twice, leave the same rows. */
static void
test_notices_to_county (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = file_path (f, "up-1.xml");
  g_autofree char *second = file_path (f, "up-2.xml");
  g_autofree char *third = file_path (f, "up-3.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autoptr(FgNotice) order = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autoptr(FgNotice) wrong = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_NOW, 1);
  g_autoptr(FgNotice) reinspected = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 2);
  g_autoptr(FgNotice) record = issue (&f->township, FG_NOTICE_KIND_INSPECTION_RECORD, NULL, NULL);
  g_autoptr(FgNotice) opinion = NULL;
  g_autoptr(FgNotice) later = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *order_code = NULL;
  g_autofree char *wrong_code = NULL;
  g_autofree char *altered = NULL;
  g_autofree char *wrong_check = NULL;
  g_autofree char *at_township = NULL;
  g_autofree char *at_county = NULL;
  g_autofree char *at_clone = NULL;
  g_autofree char *expected = NULL;
  Office clone = { 0 };
  FgBundleReport report;
  int year;

  report = export_ok (&f->township, &f->county, first);
  /* the county before it imported anything, for the other order */
  clone_office (&f->county, &clone);
  clone.actor = fg_account_login (clone.store, "guo", PASSWORD, &error);
  g_assert_no_error (error);

  /* then: one voided, two served (one refused), one re-inspected */
  g_assert_true (fg_notice_void (f->township.store, f->township.actor, wrong, "送达对象错误，应为经营者本人", &error));
  g_assert_no_error (error);
  g_assert_true (fg_notice_record_service (f->township.store, f->township.actor, order, FG_NOTICE_SERVICE_SERVED,
                                           "王建国", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (fg_notice_record_service (f->township.store, f->township.actor, record, FG_NOTICE_SERVICE_REFUSED,
                                           NULL, NULL, "经营者拒绝签收", &error));
  g_assert_no_error (error);
  {
    g_autoptr(FgHazard) fixed = fg_hazard_load (f->township.store, f->township.actor, hazard (&f->township, 2), &error);

    g_assert_no_error (error);
    fg_hazard_add_event (f->township.store, f->township.actor, fixed, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, &error);
    g_assert_no_error (error);
  }
  opinion = issue (&f->township, FG_NOTICE_KIND_REINSPECTION, NULL, fg_notice_get_id (reinspected));
  report = export_ok (&f->township, &f->county, second);

  /* a correctly signed bundle is input like the keyboard: a certificate
   * number no account could hold is refused, and nothing is written */
  {
    g_autofree char *text = NULL;
    g_autofree char *changed = NULL;
    g_autofree char *forged = file_path (f, "long-certificate.xml");

    g_assert_true (g_file_get_contents (first, &text, NULL, &error));
    changed = replace_once (text, "second-inspector-certificate=\"41042526000012\"",
                            "second-inspector-certificate=\"41042526000012410425260000124104252600\"");
    write_signed (&f->township, changed, forged);
    import_refused (&f->county, forged, FG_BUNDLE_ERROR_MALFORMED);
  }

  /* in order */
  report = import_ok (&f->county, first);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice", NULL), ==, 4);
  /* the inspection came with both officers and their certificate numbers,
   * and the county's copy of the record prints them */
  {
    g_autofree char *officers = query_text (&f->county,
                                            "SELECT inspector_certificate || ' ' || second_inspector || ' '"
                                            "  || second_inspector_name || ' ' || second_inspector_certificate"
                                            " FROM inspection WHERE id = ?1",
                                            f->township.inspection_id);
    g_autoptr(FgNotice) copy = fg_notice_load (f->county.store, f->county.actor, fg_notice_get_number (record),
                                               &error);
    g_autoptr(GVariant) listed_officers = NULL;
    const char *name = NULL, *number = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (officers, ==, "41042526000011 li.ming 李明 41042526000012");
    listed_officers = g_variant_lookup_value (fg_notice_get_content (copy), "officers", G_VARIANT_TYPE ("a(ss)"));
    g_assert_nonnull (listed_officers);
    g_assert_cmpuint (g_variant_n_children (listed_officers), ==, 2);
    g_variant_get_child (listed_officers, 1, "(&s&s)", &name, &number);
    g_assert_cmpstr (name, ==, "李明");
    g_assert_cmpstr (number, ==, "41042526000012");
  }
  report = import_ok (&f->county, second);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice", NULL), ==, 5);
  g_assert_cmpuint (report.changed, >=, 3);  /* a voiding, two services */

  /* the county lists them as the township holds them */
  listed = fg_notice_list (f->county.store, f->county.actor, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 5);
  for (guint i = 0; i < listed->len; i++)
    {
      FgNotice *notice = g_ptr_array_index (listed, i);
      g_autoptr(FgNotice) issued = load_notice (&f->township, fg_notice_get_id (notice));

      assert_same_notice (notice, issued);
    }
  {
    g_autoptr(FgNotice) voided = load_notice (&f->county, fg_notice_get_number (wrong));
    g_autoptr(FgNotice) served = load_notice (&f->county, fg_notice_get_number (order));
    g_autoptr(FgNotice) refused = load_notice (&f->county, fg_notice_get_number (record));
    g_autoptr(FgNotice) follows = load_notice (&f->county, fg_notice_get_number (opinion));
    const char * const *named = fg_notice_get_hazard_ids (served);

    g_assert_true (fg_notice_get_voided (voided));
    g_assert_cmpstr (fg_notice_get_void_reason (voided), ==, "送达对象错误，应为经营者本人");
    g_assert_cmpint (fg_notice_get_service (served), ==, FG_NOTICE_SERVICE_SERVED);
    g_assert_nonnull (fg_notice_get_served_at (served));
    g_assert_cmpuint (g_strv_length ((char **) named), ==, 1);
    g_assert_cmpstr (named[0], ==, hazard (&f->township, 0));
    g_assert_cmpint (fg_notice_get_service (refused), ==, FG_NOTICE_SERVICE_REFUSED);
    g_assert_cmpstr (fg_notice_get_follows_id (follows), ==, fg_notice_get_id (reinspected));
  }

  /* paper copies checked at the county: genuine, voided, altered */
  order_code = fg_notice_dup_code (order);
  wrong_code = fg_notice_dup_code (wrong);
  g_assert_cmpint (verify (&f->county, order_code), ==, FG_NOTICE_GENUINE);
  g_assert_cmpint (verify (&f->county, wrong_code), ==, FG_NOTICE_VOIDED);
  wrong_check = fg_notice_dup_check_code (wrong);
  altered = g_strdup_printf ("%s %s", fg_notice_get_number (order), wrong_check);
  g_assert_cmpint (verify (&f->county, altered), ==, FG_NOTICE_ALTERED);

  /* and printed again from what was issued */
  {
    g_autoptr(GPtrArray) reprint = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GBytes) pdf = NULL;

    g_ptr_array_add (reprint, load_notice (&f->county, fg_notice_get_id (order)));
    pdf = fg_notice_render (f->county.store, f->county.actor, reprint, &error);
    if (pdf == NULL)
      {
        g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
        g_test_message ("no reprint: %s", error->message);
        g_clear_error (&error);
      }
    else
      {
        g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
      }
  }

  /* the other order: the older bundle undoes nothing of the newer */
  report = import_ok (&clone, second);
  report = import_ok (&clone, first);
  g_assert_cmpuint (report.changed, ==, 0);
  g_assert_cmpuint (report.conflicts, ==, 0);
  at_township = dump_notices (&f->township);
  at_county = dump_notices (&f->county);
  at_clone = dump_notices (&clone);
  g_assert_cmpstr (at_county, ==, at_township);
  g_assert_cmpstr (at_clone, ==, at_county);
  {
    g_autofree char *states_county = rows (&f->county, "SELECT id, state FROM hazard ORDER BY id", NULL);
    g_autofree char *states_clone = rows (&clone, "SELECT id, state FROM hazard ORDER BY id", NULL);
    g_autofree char *states_township = rows (&f->township, "SELECT id, state FROM hazard ORDER BY id", NULL);

    g_assert_cmpstr (states_county, ==, states_township);
    g_assert_cmpstr (states_clone, ==, states_township);
  }

  /* twice: nothing changes */
  import_refused (&f->county, second, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  import_refused (&clone, first, FG_BUNDLE_ERROR_ALREADY_IMPORTED);

  /* the documents do not go back down: they are the township's (the county
   * sends its own county's row, which the township matches by its code) */
  if (fg_bundle_export (f->county.store, f->county.actor, node_id (&f->township), down, NULL, NULL, &error))
    {
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (down, &text, NULL, NULL));
      g_assert_null (strstr (text, "<notice"));
    }
  else
    {
      g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
      g_clear_error (&error);
    }

  /* the township's numbers go on where they were */
  later = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 3);
  {
    g_autoptr(GDate) today = g_date_new ();

    g_date_set_time_t (today, time (NULL));
    year = g_date_get_year (today);
  }
  expected = g_strdup_printf ("冢头消限字〔%d〕第0003号", year);
  g_assert_cmpstr (fg_notice_get_number (later), ==, expected);
  export_ok (&f->township, &f->county, third);
  report = import_ok (&f->county, third);
  g_assert_cmpuint (report.added, >=, 1);
  {
    g_autoptr(FgNotice) arrived = load_notice (&f->county, expected);

    g_assert_cmpstr (fg_notice_get_id (arrived), ==, fg_notice_get_id (later));
  }
  g_clear_pointer (&at_township, g_free);
  g_clear_pointer (&at_county, g_free);
  at_township = dump_notices (&f->township);
  at_county = dump_notices (&f->county);
  g_assert_cmpstr (at_county, ==, at_township);

  office_clear (&clone);
}

/* 2. A county holds the numbers of several townships side by side, even
 * two townships that print the same number. */
static void
test_notices_townships (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = file_path (f, "zhongtou.xml");
  g_autofree char *second = file_path (f, "xuedian.xml");
  g_autofree char *third = file_path (f, "zhongtou-xiang.xml");
  g_autoptr(FgNotice) ours = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autoptr(FgNotice) theirs = NULL;
  g_autoptr(FgNotice) clash = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_code = NULL;
  g_autofree char *theirs_code = NULL;
  g_autofree char *clash_code = NULL;
  Office xuedian = { 0 };
  Office namesake = { 0 };

  township_init (&xuedian, "410425102", "薛店镇", "xuedian");
  trust (&f->county, &xuedian);
  trust (&xuedian, &f->county);
  theirs = issue_order (&xuedian, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_assert_true (g_str_has_prefix (fg_notice_get_number (theirs), "薛店消限字"));
  g_assert_true (g_str_has_suffix (fg_notice_get_number (theirs), "第0001号"));
  g_assert_true (g_str_has_suffix (fg_notice_get_number (ours), "第0001号"));

  export_ok (&f->township, &f->county, first);
  export_ok (&xuedian, &f->county, second);
  import_ok (&f->county, first);
  import_ok (&f->county, second);

  listed = fg_notice_list (f->county.store, f->county.actor, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (count (&f->county, "SELECT count(DISTINCT township_id) FROM notice WHERE number_seq = 1", NULL), ==,
                   2);
  ours_code = fg_notice_dup_code (ours);
  theirs_code = fg_notice_dup_code (theirs);
  g_assert_cmpint (verify (&f->county, ours_code), ==, FG_NOTICE_GENUINE);
  g_assert_cmpint (verify (&f->county, theirs_code), ==, FG_NOTICE_GENUINE);

  /* 冢头乡 numbers its documents 冢头…, like 冢头镇: the county holds both,
   * and the check code tells them apart */
  township_init (&namesake, "410425103", "冢头乡", "namesake");
  trust (&f->county, &namesake);
  trust (&namesake, &f->county);
  clash = issue_order (&namesake, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_assert_cmpstr (fg_notice_get_number (clash), ==, fg_notice_get_number (ours));
  export_ok (&namesake, &f->county, third);
  import_ok (&f->county, third);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice", NULL), ==, 3);
  clash_code = fg_notice_dup_code (clash);
  g_assert_cmpstr (clash_code, !=, ours_code);
  {
    g_autoptr(FgNotice) found = NULL;

    g_assert_cmpint (fg_notice_verify (f->county.store, f->county.actor, ours_code, &found, &error), ==,
                     FG_NOTICE_GENUINE);
    g_assert_no_error (error);
    g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (ours));
    g_clear_object (&found);
    g_assert_cmpint (fg_notice_verify (f->county.store, f->county.actor, clash_code, &found, &error), ==,
                     FG_NOTICE_GENUINE);
    g_assert_no_error (error);
    g_assert_cmpstr (fg_notice_get_id (found), ==, fg_notice_get_id (clash));
  }

  /* the number alone names two documents: refused, with what to give,
   * in words a clerk follows (the command line adds its command) */
  g_assert_null (fg_notice_load (f->county.store, f->county.actor, fg_notice_get_number (ours), &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "check code printed under the QR code"));
  g_assert_null (strstr (error->message, "firegrid-cli"));
  g_assert_null (strstr (error->message, "--format"));
  g_clear_error (&error);
  {
    g_autoptr(FgNotice) by_id = fg_notice_load (f->county.store, f->county.actor, fg_notice_get_id (clash), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fg_notice_get_number (by_id), ==, fg_notice_get_number (ours));
  }

  office_clear (&xuedian);
  office_clear (&namesake);
}

/* 3. A county office writes supervision, never documents: a bundle of its
 * own that carries one, or voids one, is refused, and nothing written. */
static void
test_notices_county_may_not_write (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *voided = file_path (f, "voided.xml");
  g_autoptr(FgNotice) order = issue_order (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, 0);
  g_autofree char *stamp = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *code = fg_notice_dup_code (order);
  FgBundleReport report;

  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);

  /* a document "issued" at the county, under a number of its own */
  stamp = g_strdup_printf ("%015" G_GINT64_FORMAT "-00000-%s", g_get_real_time () / 1000 + 1000, node_id (&f->county));
  sql = g_strdup_printf ("INSERT INTO notice (id, kind, township_id, year, number_seq, number, venue_id, inspection_id,"
                         "  issued_on, issued_at, actor, actor_name, deadline, content, digest, origin_node, stamp)"
                         " SELECT '01900000-0000-7000-8000-000000000099', kind, township_id, year, 99,"
                         "   '郏县消限字〔' || year || '〕第0099号', venue_id, inspection_id, issued_on, issued_at,"
                         "   'guo', '郭晓东', deadline, content, digest, '%s', '%s' FROM notice WHERE id = '%s'",
                         node_id (&f->county), stamp, fg_notice_get_id (order));
  execute (&f->county, sql);
  report = export_ok (&f->county, &f->township, forged);
  g_assert_cmpuint (report.added, >=, 1);
  import_refused (&f->township, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM notice", NULL), ==, 1);

  /* the township's document "voided" at the county */
  g_clear_pointer (&sql, g_free);
  g_clear_pointer (&stamp, g_free);
  stamp = g_strdup_printf ("%015" G_GINT64_FORMAT "-00001-%s", g_get_real_time () / 1000 + 1000, node_id (&f->county));
  sql = g_strdup_printf ("UPDATE notice SET voided_at = '2026-01-01T08:00:00+08:00', voided_by = 'guo',"
                         " void_reason = '县里作废', void_stamp = '%s' WHERE id = '%s'",
                         stamp, fg_notice_get_id (order));
  execute (&f->county, sql);
  export_ok (&f->county, &f->township, voided);
  import_refused (&f->township, voided, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_assert_cmpint (verify (&f->township, code), ==, FG_NOTICE_GENUINE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/notices/to-county", Fixture, NULL, fixture_set_up, test_notices_to_county, fixture_tear_down);
  g_test_add ("/bundle/notices/townships", Fixture, NULL, fixture_set_up, test_notices_townships, fixture_tear_down);
  g_test_add ("/bundle/notices/county-may-not-write", Fixture, NULL, fixture_set_up,
              test_notices_county_may_not_write, fixture_tear_down);

  return g_test_run ();
}
