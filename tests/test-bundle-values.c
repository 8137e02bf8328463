/* test-bundle-values.c — the values a bundle brings, held to the keyboard's checks
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A township exports to its county a real bundle: a campaign, a
 * restaurant, its inspection, the hazards it found, a notice ordered for
 * one of them. Each case changes one value in that export and signs it
 * again with the township's own key; the county must refuse the whole
 * bundle, with words that name the row and what is wrong, write nothing
 * and audit the refusal, where the same value typed here is refused:
 *
 *  - a deadline more than a year after the day it is set, typed or sent;
 *  - a name that hides what it holds (a campaign's, an account's, the
 *    name of the officer who wrote an inspection or an event);
 *  - a venue's phone, credit code, floor area, floors, categories, name,
 *    address and operator, by the checks of a venue typed here.
 *
 * And a second copy of a row, under the same update stamp but with other
 * content, is no longer passed over: the row here stays and the other
 * version is kept as a conflict, where Sync shows conflicts; the same
 * rows sent again, or named under another office's ids of the regions,
 * are none.
 */
#include <string.h>

#include "fg-bundle-test-util.h"

/* U+202E, which turns the text after it right to left */
#define RLO "\xe2\x80\xae"

typedef struct
{
  Office county;
  Office township;
  char *files;
  char *export;     /* the township's first bundle to the county */
  char *ordered_id; /* the hazard a notice was ordered for */
} Fixture;

/* A day @days from today, YYYY-MM-DD. */
static char *
day_from_today (int days)
{
  g_autoptr(GDate) day = g_date_new ();

  g_date_set_time_t (day, time (NULL));
  if (days >= 0)
    g_date_add_days (day, (guint) days);
  else
    g_date_subtract_days (day, (guint) -days);
  return fg_calendar_format_date (day);
}

static gboolean
add_event (Office             *o,
           const char         *hazard_id,
           FgHazardEventKind   kind,
           const char         *deadline,
           const char         *note,
           GError            **error)
{
  g_autoptr(FgHazard) hazard = fg_hazard_load (o->store, o->actor, hazard_id, NULL);
  const FgHazardEventDetails details = { .deadline = deadline, .note = note };

  g_assert_nonnull (hazard);
  return fg_hazard_add_event (o->store, o->actor, hazard, kind, &details, error);
}

/* 冢头镇: its administrator registers a restaurant, runs a campaign,
 * inspects the restaurant, which fails three ordinary items, and orders
 * the first hazard corrected by a deadline three weeks ahead. */
static void
township_init (Office *o)
{
  g_autoptr(FgAccount) admin = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = day_from_today (-10);
  g_autofree char *ends = day_from_today (50);
  g_autofree char *deadline = day_from_today (21);
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
  fg_venue_set_phone (venue, "13812345678");
  fg_venue_set_floor_area (venue, 120);
  fg_venue_set_floors (venue, 2);
  fg_venue_save (o->store, o->actor, venue, &error);
  g_assert_no_error (error);
  o->venue_id = g_strdup (fg_venue_get_id (venue));

  campaign = fg_campaign_create (o->store, o->actor, "冬春火灾防控专项检查", starts, ends, NULL, &error);
  g_assert_no_error (error);

  inspection = fg_inspection_start (o->store, o->actor, o->venue_id, FG_INSPECTION_KIND_ROUTINE, NULL, &error);
  g_assert_no_error (error);
  items = fg_inspection_get_items (inspection);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      gboolean fail = failed < 3 && !fg_checklist_item_get_on_spot (item) && !fg_checklist_item_get_major (item);

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
  g_assert_cmpuint (hazards->len, ==, 3);
  o->hazard_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < hazards->len; i++)
    g_ptr_array_add (o->hazard_ids, g_strdup (fg_hazard_get_id (g_ptr_array_index (hazards, i))));

  add_event (o, g_ptr_array_index (o->hazard_ids, 0), FG_HAZARD_EVENT_NOTICE_ISSUED, deadline, NULL, &error);
  g_assert_no_error (error);
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
  introduce (&f->county, &f->township);
  f->files = g_dir_make_tmp ("firegrid-values-XXXXXX", &error);
  g_assert_no_error (error);
  f->export = file_path (f, "township-1.xml");
  export_ok (&f->township, &f->county, f->export);
  f->ordered_id = g_strdup (g_ptr_array_index (f->township.hazard_ids, 0));
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
  g_free (f->ordered_id);
}

/* Changing a bundle's text */

/* Where the start tag of the element of @text that holds @inside begins,
 * and where its attributes end (at "/>" or ">"). */
static void
start_tag (const char  *text,
           const char  *inside,
           const char **start,
           const char **end)
{
  const char *at = strstr (text, inside);

  g_assert_nonnull (at);
  *start = at;
  while (*start > text && **start != '<')
    (*start)--;
  g_assert_true (**start == '<');
  *end = strchr (at, '>');
  g_assert_nonnull (*end);
  if ((*end)[-1] == '/')
    (*end)--;
}

/* @text with the attribute @name of the element holding @inside set to
 * @value, XML-escaped here (added if it had none). */
static char *
set_tag_attribute (const char *text,
                   const char *inside,
                   const char *name,
                   const char *value)
{
  const char *start, *end, *at;
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  g_autofree char *escaped = g_markup_escape_text (value, -1);
  GString *out = g_string_new (NULL);

  start_tag (text, inside, &start, &end);
  at = g_strstr_len (start, end - start, needle);
  if (at != NULL)
    {
      const char *value_start = at + strlen (needle);

      g_string_append_len (out, text, value_start - text);
      g_string_append (out, escaped);
      g_string_append (out, strchr (value_start, '"'));
    }
  else
    {
      g_string_append_len (out, text, end - text);
      g_string_append_printf (out, " %s=\"%s\"", name, escaped);
      g_string_append (out, end);
    }
  return g_string_free (out, FALSE);
}

/* The value of the attribute @name of the element holding @inside, as
 * the file has it. */
static char *
get_tag_attribute (const char *text,
                   const char *inside,
                   const char *name)
{
  const char *start, *end, *at;
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);

  start_tag (text, inside, &start, &end);
  at = g_strstr_len (start, end - start, needle);
  g_assert_nonnull (at);
  at += strlen (needle);
  return g_strndup (at, strchr (at, '"') - at);
}

/* @text with a copy of the (empty) element holding @inside after it, its
 * attribute @name set to @value. */
static char *
insert_copy (const char *text,
             const char *inside,
             const char *name,
             const char *value)
{
  const char *start, *end;
  g_autofree char *element = NULL;
  g_autofree char *copy = NULL;

  start_tag (text, inside, &start, &end);
  g_assert_true (g_str_has_prefix (end, "/>"));
  element = g_strndup (start, end + 2 - start);
  copy = set_tag_attribute (element, " id=\"", name, value);
  return g_strdup_printf ("%.*s\n%s%s", (int) (end + 2 - text), text, copy, end + 2);
}

static char *
read_export (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (f->export, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* @text signed again by the township, in a file named @name. */
static char *
write_signed_file (Fixture    *f,
                   const char *text,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_text = NULL;
  char *path = file_path (f, name);
  gsize length = 0;

  signed_text = resign (&f->township, text, strlen (text), &length);
  g_assert_true (g_file_set_contents (path, signed_text, (gssize) length, &error));
  g_assert_no_error (error);
  return path;
}

/* The county refuses the bundle at @path whole with @code, writes nothing
 * and audits the refusal (import_refused()), in words holding each of
 * @words. */
static void
refused_alone (Fixture            *f,
               const char         *path,
               int                 code,
               const char * const *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (&f->county);
  g_autofree char *after = NULL;

  g_assert_false (fg_bundle_import (f->county.store, actor_of (&f->county), path, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, FG_BUNDLE_ERROR, code);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” does not say “%s”", error->message, words[i]);
  after = dump (&f->county);
  g_assert_cmpstr (after, ==, before);
  assert_refusal_audited (&f->county, path, error->message);
}

/* The same, and the bundle as the township wrote it is taken after it. */
static void
refused_with (Fixture            *f,
              const char         *path,
              int                 code,
              const char * const *words)
{
  refused_alone (f, path, code, words);
  import_ok (&f->county, f->export);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM hazard", NULL), ==, 3);
}

/* 1. A deadline at most a year ahead */

static void
test_deadline_typed (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *far = day_from_today (2 * 366);
  g_autofree char *year = day_from_today (365);
  g_autofree char *near = day_from_today (30);
  g_autofree char *longer = day_from_today (400);
  g_autofree char *extended = day_from_today (385);
  const char *second = g_ptr_array_index (f->township.hazard_ids, 1);
  const char *third = g_ptr_array_index (f->township.hazard_ids, 2);

  /* an order to correct by a date two years ahead: refused, nothing written */
  g_assert_false (add_event (&f->township, second, FG_HAZARD_EVENT_NOTICE_ISSUED, far, NULL, &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_assert_nonnull (strstr (error->message, far));
  g_assert_nonnull (strstr (error->message, "more than a year"));
  g_clear_error (&error);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE hazard_id = ?1", second), ==, 1);

  /* nor a notice ordering it, nothing issued */
  {
    const char *ids[] = { second, NULL };
    FgNoticeRequest request = {
      .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE,
      .hazard_ids = ids,
      .deadline = far,
    };
    g_autoptr(FgNotice) notice = fg_notice_issue (f->township.store, f->township.actor, &request, &error);

    g_assert_null (notice);
    g_assert_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "more than a year"));
    g_clear_error (&error);
    g_assert_cmpint (count (&f->township, "SELECT count(*) FROM notice", NULL), ==, 0);
  }

  /* a year is allowed */
  g_assert_true (add_event (&f->township, second, FG_HAZARD_EVENT_NOTICE_ISSUED, year, NULL, &error));
  g_assert_no_error (error);

  /* an extension runs on from the deadline it extends: a year from that */
  g_assert_true (add_event (&f->township, third, FG_HAZARD_EVENT_NOTICE_ISSUED, near, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (add_event (&f->township, third, FG_HAZARD_EVENT_DEADLINE_EXTENDED, far, "材料未到", &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_assert_nonnull (strstr (error->message, near));
  g_clear_error (&error);
  g_assert_true (add_event (&f->township, third, FG_HAZARD_EVENT_DEADLINE_EXTENDED, extended, "材料未到", &error));
  g_assert_no_error (error);

  /* the county's instruction, the same */
  import_ok (&f->county, f->export);
  g_assert_false (add_event (&f->county, f->ordered_id, FG_HAZARD_EVENT_SUPERVISED, longer, "请于期限内整改到位",
                             &error));
  g_assert_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_INVALID_EVENT);
  g_assert_nonnull (strstr (error->message, "more than a year"));
  g_clear_error (&error);
  g_assert_true (add_event (&f->county, f->ordered_id, FG_HAZARD_EVENT_SUPERVISED, near, "请于期限内整改到位",
                            &error));
  g_assert_no_error (error);
}

static void
test_deadline_sent (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *inside = g_strdup_printf ("hazard-id=\"%s\" kind=\"notice-issued\"", f->ordered_id);
  g_autofree char *event_id = get_tag_attribute (text, inside, "id");
  g_autofree char *changed = set_tag_attribute (text, inside, "deadline", "2099-01-10");
  g_autofree char *path = write_signed_file (f, changed, "deadline-2099.xml");
  const char *words[] = { event_id, "2099-01-10", "more than a year", NULL };

  refused_with (f, path, FG_BUNDLE_ERROR_INVALID_ROW, words);
}

/* The county's instruction comes to the township with a deadline two
 * years ahead: refused as it would be typed there. */
static void
test_supervision_deadline_sent (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *near = day_from_today (30);
  g_autofree char *far = day_from_today (2 * 366);
  g_autofree char *path = file_path (f, "county-1.xml");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *forged = file_path (f, "county-far.xml");
  g_autofree char *signed_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length = 0;

  import_ok (&f->county, f->export);
  g_assert_true (add_event (&f->county, f->ordered_id, FG_HAZARD_EVENT_SUPERVISED, near, "请于期限内整改到位",
                            &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, path);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  changed = set_tag_attribute (text, "kind=\"supervised\"", "deadline", far);
  signed_text = resign (&f->county, changed, strlen (changed), &length);
  g_assert_true (g_file_set_contents (forged, signed_text, (gssize) length, &error));
  g_assert_no_error (error);

  before = dump (&f->township);
  g_assert_false (fg_bundle_import (f->township.store, actor_of (&f->township), forged, FALSE, NULL, NULL, &error));
  g_assert_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, far));
  g_assert_nonnull (strstr (error->message, "more than a year"));
  after = dump (&f->township);
  g_assert_cmpstr (after, ==, before);
  assert_refusal_audited (&f->township, forged, error->message);

  /* as the county sent it, with the real date */
  import_ok (&f->township, path);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM hazard_event WHERE kind = 'supervised'", NULL), ==, 1);
}

/* 3. Names that show what they hold */

static void
test_names_typed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autofree char *starts = day_from_today (0);
  g_autofree char *ends = day_from_today (30);
  const char *township = fg_store_get_home_region_id (f->township.store);

  campaign = fg_campaign_create (f->township.store, f->township.actor, "春季" RLO "查检", starts, ends, NULL, &error);
  g_assert_null (campaign);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN);
  g_assert_nonnull (strstr (error->message, "direction"));
  g_clear_error (&error);
  campaign = fg_campaign_create (f->township.store, f->township.actor, "\xe2\x80\x8b\xe2\x80\x8b", starts, ends, NULL,
                                 &error);
  g_assert_null (campaign);
  g_assert_error (error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_INVALID_CAMPAIGN);
  g_clear_error (&error);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM campaign", NULL), ==, 1);

  account = fg_account_create (f->township.store, f->township.actor, "lili", "王" RLO "丽",
                               FG_ROLE_TOWNSHIP_STAFF, township, PASSWORD, &error);
  g_assert_null (account);
  g_assert_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME);
  g_assert_nonnull (strstr (error->message, "direction"));
  g_clear_error (&error);
  g_assert_cmpint (count (&f->township, "SELECT count(*) FROM account WHERE login = 'lili'", NULL), ==, 0);

  /* the same names, shown as they are, are taken */
  campaign = fg_campaign_create (f->township.store, f->township.actor, "春季查检", starts, ends, NULL, &error);
  g_assert_no_error (error);
  account = fg_account_create (f->township.store, f->township.actor, "lili", "王丽", FG_ROLE_TOWNSHIP_STAFF,
                               township, PASSWORD, &error);
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  const char *element;  /* what the changed element holds */
  const char *attribute;
  const char *value;
  int code;
  const char *words[3];
} ValueCase;

static const ValueCase name_cases[] = {
  { "campaign", "<campaign ", "name", "冬春" RLO "检查", FG_BUNDLE_ERROR_MALFORMED, { "direction" } },
  { "inspector", "<inspection ", "inspector-name", "张" RLO "伟", FG_BUNDLE_ERROR_MALFORMED, { "direction" } },
  { "event-actor", "kind=\"notice-issued\"", "actor-name", "\xe2\x80\x8b", FG_BUNDLE_ERROR_MALFORMED,
    { "show nothing" } },
};

/* 4. A venue's fields */

static const ValueCase venue_cases[] = {
  { "phone", "<venue ", "phone", "12345", FG_BUNDLE_ERROR_INVALID_ROW, { "phone number", "12345" } },
  { "credit-code", "<venue ", "credit-code", "91410425ABC", FG_BUNDLE_ERROR_INVALID_ROW,
    { "unified social credit code" } },
  { "floor-area", "<venue ", "floor-area", "many", FG_BUNDLE_ERROR_INVALID_ROW, { "floor area" } },
  { "floor-area-huge", "<venue ", "floor-area", "5000000", FG_BUNDLE_ERROR_INVALID_ROW, { "floor area" } },
  { "floors", "<venue ", "floors", "300", FG_BUNDLE_ERROR_INVALID_ROW, { "number of floors" } },
  { "floors-half", "<venue ", "floors", "2.5", FG_BUNDLE_ERROR_INVALID_ROW, { "number of floors" } },
  { "sleeping", "<venue ", "sleeping", "-4", FG_BUNDLE_ERROR_INVALID_ROW, { "sleeping" } },
  { "category", "<venue ", "categories", "[\"castle\"]", FG_BUNDLE_ERROR_INVALID_ROW, { "categories", "castle" } },
  { "category-twice", "<venue ", "categories", "[\"restaurant\",\"restaurant\"]", FG_BUNDLE_ERROR_INVALID_ROW,
    { "categories" } },
  { "no-category", "<venue ", "categories", "[]", FG_BUNDLE_ERROR_INVALID_ROW, { "categories" } },
  /* U+0085, a line break XML keeps in an attribute */
  { "address-line-break", "<venue ", "address", "李庄村\xc2\x85人民路18号", FG_BUNDLE_ERROR_INVALID_ROW,
    { "“address”", "Line breaks" } },
  { "operator-long", "<venue ", "operator-name",
    "王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国"
    "王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国王建国",
    FG_BUNDLE_ERROR_INVALID_ROW, { "operator’s name" } },
  /* the 2026 target's fields, by fg_venue_check_equipment() */
  { "smoke-alarm-count-huge", "<venue ", "smoke-alarm-count", "1000", FG_BUNDLE_ERROR_INVALID_ROW,
    { "smoke alarms", "999" } },
  { "smoke-alarm-count-text", "<venue ", "smoke-alarm-count", "three", FG_BUNDLE_ERROR_INVALID_ROW,
    { "smoke alarms" } },
  { "smoke-alarm-checked-no-day", "<venue ", "smoke-alarm-checked-on", "2026-02-30", FG_BUNDLE_ERROR_INVALID_ROW,
    { "smoke alarms", "year-month-day" } },
  { "simple-extinguishing-checked-no-day", "<venue ", "simple-extinguishing-checked-on", "26-12-1",
    FG_BUNDLE_ERROR_INVALID_ROW, { "simple extinguishing equipment", "year-month-day" } },
};

static void
test_value_sent (Fixture       *f,
                 gconstpointer  data)
{
  const ValueCase *c = data;
  g_autofree char *text = read_export (f);
  g_autofree char *changed = set_tag_attribute (text, c->element, c->attribute, c->value);
  g_autofree char *name = g_strconcat (c->name, ".xml", NULL);
  g_autofree char *path = write_signed_file (f, changed, name);
  g_autofree char *row_id = get_tag_attribute (text, c->element, "id");
  const char *words[G_N_ELEMENTS (c->words) + 2] = { NULL };
  guint n = 0;

  /* a refused row is named by its id */
  words[n++] = row_id;
  for (guint i = 0; i < G_N_ELEMENTS (c->words) && c->words[i] != NULL; i++)
    words[n++] = c->words[i];
  refused_with (f, path, c->code, words);
}

/* The venue's fields as the keyboard keeps them pass: the checks are the
 * keyboard's, not stricter. */
static void
test_venue_values_taken (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *a = set_tag_attribute (text, "<venue ", "phone", "0374-6123456");
  g_autofree char *b = set_tag_attribute (a, "<venue ", "credit-code", "91110000802100433B");
  g_autofree char *c = set_tag_attribute (b, "<venue ", "floor-area", "85.5");
  g_autofree char *d = set_tag_attribute (c, "<venue ", "floors", "12");
  g_autofree char *path = write_signed_file (f, d, "venue-values.xml");
  g_autofree char *phone = NULL;

  import_ok (&f->county, path);
  phone = query_text (&f->county, "SELECT phone FROM venue WHERE id = ?1", f->township.venue_id);
  g_assert_cmpstr (phone, ==, "0374-6123456");
}

/* A count of smoke alarms that says otherwise than the venue's flag, and
 * a check on a day still to come, are refused as they are when typed;
 * the fields as the keyboard keeps them arrive whole. */
static void
test_venue_equipment_sent (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *tomorrow = day_from_today (1);
  g_autofree char *checked = day_from_today (-3);
  g_autofree char *simple_checked = day_from_today (-1);
  g_autofree char *row_id = get_tag_attribute (text, "<venue ", "id");
  g_autofree char *none = set_tag_attribute (text, "<venue ", "smoke-alarm", "0");
  g_autofree char *disagrees = set_tag_attribute (none, "<venue ", "smoke-alarm-count", "2");
  g_autofree char *disagrees_dated = set_tag_attribute (disagrees, "<venue ", "smoke-alarm-checked-on", checked);
  g_autofree char *to_come = set_tag_attribute (text, "<venue ", "smoke-alarm-checked-on", tomorrow);
  g_autofree char *one = set_tag_attribute (text, "<venue ", "smoke-alarm", "1");
  g_autofree char *counted = set_tag_attribute (one, "<venue ", "smoke-alarm-count", "2");
  g_autofree char *dated = set_tag_attribute (counted, "<venue ", "smoke-alarm-checked-on", checked);
  g_autofree char *simple = set_tag_attribute (dated, "<venue ", "simple-extinguishing", "1");
  g_autofree char *taken = set_tag_attribute (simple, "<venue ", "simple-extinguishing-checked-on", simple_checked);
  g_autofree char *disagrees_path = write_signed_file (f, disagrees_dated, "alarms-disagree.xml");
  g_autofree char *to_come_path = write_signed_file (f, to_come, "alarms-to-come.xml");
  g_autofree char *taken_path = write_signed_file (f, taken, "equipment-taken.xml");
  const char * const disagree_words[] = { row_id, "smoke alarms", "does not agree", NULL };
  const char * const to_come_words[] = { row_id, "smoke alarms", tomorrow, "still to come", NULL };
  g_autofree char *row = NULL;
  g_autofree char *expected = NULL;

  refused_alone (f, disagrees_path, FG_BUNDLE_ERROR_INVALID_ROW, disagree_words);
  refused_alone (f, to_come_path, FG_BUNDLE_ERROR_INVALID_ROW, to_come_words);

  import_ok (&f->county, taken_path);
  row = query_text (&f->county, "SELECT smoke_alarm || ' ' || smoke_alarm_count || ' ' || smoke_alarm_checked_on"
                                "  || ' ' || simple_extinguishing || ' ' || simple_extinguishing_checked_on"
                                " FROM venue WHERE id = ?1", f->township.venue_id);
  expected = g_strdup_printf ("1 2 %s 1 %s", checked, simple_checked);
  g_assert_cmpstr (row, ==, expected);
}

/* The township's inspection set its restaurant's smoke-alarm check when it
 * was finished; the county takes the venue as the bundle brings it and
 * does not set it again from the inspection: no change of the venue in
 * the county's own log, the same values as the township's. */
static void
test_inspection_equipment_once (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *there = query_text (&f->township,
                                       "SELECT smoke_alarm || ' ' || coalesce (smoke_alarm_checked_on, '-') || ' '"
                                       "  || stamp FROM venue WHERE id = ?1", f->township.venue_id);
  g_autofree char *here = NULL;

  g_assert_cmpint (count (&f->township, "SELECT count (*) FROM venue WHERE id = ?1"
                                        " AND smoke_alarm_checked_on IS NOT NULL", f->township.venue_id), ==, 1);
  import_ok (&f->county, f->export);
  here = query_text (&f->county,
                     "SELECT smoke_alarm || ' ' || coalesce (smoke_alarm_checked_on, '-') || ' ' || stamp"
                     " FROM venue WHERE id = ?1", f->township.venue_id);
  g_assert_cmpstr (here, ==, there);
  g_assert_cmpint (count (&f->county, "SELECT count (*) FROM audit WHERE action = 'venue-edit'"
                                      " AND record_id = ?1", f->township.venue_id), ==, 0);
}

/* A campaign aimed at a list of venues brings its list */
static void
test_campaign_venues_sent (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = day_from_today (0);
  g_autofree char *ends = day_from_today (30);
  g_autofree char *second = file_path (f, "township-2.xml");
  const char *venues[] = { f->township.venue_id, NULL };

  campaign = fg_campaign_create_for_venues (f->township.store, f->township.actor, "烟感补装专项行动", starts, ends,
                                            NULL, venues, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_campaign_get_n_venues (campaign), ==, 1);
  export_ok (&f->township, &f->county, second);
  import_ok (&f->county, f->export);
  import_ok (&f->county, second);
  g_assert_cmpint (count (&f->county, "SELECT count (*) FROM campaign_venue WHERE campaign_id = ?1",
                          fg_campaign_get_id (campaign)), ==, 1);
  g_assert_cmpint (count (&f->county, "SELECT count (*) FROM campaign_venue WHERE venue_id = ?1",
                          f->township.venue_id), ==, 1);
}

/* A campaign aimed at a venue nobody registered here is refused, as the
 * keyboard's campaign takes only registered venues. */
static void
test_campaign_unknown_venue_sent (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = day_from_today (0);
  g_autofree char *ends = day_from_today (30);
  g_autofree char *second = file_path (f, "township-2.xml");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *path = NULL;
  const char *venues[] = { f->township.venue_id, NULL };
  const char *words[] = { NULL, "not registered here", NULL };

  campaign = fg_campaign_create_for_venues (f->township.store, f->township.actor, "烟感补装专项行动", starts, ends,
                                            NULL, venues, &error);
  g_assert_no_error (error);
  import_ok (&f->county, f->export);
  export_ok (&f->township, &f->county, second);
  g_assert_true (g_file_get_contents (second, &text, NULL, &error));
  g_assert_no_error (error);
  changed = set_tag_attribute (text, "<target ", "venue-id", "01a22790-0000-7000-8000-0000000000aa");
  path = write_signed_file (f, changed, "unknown-target.xml");
  words[0] = fg_campaign_get_id (campaign);
  refused_alone (f, path, FG_BUNDLE_ERROR_INVALID_ROW, words);
  g_assert_cmpint (count (&f->county, "SELECT count (*) FROM campaign_venue", NULL), ==, 0);
}

/* 2. One stamp, two contents */

static GPtrArray *
conflicts_of (Office *o)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts = fg_sync_list_conflicts (o->store, actor_of (o), &error);

  g_assert_no_error (error);
  return conflicts;
}

static const char *
conflict_value (GVariant   *row,
                const char *column)
{
  const char *value = NULL;

  g_assert_true (g_variant_lookup (row, column, "&s", &value));
  return value;
}

/* The same rows again, in another bundle, or named under the township's
 * ids of the county's regions, are no conflict. */
static void
test_same_rows_no_conflict (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) at_county = NULL;
  g_autoptr(GPtrArray) at_township = NULL;
  g_autofree char *near = day_from_today (30);
  g_autofree char *second = file_path (f, "township-2.xml");
  g_autofree char *back = file_path (f, "county-1.xml");
  FgBundleReport report;

  import_ok (&f->county, f->export);
  rename_venue (&f->township, f->township.venue_id, "老王烧烤店");
  export_ok (&f->township, &f->county, second);
  report = import_ok (&f->county, second);
  g_assert_cmpuint (report.changed, ==, 1);

  /* the county's bundle brings the township's regions under the county's
   * id of the county, which the township knows under its own */
  g_assert_true (add_event (&f->county, f->ordered_id, FG_HAZARD_EVENT_SUPERVISED, near, "请于期限内整改到位",
                            &error));
  g_assert_no_error (error);
  export_ok (&f->county, &f->township, back);
  report = import_ok (&f->township, back);
  g_assert_cmpuint (report.conflicts, ==, 0);

  at_county = conflicts_of (&f->county);
  at_township = conflicts_of (&f->township);
  g_assert_cmpuint (at_county->len, ==, 0);
  g_assert_cmpuint (at_township->len, ==, 0);
}

static void
check_kept_conflict (Office     *o,
                     const char *venue_id,
                     const char *stamp)
{
  g_autoptr(GPtrArray) conflicts = conflicts_of (o);
  g_autofree char *phone = query_text (o, "SELECT phone FROM venue WHERE id = ?1", venue_id);
  FgConflict *conflict;

  /* the version here stays, the other is shown */
  g_assert_cmpstr (phone, ==, "13812345678");
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->table, ==, "venue");
  g_assert_cmpstr (conflict->row_id, ==, venue_id);
  g_assert_cmpstr (conflict->lost_stamp, ==, stamp);
  g_assert_cmpstr (conflict->title, ==, "老王烧烤");
  g_assert_cmpstr (conflict_value (conflict->kept, "phone"), ==, "13812345678");
  g_assert_cmpstr (conflict_value (conflict->lost, "phone"), ==, "13900001111");
}

/* A second copy of the venue in one bundle, the same stamp, another
 * phone number. */
static void
test_second_copy_in_bundle (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *stamp = get_tag_attribute (text, "<venue ", "stamp");
  g_autofree char *changed = insert_copy (text, "<venue ", "phone", "13900001111");
  g_autofree char *path = write_signed_file (f, changed, "two-copies.xml");
  FgBundleReport report = import_ok (&f->county, path);

  g_assert_cmpuint (report.conflicts, ==, 1);
  check_kept_conflict (&f->county, f->township.venue_id, stamp);
}

/* A later bundle brings the venue under the stamp it has here, with
 * another phone number; and then another bundle the same. */
static void
test_second_copy_later (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *stamp = get_tag_attribute (text, "<venue ", "stamp");
  g_autofree char *changed = set_tag_attribute (text, "<venue ", "phone", "13900001111");
  g_autofree char *path = write_signed_file (f, changed, "other-copy.xml");
  FgBundleReport report;

  import_ok (&f->county, f->export);
  report = import_ok (&f->county, path);
  g_assert_cmpuint (report.conflicts, ==, 1);
  check_kept_conflict (&f->county, f->township.venue_id, stamp);

  /* the same copy once more, in another file: kept once */
  {
    g_autofree char *spaced = replace_once (changed, "<venue ", "<venue  ");
    g_autofree char *again = write_signed_file (f, spaced, "other-copy-again.xml");

    report = import_ok (&f->county, again);
    g_assert_cmpuint (report.conflicts, ==, 0);
    check_kept_conflict (&f->county, f->township.venue_id, stamp);
  }
}

/* A hazard is one of its inspection's failed items, whether the
 * inspection comes with it or was taken before. */

/* @text with a copy of its first hazard under a new id, naming @item (or
 * the item the first hazard names, if NULL). */
static char *
second_hazard (const char *text,
               const char *item)
{
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *copied = insert_copy (text, "<hazard ", "id", id);

  if (item == NULL)
    return g_steal_pointer (&copied);
  return set_tag_attribute (copied, id, "item-code", item);
}

/* An item of the township's inspection that passed. */
static char *
passed_item (Fixture *f)
{
  return query_text (&f->township, "SELECT item_code FROM inspection_result WHERE inspection_id = ?1"
                     " AND outcome = 'pass' ORDER BY item_code LIMIT 1", f->township.inspection_id);
}

/* A later bundle brings a hazard of the inspection the county took
 * before: for an item already a hazard, or for one that passed. */
static void
test_second_hazard_later (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = read_export (f);
  g_autofree char *item = passed_item (f);
  g_autofree char *twice = second_hazard (text, NULL);
  g_autofree char *passed = second_hazard (text, item);
  g_autofree char *twice_path = write_signed_file (f, twice, "second-hazard-later.xml");
  g_autofree char *passed_path = write_signed_file (f, passed, "passed-item-later.xml");
  /* the schema's own rule: one hazard an item */
  const char * const twice_words[] = { "does not take", NULL };
  const char * const passed_words[] = { item, "did not fail", NULL };

  g_assert_nonnull (item);
  import_ok (&f->county, f->export);
  refused_alone (f, twice_path, FG_BUNDLE_ERROR_INVALID_ROW, twice_words);
  refused_alone (f, passed_path, FG_BUNDLE_ERROR_INVALID_ROW, passed_words);
  g_assert_cmpint (count (&f->county, "SELECT count(*) FROM hazard WHERE inspection_id = ?1",
                          f->township.inspection_id), ==, 3);
}

static void
add_cases (const char      *prefix,
           const ValueCase *cases,
           guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *name = g_strdup_printf ("/bundle-values/%s/%s", prefix, cases[i].name);

      g_test_add (name, Fixture, &cases[i], fixture_set_up, test_value_sent, fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/bundle-values/deadline/typed", Fixture, NULL, fixture_set_up, test_deadline_typed,
              fixture_tear_down);
  g_test_add ("/bundle-values/deadline/sent", Fixture, NULL, fixture_set_up, test_deadline_sent, fixture_tear_down);
  g_test_add ("/bundle-values/deadline/supervision-sent", Fixture, NULL, fixture_set_up,
              test_supervision_deadline_sent, fixture_tear_down);
  g_test_add ("/bundle-values/conflict/same-rows", Fixture, NULL, fixture_set_up, test_same_rows_no_conflict,
              fixture_tear_down);
  g_test_add ("/bundle-values/conflict/second-copy-in-bundle", Fixture, NULL, fixture_set_up,
              test_second_copy_in_bundle, fixture_tear_down);
  g_test_add ("/bundle-values/conflict/second-copy-later", Fixture, NULL, fixture_set_up, test_second_copy_later,
              fixture_tear_down);
  g_test_add ("/bundle-values/hazard/second-later", Fixture, NULL, fixture_set_up, test_second_hazard_later,
              fixture_tear_down);
  g_test_add ("/bundle-values/names/typed", Fixture, NULL, fixture_set_up, test_names_typed, fixture_tear_down);
  add_cases ("names", name_cases, G_N_ELEMENTS (name_cases));
  add_cases ("venue", venue_cases, G_N_ELEMENTS (venue_cases));
  g_test_add ("/bundle-values/venue/taken", Fixture, NULL, fixture_set_up, test_venue_values_taken,
              fixture_tear_down);
  g_test_add ("/bundle-values/venue/equipment", Fixture, NULL, fixture_set_up, test_venue_equipment_sent,
              fixture_tear_down);
  g_test_add ("/bundle-values/venue/inspection-equipment-once", Fixture, NULL, fixture_set_up,
              test_inspection_equipment_once, fixture_tear_down);
  g_test_add ("/bundle-values/campaign/venues", Fixture, NULL, fixture_set_up, test_campaign_venues_sent,
              fixture_tear_down);
  g_test_add ("/bundle-values/campaign/unknown-venue", Fixture, NULL, fixture_set_up,
              test_campaign_unknown_venue_sent, fixture_tear_down);
  return g_test_run ();
}
