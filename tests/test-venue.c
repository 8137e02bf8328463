/* test-venue.c — the venue registry: validation, saving, counts
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fg-test-util.h"
#include "fg-store-private.h"

/* The value at @path of the JSON object @json, as text (NULL for null). */
static char *
json_text (FgStore    *store,
           const char *json,
           const char *path)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (fg_store_get_db (store), "SELECT json_extract (?1, ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
test_venue_credit_code (void)
{
  /* published codes of real organisations, and an individual business */
  static const char * const valid[] = {
    "91350100M000100Y43",
    "91110000802100433B",
    "91440300708461136T",
    "9111000071093123XX",
    "91 4403 0070 8461 136t",  /* spaces and lower case as typed */
  };
  /* a wrong check character, a wrong length, letters the code never uses */
  static const char * const invalid[] = {
    "911100001000050010",
    "91350100M000100Y44",
    "91350100M000100Y4",
    "91350100M000100Y433",
    "91350100MO00100Y43",
    "9135010OZ000100Y43",
    "统一社会信用代码统一社会信用代码统一",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = fg_credit_code_normalize (valid[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (strlen (code), ==, 18);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *code = fg_credit_code_normalize (invalid[i], &error);

      g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CREDIT_CODE);
      g_assert_null (code);
    }

  g_assert_cmpint (fg_credit_code_check_char ("91350100M000100Y4"), ==, '3');
}

typedef struct
{
  const char *what;
  void (*spoil) (FgVenue *venue);
  FgVenueError expected;
} Spoiler;

static void spoil_name (FgVenue *v) { fg_venue_set_name (v, "   "); }
static void spoil_long_name (FgVenue *v)
{
  g_autoptr(GString) s = g_string_new (NULL);
  for (guint i = 0; i < 201; i++)
    g_string_append (s, "店");
  fg_venue_set_name (v, s->str);
}
static void spoil_address (FgVenue *v) { fg_venue_set_address (v, NULL); }
static void spoil_region (FgVenue *v) { fg_venue_set_region_id (v, NULL); }
static void spoil_no_category (FgVenue *v) { const char *none[] = { NULL }; fg_venue_set_categories (v, none); }
static void spoil_category (FgVenue *v) { const char *c[] = { "casino", NULL }; fg_venue_set_categories (v, c); }
static void spoil_twice (FgVenue *v) { const char *c[] = { "shop", "shop", NULL }; fg_venue_set_categories (v, c); }
static void spoil_phone (FgVenue *v) { fg_venue_set_phone (v, "138abc"); }
static void spoil_short_phone (FgVenue *v) { fg_venue_set_phone (v, "12345"); }
static void spoil_credit (FgVenue *v) { fg_venue_set_credit_code (v, "91350100M000100Y44"); }
static void spoil_area (FgVenue *v) { fg_venue_set_floor_area (v, 5e6); }
static void spoil_floors (FgVenue *v) { fg_venue_set_floors (v, -2); }
static void spoil_sleeping (FgVenue *v) { fg_venue_set_sleeping (v, -1); }
static void spoil_control (FgVenue *v) { fg_venue_set_name (v, "老王\n烧烤"); }
static void spoil_alarm_count (FgVenue *v)
{
  fg_venue_set_smoke_alarm_count (v, 1000);
  fg_venue_set_smoke_alarm_checked_on (v, "2026-11-30");
}
static void spoil_alarm_undated (FgVenue *v) { fg_venue_set_smoke_alarm_count (v, 2); }
static void spoil_alarm_day (FgVenue *v)
{
  fg_venue_set_smoke_alarm_count (v, 2);
  fg_venue_set_smoke_alarm_checked_on (v, "2026-02-30");
}
static void spoil_alarm_form (FgVenue *v) { fg_venue_set_smoke_alarm_checked_on (v, "2026/11/30"); }
static void
spoil_alarm_to_come (FgVenue *v)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y-%m-%d");

  fg_venue_set_smoke_alarm (v, TRUE);
  fg_venue_set_smoke_alarm_checked_on (v, day);
}
static void spoil_simple_day (FgVenue *v) { fg_venue_set_simple_extinguishing_checked_on (v, "1999-12-31"); }

static void
test_venue_validation (void)
{
  static const Spoiler spoilers[] = {
    { "empty name", spoil_name, FG_VENUE_ERROR_INVALID_NAME },
    { "long name", spoil_long_name, FG_VENUE_ERROR_INVALID_NAME },
    { "line break", spoil_control, FG_VENUE_ERROR_INVALID_NAME },
    { "no address", spoil_address, FG_VENUE_ERROR_INVALID_ADDRESS },
    { "no region", spoil_region, FG_VENUE_ERROR_INVALID_REGION },
    { "no category", spoil_no_category, FG_VENUE_ERROR_INVALID_CATEGORY },
    { "unknown category", spoil_category, FG_VENUE_ERROR_INVALID_CATEGORY },
    { "category twice", spoil_twice, FG_VENUE_ERROR_INVALID_CATEGORY },
    { "letters in phone", spoil_phone, FG_VENUE_ERROR_INVALID_PHONE },
    { "short phone", spoil_short_phone, FG_VENUE_ERROR_INVALID_PHONE },
    { "credit code", spoil_credit, FG_VENUE_ERROR_INVALID_CREDIT_CODE },
    { "floor area", spoil_area, FG_VENUE_ERROR_INVALID_FLOOR_AREA },
    { "floors", spoil_floors, FG_VENUE_ERROR_INVALID_FLOORS },
    { "sleeping", spoil_sleeping, FG_VENUE_ERROR_INVALID_SLEEPING },
    { "a thousand smoke alarms", spoil_alarm_count, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS },
    { "smoke alarms counted on no day", spoil_alarm_undated, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS },
    { "smoke alarms checked on no real day", spoil_alarm_day, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS },
    { "smoke alarms' day not year-month-day", spoil_alarm_form, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS },
    { "smoke alarms checked tomorrow", spoil_alarm_to_come, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS },
    { "simple extinguishing checked last century", spoil_simple_day,
      FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING },
  };
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);

  for (guint i = 0; i < G_N_ELEMENTS (spoilers); i++)
    {
      g_autoptr(FgVenue) venue = fg_test_venue_new (fg_region_get_id (grid), "老王烧烤",
                                                    "李庄村人民路18号", "restaurant", "王建国");
      g_autoptr(GError) error = NULL;
      g_autoptr(FgVenueQuery) query = fg_venue_query_new ();
      guint n = 99;

      g_test_message ("spoiling: %s", spoilers[i].what);
      spoilers[i].spoil (venue);

      g_assert_false (fg_venue_validate (venue, &error));
      g_assert_error (error, FG_VENUE_ERROR, (int) spoilers[i].expected);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_false (fg_venue_save (store, actor, venue, &error));
      g_assert_error (error, FG_VENUE_ERROR, (int) spoilers[i].expected);
      g_assert_null (fg_venue_get_id (venue));

      /* nothing was stored */
      fg_venue_query_count (store, fg_test_installer (), query, &n, NULL);
      g_assert_cmpuint (n, ==, 0);
    }
}

/* Mobile and landline numbers as they are written in China; a number of
 * the right length but no such form (1381234, typed short) is refused. */
static void
test_venue_phone_numbers (void)
{
  static const char * const valid[] = {
    "13812345678", "199 1234 5678", "+86 138 1234 5678", "0374-6123456",
    "03746123456", "0371-61234567", "010-61234567", "6123456", "61234567",
  };
  static const char * const invalid[] = {
    "1381234", "12812345678", "138123456789", "23812345678", "0374-0123456",
    "0374-612345", "010-1234567", "123456", "+86 1381234",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(FgVenue) venue = fg_test_venue_new ("grid", "老王烧烤", "李庄村人民路18号",
                                                    "restaurant", "王建国");
      g_autoptr(GError) error = NULL;

      fg_venue_set_phone (venue, valid[i]);
      g_test_message ("valid: %s", valid[i]);
      fg_venue_validate (venue, &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(FgVenue) venue = fg_test_venue_new ("grid", "老王烧烤", "李庄村人民路18号",
                                                    "restaurant", "王建国");
      g_autoptr(GError) error = NULL;

      fg_venue_set_phone (venue, invalid[i]);
      g_test_message ("invalid: %s", invalid[i]);
      g_assert_false (fg_venue_validate (venue, &error));
      g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_PHONE);
      g_assert_nonnull (strstr (error->message, invalid[i]));
    }
}

/* A form marks every wrong field at once: the core names them all, each
 * with its own message, and the first is the one fg_venue_validate()
 * reports. */
static void
test_venue_check_fields (void)
{
  static const FgVenueError expected[] = {
    FG_VENUE_ERROR_INVALID_NAME, FG_VENUE_ERROR_INVALID_ADDRESS, FG_VENUE_ERROR_INVALID_REGION,
    FG_VENUE_ERROR_INVALID_CATEGORY, FG_VENUE_ERROR_INVALID_PHONE,
    FG_VENUE_ERROR_INVALID_CREDIT_CODE, FG_VENUE_ERROR_INVALID_FLOORS,
  };
  g_autoptr(FgVenue) venue = fg_test_venue_new ("grid", "老王烧烤", "李庄村人民路18号",
                                                "restaurant", "王建国");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) first = NULL;

  errors = fg_venue_check_fields (venue);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  spoil_name (venue);
  spoil_address (venue);
  spoil_region (venue);
  spoil_no_category (venue);
  fg_venue_set_phone (venue, "1381234");
  spoil_credit (venue);
  spoil_floors (venue);

  errors = fg_venue_check_fields (venue);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const GError *error = g_ptr_array_index (errors, i);

      g_assert_error (error, FG_VENUE_ERROR, (int) expected[i]);
      g_assert_cmpstr (error->message, !=, "");
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (error->message, !=, ((GError *) g_ptr_array_index (errors, j))->message);
    }
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (errors, 4))->message, "1381234"));

  g_assert_false (fg_venue_validate (venue, &first));
  g_assert_error (first, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_NAME);
  g_assert_cmpstr (first->message, ==, ((GError *) g_ptr_array_index (errors, 0))->message);

  /* the venue itself is left as it was */
  g_assert_cmpstr (fg_venue_get_phone (venue), ==, "1381234");
}

static void
test_venue_save_and_edit (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) reread = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) loaded = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  const char *mixed[] = { "hotel", "entertainment", NULL };

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, &village, &grid);

  venue = fg_test_venue_new (fg_region_get_id (grid), "  如家旅社 ", "李庄村车站路1号",
                             "hotel", "赵赟");
  fg_venue_set_categories (venue, mixed);
  fg_venue_set_phone (venue, "138 0371 2345");
  fg_venue_set_credit_code (venue, "91350100m000100y43");
  fg_venue_save (store, actor, venue, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (fg_venue_get_id (venue)));

  /* stored in its clean form */
  g_assert_cmpstr (fg_venue_get_name (venue), ==, "如家旅社");
  g_assert_cmpstr (fg_venue_get_phone (venue), ==, "13803712345");
  g_assert_cmpstr (fg_venue_get_credit_code (venue), ==, "91350100M000100Y43");

  loaded = fg_venue_load (store, fg_test_installer (), fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (fg_venue_get_categories (loaded), mixed);
  g_assert_cmpstr (fg_venue_get_credit_code (loaded), ==, "91350100M000100Y43");

  /* venue counts go up along the whole path */
  township = fg_region_lookup (store, fg_test_installer (), fg_store_get_home_region_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fg_region_get_venue_count (township), ==, 1);
  reread = fg_region_lookup (store, fg_test_installer (), fg_region_get_id (grid), &error);
  g_assert_cmpuint (fg_region_get_venue_count (reread), ==, 1);
  g_clear_object (&reread);

  /* edit: move it from the grid to the village itself, and close it */
  fg_venue_set_region_id (loaded, fg_region_get_id (village));
  fg_venue_set_status (loaded, FG_VENUE_STATUS_CLOSED);
  fg_venue_set_name (loaded, "如家旅社(已停业)");
  fg_venue_save (store, actor, loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_id (loaded), ==, fg_venue_get_id (venue));

  g_clear_object (&loaded);
  loaded = fg_venue_load (store, fg_test_installer (), fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fg_venue_get_name (loaded), ==, "如家旅社(已停业)");
  g_assert_cmpint (fg_venue_get_status (loaded), ==, FG_VENUE_STATUS_CLOSED);
  g_assert_cmpstr (fg_venue_get_region_id (loaded), ==, fg_region_get_id (village));

  reread = fg_region_lookup (store, fg_test_installer (), fg_region_get_id (grid), &error);
  g_assert_cmpuint (fg_region_get_venue_count (reread), ==, 0);
  g_clear_object (&reread);
  reread = fg_region_lookup (store, fg_test_installer (), fg_region_get_id (village), &error);
  g_assert_cmpuint (fg_region_get_venue_count (reread), ==, 1);
}

/* The 2026 target's fields: stored and read back, kept in step with the
 * smoke-alarm flag, and in the audit record of the change. */
static void
test_venue_equipment (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgVenue) loaded = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GPtrArray) entries = NULL;
  FgAuditEntry *edit = NULL;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);

  venue = fg_test_venue_new (fg_region_get_id (grid), "李记五金", "李庄村人民路3号", "family-workshop", "李四");
  /* nothing known: no count, no day */
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (venue), ==, -1);
  g_assert_null (fg_venue_get_smoke_alarm_checked_on (venue));
  g_assert_false (fg_venue_get_simple_extinguishing (venue));

  fg_venue_set_smoke_alarm_count (venue, 3);
  g_assert_true (fg_venue_get_smoke_alarm (venue));
  fg_venue_set_smoke_alarm_checked_on (venue, " 2026-11-30 ");
  fg_venue_set_simple_extinguishing (venue, TRUE);
  fg_venue_set_simple_extinguishing_checked_on (venue, "2026-11-29");
  fg_venue_save (store, actor, venue, &error);
  g_assert_no_error (error);

  loaded = fg_venue_load (store, fg_test_installer (), fg_venue_get_id (venue), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (loaded), ==, 3);
  g_assert_true (fg_venue_get_smoke_alarm (loaded));
  g_assert_cmpstr (fg_venue_get_smoke_alarm_checked_on (loaded), ==, "2026-11-30");
  g_assert_true (fg_venue_get_simple_extinguishing (loaded));
  g_assert_cmpstr (fg_venue_get_simple_extinguishing_checked_on (loaded), ==, "2026-11-29");

  /* no alarm after all: the count says none, and the change is audited */
  fg_venue_set_smoke_alarm (loaded, FALSE);
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (loaded), ==, 0);
  fg_venue_save (store, actor, loaded, &error);
  g_assert_no_error (error);
  entries = fg_audit_list (store, fg_test_installer (), fg_venue_get_id (loaded), 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && edit == NULL; i++)
    if (g_str_equal (((FgAuditEntry *) g_ptr_array_index (entries, i))->action, "venue-edit"))
      edit = g_ptr_array_index (entries, i);
  g_assert_nonnull (edit);
  {
    g_autofree char *after_count = json_text (store, edit->after, "$.smoke_alarm_count");
    g_autofree char *before_count = json_text (store, edit->before, "$.smoke_alarm_count");
    g_autofree char *day = json_text (store, edit->after, "$.simple_extinguishing_checked_on");

    g_assert_cmpstr (after_count, ==, "0");
    g_assert_cmpstr (before_count, ==, "3");
    g_assert_cmpstr (day, ==, "2026-11-29");
  }

  /* one again, count unknown: the 0 gives way */
  fg_venue_set_smoke_alarm (loaded, TRUE);
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (loaded), ==, -1);

  /* the check itself, as a bundle's merge calls it */
  g_assert_true (fg_venue_check_equipment (-1, FALSE, NULL, NULL, NULL));
  g_assert_true (fg_venue_check_equipment (0, FALSE, "2026-01-01", "2026-01-02", NULL));
  g_assert_false (fg_venue_check_equipment (2, FALSE, "2026-01-01", NULL, &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS);
  g_clear_error (&error);
  g_assert_false (fg_venue_check_equipment (-1, FALSE, NULL, "2026-13-01", &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING);
}

/* A database of schema 46 keeps each venue's smoke-alarm flag, with no
 * count (nobody counted), when it is brought up to date. */
static void
test_venue_equipment_migration (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) with = NULL;
  g_autoptr(FgVenue) without = NULL;
  g_autoptr(FgVenue) loaded = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) recreate = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);
  with = fg_test_venue_new (fg_region_get_id (grid), "王家小卖部", "李庄村人民路5号", "street-shop", "王五");
  fg_venue_set_smoke_alarm (with, TRUE);
  without = fg_test_venue_new (fg_region_get_id (grid), "赵家作坊", "李庄村人民路6号", "family-workshop", "赵六");
  g_assert_true (fg_venue_save (store, actor, with, &error));
  g_assert_true (fg_venue_save (store, actor, without, &error));
  g_clear_object (&store);

  /* back to what schema 46 had of a venue: without what 0047 adds. Dropping a column parses
   * the triggers again, which name the program's own search tokenizer:
   * they are set aside meanwhile. */
  g_assert_cmpint (sqlite3_open (dir.db_path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (triggers, g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0)));
        g_ptr_array_add (recreate, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      }
    sqlite3_finalize (stmt);
    for (guint i = 0; i < triggers->len; i++)
      g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (triggers, i), NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_exec (db,
                                 "DROP INDEX venue_township_stats;"
                                 "CREATE INDEX venue_township_stats ON venue (township_id, status, categories,"
                                 "  key_unit, smoke_alarm, village_id, id) WHERE deleted = 0;"
                                 "DROP TABLE campaign_venue;"
                                 "ALTER TABLE venue DROP COLUMN smoke_alarm_count;"
                                 "ALTER TABLE venue DROP COLUMN smoke_alarm_checked_on;"
                                 "ALTER TABLE venue DROP COLUMN simple_extinguishing;"
                                 "ALTER TABLE venue DROP COLUMN simple_extinguishing_checked_on;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < recreate->len; i++)
    g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (recreate, i), NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* and 0047 run on it as an upgrade runs it (the later migrations have
   * nothing of the venue's to do again) */
  store = fg_store_open (dir.db_path, &error);
  g_assert_no_error (error);
  g_assert_true (fg_store_rerun_migration (store, 47, &error));
  g_assert_no_error (error);
  loaded = fg_venue_load (store, fg_test_installer (), fg_venue_get_id (with), &error);
  g_assert_no_error (error);
  g_assert_true (fg_venue_get_smoke_alarm (loaded));
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (loaded), ==, -1);
  g_assert_null (fg_venue_get_smoke_alarm_checked_on (loaded));
  g_assert_false (fg_venue_get_simple_extinguishing (loaded));
  g_clear_object (&loaded);
  loaded = fg_venue_load (store, fg_test_installer (), fg_venue_get_id (without), &error);
  g_assert_no_error (error);
  g_assert_false (fg_venue_get_smoke_alarm (loaded));
  g_assert_cmpint (fg_venue_get_smoke_alarm_count (loaded), ==, -1);
}

static void
test_venue_region_rules (void)
{
  g_auto(FgTestDir) dir = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FgStore) store = NULL;
  g_autoptr(FgRegion) grid = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgActor) actor = fg_actor_new_local ();

  fg_test_dir_init (&dir);
  store = fg_test_township_new (&dir, NULL, &grid);

  /* not the township itself: a venue lies in a village or a grid */
  venue = fg_test_venue_new (fg_store_get_home_region_id (store), "冢头超市", "冢头镇人民路1号",
                             "shop", "李娜");
  g_assert_false (fg_venue_save (store, actor, venue, &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION);
  g_clear_error (&error);

  /* a region that does not exist */
  fg_venue_set_region_id (venue, "410425101299");
  g_assert_false (fg_venue_save (store, actor, venue, &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION);
  g_clear_error (&error);

  /* a retired grid takes no new venue */
  fg_region_retire (store, actor, fg_region_get_id (grid), &error);
  g_assert_no_error (error);
  fg_venue_set_region_id (venue, fg_region_get_id (grid));
  g_assert_false (fg_venue_save (store, actor, venue, &error));
  g_assert_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/venue/credit-code", test_venue_credit_code);
  g_test_add_func ("/venue/validation", test_venue_validation);
  g_test_add_func ("/venue/phone-numbers", test_venue_phone_numbers);
  g_test_add_func ("/venue/check-fields", test_venue_check_fields);
  g_test_add_func ("/venue/save-and-edit", test_venue_save_and_edit);
  g_test_add_func ("/venue/region-rules", test_venue_region_rules);
  g_test_add_func ("/venue/equipment", test_venue_equipment);
  g_test_add_func ("/venue/equipment-migration", test_venue_equipment_migration);

  return g_test_run ();
}
