/* test-inspection-times.c — an inspection typed in from a paper form
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The officers give the times the inspection took place; the core holds
 * them to what a record can say (the end after the start, the same day,
 * not to come, not long ago), refuses the rest without writing anything,
 * and the record, the hazards and the audit log carry the times given.
 */
#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "fg-notice-private.h"
#include "fg-test-util.h"
#include "fg-audit-private.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *staff;
  char *venue_id;
} Fixture;

static FgActor *
add_account (Fixture    *f,
             FgActor    *by,
             const char *login,
             const char *name,
             FgRole      role,
             const char *number)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (f->store, by, login, name, role, fg_store_get_home_region_id (f->store),
                               PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, login, PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (fg_account_set_certificate (f->store, by == fg_test_installer () ? actor : by, login, number, &error));
  g_assert_no_error (error);
  return actor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &grid);
  f->admin = add_account (f, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN, "41042526000001");
  f->staff = add_account (f, f->admin, "staff", "李干事", FG_ROLE_TOWNSHIP_STAFF, "41042526000002");
  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  f->venue_id = g_strdup (fg_venue_get_id (venue));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->staff, fg_actor_unref);
  g_free (f->venue_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* A draft by the staff member with the administrator, every item
 * answered, the first ordinary item failed. */
static FgInspection *
answered_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  GListModel *items;
  gboolean failed = FALSE;

  inspection = fg_inspection_start (f->store, f->staff, f->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_set_second_inspector (f->store, f->staff, inspection, "admin", &error));
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && !fg_checklist_item_get_major (item) && !fg_checklist_item_get_on_spot (item);

      failed |= fail;
      fg_inspection_record (f->store, f->staff, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  return g_steal_pointer (&inspection);
}

/* The day @days from the store's today, at @clock ("HH:MM"). */
static char *
day_at (Fixture    *f,
        int         days,
        const char *clock)
{
  g_autoptr(GDate) date = fg_store_today (f->store);
  g_autofree char *day = NULL;

  if (days < 0)
    g_date_subtract_days (date, (guint) -days);
  else
    g_date_add_days (date, (guint) days);
  day = fg_calendar_format_date (date);
  return g_strdup_printf ("%s %s", day, clock);
}

static int
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (fg_audit_register_functions (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Times that cannot be are refused, each with its reason, and the
 * inspection stays a draft with no hazard. */
static void
test_times_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FgInspection) draft = answered_draft (f);
  g_autofree char *y_0930 = day_at (f, -1, "09:30");
  g_autofree char *y_0800 = day_at (f, -1, "08:00");
  g_autofree char *d2_1000 = day_at (f, -2, "10:00");
  g_autofree char *t_1000 = day_at (f, 1, "10:00");
  g_autofree char *t_1100 = day_at (f, 1, "11:00");
  g_autofree char *old_0900 = day_at (f, -(FG_INSPECTION_MAX_DAYS_BACK + 2), "09:00");
  g_autofree char *old_1000 = day_at (f, -(FG_INSPECTION_MAX_DAYS_BACK + 2), "10:00");
  struct { const char *started; const char *ended; const char *says; } refused[] = {
    { y_0930, y_0800, "must end after it started" },
    { y_0930, y_0930, "must end after it started" },
    { d2_1000, y_0930, "same day" },
    { t_1000, t_1100, "still to come" },
    { old_0900, old_1000, "days ago" },
    { "2026-13-01 09:00", "2026-13-01 10:00", "is not a time" },
    { "昨天上午", y_0930, "is not a time" },
    { y_0800, NULL, "both" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (fg_inspection_finish_at (f->store, f->staff, draft, refused[i].started, refused[i].ended, &error));
      g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_TIME);
      if (strstr (error->message, refused[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, refused[i].says);
      g_assert_false (fg_inspection_is_finished (draft));
    }

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM inspection WHERE finished_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM hazard"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'inspection-times'"), ==, 0);
}

/* Times given are the record's: stored, printed, the hazards found at the
 * end, the audit log noting the times given and when they were typed. */
static void
test_times_entered (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) draft = answered_draft (f);
  g_autoptr(FgInspection) reread = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autofree char *started = day_at (f, -3, "09:30");
  g_autofree char *ended = day_at (f, -3, "10:45");
  g_autofree char *started_iso = g_strdup (started);
  g_autofree char *ended_iso = g_strdup (ended);
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD };
  const char *on = NULL, *at = NULL, *end_at = NULL;

  started_iso[10] = 'T';
  ended_iso[10] = 'T';
  g_assert_true (fg_inspection_finish_at (f->store, f->staff, draft, started, ended, &error));
  g_assert_no_error (error);

  reread = fg_inspection_load (f->store, f->admin, fg_inspection_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (fg_inspection_get_started_at (reread), started_iso));
  g_assert_true (g_str_has_prefix (fg_inspection_get_finished_at (reread), ended_iso));

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_assert_cmpstr (fg_hazard_get_found_at (g_ptr_array_index (hazards, 0)), ==,
                   fg_inspection_get_finished_at (reread));

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'inspection-times'"
                                  " AND actor_login = 'staff'"
                                  " AND json_extract (audit_after (after, images), '$.entered_at') IS NOT NULL"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'inspection-times'"
                                            " AND json_extract (audit_after (after, images), '$.started_at') LIKE '%s%%'"
                                            " AND json_extract (audit_after (after, images), '$.finished_at') LIKE '%s%%'",
                                            started_iso, ended_iso);
    g_assert_cmpint (count_rows (f, sql), ==, 1);
  }

  request.inspection_id = fg_inspection_get_id (draft);
  record = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "inspected-on", "&s", &on));
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "inspected-at", "&s", &at));
  g_assert_true (g_variant_lookup (fg_notice_get_content (record), "finished-at", "&s", &end_at));
  g_assert_cmpint (strncmp (on, started, 10), ==, 0);
  g_assert_cmpstr (at, ==, "09:30");
  g_assert_cmpstr (end_at, ==, "10:45");
}

/* Without times the record says when it was typed, as before. */
static void
test_times_default (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) draft = answered_draft (f);
  g_autofree char *started = g_strdup (fg_inspection_get_started_at (draft));
  g_autoptr(GDate) today = fg_store_today (f->store);
  g_autofree char *day = fg_calendar_format_date (today);

  g_assert_true (fg_inspection_finish_at (f->store, f->staff, draft, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fg_inspection_get_started_at (draft), ==, started);
  g_assert_true (g_str_has_prefix (fg_inspection_get_finished_at (draft), day));
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'inspection-times'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/inspection/times/refused", Fixture, NULL, fixture_set_up, test_times_refused, fixture_tear_down);
  g_test_add ("/inspection/times/entered", Fixture, NULL, fixture_set_up, test_times_entered, fixture_tear_down);
  g_test_add ("/inspection/times/default", Fixture, NULL, fixture_set_up, test_times_default, fixture_tear_down);

  return g_test_run ();
}
