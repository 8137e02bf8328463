/* test-bundle-trust.c — a signed bundle is checked as strictly as a person at the keyboard
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A township exports to its county a real bundle (a restaurant, its
 * inspection, four hazards, a notice served on one, a passing
 * re-inspection of another); the county sends the township its
 * supervision. Each case changes one thing in such an export and signs
 * it again with the sender's own key, as a stolen laptop would, and the
 * receiver must refuse the whole bundle, with words that name the row,
 * and write nothing: every row of every table is the same before and
 * after. The invariants held:
 *
 *  - where a row belongs (point 3): a hazard's and an inspection's
 *    township is its venue's, never another one, never empty; a county
 *    writes no township's or village's name;
 *  - the values the local API refuses (point 4): a hazard's found-at and
 *    a venue's created-at are moments that exist, an event's deadline a
 *    date that exists, an inspection's result an item of its own
 *    checklists recorded at a moment, a bundle's sequence number one the
 *    peer's row can hold without being cut to another;
 *  - histories that cannot be (point 5): an event follows only what the
 *    lifecycle's table lets it follow ("closed" never straight after
 *    "notice-served"), and is never dated before the hazard was found.
 *
 * The unchanged bundles import, so each refusal is the change's.
 */
#include <string.h>

#include "fg-bundle-test-util.h"

typedef struct
{
  Office county;
  Office township;
  char *files;
  char *export;      /* the township's first bundle to the county */
  char *served_id;   /* the hazard whose notice was served */
  char *passed_id;   /* the hazard re-inspected and passed */
} Fixture;

static void
add_event (Office            *o,
           const char        *hazard_id,
           FgHazardEventKind  kind,
           const char        *deadline,
           const char        *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = fg_hazard_load (o->store, o->actor, hazard_id, &error);
  const FgHazardEventDetails details = { .deadline = deadline, .note = note };

  g_assert_no_error (error);
  fg_hazard_add_event (o->store, o->actor, hazard, kind, &details, &error);
  g_assert_no_error (error);
}

/* A day some weeks from now, for a deadline. */
static char *
later_day (void)
{
  g_autoptr(GDate) later = g_date_new ();

  g_date_set_time_t (later, time (NULL));
  g_date_add_days (later, 20);
  return fg_calendar_format_date (later);
}

/* The township of 冢头镇: its administrator inspects a restaurant in its
 * first grid, which fails four ordinary items; a notice is issued and
 * served for the first hazard, the second is ordered, re-inspected and
 * passes. */
static void
township_init (Office *o)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = later_day ();
  GListModel *items;
  guint failed = 0;

  fg_test_dir_init (&o->dir);
  o->store = fg_office_open (o->dir.db_path, &error);
  g_assert_no_error (error);
  admin = fg_office_set_up_township_with_admin (o->store, "410425101", "冢头镇", "郏县", "admin", "张伟", PASSWORD,
                                                &error);
  g_assert_no_error (error);
  o->actor = fg_account_login (o->store, "admin", PASSWORD, &error);
  g_assert_no_error (error);
  o->village = fg_region_add_village (o->store, o->actor, "410425101", "410425101201", "李庄村", &error);
  g_assert_no_error (error);
  o->grid = fg_region_add_grid (o->store, o->actor, fg_region_get_id (o->village), "第一网格", &error);
  g_assert_no_error (error);

  venue = fg_test_venue_new (fg_region_get_id (o->grid), "老王烧烤", "李庄村人民路18号", "restaurant", "王建国");
  fg_venue_save (o->store, o->actor, venue, &error);
  g_assert_no_error (error);
  o->venue_id = g_strdup (fg_venue_get_id (venue));

  inspection = fg_inspection_start (o->store, o->actor, o->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
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

  add_event (o, g_ptr_array_index (o->hazard_ids, 0), FG_HAZARD_EVENT_NOTICE_ISSUED, deadline, NULL);
  add_event (o, g_ptr_array_index (o->hazard_ids, 0), FG_HAZARD_EVENT_NOTICE_SERVED, NULL, "王建国本人签收");
  add_event (o, g_ptr_array_index (o->hazard_ids, 1), FG_HAZARD_EVENT_NOTICE_ISSUED, deadline, NULL);
  add_event (o, g_ptr_array_index (o->hazard_ids, 1), FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, NULL);
}

static char *
file_path (Fixture    *f,
           const char *name)
{
  return g_build_filename (f->files, name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  county_init (&f->county);
  township_init (&f->township);
  trust (&f->county, &f->township);
  trust (&f->township, &f->county);
  f->files = g_dir_make_tmp ("firegrid-trust-XXXXXX", &error);
  g_assert_no_error (error);
  f->export = file_path (f, "township-1.xml");
  export_ok (&f->township, &f->county, f->export);
  f->served_id = g_strdup (g_ptr_array_index (f->township.hazard_ids, 0));
  f->passed_id = g_strdup (g_ptr_array_index (f->township.hazard_ids, 1));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  office_clear (&f->county);
  office_clear (&f->township);
  fg_test_remove_tree (f->files);
  g_free (f->files);
  g_free (f->export);
  g_free (f->served_id);
  g_free (f->passed_id);
}

/* Changing a bundle's text (element_span, set_attribute and
 * get_attribute are fg-bundle-test-util.h's) */

/* A stamp a millisecond after @stamp, of the same office. */
static char *
stamp_after (const char *stamp)
{
  guint64 wall = g_ascii_strtoull (stamp, NULL, 10);

  return g_strdup_printf ("%015" G_GUINT64_FORMAT "%s", wall + 1, stamp + 15);
}

/* @text with a copy of the element holding @inside after it, whose
 * attributes @changes ("name", "value", …, NULL) sets. */
static char *
insert_copy (const char *text,
             const char *inside,
             ...)
{
  const char *start, *end;
  g_autofree char *copy = NULL;
  const char *name;
  va_list args;
  char *out;

  element_span (text, inside, &start, &end);
  copy = g_strndup (start, end - start);
  va_start (args, inside);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *first = g_strndup (copy, strcspn (copy, " "));
      char *changed = set_attribute (copy, first, name, value);

      g_free (copy);
      copy = changed;
    }
  va_end (args);
  out = g_strdup_printf ("%.*s\n%s%s", (int) (end - text), text, copy, end);
  return out;
}

/* @text signed again by @o, in a file named @name. */
static char *
signed_file (Fixture    *f,
             Office     *o,
             const char *text,
             const char *name)
{
  char *path = file_path (f, name);

  write_signed (o, text, path);
  return path;
}

/* Refused with @code, nothing written (import_refused() compares every
 * table), and the message holds each of @words (NULL-terminated). */
static void
refused_with (Office             *to,
              const char         *path,
              int                 code,
              const char * const *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (to);
  g_autofree char *after = NULL;

  g_assert_false (fg_bundle_import (to->store, actor_of (to), path, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, FG_BUNDLE_ERROR, code);
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” does not say “%s”", error->message, words[i]);
  after = dump (to);
  g_assert_cmpstr (after, ==, before);

  /* the same again, through the dump the other suites use */
  import_refused (to, path, code);
}

/* The cases: one change each to the township's export */

typedef char *(*Mutate) (Fixture *f, const char *text, GPtrArray *words);

static char *
words_add (GPtrArray  *words,
           const char *word)
{
  g_ptr_array_add (words, g_strdup (word));
  return NULL;
}

/* The id of the county's own region in the bundle, which no hazard of
 * the township lies in. */
static char *
county_region_id (const char *text)
{
  return get_attribute (text, "code=\"410425000000\"", "id");
}

static char *
hazard_in_other_township (Fixture    *f,
                          const char *text,
                          GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("<hazard id=\"%s\"", f->served_id);
  g_autofree char *county = county_region_id (text);

  words_add (words, f->served_id);
  words_add (words, "410425000000");  /* the township it names */
  words_add (words, "410425101000");  /* the one its venue lies in */
  return set_attribute (text, inside, "township-id", county);
}

static char *
hazard_without_township (Fixture    *f,
                         const char *text,
                         GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("<hazard id=\"%s\"", f->passed_id);

  words_add (words, f->passed_id);
  return set_attribute (text, inside, "township-id", "");
}

static char *
inspection_in_other_township (Fixture    *f,
                              const char *text,
                              GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("<inspection id=\"%s\"", f->township.inspection_id);
  g_autofree char *county = county_region_id (text);

  words_add (words, f->township.inspection_id);
  words_add (words, "410425000000");
  return set_attribute (text, inside, "township-id", county);
}

static char *
found_yesterday (Fixture    *f,
                 const char *text,
                 GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("<hazard id=\"%s\"", f->served_id);

  words_add (words, f->served_id);
  words_add (words, "yesterday");
  return set_attribute (text, inside, "found-at", "yesterday");
}

static char *
venue_created_feb_30 (Fixture    *f,
                      const char *text,
                      GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("<venue id=\"%s\"", f->township.venue_id);

  words_add (words, f->township.venue_id);
  words_add (words, "2026-02-30T10:00:00+08:00");
  return set_attribute (text, inside, "created-at", "2026-02-30T10:00:00+08:00");
}

static char *
deadline_month_13 (Fixture    *f,
                   const char *text,
                   GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("hazard-id=\"%s\" kind=\"notice-issued\"", f->served_id);
  g_autofree char *event_id = get_attribute (text, inside, "id");

  words_add (words, event_id);
  words_add (words, "2026-13-01");
  return set_attribute (text, inside, "deadline", "2026-13-01");
}

static char *
result_not_in_checklist (Fixture    *f,
                         const char *text,
                         GPtrArray  *words)
{
  g_autofree char *code = get_attribute (text, "<result ", "item-code");

  words_add (words, f->township.inspection_id);
  words_add (words, "Z-NOWHERE-99");
  g_assert_nonnull (code);
  return set_attribute (text, "<result ", "item-code", "Z-NOWHERE-99");
}

static char *
result_recorded_void (Fixture    *f,
                      const char *text,
                      GPtrArray  *words)
{
  words_add (words, f->township.inspection_id);
  words_add (words, "void");
  return set_attribute (text, "<result ", "recorded-at", "void");
}

static char *
sequence_past_32_bits (Fixture    *f,
                       const char *text,
                       GPtrArray  *words)
{
  words_add (words, "sequence");
  return replace_once (text, "sequence=\"1\"", "sequence=\"4294967297\"");
}

static char *
sequence_past_64_bits (Fixture    *f,
                       const char *text,
                       GPtrArray  *words)
{
  words_add (words, "sequence");
  return replace_once (text, "sequence=\"1\"", "sequence=\"100000000000000000000000\"");
}

static char *
closed_after_served (Fixture    *f,
                     const char *text,
                     GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("hazard-id=\"%s\" kind=\"notice-served\"", f->served_id);
  g_autofree char *stamp = get_attribute (text, inside, "stamp");
  g_autofree char *later = stamp_after (stamp);
  g_autofree char *id = g_uuid_string_random ();

  words_add (words, id);
  /* the local API's own words, with the state it names */
  words_add (words, "cannot follow now");
  return insert_copy (text, inside, "id", id, "kind", "closed", "note", "", "stamp", later, NULL);
}

static char *
pass_before_found (Fixture    *f,
                   const char *text,
                   GPtrArray  *words)
{
  g_autofree char *inside = g_strdup_printf ("hazard-id=\"%s\" kind=\"reinspected-pass\"", f->passed_id);
  g_autofree char *event_id = get_attribute (text, inside, "id");

  words_add (words, event_id);
  words_add (words, "2020-01-02T09:00:00+08:00");
  return set_attribute (text, inside, "at", "2020-01-02T09:00:00+08:00");
}

typedef struct
{
  const char *name;
  Mutate mutate;
  int code;
} Case;

static const Case cases[] = {
  /* point 3 */
  { "hazard-other-township", hazard_in_other_township, FG_BUNDLE_ERROR_INVALID_ROW },
  { "hazard-no-township", hazard_without_township, FG_BUNDLE_ERROR_INVALID_ROW },
  { "inspection-other-township", inspection_in_other_township, FG_BUNDLE_ERROR_INVALID_ROW },
  /* point 4 */
  { "found-at-yesterday", found_yesterday, FG_BUNDLE_ERROR_INVALID_ROW },
  { "created-at-feb-30", venue_created_feb_30, FG_BUNDLE_ERROR_INVALID_ROW },
  { "deadline-month-13", deadline_month_13, FG_BUNDLE_ERROR_INVALID_ROW },
  { "result-item-not-in-checklist", result_not_in_checklist, FG_BUNDLE_ERROR_INVALID_ROW },
  { "result-recorded-void", result_recorded_void, FG_BUNDLE_ERROR_INVALID_ROW },
  { "sequence-4294967297", sequence_past_32_bits, FG_BUNDLE_ERROR_MALFORMED },
  { "sequence-10e23", sequence_past_64_bits, FG_BUNDLE_ERROR_MALFORMED },
  /* point 5 */
  { "closed-after-notice-served", closed_after_served, FG_BUNDLE_ERROR_INVALID_ROW },
  { "reinspection-before-found", pass_before_found, FG_BUNDLE_ERROR_INVALID_ROW },
};

static void
test_refused_row (Fixture       *f,
                  gconstpointer  data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *name = g_strconcat (c->name, ".xml", NULL);
  g_autofree char *path = NULL;

  g_assert_true (g_file_get_contents (f->export, &text, NULL, &error));
  g_assert_no_error (error);
  changed = c->mutate (f, text, words);
  g_assert_cmpstr (changed, !=, text);
  g_ptr_array_add (words, NULL);
  path = signed_file (f, &f->township, changed, name);
  refused_with (&f->county, path, c->code, (const char * const *) words->pdata);

  /* the bundle as the township wrote it is taken */
  import_ok (&f->county, f->export);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM hazard", NULL), ==, 4);
}

/* A county writes supervision only: a bundle of its own that renames a
 * township's village, or the township itself, is refused whole; its
 * supervision alone is taken. */
static void
test_county_renames (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *deadline = later_day ();
  g_autofree char *path = file_path (f, "county-1.xml");
  g_autofree char *text = NULL;
  const FgHazardEventDetails supervision = {
    .note = "请于期限内整改到位并书面报告",
    .deadline = deadline,
  };
  static const struct
  {
    const char *code;
    const char *level;
  } renamed[] = {
    { "410425101201", "3" },  /* the village */
    { "410425101000", "2" },  /* the township */
  };

  import_ok (&f->county, f->export);
  hazard = fg_hazard_load (f->county.store, f->county.actor, f->served_id, &error);
  g_assert_no_error (error);
  fg_hazard_add_event (f->county.store, f->county.actor, hazard, FG_HAZARD_EVENT_SUPERVISED, &supervision, &error);
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, path);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (renamed); i++)
    {
      g_autofree char *id = query_text (&f->township, "SELECT id FROM region WHERE code = ?1", renamed[i].code);
      g_autofree char *parent = query_text (&f->township, "SELECT parent_id FROM region WHERE code = ?1",
                                            renamed[i].code);
      g_autofree char *county_stamp = query_text (&f->county, "SELECT hlc FROM node WHERE id = ?1",
                                                  node_id (&f->county));
      g_autofree char *stamp = stamp_after (county_stamp);
      g_autofree char *region = g_strdup_printf ("<region id=\"%s\" parent-id=\"%s\" level=\"%s\" code=\"%s\""
                                                 " name=\"改名%u\" origin-node=\"%s\" stamp=\"%s\"/>\n",
                                                 id, parent, renamed[i].level, renamed[i].code, i,
                                                 node_id (&f->county), stamp);
      g_autofree char *first_row = NULL;
      g_autofree char *changed = NULL;
      g_autofree char *name = g_strdup_printf ("county-rename-%u.xml", i);
      g_autofree char *forged = NULL;
      const char *words[] = { renamed[i].code, NULL };
      const char *at;

      /* the rename goes before the bundle's first row */
      at = strstr (text, "\n  <");
      if (at == NULL)
        at = strstr (text, "><") + 1;
      else
        at += 1;
      changed = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, region, at);
      forged = signed_file (f, &f->county, changed, name);
      refused_with (&f->township, forged, FG_BUNDLE_ERROR_OUT_OF_SCOPE, words);
      g_assert_cmpint (count (&f->township, "SELECT count(*) FROM region WHERE name LIKE '改名%'", NULL), ==, 0);
    }

  /* the county's supervision as it sent it */
  import_ok (&f->township, path);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE kind = 'supervised'", NULL), ==, 1);
}

/* An event that crossed with another office's is no lie: the county
 * supervises a hazard while the township, which has not yet heard of it,
 * re-inspects and closes it. At the township the supervision stands
 * after a closing the county never saw; the bundle is taken, and the fold
 * skips the supervision the same way on every node. */
static void
test_crossing_taken (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *deadline = later_day ();
  g_autofree char *path = file_path (f, "county-crossing.xml");
  g_autofree char *state = NULL;
  const FgHazardEventDetails supervision = {
    .note = "请于期限内整改到位并书面报告",
    .deadline = deadline,
  };

  import_ok (&f->county, f->export);
  add_event (&f->township, f->served_id, FG_HAZARD_EVENT_REPORTED_FIXED, NULL, NULL);
  add_event (&f->township, f->served_id, FG_HAZARD_EVENT_REINSPECTED_PASS, NULL, NULL);
  add_event (&f->township, f->served_id, FG_HAZARD_EVENT_CLOSED, NULL, NULL);

  hazard = fg_hazard_load (f->county.store, f->county.actor, f->served_id, &error);
  g_assert_no_error (error);
  fg_hazard_add_event (f->county.store, f->county.actor, hazard, FG_HAZARD_EVENT_SUPERVISED, &supervision, &error);
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, path);

  import_ok (&f->township, path);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE kind = 'supervised'", NULL), ==, 1);
  state = query_text (&f->township, "SELECT state FROM hazard WHERE id = ?1", f->served_id);
  g_assert_cmpstr (state, ==, "closed");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/bundle-trust/refused/%s", cases[i].name);

      g_test_add (name, Fixture, &cases[i], fixture_set_up, test_refused_row, fixture_tear_down);
    }
  g_test_add ("/bundle-trust/county-renames", Fixture, NULL, fixture_set_up, test_county_renames,
              fixture_tear_down);
  g_test_add ("/bundle-trust/crossing-taken", Fixture, NULL, fixture_set_up, test_crossing_taken,
              fixture_tear_down);
  return g_test_run ();
}
