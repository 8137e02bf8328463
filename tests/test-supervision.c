/* test-supervision.c — the county's supervision of a hazard (挂牌督办) and
 * the township's reply, at each office and in the bundles between them
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fg-bundle-test-util.h"
#include "fg-hazard-private.h"

typedef struct
{
  Office county;
  Office township;
  char *files;
  char *hazard_id;
} Fixture;

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

/* A restaurant of the township inspected, its first item failed: the
 * hazard, sent up to the county. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *venue_id = NULL;
  g_autofree char *up = NULL;
  GListModel *items;

  f->files = g_dir_make_tmp ("firegrid-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  county_init (&f->county);
  office_init (&f->township);
  admin = fg_account_create (f->township.store, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                             fg_store_get_home_region_id (f->township.store), PASSWORD, &error);
  g_assert_no_error (error);
  f->township.actor = fg_account_login (f->township.store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  introduce (&f->county, &f->township);

  venue_id = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  inspection = fg_inspection_start (f->township.store, f->township.actor, venue_id, FG_INSPECTION_KIND_ROUTINE,
                                    NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      fg_inspection_record (f->township.store, f->township.actor, inspection, fg_checklist_item_get_code (item),
                            i == 0 ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->township.store, f->township.actor, inspection, &error);
  g_assert_no_error (error);
  hazards = fg_hazard_list_for_inspection (f->township.store, f->township.actor, fg_inspection_get_id (inspection),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  f->hazard_id = g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, 0)));

  up = file_path (f, "first-up.xml");
  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->county);
  office_clear (&f->township);
  fg_test_remove_tree (f->files);
  g_free (f->files);
  g_free (f->hazard_id);
}

static FgHazard *
load (Office     *o,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  FgHazard *hazard = fg_hazard_load (o->store, actor_of (o), id, &error);

  g_assert_no_error (error);
  return hazard;
}

/* Records @kind on the hazard at @o; returns whether it was taken, with
 * the core's refusal in @error. */
static gboolean
record (Office             *o,
        const char         *hazard_id,
        FgHazardEventKind   kind,
        const char         *note,
        const char         *deadline,
        GError            **error)
{
  g_autoptr(FgHazard) hazard = load (o, hazard_id);
  FgHazardEventDetails details = { .note = note, .deadline = deadline };

  return fg_hazard_add_event (o->store, actor_of (o), hazard, kind, &details, error);
}

static guint
count_kind (FgHazard          *hazard,
            FgHazardEventKind  kind)
{
  GPtrArray *events = fg_hazard_get_events (hazard);
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    n += ((FgHazardEvent *) g_ptr_array_index (events, i))->kind == kind;
  return n;
}

/* Who may give an instruction and what it must carry; the county has no
 * office above it to escalate to. */
static void
test_supervision_instruction (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GDate) today = fg_store_today (f->county.store);
  g_autoptr(GDate) yesterday = g_date_copy (today);
  g_autofree char *today_text = fg_calendar_format_date (today);
  g_autofree char *yesterday_text = NULL;
  const FgHazardEvent *supervision;

  g_date_subtract_days (yesterday, 1);
  yesterday_text = fg_calendar_format_date (yesterday);

  /* by role */
  g_assert_true (fg_hazard_event_can_record (f->county.actor, FG_HAZARD_EVENT_SUPERVISED));
  g_assert_false (fg_hazard_event_can_record (f->county.actor, FG_HAZARD_EVENT_ESCALATED));
  g_assert_false (fg_hazard_event_can_record (f->county.actor, FG_HAZARD_EVENT_SUPERVISION_REPLIED));
  g_assert_false (fg_hazard_event_can_record (f->township.actor, FG_HAZARD_EVENT_SUPERVISED));
  g_assert_true (fg_hazard_event_can_record (f->township.actor, FG_HAZARD_EVENT_SUPERVISION_REPLIED));
  g_assert_false (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "请整改", fg_test_deadline (), &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_ESCALATED, "县政府督办", NULL, &error));
  g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* what it carries: words, and a day not past */
  g_assert_false (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "  ", fg_test_deadline (), &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  g_assert_false (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "请整改", NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  g_assert_false (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "请整改", "2099-02-30", &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  g_assert_false (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "请整改", yesterday_text, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  hazard = load (&f->county, f->hazard_id);
  g_assert_null (fg_hazard_get_supervision (hazard));
  g_clear_object (&hazard);

  /* today will do */
  g_assert_true (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "限期整改，按期报告", today_text,
                         &error));
  g_assert_no_error (error);
  hazard = load (&f->county, f->hazard_id);
  supervision = fg_hazard_get_supervision (hazard);
  g_assert_nonnull (supervision);
  g_assert_cmpstr (supervision->note, ==, "限期整改，按期报告");
  g_assert_cmpstr (supervision->deadline, ==, today_text);
  g_assert_cmpstr (supervision->actor_name, ==, "郭晓东");
  g_assert_true (fg_hazard_awaits_supervision_reply (hazard));
  g_assert_null (fg_hazard_get_supervision_reply (hazard));
  /* an instruction is no correction deadline, and moves nothing */
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_OPEN);
  g_assert_null (fg_hazard_get_deadline (hazard));
}

/* county → township → county: the instruction goes down, the reply comes
 * up, a second instruction goes down and is answered again. */
static void
test_supervision_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down2 = file_path (f, "down2.xml");
  const FgHazardEvent *event;

  /* the township cannot reply to what it was not told */
  g_assert_false (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISION_REPLIED, "已整改", NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "十日内整改完毕并书面报告",
                         fg_test_deadline (), &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, down);
  import_ok (&f->township, down);

  hazard = load (&f->township, f->hazard_id);
  event = fg_hazard_get_supervision (hazard);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->note, ==, "十日内整改完毕并书面报告");
  g_assert_cmpstr (event->deadline, ==, fg_test_deadline ());
  g_assert_cmpstr (event->actor_name, ==, "郭晓东");
  g_assert_true (fg_hazard_awaits_supervision_reply (hazard));
  g_clear_object (&hazard);

  /* the reply: words; once */
  g_assert_false (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISION_REPLIED, " ", NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_clear_error (&error);
  g_assert_true (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISION_REPLIED,
                         "已下达责令限期改正通知书，12月20日复查", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISION_REPLIED, "再次回复", NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* up: the county reads the reply beside its instruction */
  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);
  hazard = load (&f->county, f->hazard_id);
  g_assert_false (fg_hazard_awaits_supervision_reply (hazard));
  event = fg_hazard_get_supervision_reply (hazard);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->note, ==, "已下达责令限期改正通知书，12月20日复查");
  g_assert_cmpstr (event->actor_name, ==, "张伟");
  g_clear_object (&hazard);

  /* a second instruction stands in for the first, and is answered anew */
  g_assert_true (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "复查结果报县里", fg_test_deadline (),
                         &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, down2);
  import_ok (&f->township, down2);
  hazard = load (&f->township, f->hazard_id);
  g_assert_cmpstr (fg_hazard_get_supervision (hazard)->note, ==, "复查结果报县里");
  g_assert_true (fg_hazard_awaits_supervision_reply (hazard));
  g_assert_null (fg_hazard_get_supervision_reply (hazard));
  g_assert_cmpuint (count_kind (hazard, FG_HAZARD_EVENT_SUPERVISED), ==, 2);
  g_assert_cmpuint (count_kind (hazard, FG_HAZARD_EVENT_SUPERVISION_REPLIED), ==, 1);
}

/* What came by bundle is held to what the keyboard is held to. */
static void
test_supervision_bundle_checks (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *forged = file_path (f, "forged.xml");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  Office before = { 0 };

  /* a county that has not given the instruction yet, for later */
  clone_office (&f->county, &before);
  before.actor = fg_account_login (before.store, "guo", PASSWORD, &error);
  g_assert_no_error (error);

  g_assert_true (record (&f->county, f->hazard_id, FG_HAZARD_EVENT_SUPERVISED, "十日内整改完毕", fg_test_deadline (),
                         &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, down);
  text = read_text (down, NULL);

  /* the county writes supervision, not a township's events */
  changed = replace_once (text, "kind=\"supervised\"", "kind=\"closed\"");
  write_signed (&f->county, changed, forged);
  import_refused (&f->township, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_clear_pointer (&changed, g_free);

  /* an instruction due before the day it was given */
  {
    g_autofree char *due = g_strdup_printf ("deadline=\"%s\"", fg_test_deadline ());

    changed = replace_once (text, due, "deadline=\"2001-01-01\"");
  }
  write_signed (&f->county, changed, forged);
  import_refused (&f->township, forged, FG_BUNDLE_ERROR_MALFORMED);
  g_clear_pointer (&changed, g_free);

  /* an instruction with no words */
  changed = replace_once (text, "note=\"十日内整改完毕\"", "note=\" \"");
  write_signed (&f->county, changed, forged);
  import_refused (&f->township, forged, FG_BUNDLE_ERROR_MALFORMED);
  g_clear_pointer (&changed, g_free);

  import_ok (&f->township, down);
  g_assert_true (record (&f->township, f->hazard_id, FG_HAZARD_EVENT_SUPERVISION_REPLIED, "已整改完毕", NULL, &error));
  g_assert_no_error (error);
  export_ok (&f->township, &f->county, up);
  g_clear_pointer (&text, g_free);
  text = read_text (up, NULL);

  /* a township does not supervise */
  changed = replace_once (text, "kind=\"supervision-replied\"", "kind=\"supervised\"");
  write_signed (&f->township, changed, forged);
  import_refused (&f->county, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE);
  g_clear_pointer (&changed, g_free);

  /* a reply to an instruction the county never gave */
  import_refused (&before, up, FG_BUNDLE_ERROR_MALFORMED);
  office_clear (&before);

  /* and the reply as it is */
  import_ok (&f->county, up);
}

/* Who may record an event by hand and whose bundle may carry it are read
 * from one table: a county records its supervision and the brigade's
 * decision, and its bundle carries those and the escalation to the
 * brigade that follows a confirmation; a township records and sends all
 * else, never a supervision. */
static void
test_supervision_one_rule (Fixture       *f,
                           gconstpointer  data)
{
  for (FgHazardEventKind kind = FG_HAZARD_EVENT_FOUND + 1; kind < FG_HAZARD_N_EVENTS; kind++)
    {
      gboolean county_writes = kind == FG_HAZARD_EVENT_SUPERVISED || kind == FG_HAZARD_EVENT_CONFIRMED_MAJOR ||
                               kind == FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED;

      g_assert_cmpint (fg_hazard_event_can_record (f->county.actor, kind), ==, county_writes);
      g_assert_cmpint (fg_hazard_event_office_writes (kind, TRUE, NULL), ==, county_writes);
      g_assert_cmpint (fg_hazard_event_can_record (f->township.actor, kind), ==, kind != FG_HAZARD_EVENT_SUPERVISED);
      g_assert_cmpint (fg_hazard_event_office_writes (kind, FALSE, NULL), ==, kind != FG_HAZARD_EVENT_SUPERVISED);
    }

  g_assert_true (fg_hazard_event_office_writes (FG_HAZARD_EVENT_ESCALATED, TRUE, "county-brigade"));
  g_assert_false (fg_hazard_event_office_writes (FG_HAZARD_EVENT_ESCALATED, TRUE, "county-government"));
  g_assert_false (fg_hazard_event_office_writes (FG_HAZARD_EVENT_SUPERVISION_REPLIED, TRUE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/supervision/one-rule", Fixture, NULL, fixture_set_up, test_supervision_one_rule, fixture_tear_down);
  g_test_add ("/supervision/instruction", Fixture, NULL, fixture_set_up, test_supervision_instruction,
              fixture_tear_down);
  g_test_add ("/supervision/round-trip", Fixture, NULL, fixture_set_up, test_supervision_round_trip,
              fixture_tear_down);
  g_test_add ("/supervision/bundle-checks", Fixture, NULL, fixture_set_up, test_supervision_bundle_checks,
              fixture_tear_down);

  return g_test_run ();
}
