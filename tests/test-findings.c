/* test-findings.c — documents and the ledger name what was found, not
 * what the checklist requires
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A checklist item asks "exits are not locked while open"; an order that
 * lists that under 存在的问题 says the opposite of what the inspector saw.
 * These tests read the PDFs back with pdftotext and hold each document
 * kind, and the ledger, to the item's finding and the inspector's note.
 * A test that needs pdftotext, or a Chinese font when none is installed,
 * is skipped.
 */
#include <string.h>
#include <sys/wait.h>

#include "fg-checklist-private.h"
#include "fg-notice-private.h"
#include "fg-store-private.h"
#include "fg-test-util.h"

#define PASSWORD "long-password"

/* items of the restaurant checklist: one fixed on the spot, two by a deadline */
#define ON_SPOT_CODE "C-EXIT-01"
#define FIRST_CODE "C-MGT-01"
#define SECOND_CODE "C-ELEC-01"
#define NOTE "后门通道堆放啤酒箱约2米"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgActor *admin;
  char *venue_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GError) error = NULL;

  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &grid);
  account = fg_account_create (f->store, fg_test_installer (), "admin", "张管理", FG_ROLE_TOWNSHIP_ADMIN,
                               fg_store_get_home_region_id (f->store), PASSWORD, &error);
  g_assert_no_error (error);
  f->admin = fg_account_login (f->store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  /* a second officer: inspection records name the two who inspected */
  g_clear_object (&account);
  account = fg_account_create (f->store, f->admin, "staff", "王干事", FG_ROLE_TOWNSHIP_STAFF,
                               fg_store_get_home_region_id (f->store), PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "admin", "41042526000001", &error));
  g_assert_true (fg_account_set_certificate (f->store, f->admin, "staff", "41042526000002", &error));

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
  g_free (f->venue_id);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* Inspects the venue, failing the items @codes (NULL-terminated), the
 * first with NOTE; returns the finished inspection. */
static FgInspection *
inspect (Fixture           *f,
         const char * const *codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  GListModel *items;

  inspection = fg_inspection_start (f->store, f->admin, f->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_set_second_inspector (f->store, f->admin, inspection, "staff", &error));
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      gboolean fail = g_strv_contains (codes, code);

      fg_inspection_record (f->store, f->admin, inspection, code, fail ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS,
                            fail && g_str_equal (code, codes[0]) ? NOTE : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&inspection);
}

/* The hazard of @inspection found at @code. */
static FgHazard *
hazard_of (Fixture      *f,
           FgInspection *inspection,
           const char   *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = fg_hazard_list_for_inspection (f->store, f->admin,
                                                                fg_inspection_get_id (inspection), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hazards->len; i++)
    if (g_str_equal (fg_hazard_get_item_code (g_ptr_array_index (hazards, i)), code))
      return g_object_ref (g_ptr_array_index (hazards, i));
  g_error ("no hazard at %s", code);
  return NULL;
}

static FgNotice *
issue (Fixture      *f,
       FgNoticeKind  kind,
       FgHazard     *first,
       FgHazard     *second)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) later = g_date_new ();
  g_autofree char *deadline = NULL;
  const char *ids[] = { fg_hazard_get_id (first), second != NULL ? fg_hazard_get_id (second) : NULL, NULL };
  FgNoticeRequest request = { .kind = kind, .hazard_ids = ids };
  FgNotice *notice;

  g_date_set_time_t (later, time (NULL));
  g_date_add_days (later, 30);
  deadline = fg_calendar_format_date (later);
  if (kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    request.deadline = deadline;
  notice = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  return notice;
}

/* Rendering and reading back */

static gboolean
can_read_pdfs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgPdf) pdf = fg_pdf_new (NULL, &error);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdf == NULL)
    {
      g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT);
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

/* Text without white space: pdftotext breaks lines where the table did. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The text of the first document of @notice's PDF (its proof of service
 * aside), squeezed. */
static char *
printed_text (Fixture    *f,
              FgNotice   *notice,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = g_build_filename (f->dir.dir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  /* -raw: the cells in the order they are drawn, not run together by line */
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  char *proof;
  int status = 0;

  g_ptr_array_add (notices, notice);
  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  proof = strstr (out, "送达回证");
  if (proof != NULL)
    *proof = '\0';
  return squeeze (out);
}

static void
assert_printed (const char *text,
                const char *what)
{
  g_autofree char *squeezed = squeeze (what);

  if (strstr (text, squeezed) == NULL)
    g_error ("“%s” is not in the text of the PDF:\n%s", squeezed, text);
}

static void
assert_not_printed (const char *text,
                    const char *what)
{
  g_autofree char *squeezed = squeeze (what);

  if (strstr (text, squeezed) != NULL)
    g_error ("“%s” is in the text of the PDF, and should not be:\n%s", squeezed, text);
}

/* The table of problems of an order or an opinion: what follows its head
 * @column (存在的问题, 原通知的问题). */
static const char *
problems_table (const char *text,
                const char *column)
{
  const char *table = strstr (text, column);

  g_assert_nonnull (table);
  return table;
}

/* @code's item in @inspection */
static FgChecklistItem *
item (FgInspection *inspection,
      const char   *code)
{
  FgChecklistItem *found = fg_inspection_find_item (inspection, code);

  g_assert_nonnull (found);
  return found;
}

static void
test_findings_correct_now (Fixture       *f,
                           gconstpointer  data)
{
  const char *codes[] = { ON_SPOT_CODE, NULL };
  g_autoptr(FgInspection) inspection = inspect (f, codes);
  g_autoptr(FgHazard) hazard = hazard_of (f, inspection, ON_SPOT_CODE);
  g_autoptr(FgNotice) order = issue (f, FG_NOTICE_KIND_CORRECT_NOW, hazard, NULL);
  FgChecklistItem *exit = item (inspection, ON_SPOT_CODE);
  g_autofree char *text = NULL;
  g_autofree char *problem = g_strdup_printf ("%s（%s）", fg_checklist_item_get_finding_zh (exit), NOTE);

  if (!can_read_pdfs ())
    return;

  text = printed_text (f, order, "now.pdf");
  /* what was found, with what the inspector noted of it, under 存在的问题;
   * the action stays the 整改要求 */
  assert_printed (problems_table (text, "存在的问题"), problem);
  assert_printed (problems_table (text, "存在的问题"), fg_checklist_item_get_action_zh (exit));
  /* never the requirement, which says the opposite */
  assert_not_printed (text, fg_checklist_item_get_text_zh (exit));
}

static void
test_findings_correct_by_deadline (Fixture       *f,
                                   gconstpointer  data)
{
  const char *codes[] = { FIRST_CODE, SECOND_CODE, NULL };
  g_autoptr(FgInspection) inspection = inspect (f, codes);
  g_autoptr(FgHazard) first = hazard_of (f, inspection, FIRST_CODE);
  g_autoptr(FgHazard) second = hazard_of (f, inspection, SECOND_CODE);
  g_autoptr(FgNotice) order = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, first, second);
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;

  if (!can_read_pdfs ())
    return;

  text = printed_text (f, order, "deadline.pdf");
  problem = g_strdup_printf ("%s（%s）", fg_checklist_item_get_finding_zh (item (inspection, FIRST_CODE)), NOTE);
  assert_printed (problems_table (text, "存在的问题"), problem);
  assert_printed (problems_table (text, "存在的问题"),
                  fg_checklist_item_get_finding_zh (item (inspection, SECOND_CODE)));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      assert_not_printed (text, fg_checklist_item_get_text_zh (item (inspection, codes[i])));
      assert_printed (text, fg_checklist_item_get_action_zh (item (inspection, codes[i])));
    }
}

static void
test_findings_reinspection (Fixture       *f,
                            gconstpointer  data)
{
  const char *codes[] = { FIRST_CODE, SECOND_CODE, NULL };
  g_autoptr(FgInspection) inspection = inspect (f, codes);
  g_autoptr(FgHazard) first = hazard_of (f, inspection, FIRST_CODE);
  g_autoptr(FgHazard) second = hazard_of (f, inspection, SECOND_CODE);
  g_autoptr(FgNotice) order = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, first, second);
  g_autoptr(FgNotice) opinion = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) later = g_date_new ();
  g_autofree char *deadline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *problem = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION, .follows_id = fg_notice_get_number (order) };

  g_date_set_time_t (later, time (NULL));
  g_date_add_days (later, 45);
  deadline = fg_calendar_format_date (later);
  g_clear_object (&first);
  g_clear_object (&second);
  first = hazard_of (f, inspection, FIRST_CODE);
  second = hazard_of (f, inspection, SECOND_CODE);
  fg_hazard_add_event (f->store, f->admin, first, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, &error);
  g_assert_no_error (error);
  fg_hazard_add_event (f->store, f->admin, second, FG_HAZARD_EVENT_REINSPECTED_FAIL,
                       &(FgHazardEventDetails) { .deadline = deadline, .note = "仍未穿管" }, &error);
  g_assert_no_error (error);
  opinion = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);

  if (!can_read_pdfs ())
    return;

  text = printed_text (f, opinion, "opinion.pdf");
  /* each hazard as the order named it */
  problem = g_strdup_printf ("%s（%s）", fg_checklist_item_get_finding_zh (item (inspection, FIRST_CODE)), NOTE);
  assert_printed (problems_table (text, "原通知的问题"), problem);
  assert_printed (problems_table (text, "原通知的问题"),
                  fg_checklist_item_get_finding_zh (item (inspection, SECOND_CODE)));
  assert_printed (text, "仍未穿管");
  for (guint i = 0; codes[i] != NULL; i++)
    assert_not_printed (text, fg_checklist_item_get_text_zh (item (inspection, codes[i])));
}

/* The record is the checklist filled in: it asks each item's question,
 * and says of a failed one what was found. */
static void
test_findings_record (Fixture       *f,
                      gconstpointer  data)
{
  const char *codes[] = { FIRST_CODE, NULL };
  g_autoptr(FgInspection) inspection = inspect (f, codes);
  g_autoptr(FgNotice) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *remark = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD,
                              .inspection_id = fg_inspection_get_id (inspection) };
  FgChecklistItem *failed = item (inspection, FIRST_CODE);
  gboolean seen = FALSE;
  GVariantIter iter;
  const char *section, *question, *outcome, *note;

  record = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  remark = g_strdup_printf ("%s（%s）", fg_checklist_item_get_finding_zh (failed), NOTE);

  /* frozen as issued: the question, and for the failed item the finding */
  items = g_variant_lookup_value (fg_notice_get_content (record), "items", G_VARIANT_TYPE ("a(ssss)"));
  g_variant_iter_init (&iter, items);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &section, &question, &outcome, &note))
    if (g_str_equal (question, fg_checklist_item_get_text_zh (failed)))
      {
        g_assert_cmpstr (outcome, ==, "不合格");
        g_assert_cmpstr (note, ==, remark);
        seen = TRUE;
      }
    else
      g_assert_cmpstr (note, ==, "");
  g_assert_true (seen);

  if (!can_read_pdfs ())
    return;

  text = printed_text (f, record, "record.pdf");
  assert_printed (text, fg_checklist_item_get_text_zh (failed));
  assert_printed (text, remark);
}

/* Eight characters of @finding, lower case, that no item of @codes has in
 * its text, and no other finding of them: what the ledger must find by the
 * finding alone. */
static char *
words_only_in (const char         *finding,
               FgInspection       *inspection,
               const char * const *codes)
{
  glong length = g_utf8_strlen (finding, -1);

  for (glong start = 0; start + 8 <= length; start++)
    {
      g_autofree char *window = g_utf8_substring (finding, start, start + 8);
      g_autofree char *words = g_utf8_strdown (window, -1);
      gboolean elsewhere = FALSE;

      for (guint i = 0; codes[i] != NULL; i++)
        {
          FgChecklistItem *other = item (inspection, codes[i]);
          g_autofree char *text = g_utf8_strdown (fg_checklist_item_get_text (other), -1);
          g_autofree char *found = g_utf8_strdown (fg_checklist_item_get_finding (other), -1);

          elsewhere |= strstr (text, words) != NULL ||
                       (g_strcmp0 (fg_checklist_item_get_finding (other), finding) != 0 && strstr (found, words) != NULL);
        }
      if (!elsewhere)
        return g_steal_pointer (&words);
    }
  g_error ("every word of “%s” is in an item's text", finding);
  return NULL;
}

/* The ledger names a hazard by its finding, finds it by its words, and
 * sorts by it. */
static void
test_findings_ledger (Fixture       *f,
                      gconstpointer  data)
{
  const char *codes[] = { FIRST_CODE, SECOND_CODE, NULL };
  g_autoptr(FgInspection) inspection = inspect (f, codes);
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *finding = fg_checklist_item_get_finding (item (inspection, SECOND_CODE));

  all = fg_hazard_query_fetch (f->store, f->admin, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  for (guint i = 0; i < all->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (all, i);
      FgChecklistItem *failed = item (inspection, fg_hazard_get_item_code (hazard));

      g_assert_cmpstr (fg_hazard_get_finding (hazard), ==, fg_checklist_item_get_finding (failed));
      g_assert_cmpstr (fg_hazard_get_finding (hazard), !=, fg_checklist_item_get_text (failed));
      /* what the item checks stays at hand */
      g_assert_cmpstr (fg_hazard_get_item_text (hazard), ==, fg_checklist_item_get_text (failed));
    }

  /* words only the finding has */
  query->text = words_only_in (finding, inspection, codes);
  found = fg_hazard_query_fetch (f->store, f->admin, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (fg_hazard_get_item_code (g_ptr_array_index (found, 0)), ==, SECOND_CODE);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* in the order of the findings */
  g_clear_pointer (&query->text, g_free);
  query->sort = FG_HAZARD_SORT_ITEM;
  query->descending = FALSE;
  found = fg_hazard_query_fetch (f->store, f->admin, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (strcmp (fg_hazard_get_finding (g_ptr_array_index (found, 0)),
                           fg_hazard_get_finding (g_ptr_array_index (found, 1))), <, 0);
}

/* Runs @sql on the store's database, behind the program's back. */
static void
run_sql (Fixture    *f,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (fg_store_get_db (f->store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* the version of the restaurant checklist the program ships, whatever it is */
#define SHIPPED "(SELECT max (version) FROM checklist_template WHERE template_id = 'restaurant')"

/* A database from before findings: the restaurant checklist of version 1,
 * installed without them, with an item of its own that no later version
 * has; inspected; then the shipped version installed over it. */
static void
test_findings_installed_before (Fixture       *f,
                                gconstpointer  data)
{
  const char *codes[] = { FIRST_CODE, "RST-OLD-01", NULL };
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgInspection) reread = NULL;
  g_autoptr(FgChecklistItem) newest = NULL;
  g_autoptr(FgHazard) kept = NULL;
  g_autoptr(FgHazard) own = NULL;
  g_autoptr(FgNotice) order = NULL;
  g_autoptr(FgChecklist) shipped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *neutral = "不符合“厨房灶台旁设有专用灭火器”的要求";

  run_sql (f,
           "INSERT INTO checklist_template (template_id, version, category, title_zh, title_en, digest, installed_at)"
           " SELECT template_id, 1, category, title_zh, title_en, 'before findings', installed_at"
           " FROM checklist_template WHERE template_id = 'restaurant' AND version = " SHIPPED ";"
           "INSERT INTO checklist_item (template_id, version, position, code, section_id, section_zh, section_en,"
           "  text_zh, text_en, action_zh, action_en, basis, on_spot, major, deadline_days)"
           " SELECT template_id, 1, position, code, section_id, section_zh, section_en, text_zh, text_en,"
           "  action_zh, action_en, basis, on_spot, major, deadline_days"
           " FROM checklist_item WHERE template_id = 'restaurant' AND version = " SHIPPED ";"
           "INSERT INTO checklist_item (template_id, version, position, code, section_id, section_zh, section_en,"
           "  text_zh, text_en, action_zh, action_en, basis, on_spot, major, deadline_days)"
           " VALUES ('restaurant', 1, 999, 'RST-OLD-01', 'management', '消防安全管理', 'Fire safety management',"
           "  '厨房灶台旁设有专用灭火器', 'An extinguisher is kept by the stoves', '在灶台旁配置灭火器',"
           "  'Put an extinguisher by the stoves', '[\"《中华人民共和国消防法》第十六条\"]', 0, 0, 5);"
           "DELETE FROM checklist_item WHERE template_id = 'restaurant' AND version = " SHIPPED ";"
           "DELETE FROM checklist_template WHERE template_id = 'restaurant' AND version = " SHIPPED ";");

  inspection = inspect (f, codes);
  g_assert_cmpuint (fg_checklist_item_get_template_version (item (inspection, FIRST_CODE)), ==, 1);

  bytes = g_resources_lookup_data ("/io/github/firegrid/core/checklists/restaurant.xml", 0, &error);
  g_assert_no_error (error);
  shipped = fg_checklist_parse (bytes, "restaurant.xml", &error);
  g_assert_no_error (error);
  g_assert_true (fg_checklist_install (f->store, shipped, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (fg_checklist_get_items (shipped)); i++)
    {
      g_autoptr(FgChecklistItem) candidate = g_list_model_get_item (fg_checklist_get_items (shipped), i);

      if (g_str_equal (fg_checklist_item_get_code (candidate), FIRST_CODE))
        newest = g_object_ref (candidate);
    }
  g_assert_nonnull (newest);

  /* read again, the items keep version 1's wording and take the finding
   * of their code's newest version; the item no later version has says
   * its requirement was not met */
  reread = fg_inspection_load (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_checklist_item_get_template_version (item (reread, FIRST_CODE)), ==, 1);
  g_assert_cmpstr (fg_checklist_item_get_finding_zh (item (reread, FIRST_CODE)), ==,
                   fg_checklist_item_get_finding_zh (newest));
  g_assert_cmpstr (fg_checklist_item_get_finding_zh (item (reread, "RST-OLD-01")), ==, neutral);

  /* so does the ledger */
  kept = hazard_of (f, inspection, FIRST_CODE);
  own = hazard_of (f, inspection, "RST-OLD-01");
  g_assert_cmpstr (fg_hazard_get_finding (kept), ==, fg_checklist_item_get_finding (newest));
  g_assert_cmpstr (fg_hazard_get_finding (own), ==, "Not as required: An extinguisher is kept by the stoves");

  /* and an order issued now */
  order = issue (f, FG_NOTICE_KIND_CORRECT_BY_DEADLINE, kept, own);
  if (!can_read_pdfs ())
    return;

  text = printed_text (f, order, "before.pdf");
  assert_printed (problems_table (text, "存在的问题"), fg_checklist_item_get_finding_zh (newest));
  assert_printed (problems_table (text, "存在的问题"), neutral);
  assert_not_printed (text, fg_checklist_item_get_text_zh (newest));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/findings/correct-now", test_findings_correct_now);
  ADD ("/findings/correct-by-deadline", test_findings_correct_by_deadline);
  ADD ("/findings/reinspection", test_findings_reinspection);
  ADD ("/findings/record", test_findings_record);
  ADD ("/findings/ledger", test_findings_ledger);
  ADD ("/findings/installed-before", test_findings_installed_before);
#undef ADD

  return g_test_run ();
}
