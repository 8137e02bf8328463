/* test-demo.c — the demo township and its weeks of history
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "fg-calendar.h"
#include "fg-demo-private.h"
#include "fg-store-private.h"
#include "fg-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  GDate *today;
  GTimeSpan offset;
} Demo;

/* A demo written as if today were @year-@month-@day. */
static void
demo_init (Demo       *demo,
           int         year,
           int         month,
           int         day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgActor) installer = fg_actor_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_new_local (year, month, day, 10, 30, 0);

  fg_test_dir_init (&demo->dir);
  demo->store = fg_office_open (demo->dir.db_path, &error);
  g_assert_no_error (error);
  demo->offset = g_date_time_difference (then, now);
  fg_store_set_clock_offset (demo->store, demo->offset);
  fg_demo_populate (demo->store, installer, FG_DEMO_DEFAULT_VENUES, NULL, NULL, &error);
  g_assert_no_error (error);
  demo->admin = fg_account_login (demo->store, "admin", "demo-admin", &error);
  g_assert_no_error (error);
  demo->today = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->admin, fg_actor_unref);
  g_clear_object (&demo->store);
  g_clear_pointer (&demo->today, g_date_free);
  fg_test_dir_clear (&demo->dir);
}

static GDate *
parse_day (const char *iso8601)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *day = g_strndup (iso8601, 10);
  GDate *date = fg_calendar_parse_date (day, &error);

  g_assert_no_error (error);
  return date;
}

/* grade × state → how many, and documents of each kind: what the demo
 * tells, whatever day it is written on */
static char *
demo_story (Demo *demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list (demo->store, demo->admin, NULL, NULL, -1, &error);
  g_autoptr(GPtrArray) notices = NULL;
  guint counts[3][FG_HAZARD_N_STATES] = { { 0 } };
  guint kinds[FG_NOTICE_N_KINDS] = { 0 };
  GString *story = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);

      counts[fg_hazard_get_grade (hazard)][fg_hazard_get_state (hazard)]++;
    }
  notices = fg_notice_list (demo->store, demo->admin, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notices->len; i++)
    kinds[fg_notice_get_kind (g_ptr_array_index (notices, i))]++;

  for (guint grade = 0; grade < 3; grade++)
    for (guint state = 0; state < FG_HAZARD_N_STATES; state++)
      if (counts[grade][state] > 0)
        g_string_append_printf (story, "%s %s: %u\n", fg_hazard_grade_to_string (grade),
                                fg_hazard_state_to_string (state), counts[grade][state]);
  for (guint kind = 0; kind < FG_NOTICE_N_KINDS; kind++)
    g_string_append_printf (story, "%s: %u\n", fg_notice_kind_to_string (kind), kinds[kind]);

  return g_string_free (story, FALSE);
}

/* The demo's weeks: hazards at every stage, each told in order on working
 * days up to today, documents numbered in the order they were issued, and
 * an audit log that verifies. */
static void
test_demo_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GHashTable) states = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) last_issued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDate) earliest = NULL;
  guint n_overdue = 0;
  guint n_records = 0;
  guint n_escalations = 0;
  guint n_refused = 0;
  Demo demo;

  /* a Wednesday */
  demo_init (&demo, 2026, 11, 25);

  hazards = fg_hazard_list (demo.store, demo.admin, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, >, 20);
  for (guint i = 0; i < hazards->len; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (demo.store, demo.admin,
                                                   fg_hazard_get_id (g_ptr_array_index (hazards, i)), &error);
      g_autoptr(GDate) found = NULL;
      GPtrArray *events;
      const char *previous;
      gboolean refused;

      g_assert_no_error (error);
      g_hash_table_add (states, GINT_TO_POINTER (fg_hazard_get_state (hazard)));
      if (fg_hazard_count_overdue (demo.store, hazard, demo.today) > 0)
        n_overdue++;

      /* found on a working day, within the weeks before today */
      found = parse_day (fg_hazard_get_found_at (hazard));
      g_assert_true (fg_calendar_is_workday (demo.store, found));
      g_assert_cmpint (g_date_compare (found, demo.today), <=, 0);
      g_assert_cmpint (g_date_days_between (found, demo.today), <, 60);
      if (earliest == NULL || g_date_compare (found, earliest) < 0)
        {
          g_clear_pointer (&earliest, g_date_free);
          earliest = g_date_copy (found);
        }

      /* its events in order of time as of stamps, none after today */
      events = fg_hazard_get_events (hazard);
      previous = fg_hazard_get_found_at (hazard);
      refused = FALSE;
      for (guint j = 0; j < events->len; j++)
        {
          const FgHazardEvent *event = g_ptr_array_index (events, j);
          g_autoptr(GDate) day = parse_day (event->at);

          g_assert_cmpstr (event->at, >=, previous);
          g_assert_cmpint (g_date_compare (day, demo.today), <=, 0);
          previous = event->at;

          /* pressed up from the township, never down to a village; a
           * refusal to sign was service, handed to no one */
          if (event->kind == FG_HAZARD_EVENT_ESCALATED)
            {
              g_assert_cmpstr (event->level, !=, "village");
              g_assert_cmpstr (event->level, !=, "township");
              n_escalations++;
            }
          if (event->kind == FG_HAZARD_EVENT_NOTICE_REFUSED)
            refused = TRUE;
          g_assert_false (refused && event->kind == FG_HAZARD_EVENT_TRANSFERRED);
        }
      n_refused += refused;
    }

  /* every stage of the lifecycle is there to be seen */
  g_assert_true (g_hash_table_contains (states, GINT_TO_POINTER (FG_HAZARD_STATE_OPEN)));
  g_assert_true (g_hash_table_contains (states, GINT_TO_POINTER (FG_HAZARD_STATE_RECTIFYING)));
  g_assert_true (g_hash_table_contains (states, GINT_TO_POINTER (FG_HAZARD_STATE_REPORTED_FIXED)));
  g_assert_true (g_hash_table_contains (states, GINT_TO_POINTER (FG_HAZARD_STATE_ESCALATED)));
  g_assert_cmpuint (n_escalations, >, 0);
  g_assert_cmpuint (n_refused, >, 0);
  g_assert_true (g_hash_table_contains (states, GINT_TO_POINTER (FG_HAZARD_STATE_CLOSED)));
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpint (g_date_days_between (earliest, demo.today), >, 30);

  /* numbers follow the days of issue, kind by kind */
  notices = fg_notice_list (demo.store, demo.admin, NULL, NULL, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, >, 10);
  for (guint i = notices->len; i-- > 0;)
    {
      FgNotice *notice = g_ptr_array_index (notices, i);
      const char *kind = fg_notice_kind_to_string (fg_notice_get_kind (notice));
      const char *before = g_hash_table_lookup (last_issued, kind);

      g_assert_true (before == NULL || strcmp (before, fg_notice_get_issued_on (notice)) <= 0);
      g_hash_table_insert (last_issued, g_strdup (kind), g_strdup (fg_notice_get_issued_on (notice)));
    }
  /* no 责令立即改正, no 移送书 */
  g_assert_cmpuint (g_hash_table_size (last_issued), ==, FG_NOTICE_N_KINDS - 2);

  /* the audit log of all of it holds together */
  fg_audit_verify (demo.store, demo.admin, &n_records, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, >, 100);

  /* and the store's clock is where it was before the demo */
  g_assert_cmpint (fg_store_get_clock_offset (demo.store), ==, demo.offset);

  demo_clear (&demo);
}

/* Planned in working days, the demo tells the same story on any day: a
 * weekday, a Sunday, over a new year and its holiday, and in a year whose
 * holidays the calendar does not know yet (weekends are days off). */
static void
test_demo_any_day (void)
{
  static const int days[][3] = {
    { 2026, 11, 25 },
    { 2026, 6, 14 },   /* a Sunday */
    { 2026, 1, 14 },   /* the weeks before reach into 2025 */
    { 2027, 3, 17 },
  };
  g_autofree char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *story = NULL;
      Demo demo;

      demo_init (&demo, days[i][0], days[i][1], days[i][2]);
      story = demo_story (&demo);
      g_test_message ("%04d-%02d-%02d:\n%s", days[i][0], days[i][1], days[i][2], story);
      if (first == NULL)
        first = g_steal_pointer (&story);
      else
        g_assert_cmpstr (story, ==, first);
      demo_clear (&demo);
    }
}

/* Rows of @sql, each column's text joined by '|', a line each. */
static char *
sql_rows (FgStore    *store,
          const char *sql)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
count_dropped_triggers (void       *data,
                        int         action,
                        const char *name,
                        const char *table,
                        const char *database,
                        const char *inner)
{
  if (action == SQLITE_DROP_TRIGGER)
    g_ptr_array_add (data, g_strdup (name));
  return SQLITE_OK;
}

#define BULK_TEST_VENUES 2000

/* What a demo of venues holds, apart from what differs between any two
 * demos (ids and times): each venue where it lies, its fields and sort
 * keys, as it is and as its audit record has it; the counts of regions,
 * categories, changes to send and records of each action; what a search
 * finds; the schema. */
static char *
demo_contents (FgStore *store,
               FgActor *admin)
{
  static const char * const queries[] = {
    "SELECT (SELECT code FROM region WHERE id = v.county_id), (SELECT code FROM region WHERE id = v.township_id),"
    "  (SELECT code FROM region WHERE id = v.village_id), (SELECT code FROM region WHERE id = v.grid_id),"
    "  (SELECT code FROM region WHERE id = v.region_id), v.name, v.address, v.categories, v.operator_name, v.phone,"
    "  v.credit_code, v.floor_area, v.floors, v.sleeping, v.key_unit, v.smoke_alarm, v.status, v.deleted,"
    "  hex (v.name_key), hex (v.address_key), hex (v.operator_key), v.origin_node = (SELECT id FROM node),"
    "  v.base_stamp IS NULL, v.stamp > '' FROM venue v ORDER BY v.seq",
    /* the audit record of each venue added: the venue as it was written */
    "SELECT a.actor_login, a.actor_kind, a.outcome, a.before IS NULL,"
    "  json_remove (audit_after (a.after, a.images), '$.id', '$.region_id', '$.county_id', '$.township_id', '$.village_id', '$.grid_id',"
    "    '$.created_at', '$.origin_node', '$.stamp'),"
    "  json_extract (audit_after (a.after, a.images), '$.id') = v.id AND json_extract (audit_after (a.after, a.images), '$.stamp') = v.stamp"
    "  AND json_extract (audit_after (a.after, a.images), '$.created_at') = v.created_at"
    " FROM audit a JOIN venue v ON v.id = a.record_id WHERE a.action = 'venue-add' ORDER BY a.seq",
    "SELECT action, count(*) FROM audit GROUP BY action ORDER BY action",
    "SELECT code, level, name, venue_count FROM region ORDER BY code",
    "SELECT category, count(*) FROM venue_category GROUP BY category ORDER BY category",
    "SELECT table_name, count(*) FROM change_log GROUP BY table_name ORDER BY table_name",
    "SELECT type, name, sql FROM sqlite_master ORDER BY type, name",
  };
  static const char * const terms[] = { "烧烤", "店", "超市", "老王" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *rows = sql_rows (store, queries[i]);

      g_string_append_printf (text, "-- %s\n%s", queries[i], rows);
    }
  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(FgPagedList) list = NULL;
      guint n = 0;

      query->text = g_strdup (terms[i]);
      g_assert_true (fg_venue_query_count (store, admin, query, &n, &error));
      g_assert_no_error (error);
      g_string_append_printf (text, "-- search %s: %u\n", terms[i], n);
      list = fg_venue_query_list_new (store, admin, query);
      for (guint j = 0; j < MIN (n, 60); j++)
        {
          g_autoptr(FgVenue) venue = g_list_model_get_item (G_LIST_MODEL (list), j);

          g_string_append_printf (text, "%s, %s\n", fg_venue_get_name (venue), fg_venue_get_address (venue));
        }
    }
  return g_string_free (text, FALSE);
}

/* A demo built in bulk (a county's million venues take minutes) holds what
 * the demo built one venue at a time holds. */
static void
test_demo_bulk (void)
{
  char *contents[2] = { NULL, NULL };   /* one by one, then in bulk */

  for (guint bulk = 0; bulk <= 1; bulk++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FgActor) installer = fg_actor_new_local ();
      g_autoptr(FgStore) store = NULL;
      g_autoptr(FgActor) admin = NULL;
      g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) problems = NULL;
      guint n_records = 0;
      FgTestDir dir;

      fg_test_dir_init (&dir);
      store = fg_office_open (dir.db_path, &error);
      g_assert_no_error (error);
      sqlite3_set_authorizer (fg_store_get_db (store), count_dropped_triggers, dropped);
      g_assert_true (fg_demo_populate_with (store, installer, BULK_TEST_VENUES, bulk, NULL, NULL, &error));
      g_assert_no_error (error);
      sqlite3_set_authorizer (fg_store_get_db (store), NULL, NULL);

      /* in bulk, the venues' upkeep waits for the end of each commit's
       * venues: venue_after_insert is the trigger the passes do the work
       * of (if this fails, the schema changed it: see
       * venue_upkeep_trigger in fg-venue-upkeep.c) */
      if (bulk)
        {
          g_assert_cmpuint (dropped->len, ==, 1);
          g_assert_cmpstr (g_ptr_array_index (dropped, 0), ==, "venue_after_insert");
        }
      else
        g_assert_cmpuint (dropped->len, ==, 0);

      admin = fg_account_login (store, "admin", "demo-admin", &error);
      g_assert_no_error (error);
      contents[bulk] = demo_contents (store, admin);

      /* the log is one chain, the search index holds what the venues do,
       * and every count is what it derives from */
      g_assert_true (fg_audit_verify (store, admin, &n_records, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_records, >, BULK_TEST_VENUES);
      g_assert_true (fg_store_exec (store, "INSERT INTO venue_fts (venue_fts) VALUES ('integrity-check')", &error));
      g_assert_no_error (error);
      problems = fg_integrity_check (store, admin, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s", ((FgIntegrityProblem *) g_ptr_array_index (problems, i))->message);
      g_assert_cmpuint (problems->len, ==, 0);

      g_clear_object (&store);
      fg_test_dir_clear (&dir);
    }

  g_assert_cmpuint (strlen (contents[0]), >, BULK_TEST_VENUES * 100);
  g_assert_cmpstr (contents[1], ==, contents[0]);
  g_free (contents[0]);
  g_free (contents[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/history", test_demo_history);
  g_test_add_func ("/demo/any-day", test_demo_any_day);
  g_test_add_func ("/demo/bulk", test_demo_bulk);

  return g_test_run ();
}
