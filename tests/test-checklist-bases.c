/* test-checklist-bases.c — what a checklist item's legal bases are, and
 * what becomes of items that are duties of every venue or tasks of the
 * township
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "fg-pdf-private.h"
#include "fg-test-util.h"

#define XF28 "《中华人民共和国消防法》第二十八条"
#define XF16 "《中华人民共和国消防法》第十六条第一款第（一）项"

typedef struct
{
  FgTestDir dir;
  FgStore *store;
  FgRegion *grid;
  FgActor *admin;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  fg_test_dir_init (&f->dir);
  f->store = fg_test_township_new (&f->dir, NULL, &f->grid);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(FgAccount) admin = fg_account_create (f->store, fg_test_installer (), "admin", "张管理",
                                                    FG_ROLE_TOWNSHIP_ADMIN, fg_store_get_home_region_id (f->store),
                                                    "correct horse battery", &error);
    g_autoptr(FgAccount) staff = NULL;

    g_assert_no_error (error);
    f->admin = fg_account_login (f->store, "admin", "correct horse battery", &error);
    g_assert_no_error (error);
    /* inspection records name the two officers who inspected */
    staff = fg_account_create (f->store, f->admin, "staff", "王干事", FG_ROLE_TOWNSHIP_STAFF,
                               fg_store_get_home_region_id (f->store), "correct horse battery", &error);
    g_assert_no_error (error);
    g_assert_true (fg_account_set_certificate (f->store, f->admin, "admin", "41042526000001", &error));
    g_assert_true (fg_account_set_certificate (f->store, f->admin, "staff", "41042526000002", &error));
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->admin, fg_actor_unref);
  g_clear_object (&f->grid);
  g_clear_object (&f->store);
  fg_test_dir_clear (&f->dir);
}

/* A template for @category, newer than the shipped one, with the items
 * given as XML. */
static char *
template_xml (const char *id,
              const char *category,
              const char *items)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<checklist xmlns=\"urn:firegrid:checklist:1\" id=\"%s\" version=\"9\" category=\"%s\">\n"
                          "  <title lang=\"zh\">测试检查表</title><title lang=\"en\">Test checklist</title>\n"
                          "  <section id=\"test\"><title lang=\"zh\">测试</title><title lang=\"en\">Test</title>\n"
                          "%s"
                          "  </section>\n"
                          "</checklist>\n",
                          id, category, items);
}

static FgChecklist *
parse (const char  *xml,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return fg_checklist_parse (bytes, "test.xml", error);
}

#define ITEM(code, attrs, children) \
  "    <item code=\"" code "\" " attrs ">\n" \
  "      <text lang=\"zh\">检查" code "</text><text lang=\"en\">Check " code "</text>\n" \
  "      <finding lang=\"zh\">发现" code "</finding><finding lang=\"en\">Found " code "</finding>\n" \
  "      <action lang=\"zh\">整改" code "</action><action lang=\"en\">Fix " code "</action>\n" \
  children \
  "    </item>\n"

/* An order with a confirmed basis, one marked unverified, one of the
 * older templates' “（待核实）” and a reference; a duty of every venue; a
 * task of the township. */
static const char sorted_items[] =
  ITEM ("T-ORDER-01", "deadline-days=\"5\"",
        "      <basis>" XF28 "</basis>\n"
        "      <basis verified=\"false\">《某省消防条例》第九条</basis>\n"
        "      <basis>GB 55037-2022《建筑防火通用规范》（待核实）</basis>\n"
        "      <reference>GB 50016《建筑设计防火规范》</reference>\n")
  ITEM ("T-DUTY-01", "na-allowed=\"false\" deadline-days=\"5\"",
        "      <basis>" XF16 "</basis>\n")
  ITEM ("T-TASK-01", "kind=\"township-task\" deadline-days=\"90\"",
        "      <reference>《中华人民共和国消防法》第二十九条</reference>\n");

static FgChecklistItem *
find_item (FgChecklist *checklist,
           const char  *code)
{
  GListModel *items = fg_checklist_get_items (checklist);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      FgChecklistItem *item = g_list_model_get_item (items, i);

      g_object_unref (item);  /* the list keeps it */
      if (g_str_equal (fg_checklist_item_get_code (item), code))
        return item;
    }
  g_assert_not_reached ();
}

static void
assert_sorted (FgChecklist *checklist)
{
  FgChecklistItem *order = find_item (checklist, "T-ORDER-01");
  FgChecklistItem *duty = find_item (checklist, "T-DUTY-01");
  FgChecklistItem *task = find_item (checklist, "T-TASK-01");
  const char * const *unverified = fg_checklist_item_get_unverified_bases (order);

  /* only the confirmed norm is a basis that prints */
  g_assert_cmpstr (fg_checklist_item_get_bases (order)[0], ==, XF28);
  g_assert_null (fg_checklist_item_get_bases (order)[1]);
  g_assert_cmpuint (g_strv_length ((char **) unverified), ==, 2);
  g_assert_true (g_strv_contains (unverified, "《某省消防条例》第九条"));
  g_assert_true (g_strv_contains (unverified, "GB 55037-2022《建筑防火通用规范》（待核实）"));
  g_assert_cmpstr (fg_checklist_item_get_references (order)[0], ==, "GB 50016《建筑设计防火规范》");
  g_assert_true (fg_checklist_item_get_na_allowed (order));
  g_assert_cmpint (fg_checklist_item_get_kind (order), ==, FG_CHECKLIST_ITEM_KIND_ORDER);

  g_assert_false (fg_checklist_item_get_na_allowed (duty));

  g_assert_cmpint (fg_checklist_item_get_kind (task), ==, FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK);
  g_assert_null (fg_checklist_item_get_bases (task)[0]);
  g_assert_null (fg_checklist_item_get_unverified_bases (task)[0]);
  g_assert_cmpstr (fg_checklist_item_get_references (task)[0], ==, "《中华人民共和国消防法》第二十九条");
}

/* Bases, references and flags as parsed, and as installed and read back. */
static void
test_bases_sorted (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xml = template_xml ("test-bases", "restaurant", sorted_items);
  g_autoptr(FgChecklist) parsed = NULL;
  g_autoptr(FgChecklist) loaded = NULL;
  g_autoptr(GError) error = NULL;

  parsed = parse (xml, &error);
  g_assert_no_error (error);
  assert_sorted (parsed);

  g_assert_true (fg_checklist_install (f->store, parsed, &error));
  g_assert_no_error (error);
  loaded = fg_checklist_load (f->store, "test-bases", 9, &error);
  g_assert_no_error (error);
  assert_sorted (loaded);

  /* installing it again changes nothing: its digest holds the new parts */
  g_assert_true (fg_checklist_install (f->store, parsed, &error));
  g_assert_no_error (error);
}

static void
assert_refused (const char *items,
                const char *expected)
{
  g_autofree char *xml = template_xml ("test-bases", "restaurant", items);
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;

  checklist = parse (xml, &error);
  g_assert_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID);
  g_assert_null (checklist);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_bases_refused (void)
{
  /* a task of the township names no norm a venue breaches */
  assert_refused (ITEM ("T-TASK-01", "kind=\"township-task\" deadline-days=\"90\"",
                        "      <basis>" XF28 "</basis>\n"),
                  "T-TASK-01");
  /* an order names one, confirmed or not */
  assert_refused (ITEM ("T-ORDER-01", "deadline-days=\"5\"",
                        "      <reference>GB 50016《建筑设计防火规范》</reference>\n"),
                  "no legal basis");
  /* possibly major and fixable on the spot do not go together */
  assert_refused (ITEM ("T-MAJOR-01", "on-spot=\"true\" major=\"true\" deadline-days=\"0\"",
                        "      <basis>" XF28 "</basis>\n"),
                  "major hazard");
  assert_refused (ITEM ("T-MAJOR-01", "major=\"true\" deadline-days=\"0\"",
                        "      <basis>" XF28 "</basis>\n"),
                  "major hazard");
}

/* A venue of @category, inspected against its newest checklist: @fail
 * fails, every other item passes. */
static FgInspection *
inspect (Fixture            *f,
         const char         *category,
         const char * const *fail)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "人民路1号",
                                                category, "王建国");
  g_autoptr(GError) error = NULL;
  FgInspection *inspection;
  GListModel *items;

  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->store, f->admin, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fg_inspection_set_second_inspector (f->store, f->admin, inspection, "staff", &error));
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      gboolean failed = g_strv_contains (fail, code);

      fg_inspection_record (f->store, f->admin, inspection, code,
                            failed ? FG_OUTCOME_FAIL : FG_OUTCOME_PASS, failed ? "现场检查发现" : NULL, &error);
      g_assert_no_error (error);
    }
  fg_inspection_finish (f->store, f->admin, inspection, &error);
  g_assert_no_error (error);
  return inspection;
}

/* The 违反的规定 column of an order to correct all hazards of @inspection. */
static char *
order_basis (Fixture      *f,
             FgInspection *inspection)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GVariant) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *text, *seen, *basis, *action;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_NOW };

  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_ptr_array_add (ids, (char *) fg_hazard_get_id (g_ptr_array_index (hazards, 0)));
  g_ptr_array_add (ids, NULL);
  request.hazard_ids = (const char * const *) ids->pdata;
  notice = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);

  problems = g_variant_lookup_value (fg_notice_get_content (notice), "problems", G_VARIANT_TYPE ("a(ssss)"));
  g_assert_nonnull (problems);
  g_assert_cmpuint (g_variant_n_children (problems), ==, 1);
  g_variant_get_child (problems, 0, "(&s&s&s&s)", &text, &seen, &basis, &action);
  return g_strdup (basis);
}

/* An order prints the confirmed norms only: never a basis marked
 * unverified, never a standard or another reference. */
static void
test_bases_order_prints_norms (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *xml = template_xml ("test-bases", "restaurant", sorted_items);
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basis = NULL;
  const char *fail[] = { "T-ORDER-01", NULL };

  checklist = parse (xml, &error);
  g_assert_no_error (error);
  g_assert_true (fg_checklist_install (f->store, checklist, &error));
  g_assert_no_error (error);

  inspection = inspect (f, "restaurant", fail);
  basis = order_basis (f, inspection);
  g_assert_cmpstr (basis, ==, XF28);
}

/* A template version stored before bases were sorted: one array, the
 * unconfirmed marked in their text, standards and policies mixed in. */
static void
store_legacy_template (Fixture *f)
{
  static const char sql[] =
    "INSERT INTO checklist_template (template_id, version, category, title_zh, title_en, digest, installed_at)"
    " VALUES ('legacy', 10, 'shop', '旧检查表', 'Old checklist', 'x', '2026-01-05T09:00:00+08:00');"
    "INSERT INTO checklist_item (template_id, version, position, code, section_id, section_zh, section_en,"
    "  text_zh, text_en, action_zh, action_en, basis, on_spot, major, deadline_days)"
    " VALUES ('legacy', 10, 0, 'L-EXIT-01', 's', '疏散', 'Escape', '疏散通道畅通', 'Routes are clear',"
    "  '清除杂物', 'Clear them',"
    "  '[\"" XF28 "\",\"GB 55037-2022《建筑防火通用规范》\",\"《消防监督检查规定》（公安部令第120号）\","
    "\"《中共河南省委办公厅 河南省人民政府办公厅关于推动河南省消防救援工作高质量发展的意见》（四）\","
    "\"《中华人民共和国消防法》第二十九条（待核实）\"]', 0, 0, 5);";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->dir.db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_bases_legacy_rows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FgChecklist) loaded = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basis = NULL;
  const char *fail[] = { "L-EXIT-01", NULL };
  FgChecklistItem *item;

  store_legacy_template (f);
  loaded = fg_checklist_load (f->store, "legacy", 10, &error);
  g_assert_no_error (error);
  item = find_item (loaded, "L-EXIT-01");
  g_assert_cmpuint (g_strv_length ((char **) fg_checklist_item_get_bases (item)), ==, 1);
  g_assert_cmpstr (fg_checklist_item_get_bases (item)[0], ==, XF28);
  g_assert_cmpuint (g_strv_length ((char **) fg_checklist_item_get_references (item)), ==, 3);
  g_assert_cmpstr (fg_checklist_item_get_unverified_bases (item)[0], ==, "《中华人民共和国消防法》第二十九条（待核实）");
  g_assert_true (fg_checklist_item_get_na_allowed (item));

  /* and an order of an inspection made with it prints the same */
  inspection = inspect (f, "shop", fail);
  basis = order_basis (f, inspection);
  g_assert_cmpstr (basis, ==, XF28);
}

/* A failed task of the township stays in the inspection and its record,
 * and never becomes a hazard, so never an order. */
static void
test_bases_township_task (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *xml = template_xml ("test-bases", "shop", sorted_items);
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgNotice) record = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basis = NULL;
  const char *fail[] = { "T-ORDER-01", "T-TASK-01", NULL };
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_INSPECTION_RECORD };
  gboolean task_labelled = FALSE;

  checklist = parse (xml, &error);
  g_assert_no_error (error);
  g_assert_true (fg_checklist_install (f->store, checklist, &error));
  g_assert_no_error (error);

  inspection = inspect (f, "shop", fail);
  g_assert_cmpint (fg_inspection_get_outcome (inspection, "T-TASK-01"), ==, FG_OUTCOME_FAIL);
  failed = fg_inspection_get_failed_items (inspection);
  g_assert_cmpuint (failed->len, ==, 1);
  g_assert_cmpstr (fg_checklist_item_get_code (g_ptr_array_index (failed, 0)), ==, "T-ORDER-01");
  tasks = fg_inspection_get_township_tasks (inspection);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpstr (fg_checklist_item_get_code (g_ptr_array_index (tasks, 0)), ==, "T-TASK-01");

  /* one hazard, the order's; an order of all the venue's hazards has it alone */
  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  g_assert_cmpstr (fg_hazard_get_item_code (g_ptr_array_index (hazards, 0)), ==, "T-ORDER-01");
  basis = order_basis (f, inspection);
  g_assert_cmpstr (basis, ==, XF28);

  /* the record names it as the government's to take up */
  request.inspection_id = fg_inspection_get_id (inspection);
  record = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);
  rows = g_variant_lookup_value (fg_notice_get_content (record), "items", G_VARIANT_TYPE ("a(ssss)"));
  g_assert_nonnull (rows);
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      const char *section, *text, *label, *note;

      g_variant_get_child (rows, i, "(&s&s&s&s)", &section, &text, &label, &note);
      if (g_str_equal (text, "检查T-TASK-01"))
        {
          g_assert_cmpstr (label, ==, "不合格（属政府职责，由乡镇落实）");
          task_labelled = TRUE;
        }
      else if (g_str_equal (text, "检查T-ORDER-01"))
        g_assert_cmpstr (label, ==, "不合格");
    }
  g_assert_true (task_labelled);
}

/* A duty of every venue cannot be marked not applicable; other items can. */
static void
test_bases_duty_applies (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (f->grid), "老王烧烤", "人民路1号",
                                                "restaurant", "王建国");
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgInspection) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  guint n_duties = 0;
  guint n_others = 0;

  fg_venue_save (f->store, f->admin, venue, &error);
  g_assert_no_error (error);
  inspection = fg_inspection_start (f->store, f->admin, fg_venue_get_id (venue),
                                    FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);

  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      g_autoptr(GError) local_error = NULL;
      gboolean ok = fg_inspection_record (f->store, f->admin, inspection, code,
                                          FG_OUTCOME_NA, NULL, &local_error);

      if (fg_checklist_item_get_na_allowed (item))
        {
          g_assert_no_error (local_error);
          g_assert_true (ok);
          g_assert_cmpint (fg_inspection_get_outcome (inspection, code), ==, FG_OUTCOME_NA);
          n_others++;
        }
      else
        {
          g_assert_error (local_error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_APPLICABLE_REFUSED);
          g_assert_false (ok);
          g_assert_nonnull (strstr (local_error->message, code));
          g_assert_cmpint (fg_inspection_get_outcome (inspection, code), ==, FG_OUTCOME_NONE);
          n_duties++;
        }
    }
  /* the responsible person, the rules, inspections, training, the plan, … */
  g_assert_cmpuint (n_duties, >=, 5);
  g_assert_cmpuint (n_others, >, 0);

  /* nothing was stored for the refused ones */
  reloaded = fg_inspection_load (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_inspection_get_outcome (reloaded, "C-MGT-01"), ==, FG_OUTCOME_NONE);
  g_assert_cmpuint (fg_inspection_get_n_answered (reloaded), ==, n_others);
}

/* Every shipped template, read from data/checklists: */
static GPtrArray *
shipped_templates (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "checklists", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *templates = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      FgChecklist *checklist;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      checklist = fg_checklist_parse_file (file, &error);
      g_assert_no_error (error);
      g_ptr_array_add (templates, checklist);
    }
  g_assert_cmpuint (templates->len, ==, fg_category_get_n_categories ());
  return templates;
}

static gboolean
names_major_element (FgChecklistItem *item)
{
  const char * const *references = fg_checklist_item_get_references (item);

  for (guint i = 0; references[i] != NULL; i++)
    if (g_str_has_prefix (references[i], "GB 35181-2025"))
      return TRUE;
  return FALSE;
}

/* What an item is, whatever template it is in. */
static char *
describe (FgChecklistItem *item)
{
  g_autofree char *bases = g_strjoinv ("|", (char **) fg_checklist_item_get_bases (item));
  g_autofree char *unverified = g_strjoinv ("|", (char **) fg_checklist_item_get_unverified_bases (item));
  g_autofree char *references = g_strjoinv ("|", (char **) fg_checklist_item_get_references (item));

  return g_strdup_printf ("%s/%s/%d/%d/%d/%d/%u/%s/%s/%s", fg_checklist_item_get_text_zh (item),
                          fg_checklist_item_get_action_zh (item), fg_checklist_item_get_on_spot (item),
                          fg_checklist_item_get_major (item), fg_checklist_item_get_kind (item),
                          fg_checklist_item_get_na_allowed (item), fg_checklist_item_get_deadline_days (item),
                          bases, unverified, references);
}

static void
assert_item_rules (FgChecklist     *checklist,
                   FgChecklistItem *item)
{
  const char *code = fg_checklist_item_get_code (item);
  const char * const *bases = fg_checklist_item_get_bases (item);
  gboolean major = fg_checklist_item_get_major (item);
  gboolean on_spot = fg_checklist_item_get_on_spot (item);

  g_test_message ("%s %s", fg_checklist_get_id (checklist), code);

  /* possibly major: a direct element of GB 35181-2025, named; corrected
   * by a deadline, never on the spot */
  g_assert_cmpint (major, ==, names_major_element (item));
  g_assert_false (major && on_spot);
  if (major)
    g_assert_cmpuint (fg_checklist_item_get_deadline_days (item), >, 0);
  /* on the spot means no period */
  g_assert_cmpint (on_spot, ==, fg_checklist_item_get_deadline_days (item) == 0);

  /* a printed basis is a norm, down to its article: not a standard, an
   * inspectors' rule, a policy or a notice, and nothing unconfirmed */
  for (guint i = 0; bases[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (bases[i], "《"));
      g_assert_nonnull (strstr (bases[i], "第"));
      g_assert_nonnull (strstr (bases[i], "条"));
      g_assert_null (strstr (bases[i], "公安部令第120号"));
      /* nor a ministry's order (公安部令, 应急管理部令, 住房和城乡建设部令):
       * none could be read in its primary text, so none is confirmed */
      g_assert_null (strstr (bases[i], "部令"));
      g_assert_null (strstr (bases[i], "意见》"));
      g_assert_null (strstr (bases[i], "通告》"));
      g_assert_true (fg_checklist_basis_is_printable (bases[i]));
      /* the sentence on the doors and windows of 人员密集场所 is cited
       * only by the item that is asked of such venues alone */
      if (g_str_equal (bases[i], XF28) && strstr (fg_checklist_item_get_text_zh (item), "外窗") != NULL)
        g_assert_cmpstr (code, ==, "C-WIN-01");
    }
  for (guint i = 0; fg_checklist_item_get_references (item)[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (fg_checklist_item_get_references (item)[i], "《中华人民共和国消防法》第二十八条"));

  if (fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK)
    {
      g_assert_null (bases[0]);
      g_assert_null (fg_checklist_item_get_unverified_bases (item)[0]);
      g_assert_false (major);
    }
  else
    g_assert_true (bases[0] != NULL || fg_checklist_item_get_unverified_bases (item)[0] != NULL);

  /* the duties of every venue's management always apply */
  if (g_str_has_prefix (code, "C-MGT-"))
    g_assert_false (fg_checklist_item_get_na_allowed (item));
}

static void
test_bases_shipped_rules (void)
{
  g_autoptr(GPtrArray) templates = shipped_templates ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_major = 0;
  guint n_tasks = 0;

  for (guint i = 0; i < templates->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (templates, i);
      GListModel *items = fg_checklist_get_items (checklist);

      /* the rewritten bases are a new version of each template shipped
       * before them; the kinds of venue added since start at 1 */
      if (!g_str_equal (fg_checklist_get_id (checklist), "elderly-care") &&
          !g_str_equal (fg_checklist_get_id (checklist), "warehouse") &&
          !g_str_equal (fg_checklist_get_id (checklist), "fuel-outlet"))
        g_assert_cmpuint (fg_checklist_get_version (checklist), >=, 2);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, j);
          g_autofree char *description = describe (item);
          const char *before = g_hash_table_lookup (seen, fg_checklist_item_get_code (item));

          assert_item_rules (checklist, item);
          /* one code, one meaning, one set of bases, in every template */
          if (before != NULL)
            g_assert_cmpstr (description, ==, before);
          else
            g_hash_table_insert (seen, g_strdup (fg_checklist_item_get_code (item)), g_steal_pointer (&description));
          n_major += fg_checklist_item_get_major (item);
          n_tasks += fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK;
        }
    }

  g_assert_cmpuint (n_major, >, 0);
  g_assert_cmpuint (n_tasks, >, 0);
}

/* An order whose item has no confirmed provision is issued, its cell left
 * blank, and the office is told which finding lacks one before it issues;
 * an order whose items all have one hears nothing. */
static void
test_bases_missing_warned (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *xml = template_xml ("shop", "shop",
                                       ITEM ("T-ORDER-01", "deadline-days=\"5\"",
                                             "      <basis>" XF28 "</basis>\n")
                                       ITEM ("T-UNSURE-01", "deadline-days=\"5\"",
                                             "      <basis verified=\"false\">《某省消防条例》第九条</basis>\n"));
  g_autoptr(FgChecklist) checklist = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *warned = NULL;
  g_autofree char *quiet = NULL;
  const char *fail[] = { "T-ORDER-01", "T-UNSURE-01", NULL };
  const char *both[3] = { NULL, };
  const char *confirmed[2] = { NULL, };
  const char *unsure_finding = NULL;

  checklist = parse (xml, &error);
  g_assert_no_error (error);
  g_assert_true (fg_checklist_install (f->store, checklist, &error));
  inspection = inspect (f, "shop", fail);
  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 2);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);

      both[i] = fg_hazard_get_id (hazard);
      if (g_str_equal (fg_hazard_get_item_code (hazard), "T-ORDER-01"))
        confirmed[0] = fg_hazard_get_id (hazard);
      else
        unsure_finding = fg_hazard_get_finding (hazard);
    }

  warned = fg_notice_describe_missing_bases (f->store, f->admin, both, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warned);
  /* named by its finding, as the ledger names it */
  g_assert_nonnull (unsure_finding);
  g_assert_nonnull (strstr (warned, unsure_finding));
  g_assert_nonnull (strstr (warned, "T-UNSURE-01"));
  g_assert_null (strstr (warned, "T-ORDER-01"));
  g_assert_null (strstr (warned, "某省"));

  quiet = fg_notice_describe_missing_bases (f->store, f->admin, confirmed, &error);
  g_assert_no_error (error);
  g_assert_null (quiet);
}

/* The orders of the shipped templates that no confirmed provision backs,
 * so that their notices leave 违反的规定 empty: exactly these, each with
 * the candidate that could not be confirmed against the primary text (the
 * office's note lists why). An item that gains a confirmed basis leaves
 * this list; one that loses its basis joins it only by changing it. */
static const char * const unbacked_orders[] = {
  "C-EBIKE-06",     /* lifts: 应急管理部令第5号 and the province's notice, no text read */
  "C-ESC-01",       /* escape kits: GA 703, a trade standard; 消防法 第十九条第二款 needs national ones */
  "C-KEY-01",       /* registering a key unit: 公安部令第61号 第十四条, no text read */
  "C-LOC-01",       /* where entertainment may be: GB 50016 only */
  "C-SIMPLE-01",    /* simple sprinklers: a policy opinion only */
  "C-WIN-02",       /* window grilles outside 人员密集场所: GA 703 only */
  "CLN-WARD-01",    /* wards underground: GB 50016 only */
  "ELD-LOC-01",     /* care rooms underground: GB 50016 only */
  "HTL-BASE-01",    /* guest rooms underground: GB 55037 only */
  "HTL-KIT-01",     /* escape hoods: 河南省消防条例 第三十六条第一款 binds key-unit hotels only */
  "RNT-AREA-01",    /* space per tenant: 住房和城乡建设部令第6号, no text read */
  "RNT-OWNER-01",   /* the lease's fire clause: 河南省消防条例 第二十九条 does not ask for it */
  "RNT-ROOM-01",    /* kitchens and basements let: 住房和城乡建设部令第6号, no text read */
  "RST-BLANKET-01", /* fire blankets: no standard or norm read requires them */
  "SCH-LOC-01",     /* children's rooms: GB 50016 only */
  NULL
};

static void
test_bases_shipped_unbacked (void)
{
  g_autoptr(GPtrArray) templates = shipped_templates ();
  g_autoptr(GHashTable) unbacked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      GListModel *items = fg_checklist_get_items (g_ptr_array_index (templates, i));

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, j);

          if (fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_ORDER &&
              fg_checklist_item_get_bases (item)[0] == NULL)
            {
              g_assert_nonnull (fg_checklist_item_get_unverified_bases (item)[0]);
              g_hash_table_add (unbacked, g_strdup (fg_checklist_item_get_code (item)));
            }
        }
    }

  for (guint i = 0; unbacked_orders[i] != NULL; i++)
    {
      g_test_message ("%s", unbacked_orders[i]);
      g_assert_true (g_hash_table_contains (unbacked, unbacked_orders[i]));
    }
  g_assert_cmpuint (g_hash_table_size (unbacked), ==, g_strv_length ((char **) unbacked_orders));
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

/* The text of @notice as printed, the proof of service aside, squeezed;
 * NULL when no Chinese font or no pdftotext is there to read it. */
static char *
printed_order (Fixture  *f,
               FgNotice *notice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(FgPdf) probe = fg_pdf_new (NULL, &error);
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *path = g_build_filename (f->dir.dir, "order.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  char *proof;
  int status = 0;

  if (probe == NULL || program == NULL)
    {
      g_test_skip (probe == NULL ? error->message : "pdftotext is not installed");
      return NULL;
    }
  g_ptr_array_add (notices, notice);
  pdf = fg_notice_render (f->store, f->admin, notices, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  proof = strstr (out, "送达回证");
  if (proof != NULL)
    *proof = '\0';
  return squeeze (out);
}

/* The corrected bases, as an internet café's order prints them: the
 * regulation of internet cafés by its 项, the province's regulation beside
 * the law, and no ministry's order whose text could not be read. */
static void
test_bases_corrected_printed (Fixture       *f,
                              gconstpointer  data)
{
  const char *fail[] = { "NET-SMOKE-01", "NET-AISLE-01", "C-MGT-04", "C-MGT-06", "C-KEY-01", NULL };
  const char *printed[] = {
    "《互联网上网服务营业场所管理条例》第二十四条第（一）项",
    "《中华人民共和国消防法》第二十八条；《互联网上网服务营业场所管理条例》第二十四条第（四）项",
    "《中华人民共和国消防法》第六条第二款；《河南省消防条例》第十三条第一款第（七）项",
    "《中华人民共和国消防法》第十六条第一款第（五）项",
    NULL
  };
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GVariant) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_NOW };
  guint n_blank = 0;

  inspection = inspect (f, "internet-cafe", fail);
  hazards = fg_hazard_list_for_inspection (f->store, f->admin, fg_inspection_get_id (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, g_strv_length ((char **) fail));
  for (guint i = 0; i < hazards->len; i++)
    g_ptr_array_add (ids, (char *) fg_hazard_get_id (g_ptr_array_index (hazards, i)));
  g_ptr_array_add (ids, NULL);
  request.hazard_ids = (const char * const *) ids->pdata;
  notice = fg_notice_issue (f->store, f->admin, &request, &error);
  g_assert_no_error (error);

  /* the content: each confirmed basis, and one cell left blank (C-KEY-01) */
  problems = g_variant_lookup_value (fg_notice_get_content (notice), "problems", G_VARIANT_TYPE ("a(ssss)"));
  g_assert_nonnull (problems);
  for (gsize i = 0; i < g_variant_n_children (problems); i++)
    {
      const char *finding, *seen, *basis, *action;

      g_variant_get_child (problems, i, "(&s&s&s&s)", &finding, &seen, &basis, &action);
      g_assert_null (strstr (basis, "部令"));
      n_blank += *basis == '\0';
    }
  g_assert_cmpuint (n_blank, ==, 1);

  text = printed_order (f, notice);
  if (text == NULL)
    return;
  for (guint i = 0; printed[i] != NULL; i++)
    {
      g_autofree char *squeezed = squeeze (printed[i]);

      if (strstr (text, squeezed) == NULL)
        g_error ("“%s” is not in the text of the order:\n%s", printed[i], text);
    }
  g_assert_null (strstr (text, "部令"));
  g_assert_null (strstr (text, "改变建筑物用途"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/checklist-bases/sorted", test_bases_sorted);
  g_test_add_func ("/checklist-bases/refused", test_bases_refused);
  ADD ("/checklist-bases/order-prints-norms", test_bases_order_prints_norms);
  ADD ("/checklist-bases/legacy-rows", test_bases_legacy_rows);
  ADD ("/checklist-bases/township-task", test_bases_township_task);
  ADD ("/checklist-bases/duty-applies", test_bases_duty_applies);
  ADD ("/checklist-bases/missing-warned", test_bases_missing_warned);
  g_test_add_func ("/checklist-bases/shipped-rules", test_bases_shipped_rules);
  g_test_add_func ("/checklist-bases/shipped-unbacked", test_bases_shipped_unbacked);
  ADD ("/checklist-bases/corrected-printed", test_bases_corrected_printed);

  return g_test_run ();
}
