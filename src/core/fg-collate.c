/* fg-collate.c — the order people read Chinese lists in (pinyin)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite compares text by its bytes, which puts Chinese in the order of
 * its code points (丁 东 中 于 人 …); people look for 老王烧烤 under L,
 * between 李 and 王. ICU's collator for "zh" orders by pinyin (with the
 * digits inside a text compared as numbers: 3号 before 20号).
 *
 * Lists page through indexes, so the order must be one SQLite can keep in
 * an index without ICU: each sorted text has a sort key kept beside it
 * (venue.name_key …), a BLOB whose bytes compare as the texts collate.
 * The core writes the key with the text, through the SQL function
 * fg_collate_key() registered on each of its connections. A custom
 * COLLATION on the index would make the database unreadable to any tool
 * without it; keys are plain bytes. They are local (never in a bundle or
 * the audit log): another office may have another version of ICU.
 *
 * A key may be missing: rows from before keys existed, or written by
 * another tool (a trigger clears a key whose text changed without it).
 * fg_collate_fill() writes the missing ones as the store opens, and every
 * key again when ICU's collator changed with an upgrade.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "fg-collate-private.h"
#include "fg-store-private.h"

#define COLLATION_LOCALE "zh"
#define SETTING_KEY "collation"

/* The sorted texts of each table and the columns of their keys; migration
 * 29 made the columns, an index on each and a partial index on the rows
 * missing one (WHERE … IS NULL), which the fill below reads. */
static const char * const venue_key_columns[] = {
  "name", "name_key", "address", "address_key", "operator_name", "operator_key", NULL
};
static const char * const region_key_columns[] = { "name", "name_key", NULL };

static const struct
{
  const char         *table;
  const char * const *columns;
} keyed_tables[] = {
  { "venue", venue_key_columns },
  { "region", region_key_columns },
};

const char * const *
fg_collate_key_columns (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    if (g_str_equal (keyed_tables[i].table, table))
      return keyed_tables[i].columns;
  return NULL;
}

static UCollator *
collator_open (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open (COLLATION_LOCALE, &status);

  if (U_FAILURE (status))
    {
      g_warning ("The Chinese collation could not be opened: %s", u_errorName (status));
      return NULL;
    }
  /* 3号 before 20号, 第2网格 before 第10网格 */
  ucol_setAttribute (collator, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
  return collator;
}

/* The sort key of @text (UTF-8, @length bytes or -1), without the zero
 * byte that ends ICU's keys; NULL when @collator is. */
static guint8 *
make_key (const UCollator *collator,
          const char      *text,
          int              length,
          gsize           *key_length)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utf16 = NULL;
  int32_t utf16_length = 0;
  guint8 *key;
  int32_t size;

  if (collator == NULL)
    return NULL;

  /* invalid bytes become U+FFFD rather than an error: a key for every text */
  u_strFromUTF8WithSub (NULL, 0, &utf16_length, text, length, 0xFFFD, NULL, &status);
  status = U_ZERO_ERROR;
  utf16 = g_new (UChar, utf16_length + 1);
  u_strFromUTF8WithSub (utf16, utf16_length + 1, &utf16_length, text, length, 0xFFFD, NULL, &status);
  if (U_FAILURE (status))
    return NULL;

  size = MAX (64, utf16_length * 6 + 8);
  key = g_malloc (size);
  for (;;)
    {
      int32_t needed = ucol_getSortKey (collator, utf16, utf16_length, key, size);

      if (needed <= 0)
        {
          g_free (key);
          return NULL;
        }
      if (needed <= size)
        {
          *key_length = (gsize) needed - 1;
          return key;
        }
      size = needed;
      key = g_realloc (key, size);
    }
}

/* fg_collate_key(text): the key of a text, NULL for NULL. Each connection
 * has its own collator (a collator is not meant for two threads at once,
 * and a worker has its own connection). */
static void
sql_collate_key (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text;
  guint8 *key;
  gsize key_length = 0;

  g_assert (argc == 1);
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  text = (const char *) sqlite3_value_text (argv[0]);
  key = make_key (sqlite3_user_data (context), text, sqlite3_value_bytes (argv[0]), &key_length);
  if (key == NULL)
    {
      sqlite3_result_error (context, "fg_collate_key: no Chinese collation", -1);
      return;
    }
  sqlite3_result_blob (context, key, (int) key_length, g_free);
}

static void
collator_close (void *collator)
{
  ucol_close (collator);
}

/**
 * fg_collate_register: (skip)
 * @db: a connection to a Firegrid database
 *
 * Registers the SQL function fg_collate_key(text) on @db.
 *
 * Returns: an SQLite result code
 */
int
fg_collate_register (sqlite3 *db)
{
  UCollator *collator = collator_open ();

  if (collator == NULL)
    return SQLITE_ERROR;

  /* sqlite3_create_function_v2 closes the collator itself if it fails */
  return sqlite3_create_function_v2 (db, "fg_collate_key", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     collator, sql_collate_key, NULL, NULL, collator_close);
}

/* The collator of fg_collate_key() and fg_collate_compare(), for lists
 * sorted in memory (a county's few townships). */
static GMutex shared_lock;

static UCollator *
shared_collator (void)
{
  static UCollator *collator;

  if (g_once_init_enter (&collator))
    g_once_init_leave (&collator, collator_open ());
  return collator;
}

/**
 * fg_collate_key: (skip)
 * @text: a text (UTF-8)
 *
 * Returns: (transfer full) (nullable): the bytes that compare, as
 *   memcmp() does, the way @text collates in Chinese; %NULL without ICU's
 *   data
 */
GBytes *
fg_collate_key (const char *text)
{
  guint8 *key;
  gsize key_length = 0;

  g_return_val_if_fail (text != NULL, NULL);

  g_mutex_lock (&shared_lock);
  key = make_key (shared_collator (), text, -1, &key_length);
  g_mutex_unlock (&shared_lock);
  return key != NULL ? g_bytes_new_take (key, key_length) : NULL;
}

/**
 * fg_collate_compare: (skip)
 * @a: a text (UTF-8)
 * @b: another
 *
 * Returns: less than, equal to or greater than zero as @a comes before,
 *   with or after @b in Chinese (pinyin) order
 */
int
fg_collate_compare (const char *a,
                    const char *b)
{
  g_autoptr(GBytes) key_a = fg_collate_key (a);
  g_autoptr(GBytes) key_b = fg_collate_key (b);

  if (key_a == NULL || key_b == NULL)
    return strcmp (a, b);
  return g_bytes_compare (key_a, key_b);
}

/**
 * fg_collate_version: (skip)
 *
 * Returns: what the keys depend on: the collation and the version of
 *   ICU's collator (its rules and data)
 */
const char *
fg_collate_version (void)
{
  static char *version;

  if (g_once_init_enter (&version))
    {
      UVersionInfo info = { 0 };
      char text[U_MAX_VERSION_STRING_LENGTH] = "";

      g_mutex_lock (&shared_lock);
      if (shared_collator () != NULL)
        ucol_getVersion (shared_collator (), info);
      g_mutex_unlock (&shared_lock);
      u_versionToString (info, text);
      g_once_init_leave (&version, g_strdup_printf ("icu " COLLATION_LOCALE " numeric %s", text));
    }
  return version;
}

/* The SQL that writes the keys of @columns in @table: every row's, or
 * (@missing) those of the rows that lack one, found through the partial
 * index on the same condition. */
static char *
fill_sql (const char         *table,
          const char * const *columns,
          gboolean            missing)
{
  g_autoptr(GString) sets = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);

  for (guint i = 0; columns[i] != NULL; i += 2)
    {
      g_string_append_printf (sets, "%s%s = fg_collate_key (%s)", i > 0 ? ", " : "", columns[i + 1], columns[i]);
      g_string_append_printf (where, "%s%s IS NULL", i > 0 ? " OR " : "", columns[i + 1]);
    }
  return g_strdup_printf ("UPDATE %s SET %s%s%s", table, sets->str,
                          missing ? " WHERE " : "", missing ? where->str : "");
}

static gboolean
any_missing (FgStore  *store,
             gboolean *missing,
             GError  **error)
{
  *missing = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables) && !*missing; i++)
    {
      const char * const *columns = keyed_tables[i].columns;
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_string_printf (sql, "SELECT EXISTS (SELECT 1 FROM %s WHERE ", keyed_tables[i].table);
      for (guint c = 0; columns[c] != NULL; c += 2)
        g_string_append_printf (sql, "%s%s IS NULL", c > 0 ? " OR " : "", columns[c + 1]);
      g_string_append_c (sql, ')');

      stmt = fg_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
          return FALSE;
        }
      *missing = sqlite3_column_int (stmt, 0) != 0;
    }
  return TRUE;
}

/**
 * fg_collate_fill: (skip)
 * @store: a store, migrated
 * @error: return location for an error
 *
 * Writes the sort keys that are missing, or every key when they were
 * made by another version of the collation, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_collate_fill (FgStore  *store,
                 GError  **error)
{
  g_autofree char *stored = fg_store_dup_setting (store, SETTING_KEY);
  gboolean all = g_strcmp0 (stored, fg_collate_version ()) != 0;
  gboolean missing = FALSE;

  if (!all && !any_missing (store, &missing, error))
    return FALSE;
  if (!all && !missing)
    return TRUE;

  if (!fg_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    {
      g_autofree char *sql = fill_sql (keyed_tables[i].table, keyed_tables[i].columns, !all);

      if (!fg_store_exec (store, sql, error))
        goto failed;
    }
  if (all && !fg_store_set_setting (store, SETTING_KEY, fg_collate_version (), error))
    goto failed;
  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  g_prefix_error (error, _("The lists could not be put in pinyin order: "));
  return FALSE;
}
