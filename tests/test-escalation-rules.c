/* test-escalation-rules.c — an office's own escalation rules
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The administrator loads rules of the office's own; they are checked
 * against the schema (and must send every hazard on at each step),
 * refused rules change nothing, and loaded rules are stored, audited and
 * used by the escalation run and the ledger until they are reset.
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-test-util.h"
#include "fg-audit-private.h"

#define PASSWORD "long-password"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *staff;
  char *hazard_id;
  char *shipped;   /* the rules' text as shipped */
  GDate *deadline;
} Fixture;

static FgActor *
add_account (Fixture    *f,
             FgActor    *by,
             const char *login,
             FgRole      role)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (f->store, by, login, login, role, fg_store_get_home_region_id (f->store),
                               PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (f->store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

/* A hazard of the restaurant whose order runs until f->deadline. */
static void
add_hazard (Fixture  *f,
            FgRegion *grid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *deadline = fg_calendar_format_date (f->deadline);
  const FgHazardEventDetails notice = { .deadline = deadline };
  FgActor *actor = f->admin;
  GListModel *items;
  gboolean failed = FALSE;

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "人民路1号", "restaurant", "王建国");
  fg_venue_save (f->store, actor, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->store, actor, fg_venue_get_id (venue), FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = !failed && !fg_checklist_item_get_major (item) && !fg_checklist_item_get_on_spot (item);

      failed |= fail;
      fg_inspection_record (f->store, actor, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (fg_inspection_finish (f->store, actor, inspection, &error));
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->store, actor, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_assert_true (fg_hazard_add_event (f->store, actor, g_ptr_array_index (hazards, 0), FG_HAZARD_EVENT_NOTICE_ISSUED,
                                      &notice, &error));
  g_assert_no_error (error);
  f->hazard_id = g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &grid);
  f->admin = add_account (f, fg_test_installer (), "admin", FG_ROLE_TOWNSHIP_ADMIN);
  f->staff = add_account (f, f->admin, "staff", FG_ROLE_TOWNSHIP_STAFF);
  today = fg_store_today (f->store);
  f->deadline = fg_calendar_add_workdays (f->store, today, 1);
  add_hazard (f, grid);
  f->shipped = fg_escalation_rules_dup_xml (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->staff, fg_actor_unref);
  g_free (f->hazard_id);
  g_free (f->shipped);
  g_clear_pointer (&f->deadline, g_date_free);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
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

/* The shipped rules with @old replaced by @new (which must be there). */
static GBytes *
changed (Fixture    *f,
         const char *old,
         const char *new)
{
  const char *at = strstr (f->shipped, old);
  GString *text;

  g_assert_nonnull (at);
  text = g_string_new_len (f->shipped, at - f->shipped);
  g_string_append (text, new);
  g_string_append (text, at + strlen (old));
  return g_string_free_to_bytes (text);
}

/* How many steps the order climbs when the rules run on @days working
 * days after its deadline. */
static guint
run_after (Fixture *f,
           guint    days)
{
  g_autoptr(GDate) day = fg_calendar_add_workdays (f->store, f->deadline, days);
  g_autoptr(GError) error = NULL;
  FgEscalationReport report = { 0 };

  g_assert_true (fg_escalation_run (f->store, f->admin, day, &report, &error));
  g_assert_no_error (error);
  return report.n_overdue;
}

/* Rules that are not rules, or loaded by someone who may not: refused,
 * with the reason, and the shipped rules still hold. */
static void
test_rules_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) not_a_number = changed (f, "<reinspection working-days=\"3\"/>",
                                             "<reinspection working-days=\"three\"/>");
  g_autoptr(GBytes) unknown_level = changed (f, "<to level=\"county-government\"/>", "<to level=\"village\"/>");
  g_autoptr(GBytes) conditional = changed (f, "<to level=\"police-station\"/>",
                                           "<to level=\"police-station\" if=\"key-unit\"/>");
  g_autoptr(GBytes) not_xml = g_bytes_new_static ("steps: 3, 5, 10", strlen ("steps: 3, 5, 10"));
  g_autoptr(GBytes) good = changed (f, "<reinspection working-days=\"3\"/>", "<reinspection working-days=\"5\"/>");
  struct { GBytes *bytes; GQuark domain; int code; const char *says; } refused[] = {
    { not_a_number, FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID, "three" },
    { unknown_level, FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID, "village" },
    { conditional, FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID, "step 2" },
    { not_xml, FG_ESCALATION_ERROR, FG_ESCALATION_ERROR_INVALID, "not a valid set of escalation rules" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (fg_escalation_rules_load (f->store, f->admin, refused[i].bytes, "own.xml", &error));
      g_assert_error (error, refused[i].domain, refused[i].code);
      if (strstr (error->message, refused[i].says) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, refused[i].says);
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (fg_escalation_rules_load (f->store, f->staff, good, "own.xml", &error));
    g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  }

  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM escalation_rules"), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action LIKE 'escalation-rules%'"
                                  " AND outcome = 'done'"), ==, 0);
  g_assert_cmpuint (fg_escalation_get_reinspection_days (f->store), ==, 3);
}

/* Rules loaded are the office's: stored, audited, used by the run and
 * the ledger; reset, the shipped ones hold again. */
static void
test_rules_loaded (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) quicker = changed (f, "<step working-days=\"3\">", "<step working-days=\"1\">");
  g_autoptr(GBytes) own = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *loaded_by = NULL;
  g_autofree char *shown = NULL;

  /* with the shipped rules, two working days past the deadline is too
   * early for the first step (three) */
  g_assert_cmpuint (run_after (f, 2), ==, 0);

  /* the office presses after one working day, and re-inspects within five */
  text = g_strndup (g_bytes_get_data (quicker, NULL), g_bytes_get_size (quicker));
  {
    g_autoptr(GString) both = g_string_new (text);

    g_string_replace (both, "<reinspection working-days=\"3\"/>", "<reinspection working-days=\"5\"/>", 1);
    own = g_string_free_to_bytes (g_steal_pointer (&both));
  }
  g_assert_true (fg_escalation_rules_load (f->store, f->admin, own, "own.xml", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fg_escalation_get_reinspection_days (f->store), ==, 5);
  shown = fg_escalation_rules_dup_xml (f->store, &source, NULL, &loaded_by, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (shown, strlen (shown), g_bytes_get_data (own, NULL), g_bytes_get_size (own));
  g_assert_cmpstr (source, ==, "own.xml");
  g_assert_cmpstr (loaded_by, ==, "admin");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'escalation-rules-load'"
                                  " AND actor_login = 'admin'"
                                  " AND json_extract (audit_before (before, images), '$.steps[0].working_days') = 3"
                                  " AND json_extract (audit_after (after, images), '$.steps[0].working_days') = 1"
                                  " AND json_extract (audit_after (after, images), '$.reinspection_days') = 5"), ==, 1);

  g_assert_cmpuint (run_after (f, 2), ==, 1);
  {
    g_autoptr(FgHazard) hazard = fg_hazard_load (f->store, f->admin, f->hazard_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (fg_hazard_get_escalation_level (hazard), ==, "township-enforcement");
  }

  g_assert_true (fg_escalation_rules_reset (f->store, f->admin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fg_escalation_get_reinspection_days (f->store), ==, 3);
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&source, g_free);
  shown = fg_escalation_rules_dup_xml (f->store, &source, NULL, NULL, &error);
  g_assert_cmpstr (shown, ==, f->shipped);
  g_assert_null (source);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM audit WHERE action = 'escalation-rules-reset'"
                                  " AND json_extract (audit_after (after, images), '$.sha256') = 'shipped'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/escalation/rules/refused", Fixture, NULL, fixture_set_up, test_rules_refused, fixture_tear_down);
  g_test_add ("/escalation/rules/loaded", Fixture, NULL, fixture_set_up, test_rules_loaded, fixture_tear_down);

  return g_test_run ();
}
