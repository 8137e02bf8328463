/* test-bundle.c — signed sync bundles between two offices
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two installations of the same township (“office” A and “second office”
 * B, both made by fg_test_township_new: the same division codes under
 * other ids) learn each other from their peer files and send each other
 * bundles. What is written, or not, is read back with sqlite3 directly.
 */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fg-bundle-test-util.h"
#include "fg-store-private.h"

typedef struct
{
  Office a;
  Office b;
  char *files;  /* where bundles are written */
} Fixture;

/* test data: A and B do not know each other yet */
#define STRANGERS GINT_TO_POINTER (1)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  office_init (&f->a);
  workstation_init (&f->b);
  if (data != STRANGERS)
    introduce (&f->a, &f->b);
  f->files = g_dir_make_tmp ("firegrid-bundles-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->a);
  office_clear (&f->b);
  fg_test_remove_tree (f->files);
  g_free (f->files);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

/* Reading the databases behind the store's back */

/* The synced venue rows, as both ends should hold them. */
static char *
dump_venues (Office *o)
{
  sqlite3 *db = open_db (o);
  sqlite3_stmt *stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT v.id, v.name, v.address, v.stamp, v.base_stamp, v.origin_node, r.code"
                                       " FROM venue v JOIN region r ON r.id = v.region_id ORDER BY v.id",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                             ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (text, FALSE);
}

/* Registering, inspecting */

static char *
venue_name (Office     *o,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = fg_venue_load (o->store, actor_of (o), id, &error);

  g_assert_no_error (error);
  return g_strdup (fg_venue_get_name (venue));
}

/* An inspection of @venue_id whose first ordinary item fails, with a
 * photo: returns the inspection's id, and the failed item's code and the
 * hazard's id through the out arguments. */
static char *
inspect_failing (Office      *o,
                 const char  *venue_id,
                 char       **failed_code,
                 char       **hazard_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);
  g_autofree char *photo = NULL;
  GListModel *items;
  char *code = NULL;

  inspection = fg_inspection_start (o->store, actor_of (o), venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = FALSE;

      if (code == NULL && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item))
        {
          fail = TRUE;
          code = g_strdup (fg_checklist_item_get_code (item));
        }
      fg_inspection_record (o->store, actor_of (o), inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? "无巡查记录" : NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (code);
  photo = fg_inspection_attach_photo (o->store, actor_of (o), inspection, code, png, &error);
  g_assert_no_error (error);
  fg_inspection_finish (o->store, actor_of (o), inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (o->store, actor_of (o), fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  *hazard_id = g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
  *failed_code = code;
  return g_strdup (fg_inspection_get_id (inspection));
}

static FgHazard *
load_hazard (Office     *o,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  FgHazard *hazard = fg_hazard_load (o->store, actor_of (o), id, &error);

  g_assert_no_error (error);
  return hazard;
}

static void
add_event (Office            *o,
           const char        *hazard_id,
           FgHazardEventKind  kind,
           const char        *deadline,
           const char        *note)
{
  g_autoptr(FgHazard) hazard = load_hazard (o, hazard_id);
  g_autoptr(GError) error = NULL;
  FgHazardEventDetails details = { .note = note, .deadline = deadline };

  fg_hazard_add_event (o->store, actor_of (o), hazard, kind, &details, &error);
  g_assert_no_error (error);
}

/* The events of a hazard, as ids and kinds in order: equal on both ends
 * once they synced. */
static char *
event_list (Office     *o,
            const char *hazard_id)
{
  g_autoptr(FgHazard) hazard = load_hazard (o, hazard_id);
  GPtrArray *events = fg_hazard_get_events (hazard);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      FgHazardEvent *event = g_ptr_array_index (events, i);

      g_string_append_printf (text, "%s %s %s %s\n", event->id, fg_hazard_event_kind_to_string (event->kind),
                              event->stamp, event->note != NULL ? event->note : "-");
    }
  return g_string_free (text, FALSE);
}

/* 1. A → B → A */

static void
test_bundle_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = file_path (f, "a-to-b-1.xml");
  g_autofree char *back = file_path (f, "b-to-a-1.xml");
  g_autofree char *nothing = file_path (f, "a-to-b-2.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *shop = add_venue (&f->a, fg_region_get_id (f->a.village), "李记超市");
  g_autofree char *farm = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = NULL;
  g_autoptr(FgRegion) new_village = NULL;
  g_autofree char *events_a = NULL;
  g_autofree char *events_b = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  /* a village only A has, with a venue */
  new_village = fg_region_add_village (f->a.store, fg_test_installer (), "410425101", "410425101202", "王庄村", &error);
  g_assert_no_error (error);
  farm = add_venue (&f->a, fg_region_get_id (new_village), "王庄农家乐");
  inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  add_event (&f->a, hazard_id, FG_HAZARD_EVENT_NOTICE_ISSUED, fg_test_deadline (), "限期整改");

  report = export_ok (&f->a, &f->b, first);
  g_assert_cmpuint (report.added, >, 0);
  g_assert_cmpuint (report.photos, ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);

  report = import_ok (&f->b, first);
  g_assert_cmpuint (report.added, >=, 8);  /* a village, 3 venues, an inspection, a hazard, 2 events */
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpuint (report.photos, ==, 1);

  /* the same venues, by id, in B's own regions */
  {
    g_autoptr(FgVenue) venue = fg_venue_load (f->b.store, fg_test_installer (), restaurant, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fg_venue_get_name (venue), ==, "老王烧烤");
    g_assert_cmpstr (fg_venue_get_region_id (venue), ==, fg_region_get_id (f->b.grid));
    g_assert_cmpstr (fg_venue_get_grid_name (venue), ==, "第一网格");
    g_clear_object (&venue);
    venue = fg_venue_load (f->b.store, fg_test_installer (), shop, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fg_venue_get_region_id (venue), ==, fg_region_get_id (f->b.village));
    g_clear_object (&venue);
    /* in the village B had not: now B has it, under A's id */
    venue = fg_venue_load (f->b.store, fg_test_installer (), farm, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fg_venue_get_region_id (venue), ==, fg_region_get_id (new_village));
    g_assert_cmpstr (fg_venue_get_village_name (venue), ==, "王庄村");
  }
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 3);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM region", NULL), ==,
                   count (&f->a, "SELECT count(*) FROM region", NULL));

  /* the inspection, finished, with its results and photo */
  {
    g_autoptr(FgInspection) on_a = fg_inspection_load (f->a.store, fg_test_installer (), inspection_id, &error);
    g_autoptr(FgInspection) on_b = NULL;
    GListModel *items;

    g_assert_no_error (error);
    on_b = fg_inspection_load (f->b.store, fg_test_installer (), inspection_id, &error);
    g_assert_no_error (error);
    g_assert_true (fg_inspection_is_finished (on_b));
    g_assert_cmpstr (fg_inspection_get_finished_at (on_b), ==, fg_inspection_get_finished_at (on_a));
    g_assert_cmpstr (fg_inspection_get_venue_id (on_b), ==, restaurant);
    g_assert_cmpuint (fg_inspection_get_n_answered (on_b), ==, fg_inspection_get_n_answered (on_a));
    items = fg_inspection_get_items (on_a);
    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
        const char *item_code = fg_checklist_item_get_code (item);

        g_assert_cmpint (fg_inspection_get_outcome (on_b, item_code), ==, fg_inspection_get_outcome (on_a, item_code));
        g_assert_cmpstr (fg_inspection_get_note (on_b, item_code), ==, fg_inspection_get_note (on_a, item_code));
      }
    g_assert_cmpint (fg_inspection_get_outcome (on_b, code), ==, FG_OUTCOME_FAIL);
    g_assert_cmpuint (g_strv_length ((char **) fg_inspection_get_photos (on_b, code)), ==, 1);
    {
      g_autoptr(GBytes) photo = fg_inspection_load_photo (f->b.store, fg_inspection_get_photos (on_b, code)[0],
                                                          NULL, &error);
      g_autoptr(GBytes) png = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (photo, png));
    }
  }

  /* the hazard, where it stands, with its events */
  {
    g_autoptr(FgHazard) on_a = load_hazard (&f->a, hazard_id);
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);

    g_assert_cmpint (fg_hazard_get_state (on_b), ==, FG_HAZARD_STATE_RECTIFYING);
    g_assert_cmpint (fg_hazard_get_state (on_b), ==, fg_hazard_get_state (on_a));
    g_assert_cmpstr (fg_hazard_get_deadline (on_b), ==, fg_test_deadline ());
    g_assert_cmpstr (fg_hazard_get_village_id (on_b), ==, fg_region_get_id (f->b.village));
    g_assert_cmpstr (fg_hazard_get_grid_id (on_b), ==, fg_region_get_id (f->b.grid));
    g_assert_cmpuint (fg_hazard_get_events (on_b)->len, ==, 2);
    events_a = event_list (&f->a, hazard_id);
    events_b = event_list (&f->b, hazard_id);
    g_assert_cmpstr (events_b, ==, events_a);
  }
  /* the ledger's cached state, which lists read */
  {
    g_autofree char *state = query_text (&f->b, "SELECT state FROM hazard WHERE id = ?1", hazard_id);

    g_assert_cmpstr (state, ==, "rectifying");
  }

  /* B passes on the venue's word; A hears of it */
  add_event (&f->b, hazard_id, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, "店主称已整改");
  report = export_ok (&f->b, &f->a, back);
  report = import_ok (&f->a, back);
  g_assert_cmpuint (report.added, >=, 1);
  g_assert_cmpuint (report.conflicts, ==, 0);
  {
    g_autoptr(FgHazard) on_a = load_hazard (&f->a, hazard_id);
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);
    g_autofree char *state = query_text (&f->a, "SELECT state FROM hazard WHERE id = ?1", hazard_id);

    g_assert_cmpint (fg_hazard_get_state (on_a), ==, FG_HAZARD_STATE_REPORTED_FIXED);
    g_assert_cmpint (fg_hazard_get_state (on_a), ==, fg_hazard_get_state (on_b));
    g_assert_cmpstr (fg_hazard_get_deadline (on_a), ==, fg_hazard_get_deadline (on_b));
    g_assert_cmpstr (state, ==, "reported-fixed");
    g_clear_pointer (&events_a, g_free);
    g_clear_pointer (&events_b, g_free);
    events_a = event_list (&f->a, hazard_id);
    events_b = event_list (&f->b, hazard_id);
    g_assert_cmpstr (events_a, ==, events_b);
    g_assert_cmpuint (fg_hazard_get_events (on_a)->len, ==, 3);
  }
  /* B's regions are A's: no second tree */
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM region", NULL), ==,
                   count (&f->b, "SELECT count(*) FROM region", NULL));
  {
    g_autofree char *venues_a = dump_venues (&f->a);
    g_autofree char *venues_b = dump_venues (&f->b);

    g_assert_cmpstr (venues_a, ==, venues_b);
  }

  /* nothing new on A for B: what came from B does not go back */
  g_assert_false (fg_bundle_export (f->a.store, fg_test_installer (), node_id (&f->b), nothing, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
  g_clear_error (&error);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  g_assert_false (fg_bundle_export (f->b.store, fg_test_installer (), node_id (&f->a), nothing, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND);
  g_clear_error (&error);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
}

/* Files */

/* @text with @insert put right after the first @after. */
static char *
insert_after (const char *text,
              const char *after,
              const char *insert)
{
  const char *at = strstr (text, after);

  g_assert_nonnull (at);
  at += strlen (after);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, insert, at);
}

/* Refused with one of @codes (ending with -1), nothing written. */
static int
import_refused_one_of (Office     *to,
                       const char *path,
                       const int  *codes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (to);
  g_autofree char *after = NULL;
  gboolean expected = FALSE;

  g_assert_false (fg_bundle_import (to->store, actor_of (to), path, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (error->domain == FG_BUNDLE_ERROR);
  for (guint i = 0; codes[i] >= 0; i++)
    expected |= error->code == codes[i];
  if (!expected)
    g_error ("refused with the unexpected code %d: %s", error->code, error->message);
  /* said in words: the XML parser's own, which name elements and
   * attributes (“Element 'evil': This element is not expected”), come
   * only under the message, on a line of their own */
  {
    g_autofree char *said = g_strndup (error->message, strcspn (error->message, "\n"));

    g_assert_null (strstr (said, "<"));
    g_assert_null (strstr (said, "'"));
    g_assert_null (strstr (said, "evil"));
  }
  after = dump (to);
  g_assert_cmpstr (after, ==, before);
  return error->code;
}

/* 2. The same bundle twice; two bundles out of order */

static void
test_bundle_idempotent (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = file_path (f, "1.xml");
  g_autofree char *second = file_path (f, "2.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *shop = add_venue (&f->a, fg_region_get_id (f->a.village), "李记超市");
  g_autofree char *hotel = NULL;
  g_autofree char *venues_a = NULL;
  g_autofree char *venues_b = NULL;
  g_autofree char *venues_b2 = NULL;
  g_autofree char *name = NULL;
  Office b2 = { 0 };
  FgBundleReport report;

  export_ok (&f->a, &f->b, first);
  /* B′: the same installation as B before it imported anything */
  clone_office (&f->b, &b2);

  rename_venue (&f->a, restaurant, "老王烧烤（新址）");
  hotel = add_venue (&f->a, fg_region_get_id (f->a.grid), "如家宾馆");
  report = export_ok (&f->a, &f->b, second);
  g_assert_cmpuint (report.added, >=, 2);

  /* in order, each one twice: the second time changes nothing */
  import_ok (&f->b, first);
  import_refused (&f->b, first, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 2);
  import_ok (&f->b, second);
  import_refused (&f->b, second, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  import_refused (&f->b, first, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 3);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 2);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 0);

  /* out of order on B′: the older version does not undo the newer */
  report = import_ok (&b2, second);
  g_assert_cmpuint (report.conflicts, ==, 0);
  report = import_ok (&b2, first);
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpuint (report.changed, ==, 0);
  import_refused (&b2, second, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  name = venue_name (&b2, restaurant);
  g_assert_cmpstr (name, ==, "老王烧烤（新址）");

  venues_a = dump_venues (&f->a);
  venues_b = dump_venues (&f->b);
  venues_b2 = dump_venues (&b2);
  g_assert_cmpstr (venues_b, ==, venues_a);
  g_assert_cmpstr (venues_b2, ==, venues_b);
  g_assert_cmpint (count (&b2, "SELECT count(*) FROM conflict", NULL), ==, 0);
  g_assert_cmpint (count (&b2, "SELECT count(*) FROM region", NULL), ==,
                   count (&f->b, "SELECT count(*) FROM region", NULL));

  office_clear (&b2);
}

/* 3. A dry run counts, and writes nothing */

static void
test_bundle_dry_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *shop = add_venue (&f->a, fg_region_get_id (f->a.village), "李记超市");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport sent;
  FgBundleReport dry = { 0 };
  FgBundleReport done;

  add_event (&f->a, hazard_id, FG_HAZARD_EVENT_NOTICE_ISSUED, fg_test_deadline (), NULL);
  sent = export_ok (&f->a, &f->b, path);

  before = dump (&f->b);
  g_assert_true (fg_bundle_import (f->b.store, fg_test_installer (), path, TRUE, &dry, NULL, &error));
  g_assert_no_error (error);
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 0);

  /* 2 venues, an inspection, a hazard, 2 events; B's own regions are there already */
  g_assert_cmpuint (dry.added, ==, 6);
  g_assert_cmpuint (dry.added + dry.changed + dry.unchanged, ==, sent.added);
  g_assert_cmpuint (dry.conflicts, ==, 0);
  g_assert_cmpuint (dry.photos, ==, 1);

  /* what it holds by kind, as the confirmation before an import says it */
  g_assert_cmpuint (dry.venues, ==, 2);
  g_assert_cmpuint (dry.inspections, ==, 1);
  g_assert_cmpuint (dry.hazards, ==, 1);
  g_assert_cmpuint (dry.notices, ==, 0);

  /* the real import does what the dry run said */
  done = import_ok (&f->b, path);
  g_assert_cmpuint (done.added, ==, dry.added);
  g_assert_cmpuint (done.changed, ==, dry.changed);
  g_assert_cmpuint (done.unchanged, ==, dry.unchanged);
  g_assert_cmpuint (done.conflicts, ==, dry.conflicts);
  g_assert_cmpuint (done.photos, ==, dry.photos);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 2);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection", NULL), ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM hazard_event", NULL), ==, 2);

  /* a dry run of what is imported already says so */
  g_assert_false (fg_bundle_import (f->b.store, fg_test_installer (), path, TRUE, &dry, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
}

/* 3b. Venues in bulk: a bundle of more venues than one statement writes
 * (256) keeps their categories, search terms and region counts up once,
 * at the end, with the trigger that keeps them set aside meanwhile; the
 * result is what the trigger would have kept. A dry run of it writes
 * nothing, and says what the import then does. */

#define BULK_VENUES 300

/* Counts the triggers and indexes an import drops (the authorizer sees
 * each DROP). */
static int
count_dropped_triggers (void       *data,
                        int         action,
                        const char *name,
                        const char *table,
                        const char *database,
                        const char *inner)
{
  GPtrArray *dropped = data;

  if (action == SQLITE_DROP_TRIGGER || action == SQLITE_DROP_INDEX)
    g_ptr_array_add (dropped, g_strdup (name));
  return SQLITE_OK;
}

static void
add_bulk_venues (Office *o)
{
  for (guint i = 0; i < BULK_VENUES; i++)
    {
      g_autofree char *name = g_strdup_printf ("批量饭店%03u", i);
      g_autofree char *id = add_venue (o, fg_region_get_id (i % 2 == 0 ? o->grid : o->village), name);

      g_assert_nonnull (id);
    }
}

static char *
schema_text (Office *o)
{
  return rows (o, "SELECT type, name, sql FROM sqlite_master ORDER BY type, name", NULL);
}

static void
test_bundle_bulk_venues (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *schema = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport dry = { 0 };
  FgBundleReport done;
  sqlite3 *db = fg_store_get_db (f->b.store);

  add_bulk_venues (&f->a);
  export_ok (&f->a, &f->b, path);
  schema = schema_text (&f->b);
  before = dump (&f->b);
  sqlite3_set_authorizer (db, count_dropped_triggers, dropped);

  /* the dry run sets aside what keeps derived rows, and puts it back */
  g_assert_true (fg_bundle_import (f->b.store, fg_test_installer (), path, TRUE, &dry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dry.venues, ==, BULK_VENUES);
  g_assert_true (g_ptr_array_find_with_equal_func (dropped, "venue_after_insert", g_str_equal, NULL));
  /* and, bringing more venues than are here, the venue list's indexes,
   * which no check reads; the venues' ids stay unique */
  g_assert_true (g_ptr_array_find_with_equal_func (dropped, "venue_township_name", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (dropped, "venue_township_status", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (dropped, "sqlite_autoindex_venue_1", g_str_equal, NULL));
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = schema_text (&f->b);
  g_assert_cmpstr (after, ==, schema);
  g_clear_pointer (&after, g_free);

  /* the import defers the venues' upkeep: venue_after_insert is the
   * trigger the import knows how to do the work of (if this fails, the
   * schema changed the trigger: see venue_upkeep_trigger in
   * fg-venue-upkeep.c) */
  g_ptr_array_set_size (dropped, 0);
  done = import_ok (&f->b, path);
  sqlite3_set_authorizer (db, NULL, NULL);
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (dropped, 0), ==, "venue_after_insert");
  g_assert_cmpuint (done.added, ==, dry.added);
  g_assert_cmpuint (done.venues, ==, dry.venues);
  after = schema_text (&f->b);
  g_assert_cmpstr (after, ==, schema);

  /* what the trigger keeps, kept: counts, categories and search index */
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, BULK_VENUES);
  g_assert_cmpint (count (&f->b, "SELECT venue_count FROM region WHERE id = ?1", fg_region_get_id (f->b.village)), ==,
                   BULK_VENUES);
  g_assert_cmpint (count (&f->b, "SELECT venue_count FROM region WHERE id = ?1", fg_region_get_id (f->b.grid)), ==,
                   BULK_VENUES / 2);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue_category WHERE category = 'restaurant'", NULL), ==,
                   BULK_VENUES);
  problems = fg_integrity_check (f->b.store, fg_test_installer (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((FgIntegrityProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);

  /* a dry run of a few venues into a registry of many keeps the venue
   * list's indexes: setting them aside would cost more than it saves */
  {
    g_autofree char *next = file_path (f, "a-to-b-next.xml");
    g_autofree char *one = add_venue (&f->a, fg_region_get_id (f->a.village), "批量饭店新店");

    export_ok (&f->a, &f->b, next);
    g_ptr_array_set_size (dropped, 0);
    sqlite3_set_authorizer (db, count_dropped_triggers, dropped);
    g_assert_true (fg_bundle_import (f->b.store, fg_test_installer (), next, TRUE, &dry, NULL, &error));
    sqlite3_set_authorizer (db, NULL, NULL);
    g_assert_no_error (error);
    g_assert_cmpuint (dry.added, ==, 1);
    g_assert_false (g_ptr_array_find_with_equal_func (dropped, "venue_township_name", g_str_equal, NULL));
    g_clear_pointer (&after, g_free);
    after = schema_text (&f->b);
    g_assert_cmpstr (after, ==, schema);
  }
}

/* Lets everything through but putting venue_after_insert back: an import
 * that fails at the last step of its deferred upkeep. */
static int
refuse_trigger_back (void       *data,
                     int         action,
                     const char *name,
                     const char *table,
                     const char *database,
                     const char *inner)
{
  GPtrArray *dropped = data;

  if (action == SQLITE_DROP_TRIGGER)
    g_ptr_array_add (dropped, g_strdup (name));
  return action == SQLITE_CREATE_TRIGGER && g_strcmp0 (name, "venue_after_insert") == 0 ? SQLITE_DENY : SQLITE_OK;
}

/* A bulk import that fails after its venues, their deferred upkeep and
 * all, leaves everything, the trigger too, as it was. */
static void
test_bundle_bulk_venues_failed (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *schema = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = fg_store_get_db (f->b.store);

  add_bulk_venues (&f->a);
  export_ok (&f->a, &f->b, path);
  schema = schema_text (&f->b);
  before = dump (&f->b);
  sqlite3_set_authorizer (db, refuse_trigger_back, dropped);
  g_assert_false (fg_bundle_import (f->b.store, fg_test_installer (), path, FALSE, NULL, NULL, &error));
  sqlite3_set_authorizer (db, NULL, NULL);
  g_assert_nonnull (error);
  g_assert_cmpuint (dropped->len, ==, 1);

  /* as it was, but for the refusal's audit record (which dump() leaves out) */
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = schema_text (&f->b);
  g_assert_cmpstr (after, ==, schema);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue_category", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT venue_count FROM region WHERE id = ?1", fg_region_get_id (f->b.village)), ==,
                   0);

  /* and the bundle is taken whole afterwards */
  import_ok (&f->b, path);
  g_assert_cmpint (count (&f->b, "SELECT venue_count FROM region WHERE id = ?1", fg_region_get_id (f->b.village)), ==,
                   BULK_VENUES);
}

/* 4. A changed byte, a cut file, no signature */

static void
test_bundle_tampered (Fixture       *f,
                      gconstpointer  data)
{
  static const int damaged[] = {
    FG_BUNDLE_ERROR_BAD_SIGNATURE, FG_BUNDLE_ERROR_MALFORMED, FG_BUNDLE_ERROR_UNKNOWN_SIGNER, -1
  };
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *bad = file_path (f, "bad.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint by_code[FG_BUNDLE_ERROR_NOTHING_TO_SEND + 1] = { 0 };
  const char *signature;
  gsize length;

  export_ok (&f->a, &f->b, path);
  text = read_text (path, &length);
  signature = g_strrstr (text, "<signature>");
  g_assert_nonnull (signature);
  before = dump (&f->b);

  /* one bit changed, at every position of the file: the header, every
   * row, the photo, the signature and what follows it */
  for (gsize i = 0; i < length; i++)
    {
      g_autofree char *copy = g_memdup2 (text, length);
      g_autoptr(GError) error = NULL;

      copy[i] ^= 0x01;
      write_bytes (bad, copy, length);
      if (fg_bundle_import (f->b.store, fg_test_installer (), bad, FALSE, NULL, NULL, &error))
        g_error ("a bundle with byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " changed (0x%02x) was imported",
                 i, length, (guchar) text[i]);
      g_assert_nonnull (error);
      if (error->domain != FG_BUNDLE_ERROR ||
          (error->code != FG_BUNDLE_ERROR_BAD_SIGNATURE && error->code != FG_BUNDLE_ERROR_MALFORMED &&
           error->code != FG_BUNDLE_ERROR_UNKNOWN_SIGNER))
        g_error ("byte %" G_GSIZE_FORMAT " changed: %s", i, error->message);
      by_code[error->code]++;
      /* before the signature, the signature is what refuses it */
      if (text + i < signature && error->code == FG_BUNDLE_ERROR_MALFORMED &&
          !g_str_has_prefix (error->message, "This file is not a Firegrid bundle"))
        g_error ("byte %" G_GSIZE_FORMAT ": %s", i, error->message);
    }
  g_test_message ("%u bad signatures, %u damaged, %u unknown signers", by_code[FG_BUNDLE_ERROR_BAD_SIGNATURE],
                  by_code[FG_BUNDLE_ERROR_MALFORMED], by_code[FG_BUNDLE_ERROR_UNKNOWN_SIGNER]);
  g_assert_cmpuint (by_code[FG_BUNDLE_ERROR_BAD_SIGNATURE], >, length / 2);
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);

  /* a few, one by one, each with the database compared */
  for (gsize i = 0; i < length; i += length / 7)
    {
      g_autofree char *copy = g_memdup2 (text, length);

      copy[i] ^= 0x20;
      write_bytes (bad, copy, length);
      g_test_message ("byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT ": 0x%02x", i, length, (guchar) text[i]);
      import_refused_one_of (&f->b, bad, damaged);
    }

  /* cut short: anywhere, and just the last byte */
  for (gsize cut = 1; cut < length; cut = cut * 3 + 1)
    {
      write_bytes (bad, text, length - cut);
      import_refused_one_of (&f->b, bad, damaged);
    }
  write_bytes (bad, text, length - 1);
  import_refused_one_of (&f->b, bad, damaged);
  write_bytes (bad, text, signature - text);
  import_refused (&f->b, bad, FG_BUNDLE_ERROR_MALFORMED);

  /* no signature, or an empty one, or another one */
  {
    g_autofree char *unsigned_text = g_strdup_printf ("%.*s</bundle>\n", (int) (signature - text), text);
    g_autofree char *zeros = g_strdup_printf ("%.*s<signature>%s</signature>\n</bundle>\n", (int) (signature - text),
                                              text, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==");
    g_autofree char *empty = g_strdup_printf ("%.*s<signature></signature>\n</bundle>\n", (int) (signature - text), text);

    write_bytes (bad, unsigned_text, strlen (unsigned_text));
    import_refused (&f->b, bad, FG_BUNDLE_ERROR_MALFORMED);
    write_bytes (bad, empty, strlen (empty));
    import_refused (&f->b, bad, FG_BUNDLE_ERROR_MALFORMED);
    write_bytes (bad, zeros, strlen (zeros));
    import_refused (&f->b, bad, FG_BUNDLE_ERROR_BAD_SIGNATURE);
  }

  /* the file as it was still goes in */
  import_ok (&f->b, path);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 1);
}

/* 5. Unknown signers, bundles for someone else */

static void
test_bundle_signers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *from_c = file_path (f, "c-to-b.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *for_c = file_path (f, "a-to-c.xml");
  g_autofree char *text = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *sender_c = NULL;
  g_autofree char *sender_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FgBundleInfo) info = NULL;
  Office c = { 0 };
  gsize length;

  workstation_init (&c);
  venue = add_venue (&c, fg_region_get_id (c.grid), "张记面馆");
  g_free (add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤"));

  /* C knows B; B does not know C */
  trust (&c, &f->b);
  export_ok (&c, &f->b, from_c);
  import_refused (&f->b, from_c, FG_BUNDLE_ERROR_UNKNOWN_SIGNER);
  g_assert_null (fg_bundle_verify (f->b.store, from_c, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_UNKNOWN_SIGNER);
  g_clear_error (&error);

  /* C's bundle passed off as A's, whom B knows */
  text = read_text (from_c, &length);
  sender_c = g_strdup_printf ("sender=\"%s\"", node_id (&c));
  sender_a = g_strdup_printf ("sender=\"%s\"", node_id (&f->a));
  {
    g_autofree char *changed = replace_once (text, sender_c, sender_a);

    write_bytes (forged, changed, strlen (changed));
  }
  import_refused (&f->b, forged, FG_BUNDLE_ERROR_BAD_SIGNATURE);

  /* A's bundle for C, which reaches B: genuine, but not B's */
  introduce (&f->a, &c);
  export_ok (&f->a, &c, for_c);
  info = fg_bundle_verify (f->b.store, for_c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->sender, ==, node_id (&f->a));
  g_assert_cmpstr (info->receiver, ==, node_id (&c));
  import_refused (&f->b, for_c, FG_BUNDLE_ERROR_NOT_FOR_US);

  /* once B trusts C, C's bundle goes in */
  trust (&f->b, &c);
  import_ok (&f->b, from_c);
  g_free (venue_name (&f->b, venue));
  import_ok (&c, for_c);

  office_clear (&c);
}

/* 6. Rows outside what the sender may write */

static void
test_bundle_out_of_scope (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *inside = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(FgRegion) second_village = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) narrowed_file = NULL;
  g_autoptr(FgNodeInfo) narrowed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *narrowed_text = NULL;

  /* A knows B; B takes A for the grid station of one grid only: the peer
   * file is not signed, and was changed on the way */
  trust (&f->a, &f->b);
  file = fg_node_write_peer_file (f->a.store, fg_test_installer (), &error);
  g_assert_no_error (error);
  narrowed_text = replace_once (g_bytes_get_data (file, NULL), "kind=\"township\" code=\"410425101000\"",
                                "kind=\"grid\" code=\"410425101201-001\"");
  narrowed_file = g_bytes_new (narrowed_text, strlen (narrowed_text));
  narrowed = fg_node_read_peer_file (narrowed_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (narrowed->scope_code, ==, "410425101201-001");
  fg_node_add_peer (f->b.store, fg_test_installer (), narrowed, &error);
  g_assert_no_error (error);

  /* A writes in the whole township */
  second_village = fg_region_add_village (f->a.store, fg_test_installer (), "410425101", "410425101202", "王庄村", &error);
  g_assert_no_error (error);
  inside = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  outside = add_venue (&f->a, fg_region_get_id (second_village), "王庄超市");
  export_ok (&f->a, &f->b, path);

  g_assert_false (fg_bundle_import (f->b.store, fg_test_installer (), path, TRUE, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_clear_error (&error);
  import_refused (&f->b, path, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM region WHERE code LIKE '410425101202%'", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 0);
}

/* 6b. Who may write what goes by who wrote a row's version, not who
 * created the row: B takes A for a county office (its peer file says
 * so), which may send supervision (hazard events) only. */

static void
test_bundle_writer (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *to_a = file_path (f, "b-to-a.xml");
  g_autofree char *events = file_path (f, "a-to-b-1.xml");
  g_autofree char *renamed = file_path (f, "a-to-b-2.xml");
  g_autofree char *venue = add_venue (&f->b, fg_region_get_id (f->b.grid), "老王烧烤");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->b, venue, &code, &hazard_id);
  g_autofree char *county_text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) county_file = NULL;
  g_autoptr(FgNodeInfo) county = NULL;
  g_autoptr(GError) error = NULL;

  trust (&f->a, &f->b);
  file = fg_node_write_peer_file (f->a.store, fg_test_installer (), &error);
  g_assert_no_error (error);
  county_text = replace_once (g_bytes_get_data (file, NULL), "kind=\"township\" code=\"410425101000\"",
                              "kind=\"county\" code=\"410425000000\"");
  county_file = g_bytes_new (county_text, strlen (county_text));
  county = fg_node_read_peer_file (county_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (county->kind, ==, FG_NODE_KIND_COUNTY);
  fg_node_add_peer (f->b.store, fg_test_installer (), county, &error);
  g_assert_no_error (error);

  export_ok (&f->b, &f->a, to_a);
  import_ok (&f->a, to_a);

  /* a county supervises (tests/test-supervision.c); an order is the
   * township's to give, and one in the county's bundle is refused */
  add_event (&f->a, hazard_id, FG_HAZARD_EVENT_NOTICE_ISSUED, fg_test_deadline (), "限期整改");
  export_ok (&f->a, &f->b, events);
  import_refused (&f->b, events, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  {
    g_autoptr(FgHazard) hazard = load_hazard (&f->b, hazard_id);

    g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_OPEN);
  }

  /* B's venue, edited at A: the registry is not a county's to change */
  rename_venue (&f->a, venue, "老王烧烤（县里改的）");
  export_ok (&f->a, &f->b, renamed);
  import_refused (&f->b, renamed, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  name = venue_name (&f->b, venue);
  g_assert_cmpstr (name, ==, "老王烧烤");
}

/* 6c. The same for the division tree: a grid station (so its peer file
 * says) may not rename a grid, even one the township created. */

static void
test_bundle_grid_writer (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *to_a = file_path (f, "b-to-a.xml");
  g_autofree char *renamed = file_path (f, "a-to-b.xml");
  g_autofree char *grid_text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(FgRegion) second_grid = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GBytes) grid_file = NULL;
  g_autoptr(FgNodeInfo) grid = NULL;
  g_autoptr(GError) error = NULL;

  /* B's second grid, which A will hold under the same id */
  second_grid = fg_region_add_grid (f->b.store, fg_test_installer (), fg_region_get_id (f->b.village), "第二网格", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_region_get_code (second_grid), ==, "410425101201-002");

  /* B takes A for the station of that grid */
  trust (&f->a, &f->b);
  file = fg_node_write_peer_file (f->a.store, fg_test_installer (), &error);
  g_assert_no_error (error);
  grid_text = replace_once (g_bytes_get_data (file, NULL), "kind=\"township\"", "kind=\"grid\"");
  {
    g_autofree char *text = replace_once (grid_text, "code=\"410425101000\"", "code=\"410425101201-002\"");

    grid_file = g_bytes_new (text, strlen (text));
  }
  grid = fg_node_read_peer_file (grid_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (grid->kind, ==, FG_NODE_KIND_GRID);
  fg_node_add_peer (f->b.store, fg_test_installer (), grid, &error);
  g_assert_no_error (error);

  export_ok (&f->b, &f->a, to_a);
  import_ok (&f->a, to_a);
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM region WHERE code = '410425101201-002'", NULL), ==, 1);

  fg_region_rename (f->a.store, fg_test_installer (), fg_region_get_id (second_grid), "第二网格（改）", &error);
  g_assert_no_error (error);
  export_ok (&f->a, &f->b, renamed);
  import_refused (&f->b, renamed, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  name = query_text (&f->b, "SELECT name FROM region WHERE id = ?1", fg_region_get_id (second_grid));
  g_assert_cmpstr (name, ==, "第二网格");
}

/* 7. An old bundle again */

static void
test_bundle_replay (Fixture       *f,
                    gconstpointer  data)
{
  static const int refused[] = { FG_BUNDLE_ERROR_ALREADY_IMPORTED, FG_BUNDLE_ERROR_MALFORMED, -1 };
  g_autofree char *first = file_path (f, "1.xml");
  g_autofree char *second = file_path (f, "2.xml");
  g_autofree char *copy = file_path (f, "1-copy.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *text = NULL;
  gsize length;

  export_ok (&f->a, &f->b, first);
  import_ok (&f->b, first);
  rename_venue (&f->a, restaurant, "老王烧烤（新址）");
  export_ok (&f->a, &f->b, second);
  import_ok (&f->b, second);
  /* B edits on top of what it received */
  rename_venue (&f->b, restaurant, "老王烧烤（三店）");
  rename_venue (&f->b, restaurant, "老王烧烤（四店）");

  import_refused (&f->b, first, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  import_refused (&f->b, second, FG_BUNDLE_ERROR_ALREADY_IMPORTED);

  /* the same bundle under another name, or with its line ends changed
   * after the signature, is the same bundle */
  text = read_text (first, &length);
  write_bytes (copy, text, length);
  import_refused (&f->b, copy, FG_BUNDLE_ERROR_ALREADY_IMPORTED);
  {
    g_autofree char *longer = g_strdup_printf ("%s\n", text);
    g_autofree char *crlf = replace_once (text, "</signature>\n</bundle>\n", "</signature>\r\n</bundle>\r\n");
    g_autofree char *spaced = replace_once (text, "</signature>\n</bundle>\n", "</signature> </bundle>\n");
    g_autofree char *wrapped = NULL;
    const char *value = strstr (text, "<signature>") + strlen ("<signature>");

    /* the signature's base64 broken over two lines */
    wrapped = g_strdup_printf ("%.*s\n%s", (int) (value + 40 - text), text, value + 40);

    write_bytes (copy, longer, strlen (longer));
    import_refused_one_of (&f->b, copy, refused);
    write_bytes (copy, crlf, strlen (crlf));
    import_refused_one_of (&f->b, copy, refused);
    write_bytes (copy, spaced, strlen (spaced));
    import_refused_one_of (&f->b, copy, refused);
    write_bytes (copy, wrapped, strlen (wrapped));
    import_refused_one_of (&f->b, copy, refused);
  }

  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 2);
  g_assert_cmpint (count (&f->b, "SELECT last_received_seq FROM peer", NULL), ==, 2);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 0);
}

/* 8. Two offices edit the same venue */

static char *
venue_stamp (Office     *o,
             const char *id)
{
  return query_text (o, "SELECT stamp FROM venue WHERE id = ?1", id);
}

/* A version a conflict keeps (a{ss}, column → value) has @column = @value. */
static void
assert_version (const char *text,
                const char *column,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) version = NULL;
  const char *found = NULL;

  g_assert_nonnull (text);
  version = g_variant_parse (G_VARIANT_TYPE ("a{ss}"), text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (version, column, "&s", &found));
  g_assert_cmpstr (found, ==, value);
}

static void
test_bundle_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *v = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *stamp_a = NULL;
  g_autofree char *stamp_b = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  FgBundleReport report = { 0 };

  {
    g_autofree char *path = file_path (f, "0.xml");

    export_ok (&f->a, &f->b, path);
    import_ok (&f->b, path);
  }

  /* both edit the version they share, without syncing; B's edit is later */
  rename_venue (&f->a, v, "老王烧烤（A）");
  rename_venue (&f->b, v, "老王烧烤（B）");
  stamp_a = venue_stamp (&f->a, v);
  stamp_b = venue_stamp (&f->b, v);
  g_assert_cmpstr (stamp_b, >, stamp_a);

  {
    g_autofree char *path = file_path (f, "a-1.xml");

    export_ok (&f->a, &f->b, path);
    /* a dry run sees the conflict, and keeps it to itself */
    g_assert_true (fg_bundle_import (f->b.store, fg_test_installer (), path, TRUE, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.conflicts, ==, 1);
    g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 0);

    report = import_ok (&f->b, path);
    g_assert_cmpuint (report.conflicts, ==, 1);
  }
  /* the later stamp wins: B's; A's version is kept for a person */
  name = venue_name (&f->b, v);
  g_assert_cmpstr (name, ==, "老王烧烤（B）");
  g_clear_pointer (&name, g_free);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 1);
  {
    g_autofree char *lost_node = query_text (&f->b, "SELECT lost_node FROM conflict WHERE row_id = ?1", v);
    g_autofree char *lost_stamp = query_text (&f->b, "SELECT lost_stamp FROM conflict WHERE row_id = ?1", v);
    g_autofree char *table = query_text (&f->b, "SELECT table_name FROM conflict WHERE row_id = ?1", v);
    g_autofree char *lost = query_text (&f->b, "SELECT lost FROM conflict WHERE row_id = ?1", v);
    g_autofree char *kept = query_text (&f->b, "SELECT kept FROM conflict WHERE row_id = ?1", v);

    g_assert_cmpstr (table, ==, "venue");
    g_assert_cmpstr (lost_node, ==, node_id (&f->a));
    g_assert_cmpstr (lost_stamp, ==, stamp_a);
    assert_version (lost, "name", "老王烧烤（A）");
    assert_version (lost, "stamp", stamp_a);
    assert_version (kept, "name", "老王烧烤（B）");
  }
  g_clear_pointer (&stamp_b, g_free);
  stamp_b = venue_stamp (&f->b, v);
  g_assert_cmpstr (stamp_b, >, stamp_a);

  /* B's version reaches A: A sees the same conflict, from its side, and
   * keeps the same winner */
  {
    g_autofree char *path = file_path (f, "b-1.xml");

    export_ok (&f->b, &f->a, path);
    report = import_ok (&f->a, path);
    g_assert_cmpuint (report.conflicts, ==, 1);
  }
  name = venue_name (&f->a, v);
  g_assert_cmpstr (name, ==, "老王烧烤（B）");
  g_clear_pointer (&name, g_free);
  {
    g_autofree char *lost_node = query_text (&f->a, "SELECT lost_node FROM conflict WHERE row_id = ?1", v);
    g_autofree char *lost_stamp = query_text (&f->a, "SELECT lost_stamp FROM conflict WHERE row_id = ?1", v);

    g_assert_cmpstr (lost_node, ==, node_id (&f->a));
    g_assert_cmpstr (lost_stamp, ==, stamp_a);
  }

  /* edits on top of the other's version go through quietly, both ways */
  rename_venue (&f->b, v, "老王烧烤（B 二）");
  {
    g_autofree char *path = file_path (f, "b-2.xml");

    export_ok (&f->b, &f->a, path);
    report = import_ok (&f->a, path);
    g_assert_cmpuint (report.conflicts, ==, 0);
    g_assert_cmpuint (report.changed, ==, 1);
  }
  name = venue_name (&f->a, v);
  g_assert_cmpstr (name, ==, "老王烧烤（B 二）");
  g_clear_pointer (&name, g_free);
  rename_venue (&f->a, v, "老王烧烤（A 二）");
  {
    g_autofree char *path = file_path (f, "a-2.xml");

    export_ok (&f->a, &f->b, path);
    report = import_ok (&f->b, path);
    g_assert_cmpuint (report.conflicts, ==, 0);
    g_assert_cmpuint (report.changed, ==, 1);
  }
  name = venue_name (&f->b, v);
  g_assert_cmpstr (name, ==, "老王烧烤（A 二）");
  g_clear_pointer (&name, g_free);
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM conflict", NULL), ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 1);

  /* A's clock runs an hour fast (a township PC's clock is often wrong):
   * B's clock moves past the stamps it receives, so that its next edit is
   * stamped after A's */
  {
    g_autofree char *fast = g_strdup_printf ("%015" G_GINT64_FORMAT "-00000-%s",
                                             g_get_real_time () / 1000 + 3600 * 1000, node_id (&f->a));
    g_autofree char *sql = g_strdup_printf ("UPDATE node SET hlc = '%s' WHERE id = '%s'", fast, node_id (&f->a));
    g_autofree char *path = file_path (f, "a-3.xml");
    g_autofree char *back = file_path (f, "b-3.xml");
    g_autofree char *venues_a = NULL;
    g_autofree char *venues_b = NULL;

    execute (&f->a, sql);
    rename_venue (&f->a, v, "老王烧烤（A 三）");
    g_clear_pointer (&stamp_a, g_free);
    stamp_a = venue_stamp (&f->a, v);
    g_assert_cmpstr (stamp_a, >=, fast);
    export_ok (&f->a, &f->b, path);
    report = import_ok (&f->b, path);
    g_assert_cmpuint (report.changed, ==, 1);
    rename_venue (&f->b, v, "老王烧烤（B 三）");
    g_clear_pointer (&stamp_b, g_free);
    stamp_b = venue_stamp (&f->b, v);
    g_assert_cmpstr (stamp_b, >, stamp_a);
    export_ok (&f->b, &f->a, back);
    report = import_ok (&f->a, back);
    g_assert_cmpuint (report.conflicts, ==, 0);

    name = venue_name (&f->a, v);
    g_assert_cmpstr (name, ==, "老王烧烤（B 三）");
    g_clear_pointer (&name, g_free);
    venues_a = dump_venues (&f->a);
    venues_b = dump_venues (&f->b);
    g_assert_cmpstr (venues_a, ==, venues_b);
  }

  /* An edit made on top of the version here replaces it whatever the
   * clocks say: B's clock set back (a restored backup), so that its edit
   * of A's version has the earlier stamp */
  {
    g_autofree char *path = file_path (f, "a-4.xml");
    g_autofree char *back = file_path (f, "b-4.xml");
    g_autofree char *now = g_strdup_printf ("%015" G_GINT64_FORMAT "-00000-%s", g_get_real_time () / 1000,
                                            node_id (&f->b));
    g_autofree char *sql = g_strdup_printf ("UPDATE node SET hlc = '%s' WHERE id = '%s'", now, node_id (&f->b));
    g_autoptr(GError) open_error = NULL;

    rename_venue (&f->a, v, "老王烧烤（A 四）");
    g_clear_pointer (&stamp_a, g_free);
    stamp_a = venue_stamp (&f->a, v);
    export_ok (&f->a, &f->b, path);
    import_ok (&f->b, path);

    g_clear_object (&f->b.store);
    execute (&f->b, sql);
    f->b.store = fg_office_open (f->b.dir.db_path, &open_error);
    g_assert_no_error (open_error);
    rename_venue (&f->b, v, "老王烧烤（B 四）");
    g_clear_pointer (&stamp_b, g_free);
    stamp_b = venue_stamp (&f->b, v);
    g_assert_cmpstr (stamp_b, <, stamp_a);

    export_ok (&f->b, &f->a, back);
    report = import_ok (&f->a, back);
    g_assert_cmpuint (report.conflicts, ==, 0);
    g_assert_cmpuint (report.changed, ==, 1);
    name = venue_name (&f->a, v);
    g_assert_cmpstr (name, ==, "老王烧烤（B 四）");
    g_clear_pointer (&name, g_free);
  }
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM conflict", NULL), ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 1);

  /* Two edits at once again, and the one of B (which did not create the
   * venue) loses at A: the conflict names B as the office whose version
   * lost; at B, the same conflict from its side */
  {
    g_autofree char *to_a = file_path (f, "b-5.xml");
    g_autofree char *to_b = file_path (f, "a-5.xml");
    g_autofree char *lost_node = NULL;
    g_autofree char *lost_stamp = NULL;
    g_autofree char *lost = NULL;
    g_autofree char *venues_a = NULL;
    g_autofree char *venues_b = NULL;

    rename_venue (&f->b, v, "老王烧烤（B 五）");
    rename_venue (&f->a, v, "老王烧烤（A 五）");
    g_clear_pointer (&stamp_a, g_free);
    g_clear_pointer (&stamp_b, g_free);
    stamp_a = venue_stamp (&f->a, v);
    stamp_b = venue_stamp (&f->b, v);
    g_assert_cmpstr (stamp_a, >, stamp_b);

    export_ok (&f->b, &f->a, to_a);
    report = import_ok (&f->a, to_a);
    g_assert_cmpuint (report.conflicts, ==, 1);
    name = venue_name (&f->a, v);
    g_assert_cmpstr (name, ==, "老王烧烤（A 五）");
    g_clear_pointer (&name, g_free);
    lost_node = query_text (&f->a, "SELECT lost_node FROM conflict WHERE row_id = ?1 ORDER BY seq DESC", v);
    lost_stamp = query_text (&f->a, "SELECT lost_stamp FROM conflict WHERE row_id = ?1 ORDER BY seq DESC", v);
    lost = query_text (&f->a, "SELECT lost FROM conflict WHERE row_id = ?1 ORDER BY seq DESC", v);
    g_assert_cmpstr (lost_node, ==, node_id (&f->b));
    g_assert_cmpstr (lost_stamp, ==, stamp_b);
    assert_version (lost, "name", "老王烧烤（B 五）");
    g_clear_pointer (&lost_node, g_free);
    g_clear_pointer (&lost_stamp, g_free);
    g_clear_pointer (&lost, g_free);

    export_ok (&f->a, &f->b, to_b);
    report = import_ok (&f->b, to_b);
    g_assert_cmpuint (report.conflicts, ==, 1);
    name = venue_name (&f->b, v);
    g_assert_cmpstr (name, ==, "老王烧烤（A 五）");
    g_clear_pointer (&name, g_free);
    lost_node = query_text (&f->b, "SELECT lost_node FROM conflict WHERE row_id = ?1 ORDER BY seq DESC", v);
    lost = query_text (&f->b, "SELECT lost FROM conflict WHERE row_id = ?1 ORDER BY seq DESC", v);
    g_assert_cmpstr (lost_node, ==, node_id (&f->b));
    assert_version (lost, "name", "老王烧烤（B 五）");

    venues_a = dump_venues (&f->a);
    venues_b = dump_venues (&f->b);
    g_assert_cmpstr (venues_a, ==, venues_b);
  }
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM conflict", NULL), ==, 2);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM conflict", NULL), ==, 2);
}

/* 9. Hostile files */

typedef struct
{
  const char *what;
  char *text;
  gsize length;
  int signed_code;   /* when signed again by the sender */
} Hostile;

static void
hostile_add (GArray     *cases,
             const char *what,
             char       *text,
             int         signed_code)
{
  Hostile h = { what, text, strlen (text), signed_code };

  g_array_append_val (cases, h);
}

static char *
insert_before_signature (const char *text,
                         const char *insert)
{
  g_autofree char *with_insert = g_strconcat (insert, "<signature>", NULL);

  return replace_once (text, "<signature>", with_insert);
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_sized_new (strlen (unit) * times);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static char *
nested (guint depth)
{
  g_autofree char *open = repeat ("<region>", depth);
  g_autofree char *close = repeat ("</region>", depth);

  return g_strconcat (open, close, NULL);
}

static void
hostile_clear (gpointer data)
{
  g_free (((Hostile *) data)->text);
}

static void
test_bundle_hostile (Fixture       *f,
                     gconstpointer  data)
{
  static const int unsigned_codes[] = { FG_BUNDLE_ERROR_MALFORMED, FG_BUNDLE_ERROR_BAD_SIGNATURE, -1 };
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *bad = file_path (f, "hostile.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) cases = g_array_new (FALSE, TRUE, sizeof (Hostile));
  const char *declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const char *name = "name=\"老王烧烤\"";
  gsize length;

  g_array_set_clear_func (cases, hostile_clear);
  export_ok (&f->a, &f->b, path);
  text = read_text (path, &length);
  g_assert_true (g_str_has_prefix (text, declaration));
  g_assert_nonnull (strstr (text, name));

  /* an external entity, read into a name */
  {
    g_autofree char *doctype = insert_after (text, declaration,
                                             "<!DOCTYPE bundle [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n");

    hostile_add (cases, "XXE", replace_once (doctype, name, "name=\"&x;\""), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* a billion laughs */
  {
    GString *entities = g_string_new ("<!DOCTYPE bundle [<!ENTITY lol0 \"lol\">");
    g_autofree char *doctype = NULL;

    for (guint i = 1; i < 10; i++)
      g_string_append_printf (entities, "<!ENTITY lol%u \"&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;"
                              "&lol%u;&lol%u;\">", i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                              i - 1, i - 1);
    g_string_append (entities, "]>\n");
    doctype = insert_after (text, declaration, entities->str);
    g_string_free (entities, TRUE);
    hostile_add (cases, "billion laughs", replace_once (doctype, name, "name=\"&lol9;\""), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* an entity no document type declares */
  hostile_add (cases, "undeclared entity", replace_once (text, name, "name=\"&x;\""), FG_BUNDLE_ERROR_MALFORMED);
  /* nesting: a few levels, hundreds, a hundred thousand */
  {
    g_autofree char *five = nested (5);
    g_autofree char *hundreds = nested (500);
    g_autofree char *deep = nested (100000);

    hostile_add (cases, "nested 5", insert_before_signature (text, five), FG_BUNDLE_ERROR_MALFORMED);
    hostile_add (cases, "nested 500", insert_before_signature (text, hundreds), FG_BUNDLE_ERROR_MALFORMED);
    hostile_add (cases, "nested 100000", insert_before_signature (text, deep), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* a 10 MB attribute, and one just over what a value may be */
  {
    g_autofree char *huge = repeat ("AAAAAAAAAAAAAAAA", 10 * 1024 * 1024 / 16);
    g_autofree char *long_value = repeat ("长", 4097 / 3 + 1);
    g_autofree char *huge_name = g_strdup_printf ("name=\"%s\"", huge);
    g_autofree char *long_name = g_strdup_printf ("name=\"%s\"", long_value);

    hostile_add (cases, "10 MB attribute", replace_once (text, name, huge_name), FG_BUNDLE_ERROR_MALFORMED);
    hostile_add (cases, "4 kB attribute", replace_once (text, name, long_name), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* bytes that are not UTF-8 */
  hostile_add (cases, "invalid UTF-8", replace_once (text, name, "name=\"\xff\xfe\xc3\x28 \x80\""),
               FG_BUNDLE_ERROR_MALFORMED);
  /* an element no bundle has, and a row where a row cannot be */
  hostile_add (cases, "unknown element", insert_before_signature (text, "<evil what=\"1\"/>"), FG_BUNDLE_ERROR_MALFORMED);
  /* a venue inside an inspection, where only its results may be */
  {
    const char *venue = strstr (text, "<venue ");
    const char *venue_end = strstr (venue, "/>") + 2;
    const char *first_child = strchr (strstr (text, "<inspection "), '>') + 1;

    hostile_add (cases, "venue as a child",
                 g_strdup_printf ("%.*s%.*s%s", (int) (first_child - text), text, (int) (venue_end - venue), venue,
                                  first_child),
                 FG_BUNDLE_ERROR_MALFORMED);
  }
  /* a photo named by the inspection but not in the bundle */
  {
    const char *photo = strstr (text, "<photo ");
    const char *photo_end = strstr (photo, "</photo>") + strlen ("</photo>");

    hostile_add (cases, "missing photo",
                 g_strdup_printf ("%.*s%s", (int) (photo - text), text, photo_end), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* a photo whose bytes are not what its name says */
  {
    const char *photo = strchr (strstr (text, "<photo "), '>') + 1;
    g_autofree char *other = g_strdup (text);

    other[photo - text + 30] = photo[30] == 'A' ? 'B' : 'A';
    hostile_add (cases, "photo bytes", g_steal_pointer (&other), FG_BUNDLE_ERROR_MALFORMED);
  }
  /* a division of another township */
  hostile_add (cases, "another township", replace_once (text, "code=\"410425101201\"", "code=\"410425102201\""),
               FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  /* not a bundle at all */
  hostile_add (cases, "not XML", g_strdup ("Dear office, please find the records attached.\n<signature>"),
               FG_BUNDLE_ERROR_MALFORMED);
  hostile_add (cases, "another root", replace_once (text, "<bundle ", "<bundel "), FG_BUNDLE_ERROR_MALFORMED);
  hostile_add (cases, "empty", g_strdup (""), FG_BUNDLE_ERROR_MALFORMED);

  before = dump (&f->b);
  for (guint i = 0; i < cases->len; i++)
    {
      Hostile *h = &g_array_index (cases, Hostile, i);

      g_test_message ("%s, as it came", h->what);
      write_bytes (bad, h->text, h->length);
      import_refused_one_of (&f->b, bad, unsigned_codes);

      if (strstr (h->text, "<signature>") != NULL)
        {
          g_autofree char *signed_text = NULL;
          gsize signed_length;
          int codes[] = { h->signed_code, -1 };

          g_test_message ("%s, signed by A", h->what);
          signed_text = resign (&f->a, h->text, h->length, &signed_length);
          write_bytes (bad, signed_text, signed_length);
          import_refused_one_of (&f->b, bad, codes);
          /* a document type is refused before anything else, by verify too */
          if (strstr (h->text, "<!DOCTYPE") != NULL)
            {
              g_autoptr(GError) error = NULL;

              g_assert_null (fg_bundle_verify (f->b.store, bad, &error));
              g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED);
            }
        }
    }
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (strstr (after, "root:"));

  /* the genuine bundle, and the same signed again, go in */
  {
    g_autofree char *signed_text = NULL;
    gsize signed_length;

    signed_text = resign (&f->a, text, length, &signed_length);
    g_assert_cmpmem (signed_text, signed_length, text, length);
  }
  import_ok (&f->b, path);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 1);
}

/* 10. An import killed halfway */

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      if (g_getenv ("FIREGRID_CLI") != NULL)
        path = g_strdup (g_getenv ("FIREGRID_CLI"));
      else
        path = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "firegrid-cli", NULL);
    }
  return path;
}

/* Whether someone holds the write lock of @o's database: the import's
 * transaction. */
static gboolean
write_locked (Office *o)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (o->dir.db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_BUSY;
}

static void
test_bundle_killed_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = file_path (f, "demo-to-b.xml");
  g_autofree char *xdg = file_path (f, "xdg");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  const FgDemoAccount *accounts;
  const char *password = NULL;
  const char *argv[] = { cli_path (), "--db", f->b.dir.db_path, "import", path, NULL };
  FgBundleReport report;
  GPid pid;
  gint64 start;
  gint64 killed_after = -1;
  int status = 0;
  guint n_accounts;

  if (!g_file_test (cli_path (), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("firegrid-cli is not built");
      return;
    }

  /* A: a demo township of 3000 venues, whose administrator sends them */
  office_clear (&f->a);
  fg_test_dir_init (&f->a.dir);
  f->a.store = fg_office_open (f->a.dir.db_path, &error);
  g_assert_no_error (error);
  fg_demo_populate (f->a.store, fg_test_installer (), 3000, NULL, NULL, &error);
  g_assert_no_error (error);
  accounts = fg_demo_get_accounts (&n_accounts);
  for (guint i = 0; i < n_accounts; i++)
    if (accounts[i].role == FG_ROLE_TOWNSHIP_ADMIN)
      password = accounts[i].password;
  g_assert_nonnull (password);
  f->a.actor = fg_account_login (f->a.store, "admin", password, &error);
  g_assert_no_error (error);
  introduce (&f->a, &f->b);
  report = export_ok (&f->a, &f->b, path);
  g_assert_cmpuint (report.added, >, 3000);
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM venue", NULL), ==, 3000);

  before = dump (&f->b);
  env = g_get_environ ();
  env = g_environ_setenv (env, "XDG_DATA_HOME", xdg, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "FIREGRID_PASSWORD");

  /* killed once it has run 100 ms and holds the database's write lock:
   * inside the import's transaction */
  g_spawn_async (NULL, (char **) argv, env,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (;;)
    {
      gint64 elapsed = g_get_monotonic_time () - start;

      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("the import finished after %" G_GINT64_FORMAT " ms, before it could be killed: make the bundle "
                 "bigger", elapsed / 1000);
      if (elapsed >= 100 * 1000 && write_locked (&f->b))
        {
          killed_after = elapsed;
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
          break;
        }
      g_assert_cmpint (elapsed, <, 60 * G_USEC_PER_SEC);
      g_usleep (500);
    }
  g_spawn_close_pid (pid);
  g_test_message ("killed after %" G_GINT64_FORMAT " ms", killed_after / 1000);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* as before: no venue, the bundle not recorded */
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 0);

  /* and the same import again goes through */
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 3000);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM bundle_in", NULL), ==, 1);
}

/* 11. A bundle appears whole, or not at all */

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_bundle_export_atomic (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *missing_dir = file_path (f, "missing");
  g_autofree char *missing = g_build_filename (missing_dir, "a-to-b.xml", NULL);
  g_autofree char *directory = file_path (f, "a-directory");
  g_autofree char *good = file_path (f, "a-to-b.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  FgBundleReport report;

  before = dump (&f->a);

  /* a folder that is not there */
  g_assert_false (fg_bundle_export (f->a.store, fg_test_installer (), node_id (&f->b), missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* a name taken by a folder: written, then not given its name */
  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  g_assert_false (fg_bundle_export (f->a.store, fg_test_installer (), node_id (&f->b), directory, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_test (directory, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (directory), ==, 0);

  /* stopped */
  g_cancellable_cancel (cancellable);
  g_assert_false (fg_bundle_export (f->a.store, fg_test_installer (), node_id (&f->b), good, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (good, G_FILE_TEST_EXISTS));

  /* no half file anywhere, and the peer did not move on */
  g_assert_cmpuint (count_files (f->files), ==, 1);
  after = dump (&f->a);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (&f->a, "SELECT last_sent_seq FROM peer", NULL), ==, 0);
  g_assert_cmpint (count (&f->a, "SELECT sent_change FROM peer", NULL), ==, 0);

  /* the next export still carries the venue */
  report = export_ok (&f->a, &f->b, good);
  g_assert_cmpuint (report.added, >=, 1);
  g_assert_cmpint (count (&f->a, "SELECT last_sent_seq FROM peer", NULL), ==, 1);
  g_assert_cmpuint (count_files (f->files), ==, 2);
  import_ok (&f->b, good);
  name = venue_name (&f->b, restaurant);
  g_assert_cmpstr (name, ==, "老王烧烤");
}

/* The disk fills up (here: the file may not grow past 2 KB, as a full
 * disk or a FAT32 stick would refuse it): a clear error, no file, half
 * or whole, and the peer does not move on. */
static void
test_bundle_export_disk_full (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *receiver = g_strdup (node_id (&f->b));
  FgBundleReport report;
  int status = 0;
  pid_t pid;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u家小超市", i + 1);
      g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), name);
    }
  before = dump (&f->a);

  /* in a child of its own, whose files may not grow past 2 KB */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit limit = { 2048, 2048 };
      g_autoptr(GError) error = NULL;
      g_autoptr(FgStore) store = NULL;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (3);
      store = fg_office_open (f->a.dir.db_path, &error);
      if (store == NULL)
        _exit (4);
      if (fg_bundle_export (store, fg_test_installer (), receiver, path, NULL, NULL, &error))
        _exit (5);
      g_test_message ("%s", error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) || strstr (error->message, path) == NULL)
        _exit (6);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->files), ==, 0);
  after = dump (&f->a);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (&f->a, "SELECT last_sent_seq FROM peer", NULL), ==, 0);

  /* room again: the next export carries everything */
  report = export_ok (&f->a, &f->b, path);
  g_assert_cmpuint (report.added, >=, 20);
}

typedef struct
{
  GArray *fractions;
  GCancellable *cancellable;
  double cancel_at;
} Progress;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

/* An export says how far it is, rising, below 1 until it is done; and
 * stops at the next row when cancelled midway, with nothing written. */
static void
test_bundle_export_progress (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { fractions, cancellable, 0.3 };
  FgBundleReport report;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u家小超市", i + 1);
      g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), name);
    }

  /* stopped a third of the way */
  g_assert_false (fg_bundle_export_full (f->a.store, fg_test_installer (), node_id (&f->b), path, &report,
                                         record_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 0.6);
  g_assert_cmpuint (count_files (f->files), ==, 0);
  g_assert_cmpint (count (&f->a, "SELECT last_sent_seq FROM peer", NULL), ==, 0);

  /* the whole way */
  g_array_set_size (fractions, 0);
  progress.cancellable = NULL;
  g_assert_true (fg_bundle_export_full (f->a.store, fg_test_installer (), node_id (&f->b), path, &report,
                                        record_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 10);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0);
      g_assert_cmpfloat (fraction, <, 1);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), >, 0.5);
  import_ok (&f->b, path);
}

/* An import says how far it is, rising, below 1; cancelled midway, it
 * writes nothing, and the same file goes in whole afterwards. */
static void
test_bundle_import_progress (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { fractions, cancellable, 0.4 };
  FgBundleReport report;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *venue = g_strdup_printf ("第%u家小超市", i + 1);
      g_autofree char *id = add_venue (&f->a, fg_region_get_id (f->a.grid), venue);

      if (i == 0)
        first = g_steal_pointer (&id);
    }
  export_ok (&f->a, &f->b, path);
  before = dump (&f->b);

  g_assert_false (fg_bundle_import_full (f->b.store, fg_test_installer (), path, FALSE, &report,
                                         record_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 0.9);
  after = dump (&f->b);
  g_assert_cmpstr (after, ==, before);

  g_array_set_size (fractions, 0);
  progress.cancellable = NULL;
  g_assert_true (fg_bundle_import_full (f->b.store, fg_test_installer (), path, FALSE, &report,
                                        record_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 4);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0);
      g_assert_cmpfloat (fraction, <, 1);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (fractions, double, i - 1));
    }
  name = venue_name (&f->b, first);
  g_assert_cmpstr (name, ==, "第1家小超市");
}

/* Bundles with a hazard's events, read in the wrong order: the later
 * bundle carries the hazard, inspection and venue its events lean on, so
 * it goes in first, and the earlier one after it changes nothing more. */
static void
test_bundle_events_out_of_order (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *first = file_path (f, "events-1.xml");
  g_autofree char *second = file_path (f, "events-2.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  FgBundleReport report;

  export_ok (&f->a, &f->b, first);
  add_event (&f->a, hazard_id, FG_HAZARD_EVENT_NOTICE_ISSUED, fg_test_deadline (), "限期整改");
  export_ok (&f->a, &f->b, second);

  import_ok (&f->b, second);
  {
    g_autoptr(FgHazard) on_a = load_hazard (&f->a, hazard_id);
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);

    g_assert_cmpint (fg_hazard_get_state (on_b), ==, FG_HAZARD_STATE_RECTIFYING);
    g_assert_cmpint (fg_hazard_get_state (on_b), ==, fg_hazard_get_state (on_a));
  }
  /* the earlier bundle brings what is left (the "found" event) */
  report = import_ok (&f->b, first);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection", NULL), ==, 1);
  {
    g_autoptr(FgHazard) on_a = load_hazard (&f->a, hazard_id);
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);

    g_assert_cmpint (fg_hazard_get_state (on_b), ==, fg_hazard_get_state (on_a));
    g_assert_cmpuint (fg_hazard_get_events (on_b)->len, ==, fg_hazard_get_events (on_a)->len);
  }
}

/* More new venues than one statement writes (fg-bundle-merge.c writes them 256
 * at a time), then inspections of the last ones, with more results between
 * them than one statement writes: every venue arrives in its place, the
 * regions count them, a search finds them, and every inspection arrives
 * finished, with all its results. */
static void
test_bundle_many_venues (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = file_path (f, "many-venues.xml");
  g_autofree char *last = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = NULL;
  g_autofree char *venues_a = NULL;
  g_autofree char *venues_b = NULL;
  g_autofree char *counts_a = NULL;
  g_autofree char *counts_b = NULL;
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *region_counts = "SELECT group_concat (code || ':' || venue_count, ' ')"
                              " FROM (SELECT code, venue_count FROM region ORDER BY code)";
  FgBundleReport report;
  guint n = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("批量场所%03u", i);

      g_free (last);
      last = add_venue (&f->a, fg_region_get_id (i % 3 == 0 ? f->a.village : f->a.grid), name);
      if (i >= 280)
        {
          g_clear_pointer (&code, g_free);
          g_clear_pointer (&hazard_id, g_free);
          g_free (inspection_id);
          inspection_id = inspect_failing (&f->a, last, &code, &hazard_id);
        }
    }
  g_assert_cmpint (count (&f->a, "SELECT count(*) FROM inspection_result", NULL), >, 256);

  export_ok (&f->a, &f->b, path);
  report = import_ok (&f->b, path);
  g_assert_cmpuint (report.added, >=, 300 + 20 + 20);  /* the venues, the inspections, their hazards */
  g_assert_cmpuint (report.conflicts, ==, 0);

  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 300);
  venues_a = dump_venues (&f->a);
  venues_b = dump_venues (&f->b);
  g_assert_cmpstr (venues_b, ==, venues_a);
  counts_a = query_text (&f->a, region_counts, NULL);
  counts_b = query_text (&f->b, region_counts, NULL);
  g_assert_cmpstr (counts_b, ==, counts_a);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection WHERE finished_at IS NOT NULL", NULL), ==, 20);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection WHERE finished_at IS NULL", NULL), ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM inspection_result", NULL), ==,
                   count (&f->a, "SELECT count(*) FROM inspection_result", NULL));
  {
    g_autoptr(FgInspection) on_a = fg_inspection_load (f->a.store, fg_test_installer (), inspection_id, &error);
    g_autoptr(FgInspection) on_b = NULL;

    g_assert_no_error (error);
    on_b = fg_inspection_load (f->b.store, fg_test_installer (), inspection_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fg_inspection_get_finished_at (on_b), ==, fg_inspection_get_finished_at (on_a));
    g_assert_cmpuint (fg_inspection_get_n_answered (on_b), ==, fg_inspection_get_n_answered (on_a));
    g_assert_cmpint (fg_inspection_get_outcome (on_b, code), ==, FG_OUTCOME_FAIL);
  }
  {
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);

    g_assert_cmpstr (fg_hazard_get_venue_id (on_b), ==, last);
  }

  query->text = g_strdup ("批量场所");
  fg_venue_query_count (f->b.store, fg_test_installer (), query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 300);
  g_free (query->text);
  query->text = g_strdup ("场所299");
  found = fg_venue_query_fetch (f->b.store, fg_test_installer (), query, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (fg_venue_get_id (g_ptr_array_index (found, 0)), ==, last);
}

/* A bundle that brings a venue twice, the second time as an edit of the
 * first: the edit is applied on top of the row the first one made. */
static void
test_bundle_venue_twice (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = file_path (f, "a-to-b.xml");
  g_autofree char *twice = file_path (f, "twice.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *stamp = query_text (&f->a, "SELECT stamp FROM venue WHERE id = ?1", restaurant);
  g_autofree char *text = NULL;
  g_autofree char *edit = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stamp_attribute = g_strdup_printf ("stamp=\"%s\"", stamp);
  g_autofree char *later = NULL;
  const char *start;
  const char *end;
  FgBundleReport report;

  export_ok (&f->a, &f->b, path);
  text = read_text (path, NULL);

  /* the venue element again, renamed, stamped later, on top of the first */
  start = strstr (text, "<venue ");
  g_assert_nonnull (start);
  end = strstr (start, "/>") + 2;
  later = g_strdup_printf ("stamp=\"%015" G_GINT64_FORMAT "%s\" base-stamp=\"%s\"",
                           g_ascii_strtoll (stamp, NULL, 10) + 1, stamp + 15, stamp);
  {
    g_autofree char *element = g_strndup (start, end - start);
    g_autofree char *renamed = replace_once (element, "name=\"老王烧烤\"", "name=\"老王烧烤（新店）\"");

    edit = replace_once (renamed, stamp_attribute, later);
  }
  changed = g_strdup_printf ("%.*s%s%s", (int) (end - text), text, edit, end);
  write_signed (&f->a, changed, twice);

  report = import_ok (&f->b, twice);
  g_assert_cmpuint (report.changed, ==, 1);
  g_assert_cmpuint (report.conflicts, ==, 0);
  g_assert_cmpint (count (&f->b, "SELECT count(*) FROM venue", NULL), ==, 1);
  name = venue_name (&f->b, restaurant);
  g_assert_cmpstr (name, ==, "老王烧烤（新店）");
}

/* Events with photos, between events without: each photo row leans on
 * its event, and goes in after it. */
static void
test_bundle_event_photos (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = file_path (f, "event-photos.xml");
  g_autofree char *restaurant = add_venue (&f->a, fg_region_get_id (f->a.grid), "老王烧烤");
  g_autofree char *code = NULL;
  g_autofree char *hazard_id = NULL;
  g_autofree char *inspection_id = inspect_failing (&f->a, restaurant, &code, &hazard_id);
  g_autofree char *events_a = NULL;
  g_autofree char *events_b = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  FgHazardEventDetails details = { .note = "限期整改", .deadline = NULL, .photos = photos };

  details.deadline = fg_test_deadline ();

  g_ptr_array_add (photos, g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png));
  {
    g_autoptr(FgHazard) hazard = load_hazard (&f->a, hazard_id);

    fg_hazard_add_event (f->a.store, actor_of (&f->a), hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, &details, &error);
    g_assert_no_error (error);
  }
  add_event (&f->a, hazard_id, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, "店主称已整改");

  export_ok (&f->a, &f->b, path);
  import_ok (&f->b, path);

  events_a = event_list (&f->a, hazard_id);
  events_b = event_list (&f->b, hazard_id);
  g_assert_cmpstr (events_b, ==, events_a);
  {
    g_autoptr(FgHazard) on_a = load_hazard (&f->a, hazard_id);
    g_autoptr(FgHazard) on_b = load_hazard (&f->b, hazard_id);
    GPtrArray *events_on_a = fg_hazard_get_events (on_a);
    GPtrArray *events_on_b = fg_hazard_get_events (on_b);
    guint with_photos = 0;

    g_assert_cmpint (fg_hazard_get_state (on_b), ==, FG_HAZARD_STATE_REPORTED_FIXED);
    g_assert_cmpuint (events_on_b->len, ==, events_on_a->len);
    for (guint i = 0; i < events_on_b->len; i++)
      {
        FgHazardEvent *on_a_event = g_ptr_array_index (events_on_a, i);
        FgHazardEvent *on_b_event = g_ptr_array_index (events_on_b, i);
        g_autofree char *photos_a = on_a_event->photos != NULL ? g_strjoinv (" ", on_a_event->photos) : NULL;
        g_autofree char *photos_b = on_b_event->photos != NULL ? g_strjoinv (" ", on_b_event->photos) : NULL;

        g_assert_cmpstr (photos_b, ==, photos_a);
        if (on_b_event->photos != NULL)
          with_photos++;
      }
    /* the notice's, and the found event's: the inspection's photo of the item */
    g_assert_cmpuint (with_photos, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle/round-trip", Fixture, NULL, fixture_set_up, test_bundle_round_trip, fixture_tear_down);
  g_test_add ("/bundle/idempotent", Fixture, NULL, fixture_set_up, test_bundle_idempotent, fixture_tear_down);
  g_test_add ("/bundle/events-out-of-order", Fixture, NULL, fixture_set_up, test_bundle_events_out_of_order,
              fixture_tear_down);
  g_test_add ("/bundle/many-venues", Fixture, NULL, fixture_set_up, test_bundle_many_venues, fixture_tear_down);
  g_test_add ("/bundle/venue-twice", Fixture, NULL, fixture_set_up, test_bundle_venue_twice, fixture_tear_down);
  g_test_add ("/bundle/event-photos", Fixture, NULL, fixture_set_up, test_bundle_event_photos, fixture_tear_down);
  g_test_add ("/bundle/dry-run", Fixture, NULL, fixture_set_up, test_bundle_dry_run, fixture_tear_down);
  g_test_add ("/bundle/bulk-venues", Fixture, NULL, fixture_set_up, test_bundle_bulk_venues, fixture_tear_down);
  g_test_add ("/bundle/bulk-venues-failed", Fixture, NULL, fixture_set_up, test_bundle_bulk_venues_failed,
              fixture_tear_down);
  g_test_add ("/bundle/tampered", Fixture, NULL, fixture_set_up, test_bundle_tampered, fixture_tear_down);
  g_test_add ("/bundle/signers", Fixture, NULL, fixture_set_up, test_bundle_signers, fixture_tear_down);
  g_test_add ("/bundle/out-of-scope", Fixture, STRANGERS, fixture_set_up, test_bundle_out_of_scope, fixture_tear_down);
  g_test_add ("/bundle/writer", Fixture, STRANGERS, fixture_set_up, test_bundle_writer, fixture_tear_down);
  g_test_add ("/bundle/grid-writer", Fixture, STRANGERS, fixture_set_up, test_bundle_grid_writer, fixture_tear_down);
  g_test_add ("/bundle/replay", Fixture, NULL, fixture_set_up, test_bundle_replay, fixture_tear_down);
  g_test_add ("/bundle/conflict", Fixture, NULL, fixture_set_up, test_bundle_conflict, fixture_tear_down);
  g_test_add ("/bundle/hostile", Fixture, NULL, fixture_set_up, test_bundle_hostile, fixture_tear_down);
  g_test_add ("/bundle/killed-import", Fixture, STRANGERS, fixture_set_up, test_bundle_killed_import, fixture_tear_down);
  g_test_add ("/bundle/export-atomic", Fixture, NULL, fixture_set_up, test_bundle_export_atomic, fixture_tear_down);
  g_test_add ("/bundle/export-progress", Fixture, NULL, fixture_set_up, test_bundle_export_progress,
              fixture_tear_down);
  g_test_add ("/bundle/import-progress", Fixture, NULL, fixture_set_up, test_bundle_import_progress,
              fixture_tear_down);
  g_test_add ("/bundle/export-disk-full", Fixture, NULL, fixture_set_up, test_bundle_export_disk_full,
              fixture_tear_down);

  return g_test_run ();
}
