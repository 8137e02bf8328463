/* test-major-hazard.c — possibly major hazards go to the county brigade,
 * and its decision comes back
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A county office (郏县) and a township office (冢头镇), each its own
 * database. The township finds a possibly major hazard at a restaurant
 * and sends it to the brigade with a letter; the brigade's decision is
 * recorded at the county and comes down by bundle, or is entered by the
 * township. The letters are read back with pdftotext; a test that needs
 * it, or a Chinese font when none is installed, is skipped there.
 */
#include <string.h>
#include <sys/wait.h>

#include "fg-bundle-test-util.h"
#include "fg-hazard-private.h"
#include "fg-notice-private.h"

#define DECISION_NUMBER "郏消隐判字〔2026〕第3号"

typedef struct
{
  Office county;
  Office township;
  FgActor *staff;
  FgActor *grid;
  FgActor *village;
  char *files;
  char *venue_id;
  char *major_id;      /* a possibly major hazard of the restaurant */
  char *ordinary_id;   /* an ordinary one */
  char *today;
  char *year;
} Fixture;

static FgActor *
add_account (Office     *o,
             const char *login,
             const char *name,
             FgRole      role,
             const char *scope)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  FgActor *actor;

  account = fg_account_create (o->store, actor_of (o), login, name, role, scope, PASSWORD, &error);
  g_assert_no_error (error);
  actor = fg_account_login (o->store, login, PASSWORD, &error);
  g_assert_no_error (error);
  return actor;
}

/* The restaurant fails its first possibly major item and its first
 * ordinary one. */
static void
inspect (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  gboolean failed_major = FALSE;
  gboolean failed_ordinary = FALSE;
  GListModel *items;

  inspection = fg_inspection_start (f->township.store, f->grid, f->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL,
                                    &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean major = fg_checklist_item_get_major (item);
      gboolean fail = major ? !failed_major : !failed_ordinary && !fg_checklist_item_get_on_spot (item);

      failed_major |= fail && major;
      failed_ordinary |= fail && !major;
      fg_inspection_record (f->township.store, f->grid, inspection, fg_checklist_item_get_code (item),
                            fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, fail && major ? "后厨内存放液化石油气钢瓶3只" : NULL,
                            &error);
      g_assert_no_error (error);
    }
  g_assert_true (failed_major && failed_ordinary);
  fg_inspection_finish (f->township.store, f->grid, inspection, &error);
  g_assert_no_error (error);

  hazards = fg_hazard_list_for_inspection (f->township.store, f->township.actor, fg_inspection_get_id (inspection),
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 2);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);

      if (fg_hazard_get_grade (hazard) == FG_HAZARD_GRADE_MAJOR_PROPOSED)
        f->major_id = g_strdup (fg_hazard_get_id (hazard));
      else
        f->ordinary_id = g_strdup (fg_hazard_get_id (hazard));
    }
  g_assert_nonnull (f->major_id);
  g_assert_nonnull (f->ordinary_id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(GDate) today = NULL;

  county_init (&f->county);
  office_init (&f->township);
  admin = fg_account_create (f->township.store, fg_test_installer (), "admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN,
                             fg_store_get_home_region_id (f->township.store), PASSWORD, &error);
  g_assert_no_error (error);
  f->township.actor = fg_account_login (f->township.store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  f->staff = add_account (&f->township, "staff", "李干事", FG_ROLE_TOWNSHIP_STAFF,
                          fg_store_get_home_region_id (f->township.store));
  f->grid = add_account (&f->township, "grid", "赵网格", FG_ROLE_GRID_WORKER, fg_region_get_id (f->township.grid));
  f->village = add_account (&f->township, "village", "钱主任", FG_ROLE_VILLAGE_COMMITTEE,
                            fg_region_get_id (f->township.village));
  introduce (&f->county, &f->township);

  f->venue_id = add_venue (&f->township, fg_region_get_id (f->township.grid), "老王烧烤");
  inspect (f);

  today = fg_store_today (f->township.store);
  f->today = fg_calendar_format_date (today);
  f->year = g_strdup_printf ("%u", g_date_get_year (today));
  f->files = g_dir_make_tmp ("firegrid-major-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->staff, fg_actor_unref);
  g_clear_pointer (&f->grid, fg_actor_unref);
  g_clear_pointer (&f->village, fg_actor_unref);
  office_clear (&f->county);
  office_clear (&f->township);
  fg_test_remove_tree (f->files);
  g_free (f->files);
  g_free (f->venue_id);
  g_free (f->major_id);
  g_free (f->ordinary_id);
  g_free (f->today);
  g_free (f->year);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
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

static FgNotice *
issue (Office        *o,
       FgNoticeKind   kind,
       const char    *hazard_id,
       const char    *deadline,
       GError       **error)
{
  const char * const ids[] = { hazard_id, NULL };
  FgNoticeRequest request = { .kind = kind, .hazard_ids = ids, .deadline = deadline };

  if (kind == FG_NOTICE_KIND_TRANSFER)
    {
      request.recipient_kind = "police-station";
      request.recipient = "冢头派出所";
    }
  return fg_notice_issue (o->store, actor_of (o), &request, error);
}

static char *
number (Fixture    *f,
        const char *code,
        guint       seq)
{
  return g_strdup_printf ("冢头%s字〔%s〕第%04u号", code, f->year, seq);
}

/* Today plus @days, YYYY-MM-DD. */
static char *
day_from_today (Fixture *f,
                int      days)
{
  g_autoptr(GDate) date = fg_calendar_parse_date (f->today, NULL);

  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return fg_calendar_format_date (date);
}

static gboolean
decide (Office             *o,
        FgActor            *actor,
        const char         *hazard_id,
        FgHazardEventKind   kind,
        const char         *decision_number,
        const char         *date,
        const char         *authority,
        GError            **error)
{
  g_autoptr(FgHazard) hazard = load (o, hazard_id);
  const FgHazardEventDetails details = {
    .decision_number = decision_number,
    .decision_date = date,
    .decision_authority = authority,
  };

  return fg_hazard_add_event (o->store, actor, hazard, kind, &details, error);
}

/* PDFs */

static gboolean
can_read_pdfs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) pdf = fg_pdf_new (NULL, &error);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdf == NULL)
    {
      g_test_skip (error->message);
      return FALSE;
    }
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return FALSE;
    }
  return TRUE;
}

/* The document's text, without white space: pdftotext breaks lines where
 * the layout did. */
static char *
printed_text (Fixture  *f,
              FgNotice *notice)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file_path (f, "document.pdf");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  GString *squeezed = g_string_new (NULL);
  int status = 0;

  g_ptr_array_add (notices, notice);
  pdf = fg_notice_render (f->township.store, f->township.actor, notices, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (squeezed, g_utf8_get_char (p));
  return g_string_free (squeezed, FALSE);
}

static void
assert_printed (const char *text,
                const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the text of the PDF:\n%s", what, text);
}

/* 1. The letter: to the brigade of the document settings, about the
 * venue and what was found there, what the township ordered, under a
 * number of its own series. */
static void
test_letter_prints (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autofree char *deadline = day_from_today (f, 10);
  g_autofree char *order_number = number (f, "消限", 1);
  g_autofree char *letter_number = number (f, "消移", 1);
  g_autofree char *text = NULL;
  FgChecklistItem *item;

  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->major_id, deadline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (order), ==, order_number);

  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (letter), ==, letter_number);
  g_assert_cmpstr (fg_notice_kind_get_title (FG_NOTICE_KIND_MAJOR_HAZARD_LETTER), ==, "重大火灾隐患报告（移送）函");

  /* the hazard went up to the brigade with it */
  hazard = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_cmpstr (fg_hazard_get_escalation_level (hazard), ==, "county-brigade");

  if (!can_read_pdfs ())
    return;
  inspection = fg_inspection_load (f->township.store, f->township.actor, fg_hazard_get_inspection_id (hazard), &error);
  g_assert_no_error (error);
  item = fg_inspection_find_item (inspection, fg_hazard_get_item_code (hazard));
  text = printed_text (f, letter);
  assert_printed (text, "郏县冢头镇人民政府");
  assert_printed (text, "重大火灾隐患报告（移送）函");
  assert_printed (text, letter_number);
  assert_printed (text, "郏县消防救援大队：");
  assert_printed (text, "老王烧烤");
  assert_printed (text, "李庄村人民路18号");
  /* what was found, never the checklist's requirement */
  assert_printed (text, fg_checklist_item_get_finding_zh (item));
  g_assert_null (strstr (text, fg_checklist_item_get_text_zh (item)));
  assert_printed (text, "后厨内存放液化石油气钢瓶3只");
  assert_printed (text, "赵网格");
  assert_printed (text, order_number);
  assert_printed (text, "请依照《重大火灾隐患判定规则》（GB35181-2025）依法认定并处理");
}

/* 2. Letters have their own series: orders and letters count apart, and
 * a refused letter takes no number. */
static void
test_letter_series (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNotice) refused = NULL;
  g_autoptr(FgNotice) second_order = NULL;
  g_autofree char *deadline = day_from_today (f, 10);
  g_autofree char *letter_1 = number (f, "消移", 1);
  g_autofree char *order_1 = number (f, "消限", 1);
  g_autofree char *order_2 = number (f, "消限", 2);

  /* an ordinary hazard alone is no matter for the brigade */
  refused = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->ordinary_id, NULL, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_null (refused);
  g_clear_error (&error);

  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->ordinary_id, deadline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (order), ==, order_1);
  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (letter), ==, letter_1);
  /* from the escalated hazard, the township still orders its correction */
  second_order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->major_id, deadline, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (second_order), ==, order_2);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM notice WHERE kind = 'major-hazard-letter'", NULL),
                   ==, 1);
}

/* 3. The brigade's decision, recorded at the county, comes down to the
 * township by bundle: the hazard shows it, and stays with the brigade. */
static void
test_decision_from_county (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgHazard) at_township = NULL;
  g_autoptr(FgHazard) at_county = NULL;
  g_autoptr(FgNoticeSettings) county_settings = NULL;
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *text = NULL;
  const FgHazardEvent *decision;

  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);

  /* the county office holds the letter and the hazard as the township left it */
  at_county = load (&f->county, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (at_county), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_null (fg_hazard_get_major_decision (at_county));
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM notice WHERE kind = 'major-hazard-letter'", NULL),
                   ==, 1);

  /* its brigade is the county's own */
  county_settings = fg_notice_settings_load (f->county.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (county_settings->brigade, ==, "郏县消防救援大队");

  g_assert_true (decide (&f->county, f->county.actor, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR, DECISION_NUMBER,
                         f->today, county_settings->brigade, &error));
  g_assert_no_error (error);

  export_ok (&f->county, &f->township, down);
  text = read_text (down, NULL);
  g_assert_nonnull (strstr (text, "decision-number=\"" DECISION_NUMBER "\""));
  import_ok (&f->township, down);

  at_township = load (&f->township, f->major_id);
  g_assert_true (fg_hazard_get_major_confirmed (at_township));
  g_assert_cmpint (fg_hazard_get_state (at_township), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_cmpstr (fg_hazard_get_escalation_level (at_township), ==, "county-brigade");
  decision = fg_hazard_get_major_decision (at_township);
  g_assert_nonnull (decision);
  g_assert_cmpint (decision->kind, ==, FG_HAZARD_EVENT_CONFIRMED_MAJOR);
  g_assert_cmpstr (decision->decision_number, ==, DECISION_NUMBER);
  g_assert_cmpstr (decision->decision_date, ==, f->today);
  g_assert_cmpstr (decision->decision_authority, ==, "郏县消防救援大队");
  g_assert_cmpstr (decision->actor, ==, "guo");
  /* the ledger's cache agrees */
  g_assert_cmpint (count (&f->township, "SELECT major_confirmed FROM hazard WHERE id = ?1", f->major_id), ==, 1);
}

/* 3b. A correctly signed bundle is input like the keyboard: a decision it
 * carries with an authority named by a code, or dated in the future, is
 * refused and nothing is written. */
static void
test_decision_from_bundle_checked (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNoticeSettings) county_settings = NULL;
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *text = NULL;
  g_autofree char *dated = g_strdup_printf ("decision-date=\"%s\"", f->today);
  const struct { const char *old, *new; } changes[] = {
    { "decision-authority=\"郏县消防救援大队\"", "decision-authority=\"410425消防救援大队\"" },
    { dated, "decision-date=\"2999-01-01\"" },
  };

  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);
  county_settings = fg_notice_settings_load (f->county.store, &error);
  g_assert_no_error (error);
  g_assert_true (decide (&f->county, f->county.actor, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR, DECISION_NUMBER,
                         f->today, county_settings->brigade, &error));
  export_ok (&f->county, &f->township, down);
  text = read_text (down, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *changed = replace_once (text, changes[i].old, changes[i].new);
      g_autofree char *signed_text = NULL;
      g_autofree char *path = file_path (f, "changed.xml");
      gsize length = 0;

      signed_text = resign (&f->county, changed, strlen (changed), &length);
      g_assert_true (g_file_set_contents (path, signed_text, (gssize) length, &error));
      import_refused (&f->township, path, FG_BUNDLE_ERROR_MALFORMED);
    }
  /* the bundle as the county wrote it comes in */
  import_ok (&f->township, down);
}

/* 3c. The brigade decides on what it was sent: a decision that comes by
 * bundle on an ordinary hazard that never went to the brigade is refused
 * as one entered by hand is, and nothing is written; the escalation that
 * follows a confirmation is no ground for it. */
static void
test_decision_from_bundle_unsent (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNoticeSettings) county_settings = NULL;
  g_autoptr(FgHazard) ordinary = NULL;
  g_autofree char *up = file_path (f, "up.xml");
  g_autofree char *down = file_path (f, "down.xml");
  g_autofree char *path = file_path (f, "moved.xml");
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *signed_text = NULL;
  gsize length = 0;

  /* by hand, at the township and at the county: refused */
  g_assert_false (decide (&f->township, f->township.actor, f->ordinary_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR,
                          DECISION_NUMBER, f->today, "郏县消防救援大队", &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  export_ok (&f->township, &f->county, up);
  import_ok (&f->county, up);
  ordinary = load (&f->county, f->ordinary_id);
  g_assert_false (fg_hazard_awaits_decision (ordinary));
  g_assert_false (decide (&f->county, f->county.actor, f->ordinary_id, FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED,
                          DECISION_NUMBER, f->today, "郏县消防救援大队", &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* the county's decision on the hazard it was sent, moved in the bundle
   * onto the ordinary one */
  county_settings = fg_notice_settings_load (f->county.store, &error);
  g_assert_no_error (error);
  g_assert_true (decide (&f->county, f->county.actor, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR, DECISION_NUMBER,
                         f->today, county_settings->brigade, &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, down);
  text = read_text (down, NULL);
  parts = g_strsplit (text, f->major_id, -1);
  g_assert_cmpuint (g_strv_length (parts), >, 1);
  moved = g_strjoinv (f->ordinary_id, parts);
  signed_text = resign (&f->county, moved, strlen (moved), &length);
  g_assert_true (g_file_set_contents (path, signed_text, (gssize) length, &error));

  before = dump (&f->township);
  g_assert_false (fg_bundle_import (f->township.store, actor_of (&f->township), path, FALSE, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "sent to the county brigade"));
  g_clear_error (&error);
  after = dump (&f->township);
  g_assert_cmpstr (after, ==, before);

  /* the bundle as the county wrote it comes in */
  import_ok (&f->township, down);
}

/* 4. Entered at the township from the written decision: not a major
 * hazard, so back to the township's own order, its deadline running. */
static void
test_decision_not_confirmed (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNotice) again = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *deadline = day_from_today (f, 10);

  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->major_id, deadline, &error);
  g_assert_no_error (error);
  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (decide (&f->township, f->staff, f->major_id, FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED, DECISION_NUMBER,
                         f->today, "郏县消防救援大队", &error));
  g_assert_no_error (error);
  hazard = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (fg_hazard_get_deadline (hazard), ==, deadline);
  g_assert_null (fg_hazard_get_escalation_level (hazard));
  g_assert_false (fg_hazard_get_major_confirmed (hazard));
  g_assert_false (fg_hazard_is_possibly_major (hazard));
  g_assert_cmpint (fg_hazard_get_major_decision (hazard)->kind, ==, FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED);

  /* the brigade said no: another letter on it alone is refused */
  again = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_null (again);
}

/* 5. Only county accounts and the township's administrator and staff
 * record a decision; a grid worker or a village committee never. */
static void
test_decision_who (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FgActor *refused[] = { f->grid, f->village };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (decide (&f->township, refused[i], f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR, DECISION_NUMBER,
                              f->today, "郏县消防救援大队", &error));
      g_assert_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_DENIED);
      g_clear_error (&error);
      g_assert_false (fg_hazard_event_can_record (refused[i], FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED));
    }
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE hazard_id = ?1", f->major_id), ==, 1);

  g_assert_true (fg_hazard_event_can_record (f->staff, FG_HAZARD_EVENT_CONFIRMED_MAJOR));
  g_assert_true (fg_hazard_event_can_record (f->county.actor, FG_HAZARD_EVENT_CONFIRMED_MAJOR));
  g_assert_true (decide (&f->township, f->township.actor, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR,
                         DECISION_NUMBER, f->today, "郏县消防救援大队", &error));
  g_assert_no_error (error);
}

/* 6. A decision without its number, with a date that is not one, still
 * to come or before the hazard was found, or without the brigade's name:
 * refused, and nothing written. */
static void
test_decision_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = day_from_today (f, 1);
  g_autofree char *long_ago = day_from_today (f, -400);
  const struct
  {
    const char *number;
    const char *date;
    const char *authority;
  } bad[] = {
    { NULL, f->today, "郏县消防救援大队" },
    { "", f->today, "郏县消防救援大队" },
    { "   ", f->today, "郏县消防救援大队" },
    { DECISION_NUMBER, NULL, "郏县消防救援大队" },
    { DECISION_NUMBER, "2026-02-30", "郏县消防救援大队" },
    { DECISION_NUMBER, "yesterday", "郏县消防救援大队" },
    { DECISION_NUMBER, tomorrow, "郏县消防救援大队" },
    { DECISION_NUMBER, long_ago, "郏县消防救援大队" },
    { DECISION_NUMBER, f->today, NULL },
    { DECISION_NUMBER, f->today, "410425消防救援大队" },
  };
  g_autofree char *before = rows (&f->township, "SELECT * FROM hazard_event ORDER BY seq", NULL);
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (decide (&f->township, f->township.actor, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR,
                              bad[i].number, bad[i].date, bad[i].authority, &error));
      g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
    }
  after = rows (&f->township, "SELECT * FROM hazard_event ORDER BY seq", NULL);
  g_assert_cmpstr (after, ==, before);
}

/* 7. A transfer to the police station: its own series, the recipient by
 * name, and the hazard transferred. */
static void
test_transfer (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) transfer = NULL;
  g_autoptr(FgNotice) nameless = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *transfer_1 = number (f, "消送", 1);
  g_autofree char *text = NULL;
  const char * const ids[] = { f->ordinary_id, NULL };
  FgNoticeRequest request = {
    .kind = FG_NOTICE_KIND_TRANSFER, .hazard_ids = ids, .recipient_kind = "police-station", .recipient = "",
  };

  nameless = fg_notice_issue (f->township.store, f->township.actor, &request, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_assert_null (nameless);
  g_clear_error (&error);

  /* to whom, said in words, not in the values the program stores */
  request.recipient_kind = NULL;
  request.recipient = "冢头派出所";
  nameless = fg_notice_issue (f->township.store, f->township.actor, &request, &error);
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_RECIPIENT);
  g_assert_null (nameless);
  g_assert_nonnull (strstr (error->message, "the police station or the regulator"));
  g_assert_null (strstr (error->message, "police-station"));
  g_assert_null (strstr (error->message, "regulator."));
  g_clear_error (&error);

  transfer = issue (&f->township, FG_NOTICE_KIND_TRANSFER, f->ordinary_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_notice_get_number (transfer), ==, transfer_1);
  hazard = load (&f->township, f->ordinary_id);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_TRANSFERRED);

  if (!can_read_pdfs ())
    return;
  text = printed_text (f, transfer);
  assert_printed (text, "移送书");
  assert_printed (text, transfer_1);
  assert_printed (text, "冢头派出所：");
  assert_printed (text, "老王烧烤");
  assert_printed (text, "现将上述情况移送你所，请依法处理");
}

/* 8. The brigade is a document setting: the county's by default, never a
 * code, and the letter is addressed to what it says. */
static void
test_brigade_setting (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (f->township.store, &error);
  g_autoptr(FgNoticeSettings) again = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(GVariant) addressee = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (settings->brigade, ==, "郏县消防救援大队");

  g_free (settings->brigade);
  settings->brigade = g_strdup ("410425消防救援大队");
  g_assert_false (fg_notice_settings_save (f->township.store, f->township.actor, settings, &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (settings->brigade);
  settings->brigade = g_strdup ("平顶山市郏县消防救援大队");
  g_assert_true (fg_notice_settings_save (f->township.store, f->township.actor, settings, &error));
  g_assert_no_error (error);
  again = fg_notice_settings_load (f->township.store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->brigade, ==, "平顶山市郏县消防救援大队");

  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  addressee = g_variant_lookup_value (fg_notice_get_content (letter), "addressee", G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (addressee, NULL), ==, "平顶山市郏县消防救援大队");
}

static void
void_ok (Office   *o,
         FgNotice *notice)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fg_notice_void (o->store, o->actor, notice, "发错对象", &error));
  g_assert_no_error (error);
  g_assert_true (fg_notice_get_voided (notice));
}

/* 9. A letter voided before anything followed it: its hazard is back
 * under the township's running order, as it was before the letter, with
 * the voiding in its history and the audit log. */
static void
test_letter_void (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNotice) second = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(FgHazard) again = NULL;
  g_autofree char *deadline = day_from_today (f, 10);

  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->major_id, deadline, &error);
  g_assert_no_error (error);
  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);

  void_ok (&f->township, letter);
  hazard = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (fg_hazard_get_deadline (hazard), ==, deadline);
  g_assert_null (fg_hazard_get_escalation_level (hazard));
  g_assert_null (fg_hazard_get_escalated_on (hazard));
  g_assert_cmpint (fg_hazard_get_last_event (hazard)->kind, ==, FG_HAZARD_EVENT_NOTICE_VOIDED);
  g_assert_cmpstr (fg_hazard_get_last_event (hazard)->notice_id, ==, fg_notice_get_id (letter));
  /* the ledger's cache says the same */
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard WHERE id = ?1 AND state = 'rectifying'"
                          " AND escalation_level IS NULL", f->major_id), ==, 1);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE action = 'notice-void' AND record_id = ?1",
                          fg_notice_get_id (letter)), ==, 1);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM audit WHERE action = 'notice-voided' AND record_id = ?1",
                          f->major_id), ==, 1);

  /* the order is still the hazard's own and can be voided in its turn */
  void_ok (&f->township, order);
  again = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (again), ==, FG_HAZARD_STATE_OPEN);

  /* and a right letter can be sent now */
  second = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
}

/* Voiding @notice is refused, by its number and the step that followed
 * it, and nothing is written. */
static void
assert_void_refused (Office            *o,
                     FgNotice          *notice,
                     FgHazardEventKind  followed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rows (o, "SELECT * FROM hazard_event ORDER BY seq", NULL);
  g_autofree char *after = NULL;

  g_assert_false (fg_notice_void (o->store, o->actor, notice, "发错对象", &error));
  g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, fg_notice_get_number (notice)));
  g_assert_nonnull (strstr (error->message, fg_hazard_event_kind_get_label (followed)));
  after = rows (o, "SELECT * FROM hazard_event ORDER BY seq", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (fg_notice_get_voided (notice));
  g_assert_cmpint (count (o, "SELECT count(*) FROM notice WHERE id = ?1 AND voided_at IS NULL",
                          fg_notice_get_id (notice)), ==, 1);
}

/* 10. Once something followed a letter or a transfer (an order from the
 * escalated hazard, the brigade's decision, the case closed), voiding it
 * would undo that too: refused. */
static void
test_letter_void_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) first = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgNotice) second = NULL;
  g_autoptr(FgNotice) transfer = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *deadline = day_from_today (f, 10);
  const FgHazardEventDetails closing = { .note = "派出所已依法处理" };

  first = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->major_id, deadline, &error);
  g_assert_no_error (error);
  assert_void_refused (&f->township, first, FG_HAZARD_EVENT_NOTICE_ISSUED);

  second = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (decide (&f->township, f->staff, f->major_id, FG_HAZARD_EVENT_CONFIRMED_MAJOR, DECISION_NUMBER,
                         f->today, "郏县消防救援大队", &error));
  g_assert_no_error (error);
  assert_void_refused (&f->township, second, FG_HAZARD_EVENT_CONFIRMED_MAJOR);
  hazard = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (hazard), ==, FG_HAZARD_STATE_ESCALATED);
  g_assert_true (fg_hazard_get_major_confirmed (hazard));
  g_clear_object (&hazard);

  transfer = issue (&f->township, FG_NOTICE_KIND_TRANSFER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  hazard = load (&f->township, f->major_id);
  g_assert_true (fg_hazard_add_event (f->township.store, f->township.actor, hazard, FG_HAZARD_EVENT_CLOSED, &closing,
                                      &error));
  g_assert_no_error (error);
  assert_void_refused (&f->township, transfer, FG_HAZARD_EVENT_CLOSED);
}

/* 11. A transfer voided: its hazard is found again, to be ordered or sent
 * to the right authority; and a letter from a hazard with no order goes
 * back to found too. */
static void
test_transfer_void (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) transfer = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgHazard) ordinary = NULL;
  g_autoptr(FgHazard) major = NULL;
  g_autofree char *deadline = day_from_today (f, 10);

  transfer = issue (&f->township, FG_NOTICE_KIND_TRANSFER, f->ordinary_id, NULL, &error);
  g_assert_no_error (error);
  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  void_ok (&f->township, transfer);
  void_ok (&f->township, letter);

  ordinary = load (&f->township, f->ordinary_id);
  g_assert_cmpint (fg_hazard_get_state (ordinary), ==, FG_HAZARD_STATE_OPEN);
  major = load (&f->township, f->major_id);
  g_assert_cmpint (fg_hazard_get_state (major), ==, FG_HAZARD_STATE_OPEN);
  g_assert_null (fg_hazard_get_escalation_level (major));
  g_assert_true (fg_hazard_is_possibly_major (major));

  order = issue (&f->township, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, f->ordinary_id, deadline, &error);
  g_assert_no_error (error);
}

/* 12. A letter or a transfer goes to an authority, not to the venue: it
 * is never served on it, and nothing is written when that is tried. */
static void
test_letter_not_served (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgNotice) letter = NULL;
  g_autoptr(FgNotice) transfer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  letter = issue (&f->township, FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, f->major_id, NULL, &error);
  g_assert_no_error (error);
  transfer = issue (&f->township, FG_NOTICE_KIND_TRANSFER, f->ordinary_id, NULL, &error);
  g_assert_no_error (error);
  before = rows (&f->township, "SELECT service, served_at FROM notice ORDER BY seq", NULL);

  for (guint i = 0; i < 2; i++)
    {
      FgNotice *notice = i == 0 ? letter : transfer;

      g_assert_false (fg_notice_record_service (f->township.store, f->township.actor, notice,
                                                FG_NOTICE_SERVICE_SERVED, "王某", NULL, NULL, &error));
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, fg_notice_get_number (notice)));
      g_clear_error (&error);
      g_assert_false (fg_notice_record_service (f->township.store, f->township.actor, notice,
                                                FG_NOTICE_SERVICE_REFUSED, NULL, NULL, NULL, &error));
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (fg_notice_get_service (notice), ==, FG_NOTICE_SERVICE_NONE);
    }
  after = rows (&f->township, "SELECT service, served_at FROM notice ORDER BY seq", NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE kind IN"
                          " ('notice-served', 'notice-refused')", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/major-hazard/letter-prints", Fixture, NULL, fixture_set_up, test_letter_prints, fixture_tear_down);
  g_test_add ("/major-hazard/letter-series", Fixture, NULL, fixture_set_up, test_letter_series, fixture_tear_down);
  g_test_add ("/major-hazard/decision-from-bundle-checked", Fixture, NULL, fixture_set_up,
              test_decision_from_bundle_checked, fixture_tear_down);
  g_test_add ("/major-hazard/decision-from-bundle-unsent", Fixture, NULL, fixture_set_up,
              test_decision_from_bundle_unsent, fixture_tear_down);
  g_test_add ("/major-hazard/decision-from-county", Fixture, NULL, fixture_set_up, test_decision_from_county,
              fixture_tear_down);
  g_test_add ("/major-hazard/decision-not-confirmed", Fixture, NULL, fixture_set_up, test_decision_not_confirmed,
              fixture_tear_down);
  g_test_add ("/major-hazard/decision-who", Fixture, NULL, fixture_set_up, test_decision_who, fixture_tear_down);
  g_test_add ("/major-hazard/decision-refused", Fixture, NULL, fixture_set_up, test_decision_refused,
              fixture_tear_down);
  g_test_add ("/major-hazard/transfer", Fixture, NULL, fixture_set_up, test_transfer, fixture_tear_down);
  g_test_add ("/major-hazard/brigade-setting", Fixture, NULL, fixture_set_up, test_brigade_setting,
              fixture_tear_down);

  g_test_add ("/major-hazard/letter-void", Fixture, NULL, fixture_set_up, test_letter_void, fixture_tear_down);
  g_test_add ("/major-hazard/letter-void-refused", Fixture, NULL, fixture_set_up, test_letter_void_refused,
              fixture_tear_down);
  g_test_add ("/major-hazard/transfer-void", Fixture, NULL, fixture_set_up, test_transfer_void, fixture_tear_down);
  g_test_add ("/major-hazard/letter-not-served", Fixture, NULL, fixture_set_up, test_letter_not_served,
              fixture_tear_down);

  return g_test_run ();
}
