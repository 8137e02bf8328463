/* test-hazard.c — the hazard lifecycle: events, transitions, the fold
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sqlite3.h>

#include "fg-store-private.h"
#include "fg-test-util.h"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  FgActor *grid;
  char *hazard_id;
  char *found_photo;   /* the inspector's photo of the failed item */
} Fixture;

static FgActor *
add_account (FgStore    *store,
             FgActor    *admin,
             const char *login,
             FgRole      role,
             const char *scope)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (store, admin, login, "某人", role, scope, "long-password", &error);
  g_assert_no_error (error);
  actor = fg_account_login (store, login, "long-password", &error);
  g_assert_no_error (error);
  return actor;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &grid);
  f->admin = add_account (f->store, fg_test_installer (), "admin", FG_ROLE_TOWNSHIP_ADMIN,
                          fg_store_get_home_region_id (f->store));
  f->grid = add_account (f->store, f->admin, "grid", FG_ROLE_GRID_WORKER, fg_region_get_id (grid));

  venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);

  /* an inspection whose first ordinary item fails */
  inspection = fg_inspection_start (f->store, f->grid, fg_venue_get_id (venue), FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = FALSE;

      if (f->hazard_id == NULL && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item))
        {
          fail = TRUE;
          f->hazard_id = g_strdup ("pending");
        }
      fg_inspection_record (f->store, f->grid, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail ? "无巡查记录" : NULL, &error);
      g_assert_no_error (error);

      /* with a photo of what was found */
      if (fail)
        {
          g_autoptr(GBytes) photo = g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png);

          f->found_photo = fg_inspection_attach_photo (f->store, f->grid, inspection,
                                                       fg_checklist_item_get_code (item), photo, &error);
          g_assert_no_error (error);
        }
    }
  fg_inspection_finish (f->store, f->grid, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_free (f->hazard_id);
  f->hazard_id = g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_pointer (&f->grid, fg_actor_unref);
  g_free (f->hazard_id);
  g_free (f->found_photo);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

static FgHazard *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FgHazard *hazard = fg_hazard_load (f->store, f->admin, f->hazard_id, &error);

  g_assert_no_error (error);
  return hazard;
}

static void
event (Fixture           *f,
       FgActor           *actor,
       FgHazard          *hazard,
       FgHazardEventKind  kind,
       const char        *deadline,
       const char        *note,
       FgHazardState      expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = fg_store_today (f->store);
  g_autofree char *day = fg_calendar_format_date (today);
  FgHazardEventDetails details = { .note = note, .deadline = deadline };

  /* the brigade's decision comes with its number, date and name */
  if (kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR || kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED)
    {
      details.decision_number = "郏消隐判字〔2026〕第1号";
      details.decision_date = day;
      details.decision_authority = "郏县消防救援大队";
    }
  fg_hazard_add_event (f->store, actor, hazard, kind, &details, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, expected);
}

static void
refused (Fixture           *f,
         FgActor           *actor,
         FgHazard          *hazard,
         FgHazardEventKind  kind,
         const char        *deadline,
         const char        *note,
         GQuark             domain,
         int                code)
{
  g_autoptr(GError) error = NULL;
  FgHazardEventDetails details = { .note = note, .deadline = deadline };
  FgHazardState before = fg_hazard_get_state (hazard);
  guint n_events = fg_hazard_get_events (hazard)->len;

  g_assert_false (fg_hazard_add_event (f->store, actor, hazard, kind, &details, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, before);
  g_assert_cmpuint (fg_hazard_get_events (hazard)->len, ==, n_events);
}

/* Sets the store's clock to @day (the time of day stays): events recorded
 * next are dated on it. */
static void
set_day (Fixture *f,
         guint    day,
         guint    month,
         guint    year)
{
  g_autoptr(GDate) wanted = g_date_new_dmy (day, month, year);
  g_autoptr(GDate) now = NULL;

  fg_store_set_clock_offset (f->store, 0);
  now = fg_store_today (f->store);
  fg_store_set_clock_offset (f->store, g_date_days_between (now, wanted) * G_TIME_SPAN_DAY);
}

static void
test_hazard_lifecycle (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgHazard) reread = NULL;
  GPtrArray *events;

  /* what a window may offer whom */
  g_assert_true (fg_hazard_event_can_record (f->grid, FG_HAZARD_EVENT_REPORTED_FIXED));
  g_assert_false (fg_hazard_event_can_record (f->grid, FG_HAZARD_EVENT_NOTICE_ISSUED));
  g_assert_false (fg_hazard_event_can_record (f->grid, FG_HAZARD_EVENT_CLOSED));
  g_assert_true (fg_hazard_event_can_record (f->admin, FG_HAZARD_EVENT_CLOSED));
  g_assert_false (fg_hazard_event_can_record (f->admin, FG_HAZARD_EVENT_FOUND));

  /* found with the inspection */
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_OPEN);
  events = fg_hazard_get_events (hazard);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((FgHazardEvent *) g_ptr_array_index (events, 0))->kind, ==, FG_HAZARD_EVENT_FOUND);
  g_assert_cmpstr (((FgHazardEvent *) g_ptr_array_index (events, 0))->note, ==, "无巡查记录");

  /* the rest of its life is written in the days before the deadlines
   * below, which are at most a year ahead */
  set_day (f, 20, 12, 2098);

  /* not yet: nothing to close, no deadline to extend */
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_CLOSED, NULL, NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_DEADLINE_EXTENDED, "2099-01-01", "理由", FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  /* a notice needs a real deadline, not before the finding */
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, NULL, NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-02-30", NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2000-01-01", NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  /* a grid worker may not issue notices */
  refused (f, f->grid, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-10", NULL, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);

  /* the deadline a notice is offered counts working days: from the eve of
   * National Day it lands after the holiday (1–7 October 2026) */
  {
    g_autoptr(GDate) eve = g_date_new_dmy (30, G_DATE_SEPTEMBER, 2026);
    g_autofree char *proposed = fg_hazard_propose_deadline (f->store, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, eve);

    g_assert_cmpstr (proposed, >=, "2026-10-08");
  }

  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-10", NULL, FG_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (fg_hazard_get_deadline (hazard), ==, "2099-01-10");

  /* an extension runs on from the deadline still ahead, a notice from today */
  {
    g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
    g_autofree char *extended = fg_hazard_propose_deadline (f->store, hazard, FG_HAZARD_EVENT_DEADLINE_EXTENDED, today);
    g_autofree char *renewed = fg_hazard_propose_deadline (f->store, hazard, FG_HAZARD_EVENT_REINSPECTED_FAIL, today);

    g_assert_cmpstr (extended, >, "2099-01-10");
    g_assert_cmpstr (renewed, <, "2027-01-01");
  }

  /* what the ledger shows: the venue, the item, days overdue (2099-01-10
   * is a Saturday: the Monday after is one working day past) */
  g_assert_cmpstr (fg_hazard_get_venue_name (hazard), ==, "老王烧烤");
  g_assert_cmpstr (fg_hazard_get_village_name (hazard), ==, "李庄村");
  g_assert_cmpstr (fg_hazard_get_item_text (hazard), !=, "");
  {
    g_autoptr(GDate) before = g_date_new_dmy (7, 1, 2099);
    g_autoptr(GDate) on = g_date_new_dmy (10, 1, 2099);
    g_autoptr(GDate) after = g_date_new_dmy (12, 1, 2099);

    g_assert_cmpint (fg_hazard_count_overdue (f->store, hazard, before), ==, -2);
    g_assert_cmpint (fg_hazard_count_overdue (f->store, hazard, on), ==, 0);
    g_assert_cmpint (fg_hazard_count_overdue (f->store, hazard, after), ==, 1);
  }

  /* an extension: later, and with a reason */
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_DEADLINE_EXTENDED, "2099-01-05", "理由", FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_DEADLINE_EXTENDED, "2099-01-20", NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_DEADLINE_EXTENDED, "2099-01-20", "需订购材料", FG_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (fg_hazard_get_deadline (hazard), ==, "2099-01-20");

  /* the grid worker passes on the venue's word; re-inspection fails, then passes */
  event (f, f->grid, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, "店主称已整改", FG_HAZARD_STATE_REPORTED_FIXED);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_REINSPECTED_FAIL, "2099-02-01", "仍未建立台账", FG_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (fg_hazard_get_deadline (hazard), ==, "2099-02-01");
  event (f, f->admin, hazard, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, NULL, FG_HAZARD_STATE_VERIFIED);

  /* a grid worker may not close (销号); the township may */
  refused (f, f->grid, hazard, FG_HAZARD_EVENT_CLOSED, NULL, NULL, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_CLOSED, NULL, NULL, FG_HAZARD_STATE_CLOSED);
  refused (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-03-01", NULL, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_REOPENED, NULL, "复查发现反弹", FG_HAZARD_STATE_OPEN);

  /* all of it is on record, in order, and survives a reread */
  reread = load (f);
  g_assert_cmpint (fg_hazard_get_state (reread), ==, FG_HAZARD_STATE_OPEN);
  g_assert_cmpuint (fg_hazard_get_events (reread)->len, ==, 8);
  g_assert_cmpint (((FgHazardEvent *) g_ptr_array_index (fg_hazard_get_events (reread), 7))->kind,
                   ==, FG_HAZARD_EVENT_REOPENED);
}

static void
test_hazard_major_escalates (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(GPtrArray) escalated = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *events;
  guint n_events = fg_hazard_get_events (hazard)->len;

  /* an ordinary hazard the brigade was not sent: no decision of its */
  g_assert_false (fg_hazard_awaits_decision (hazard));
  {
    g_autoptr(GDate) today = fg_store_today (f->store);
    g_autofree char *day = fg_calendar_format_date (today);
    const FgHazardEventDetails decision = {
      .decision_number = "郏消隐判字〔2026〕第1号", .decision_date = day, .decision_authority = "郏县消防救援大队",
    };
    FgHazardEventKind kinds[] = { FG_HAZARD_EVENT_CONFIRMED_MAJOR, FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED };
    g_autoptr(FgHazard) reread = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, kinds[i], &decision, &error));
        g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
        g_assert_nonnull (strstr (error->message, "sent to the county brigade"));
        g_clear_error (&error);
      }
    reread = load (f);
    g_assert_cmpuint (fg_hazard_get_events (reread)->len, ==, n_events);
    g_assert_false (fg_hazard_get_major_confirmed (reread));
  }

  /* once it went up to the county brigade, the brigade decides */
  {
    const FgHazardEventDetails up = { .level = "county-brigade", .note = "重点单位逾期未改" };

    g_assert_true (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_ESCALATED, &up, &error));
    g_assert_no_error (error);
  }
  g_assert_true (fg_hazard_awaits_decision (hazard));
  event (f, f->admin, hazard, FG_HAZARD_EVENT_CONFIRMED_MAJOR, NULL, "经专家论证", FG_HAZARD_STATE_ESCALATED);
  g_assert_true (fg_hazard_get_major_confirmed (hazard));
  g_assert_cmpstr (fg_hazard_get_escalation_level (hazard), ==, "county-brigade");
  {
    /* where it went, by the office's name, as the documents name it */
    g_autofree char *office = fg_escalation_dup_office_name (f->store, hazard);

    g_assert_cmpstr (office, ==, "郏县消防救援大队");
  }
  events = fg_hazard_get_events (hazard);
  g_assert_cmpint (((FgHazardEvent *) g_ptr_array_index (events, events->len - 1))->kind, ==, FG_HAZARD_EVENT_ESCALATED);

  /* the ledger sees it */
  escalated = fg_hazard_list (f->store, f->admin, NULL, NULL, FG_HAZARD_STATE_ESCALATED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escalated->len, ==, 1);

  /* an escalation names its level; a transfer its target */
  {
    FgHazardEventDetails nowhere = { .level = "moon" };
    FgHazardEventDetails police = { .target = "police-station" };

    FgHazardEventDetails no_one = { .target = "moon" };

    /* said in words, not in the values the program stores */
    g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_ESCALATED, &nowhere, &error));
    g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_LEVEL);
    g_assert_nonnull (strstr (error->message, "the police station, the county fire-rescue brigade"));
    g_assert_null (strstr (error->message, "police-station"));
    g_assert_null (strstr (error->message, "county-brigade"));
    g_assert_null (strstr (error->message, "township-enforcement"));
    g_clear_error (&error);
    g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_TRANSFERRED, &no_one, &error));
    g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_TARGET);
    g_assert_nonnull (strstr (error->message, "the police station or the regulator"));
    g_assert_null (strstr (error->message, "police-station"));
    g_clear_error (&error);
    fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_TRANSFERRED, &police, &error);
    g_assert_no_error (error);
    g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_TRANSFERRED);
  }
}

static FgHazardEvent *
synthetic (const char        *stamp,
           FgHazardEventKind  kind,
           const char        *deadline)
{
  FgHazardEvent *event = g_new0 (FgHazardEvent, 1);

  event->id = g_strdup (stamp);
  event->stamp = g_strdup (stamp);
  event->kind = kind;
  event->deadline = g_strdup (deadline);
  return event;
}

static void
test_hazard_fold_order_independent (void)
{
  /* two offices' histories of one hazard: the township issued a notice
   * and later closed it after re-inspection; the county, meanwhile,
   * escalated it (a merge puts the escalation between) */
  g_autoptr(GPtrArray) township = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_hazard_event_free);
  g_autoptr(GPtrArray) county = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_hazard_event_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  FgHazardFold reference;

  g_ptr_array_add (township, synthetic ("001-00000-a", FG_HAZARD_EVENT_FOUND, NULL));
  g_ptr_array_add (township, synthetic ("002-00000-a", FG_HAZARD_EVENT_NOTICE_ISSUED, "2026-12-10"));
  g_ptr_array_add (township, synthetic ("004-00000-a", FG_HAZARD_EVENT_REINSPECTED_PASS, NULL));
  g_ptr_array_add (township, synthetic ("005-00000-a", FG_HAZARD_EVENT_CLOSED, NULL));
  g_ptr_array_add (county, synthetic ("001-00000-a", FG_HAZARD_EVENT_FOUND, NULL));
  g_ptr_array_add (county, synthetic ("003-00000-b", FG_HAZARD_EVENT_CONFIRMED_MAJOR, NULL));
  g_ptr_array_add (county, synthetic ("003-00001-b", FG_HAZARD_EVENT_ESCALATED, NULL));

  /* the union, however it is put together, folds to one state */
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_hazard_event_free);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      GPtrArray *sources[2] = { township, county };
      FgHazardFold fold;

      for (guint s = 0; s < 2; s++)
        for (guint i = 0; i < sources[s]->len; i++)
          {
            FgHazardEvent *e = g_ptr_array_index (sources[s], i);
            if (g_hash_table_add (seen, e->id))
              g_ptr_array_add (merged, fg_hazard_event_copy (e));
          }

      /* shuffle */
      for (guint i = merged->len - 1; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          gpointer t = merged->pdata[i];
          merged->pdata[i] = merged->pdata[j];
          merged->pdata[j] = t;
        }

      fg_hazard_fold (merged, &fold);
      if (round == 0)
        reference = fold;
      else
        {
          g_assert_cmpint (fold.state, ==, reference.state);
          g_assert_cmpstr (fold.deadline, ==, reference.deadline);
          g_assert_cmpint (fold.major_confirmed, ==, reference.major_confirmed);
          g_assert_cmpuint (fold.n_skipped, ==, reference.n_skipped);
          fg_hazard_fold_clear (&fold);
        }
    }

  /* found, notice, confirmed major, escalated; then the re-inspection
   * does not follow an escalation and is skipped, and so is the close */
  g_assert_cmpint (reference.state, ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_true (reference.major_confirmed);
  g_assert_cmpuint (reference.n_applied, ==, 4);
  g_assert_cmpuint (reference.n_skipped, ==, 2);
  fg_hazard_fold_clear (&reference);
}

static void
test_hazard_events_append_only (Fixture       *f,
                                gconstpointer  data)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE hazard_event SET note = 'x'", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM hazard_event", NULL, NULL, &message), !=, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

/* Another finished inspection of the venue, failing @code. */
static char *
inspect_again (Fixture    *f,
               const char *venue_id,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;

  inspection = fg_inspection_start (f->store, f->grid, venue_id, FG_INSPECTION_KIND_REINSPECTION, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = g_str_equal (fg_checklist_item_get_code (item), code);

      fg_inspection_record (f->store, f->grid, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->grid, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
}

static void
run_rules (Fixture            *f,
           guint               day,
           guint               month,
           guint               year,
           FgEscalationReport *report)
{
  g_autoptr(GDate) today = g_date_new_dmy (day, month, year);
  g_autoptr(GError) error = NULL;

  fg_escalation_run (f->store, f->admin, today, report, &error);
  g_assert_no_error (error);
}

static const FgHazardEvent *
last_event (FgHazard *hazard)
{
  GPtrArray *events = fg_hazard_get_events (hazard);

  return g_ptr_array_index (events, events->len - 1);
}

/* The escalations in a hazard's timeline, their levels joined by spaces. */
static char *
escalation_levels (Fixture *f)
{
  g_autoptr(FgHazard) hazard = load (f);
  GPtrArray *events = fg_hazard_get_events (hazard);
  g_autoptr(GString) levels = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);

      if (event->kind == FG_HAZARD_EVENT_ESCALATED)
        g_string_append_printf (levels, "%s%s", levels->len > 0 ? " " : "", event->level);
    }

  return g_string_free (g_steal_pointer (&levels), FALSE);
}

/* An overdue order of the township climbs from the township's enforcement
 * to the police station and on to the county government, one step after
 * each step's working days (data/escalation/rules.xml: 3 past the
 * deadline, 5, 10), never down to a village committee, and no further
 * than the top. */
static void
test_hazard_escalation_climbs (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(GDate) today = g_date_new_dmy (14, 1, 2099);
  g_autoptr(GError) error = NULL;
  FgEscalationReport report;
  char *levels;

  /* the deadline is a Friday */
  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);

  run_rules (f, 12, 1, 2099, &report);   /* Monday: one working day past */
  g_assert_cmpuint (report.n_overdue, ==, 0);
  run_rules (f, 13, 1, 2099, &report);   /* Tuesday: two */
  g_assert_cmpuint (report.n_overdue, ==, 0);
  run_rules (f, 14, 1, 2099, &report);   /* Wednesday: three */
  g_assert_cmpuint (report.n_overdue, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement");
  g_free (levels);

  /* the same day again, and the days after, until the township's
   * enforcement has had it five working days */
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  g_assert_cmpuint (report.n_repeated, ==, 0);
  run_rules (f, 20, 1, 2099, &report);   /* Tuesday: four working days */
  g_assert_cmpuint (report.n_overdue, ==, 0);

  /* an ordinary venue: the police station */
  run_rules (f, 21, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);
  run_rules (f, 21, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement police-station");
  g_free (levels);

  /* ten working days later, the county government */
  run_rules (f, 3, 2, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  run_rules (f, 4, 2, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement police-station county-government");
  g_free (levels);

  /* the top: nothing more, however long it waits */
  run_rules (f, 1, 6, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  g_clear_object (&hazard);
  hazard = load (f);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_cmpstr (fg_hazard_get_escalation_level (hazard), ==, "county-government");

  /* a grid worker may not run them */
  g_assert_false (fg_escalation_run (f->store, f->grid, today, &report, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* and no one sends a hazard down to a village committee by hand */
  {
    FgHazardEventDetails village = { .level = "village" };

    g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_ESCALATED, &village, &error));
    g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NO_LEVEL);
    g_assert_null (strstr (error->message, "village"));
  }
}

/* A key unit's order goes from the township's enforcement to the county
 * fire-rescue brigade, not the police station. */
static void
test_hazard_escalation_key_unit (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *levels = NULL;
  FgEscalationReport report;

  venue = fg_venue_load (f->store, f->admin, fg_hazard_get_venue_id (hazard), &error);
  g_assert_no_error (error);
  fg_venue_set_key_unit (venue, TRUE);
  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);
  run_rules (f, 14, 1, 2099, &report);
  run_rules (f, 21, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement county-brigade");
}

/* Run for another day (a day the program was not opened, or --today),
 * the escalation is dated on that day: its event, its audit record and
 * its note. */
static void
test_hazard_escalation_dated (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  const FgHazardEvent *escalated;
  FgEscalationReport report;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GDate) today = NULL;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);
  fg_store_set_clock_offset (f->store, 0);
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);

  g_clear_object (&hazard);
  hazard = load (f);
  escalated = last_event (hazard);
  g_assert_cmpint (escalated->kind, ==, FG_HAZARD_EVENT_ESCALATED);
  g_assert_true (g_str_has_prefix (escalated->at, "2099-01-14T"));
  g_assert_cmpstr (fg_hazard_get_escalated_on (hazard), ==, "2099-01-14");
  g_assert_nonnull (strstr (escalated->note, "2099-01-14"));
  g_assert_nonnull (strstr (escalated->note, "2099-01-09"));

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT at FROM audit WHERE action = 'escalated' AND record_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, f->hazard_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "2099-01-14T"));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* and the store's clock is its own again */
  today = fg_store_today (f->store);
  g_assert_cmpint (g_date_get_year (today), <, 2099);
}

/* "Reported fixed" stops the venue's clock: the order is not pressed
 * however long it waits. The office re-inspects within three working
 * days (公安部令第120号); late, it is counted for the office and the
 * ledger shows it, and the venue is not escalated. */
static void
test_hazard_escalation_reported_fixed (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgHazard) reread = NULL;
  g_autoptr(GDate) tuesday = g_date_new_dmy (13, 1, 2099);
  g_autoptr(GDate) wednesday = g_date_new_dmy (14, 1, 2099);
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *levels = NULL;
  FgEscalationReport report;
  guint n = 0;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);

  /* reported fixed on Thursday the 8th: the office re-inspects by Tuesday the 13th */
  set_day (f, 8, 1, 2099);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, "已整改", FG_HAZARD_STATE_REPORTED_FIXED);
  fg_store_set_clock_offset (f->store, 0);
  g_clear_object (&hazard);
  hazard = load (f);
  g_assert_cmpstr (fg_hazard_get_reported_fixed_on (hazard), ==, "2099-01-08");
  due = fg_escalation_dup_reinspection_due (f->store, hazard);
  g_assert_cmpstr (due, ==, "2099-01-13");
  g_assert_cmpint (fg_escalation_count_reinspection_late (f->store, hazard, tuesday), ==, 0);
  g_assert_cmpint (fg_escalation_count_reinspection_late (f->store, hazard, wednesday), ==, 1);

  run_rules (f, 13, 1, 2099, &report);
  g_assert_cmpuint (report.n_reinspection_late, ==, 0);
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_reinspection_late, ==, 1);
  g_assert_cmpuint (report.n_overdue, ==, 0);

  /* weeks later: still the office's, never the venue's */
  run_rules (f, 2, 3, 2099, &report);
  g_assert_cmpuint (report.n_reinspection_late, ==, 1);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  reread = load (f);
  g_assert_cmpint (fg_hazard_get_state (reread), ==, FG_HAZARD_STATE_REPORTED_FIXED);
  g_assert_null (fg_hazard_get_escalation_level (reread));
  g_assert_cmpint (fg_hazard_count_overdue (f->store, reread, wednesday), ==, 0);

  /* the ledger: late on Wednesday, not on Tuesday; never overdue */
  query->today = g_strdup ("2099-01-13");
  query->state = FG_HAZARD_QUERY_REINSPECTION_LATE;
  fg_hazard_query_count (f->store, f->admin, query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_free (query->today);
  query->today = g_strdup ("2099-01-14");
  fg_hazard_query_count (f->store, f->admin, query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  query->state = FG_HAZARD_QUERY_OVERDUE;
  fg_hazard_query_count (f->store, f->admin, query, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  /* the re-inspection finds it not fixed: a new deadline, and the
   * venue's clock runs again from it */
  set_day (f, 2, 3, 2099);
  event (f, f->admin, reread, FG_HAZARD_EVENT_REINSPECTED_FAIL, "2099-03-06", "仍未整改", FG_HAZARD_STATE_RECTIFYING);
  fg_store_set_clock_offset (f->store, 0);
  run_rules (f, 10, 3, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  g_assert_cmpuint (report.n_reinspection_late, ==, 0);
  run_rules (f, 11, 3, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement");
}

/* A venue may still report fixed an order pressed up the chain: the climb
 * stops there. */
static void
test_hazard_escalation_fixed_when_escalated (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autofree char *levels = NULL;
  FgEscalationReport report;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);

  g_clear_object (&hazard);
  hazard = load (f);
  set_day (f, 15, 1, 2099);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, NULL, FG_HAZARD_STATE_REPORTED_FIXED);
  fg_store_set_clock_offset (f->store, 0);

  run_rules (f, 2, 3, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  g_assert_cmpuint (report.n_reinspection_late, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement");
}

/* A refusal to sign is service by leaving the document (留置送达): the
 * hazard is not handed to anyone for it, and its deadline runs as any
 * other's. */
static void
test_hazard_escalation_refused_served (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgHazard) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *levels = NULL;
  FgEscalationReport report;
  GPtrArray *events;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);

  /* who it was served on is part of the record */
  g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_SERVED, NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);

  /* a grid worker may not record service */
  g_assert_false (fg_hazard_add_event (f->store, f->grid, hazard, FG_HAZARD_EVENT_NOTICE_REFUSED, NULL, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_REFUSED, NULL, "拒绝签收，见证人张三", FG_HAZARD_STATE_RECTIFYING);
  g_assert_false (fg_hazard_get_service_failed (hazard));

  /* before the deadline: nothing; no transfer, no step */
  run_rules (f, 5, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  g_assert_cmpuint (report.n_unserved, ==, 0);
  reread = load (f);
  g_assert_cmpint (fg_hazard_get_state (reread), ==, FG_HAZARD_STATE_RECTIFYING);
  events = fg_hazard_get_events (reread);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (((FgHazardEvent *) g_ptr_array_index (events, i))->kind, !=, FG_HAZARD_EVENT_TRANSFERRED);

  /* overdue: pressed like any served order */
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_overdue, ==, 1);
  levels = escalation_levels (f);
  g_assert_cmpstr (levels, ==, "township-enforcement");
}

/* A notice that found nobody to serve it on is to be served another way
 * (by post, by public announcement): counted, never transferred, and its
 * deadline not pressed until it is served. */
static void
test_hazard_escalation_unreachable (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgHazard) reread = NULL;
  FgEscalationReport report;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);
  event (f, f->admin, hazard, FG_HAZARD_EVENT_OPERATOR_UNREACHABLE, NULL, "三次上门无人", FG_HAZARD_STATE_RECTIFYING);
  g_assert_true (fg_hazard_get_service_failed (hazard));

  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_unserved, ==, 1);
  g_assert_cmpuint (report.n_overdue, ==, 0);
  reread = load (f);
  g_assert_cmpint (fg_hazard_get_state (reread), ==, FG_HAZARD_STATE_RECTIFYING);
  g_assert_null (fg_hazard_get_escalation_level (reread));

  /* then served by post after all: the order is pressed again */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_SERVED, NULL, "邮寄送达 王建国", FG_HAZARD_STATE_RECTIFYING);
  g_assert_false (fg_hazard_get_service_failed (hazard));
  run_rules (f, 14, 1, 2099, &report);
  g_assert_cmpuint (report.n_unserved, ==, 0);
  g_assert_cmpuint (report.n_overdue, ==, 1);
}

/* An event carries photos: stored once, read back with the timeline; a
 * file that is no photo is refused and nothing is recorded. */
static void
test_hazard_event_photos (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgHazard) reread = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  FgHazardEventDetails details = { .note = "已整改", .photos = photos };
  const FgHazardEvent *last;
  GPtrArray *events;

  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);

  /* not a photo: refused, and the hazard stays as it was */
  g_ptr_array_add (photos, g_bytes_new_static ("这不是照片", strlen ("这不是照片")));
  g_assert_false (fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, &details, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_RECTIFYING);

  /* two photos, the same twice: one stored, linked once */
  g_ptr_array_set_size (photos, 0);
  g_ptr_array_add (photos, g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png));
  g_ptr_array_add (photos, g_bytes_new_static (fg_test_tiny_png, sizeof fg_test_tiny_png));
  fg_hazard_add_event (f->store, f->admin, hazard, FG_HAZARD_EVENT_REPORTED_FIXED, &details, &error);
  g_assert_no_error (error);

  reread = load (f);
  events = fg_hazard_get_events (reread);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (last->kind, ==, FG_HAZARD_EVENT_REPORTED_FIXED);
  g_assert_nonnull (last->photos);
  g_assert_cmpuint (g_strv_length (last->photos), ==, 1);
  loaded = fg_inspection_load_photo (f->store, last->photos[0], &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_cmpuint (g_bytes_get_size (loaded), ==, sizeof fg_test_tiny_png);
  /* the event before has none */
  g_assert_null (((const FgHazardEvent *) g_ptr_array_index (events, events->len - 2))->photos);
}

/* The inspector's photo of the failed item shows with the hazard's found
 * event, and with that event only. */
static void
test_hazard_found_photos (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  GPtrArray *events;
  const FgHazardEvent *found;

  g_assert_nonnull (f->found_photo);
  set_day (f, 4, 1, 2099);  /* the order is given days before its deadline */
  event (f, f->admin, hazard, FG_HAZARD_EVENT_NOTICE_ISSUED, "2099-01-09", NULL, FG_HAZARD_STATE_RECTIFYING);
  g_clear_object (&hazard);
  hazard = load (f);

  events = fg_hazard_get_events (hazard);
  g_assert_cmpuint (events->len, ==, 2);
  found = g_ptr_array_index (events, 0);
  g_assert_cmpint (found->kind, ==, FG_HAZARD_EVENT_FOUND);
  g_assert_nonnull (found->photos);
  g_assert_cmpuint (g_strv_length (found->photos), ==, 1);
  g_assert_cmpstr (found->photos[0], ==, f->found_photo);
  g_assert_null (((const FgHazardEvent *) g_ptr_array_index (events, 1))->photos);
}

/* The ledger holds the hazards of the reader's area only: a grid worker of
 * another grid sees none of this grid's. */
static void
test_hazard_list_scope (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FgHazard) hazard = load (f);
  g_autoptr(FgRegion) other_grid = NULL;
  g_autoptr(FgActor) other = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  other_grid = fg_region_add_grid (f->store, f->admin, fg_hazard_get_village_id (hazard), "第二网格", &error);
  g_assert_no_error (error);
  other = add_account (f->store, f->admin, "grid2", FG_ROLE_GRID_WORKER, fg_region_get_id (other_grid));

  mine = fg_hazard_list (f->store, f->grid, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  theirs = fg_hazard_list (f->store, other, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->len, ==, 0);
  all = fg_hazard_list (f->store, f->admin, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
}

/* Moves a hazard before all others in the table's row order, behind the
 * program's back: the local row number must say nothing of which hazard
 * was found first. */
static void
give_first_row (Fixture    *f,
                const char *hazard_id)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE hazard SET seq = -1 WHERE id = '%s'", hazard_id);

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

static void
test_hazard_escalation_repeat (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(FgHazard) first = load (f);
  g_autoptr(FgHazard) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second_id = NULL;
  FgEscalationReport report;

  /* nothing repeated yet */
  run_rules (f, 1, 12, 2026, &report);
  g_assert_cmpuint (report.n_repeated, ==, 0);

  /* the same item fails again at the same venue */
  second_id = inspect_again (f, fg_hazard_get_venue_id (first), fg_hazard_get_item_code (first));

  /* An office that received the hazards in the other order (a sync
   * stores the later one first) must judge them alike. */
  give_first_row (f, second_id);

  run_rules (f, 1, 12, 2026, &report);
  g_assert_cmpuint (report.n_repeated, ==, 1);

  second = fg_hazard_load (f->store, f->admin, second_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_hazard_get_state (second), ==, FG_HAZARD_STATE_ESCALATED);

  /* the first one stays where it was */
  g_clear_object (&first);
  first = load (f);
  g_assert_cmpint (fg_hazard_get_state (first), ==, FG_HAZARD_STATE_OPEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazard/lifecycle", Fixture, NULL, fixture_set_up, test_hazard_lifecycle, fixture_tear_down);
  g_test_add ("/hazard/major-escalates", Fixture, NULL, fixture_set_up, test_hazard_major_escalates, fixture_tear_down);
  g_test_add_func ("/hazard/fold-order-independent", test_hazard_fold_order_independent);
  g_test_add ("/hazard/escalation-climbs", Fixture, NULL, fixture_set_up, test_hazard_escalation_climbs, fixture_tear_down);
  g_test_add ("/hazard/escalation-key-unit", Fixture, NULL, fixture_set_up, test_hazard_escalation_key_unit,
              fixture_tear_down);
  g_test_add ("/hazard/escalation-dated", Fixture, NULL, fixture_set_up, test_hazard_escalation_dated, fixture_tear_down);
  g_test_add ("/hazard/escalation-reported-fixed", Fixture, NULL, fixture_set_up,
              test_hazard_escalation_reported_fixed, fixture_tear_down);
  g_test_add ("/hazard/escalation-fixed-when-escalated", Fixture, NULL, fixture_set_up,
              test_hazard_escalation_fixed_when_escalated, fixture_tear_down);
  g_test_add ("/hazard/escalation-refused-served", Fixture, NULL, fixture_set_up,
              test_hazard_escalation_refused_served, fixture_tear_down);
  g_test_add ("/hazard/escalation-unreachable", Fixture, NULL, fixture_set_up,
              test_hazard_escalation_unreachable, fixture_tear_down);
  g_test_add ("/hazard/event-photos", Fixture, NULL, fixture_set_up, test_hazard_event_photos, fixture_tear_down);
  g_test_add ("/hazard/found-photos", Fixture, NULL, fixture_set_up, test_hazard_found_photos, fixture_tear_down);
  g_test_add ("/hazard/list-scope", Fixture, NULL, fixture_set_up, test_hazard_list_scope, fixture_tear_down);
  g_test_add ("/hazard/escalation-repeat", Fixture, NULL, fixture_set_up, test_hazard_escalation_repeat, fixture_tear_down);
  g_test_add ("/hazard/events-append-only", Fixture, NULL, fixture_set_up, test_hazard_events_append_only, fixture_tear_down);

  return g_test_run ();
}
