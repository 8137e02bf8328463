/* fg-store.c — the database of one installation: opening and migrating
 * it, transactions, cached statements, the clock of its stamps
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "fg-audit-private.h"
#include "fg-collate-private.h"
#include "fg-search-private.h"
#include "fg-store-private.h"

/* 'FGRD': marks a file as ours, so that another program's SQLite file is
 * refused instead of being migrated. */
#define FG_APPLICATION_ID 0x46475244
#define MIGRATIONS_PATH "/io/github/firegrid/core/migrations"

struct _FgStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */

  guint transaction_depth;
  guint transaction_aborted : 1;

  char *node_id;
  char *home_region_id;

  /* hybrid logical clock: the last stamp handed out */
  gint64 hlc_wall;
  guint hlc_counter;

  /* added to the wall clock for the times records carry (not for stamps) */
  GTimeSpan clock_offset;
};

G_DEFINE_FINAL_TYPE (FgStore, fg_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-store-error-quark, fg_store_error)

/* The statistics ANALYZE leaves out: SQLite 3.40 writes no row to
 * sqlite_stat1 for a partial index that is empty, and PRAGMA optimize then
 * takes the index for one never analysed and analyses its table again at
 * every close. The indexes of the rows still to be done (audit records to
 * chain, venues without sort keys, inspections still drafts) are empty
 * most of the time, on the largest tables: at 100,000 venues that was
 * about 0.3 s of processor time and a read of most of the file for every
 * command. An empty partial index gets the row later SQLite writes for it
 * (no rows, each column one row a key); ANALYZE replaces it when its table
 * is analysed again, once it has grown enough for that. */
static void
note_empty_partial_indexes (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean missing = FALSE;
  static const char *missing_sql =
    "SELECT 1 FROM (SELECT DISTINCT tbl FROM sqlite_stat1) s, pragma_index_list (s.tbl) i"
    " WHERE i.partial AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = i.name)";

  /* only read, as a rule: nothing is written unless a row is missing */
  if (sqlite3_prepare_v2 (db, missing_sql, -1, &stmt, NULL) != SQLITE_OK)
    return;  /* nothing analysed yet: no sqlite_stat1 */
  missing = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!missing)
    return;

  sqlite3_exec (db,
                "INSERT INTO sqlite_stat1 (tbl, idx, stat)"
                " SELECT s.tbl, i.name, '0' || (SELECT group_concat (' 0', '') FROM pragma_index_info (i.name))"
                " FROM (SELECT DISTINCT tbl FROM sqlite_stat1) s, pragma_index_list (s.tbl) i"
                " WHERE i.partial AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = i.name)",
                NULL, NULL, NULL);
}

static void
fg_store_finalize (GObject *object)
{
  FgStore *self = (FgStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* keeps the planner's statistics current as the tables grow */
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      note_empty_partial_indexes (self->db);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);
  g_free (self->node_id);
  g_free (self->home_region_id);

  G_OBJECT_CLASS (fg_store_parent_class)->finalize (object);
}

static void
fg_store_class_init (FgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fg_store_finalize;
}

static void
fg_store_init (FgStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

/**
 * fg_store_get_default_path:
 *
 * Returns: (transfer full): where the program keeps its database when no
 *   other file is named: `$XDG_DATA_HOME/firegrid/firegrid.db`
 */
char *
fg_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "firegrid", "firegrid.db", NULL);
}

void
fg_store_set_error (FgStore  *self,
                    int       rc,
                    GError  **error)
{
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db)
                                                       : sqlite3_errstr (rc);

  /* SQLite's own words name tables and columns: they go to the debug log */
  g_debug ("SQLite error %d: %s", rc, detail);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FULL,
                   _("The disk is full, so nothing was saved. Free some space and try again."));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_BUSY,
                   _("The database is in use by another Firegrid program. Close it and try again."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_READ_ONLY,
                   _("The database file cannot be written. Check that the disk is not write-protected."));
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_CORRUPT,
                   _("The database file is damaged. Restore it from a backup."));
      break;

    case SQLITE_NOTADB:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE,
                   _("This file is not a Firegrid database. Choose another file."));
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_OPEN,
                   _("The database file could not be read or written. Check the disk and try again."));
      break;

    default:
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED,
                   _("The database reported an error, and nothing was changed."));
      break;
    }
}

gboolean
fg_store_exec (FgStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc;

  g_assert (FG_IS_STORE (self));

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * fg_store_prepare: (skip)
 *
 * Returns: (transfer none): a cached statement, reset and without bindings,
 *   or %NULL with @error set
 */
sqlite3_stmt *
fg_store_prepare (FgStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_assert (FG_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows. */
gboolean
fg_store_step_done (FgStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fg_store_set_error (self, rc, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Transactions nest: only the outermost begin and commit reach SQLite, so a
 * batch (the demo, an import) can wrap many single-action calls. A rollback
 * at any depth undoes the whole transaction. */
gboolean
fg_store_begin (FgStore  *self,
                GError  **error)
{
  g_assert (FG_IS_STORE (self));

  if (self->transaction_depth == 0)
    {
      if (!fg_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->transaction_aborted = FALSE;
    }

  self->transaction_depth++;
  return TRUE;
}

gboolean
fg_store_commit (FgStore  *self,
                 GError  **error)
{
  g_assert (FG_IS_STORE (self));
  g_assert (self->transaction_depth > 0);

  self->transaction_depth--;

  if (self->transaction_aborted)
    {
      if (self->transaction_depth == 0)
        self->transaction_aborted = FALSE;
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED,
                   _("An earlier step failed, so nothing was saved."));
      return FALSE;
    }

  if (self->transaction_depth == 0)
    {
      if (!fg_store_exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          fg_store_reload_node (self);
          return FALSE;
        }
    }

  return TRUE;
}

void
fg_store_rollback (FgStore *self)
{
  g_assert (FG_IS_STORE (self));

  if (self->transaction_depth == 0)
    return;

  self->transaction_depth--;

  if (!self->transaction_aborted)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->transaction_aborted = TRUE;
      /* the clock's last stamp may have been rolled back with the rest */
      fg_store_reload_node (self);
    }

  if (self->transaction_depth == 0)
    self->transaction_aborted = FALSE;
}

sqlite3 *
fg_store_get_db (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), NULL);
  return self->db;
}

/**
 * fg_stamp_parse: (skip)
 * @stamp: (nullable): a stamp of the hybrid logical clock
 * @wall: (out) (optional): its wall time, in milliseconds
 * @counter: (out) (optional): its counter
 *
 * Whether @stamp has exactly the form fg_store_next_stamp() gives: fifteen
 * digits, five digits, a node id in lower-case hexadecimal, each part after
 * a "-". Only such stamps compare as text in the order of the clock.
 *
 * Returns: %TRUE when it has
 */
gboolean
fg_stamp_parse (const char *stamp,
                gint64     *wall,
                guint      *counter)
{
  static const char form[] = "000000000000000-00000-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";

  if (stamp == NULL || strlen (stamp) != sizeof form - 1)
    return FALSE;
  for (gsize i = 0; i < sizeof form - 1; i++)
    {
      gboolean ok;

      if (form[i] == '-')
        ok = stamp[i] == '-';
      else if (form[i] == '0')
        ok = g_ascii_isdigit (stamp[i]);
      else
        ok = g_ascii_isdigit (stamp[i]) || (stamp[i] >= 'a' && stamp[i] <= 'f');
      if (!ok)
        return FALSE;
    }
  if (wall != NULL)
    *wall = g_ascii_strtoll (stamp, NULL, 10);
  if (counter != NULL)
    *counter = (guint) g_ascii_strtoull (stamp + 16, NULL, 10);
  return TRUE;
}

static gboolean
parse_stamp (const char *stamp,
             gint64     *wall,
             guint      *counter)
{
  return fg_stamp_parse (stamp, wall, counter);
}

void
fg_store_reload_node (FgStore *self)
{
  sqlite3_stmt *stmt;

  g_clear_pointer (&self->node_id, g_free);
  g_clear_pointer (&self->home_region_id, g_free);
  self->hlc_wall = 0;
  self->hlc_counter = 0;

  stmt = fg_store_prepare (self, "SELECT id, scope_region_id, hlc FROM node LIMIT 1", NULL);
  if (stmt == NULL)
    return;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      self->node_id = g_strdup (fg_stmt_text (stmt, 0));
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        self->home_region_id = g_strdup (fg_stmt_text (stmt, 1));
      parse_stamp (fg_stmt_text (stmt, 2), &self->hlc_wall, &self->hlc_counter);
    }

  fg_stmt_release (stmt);
}

/**
 * fg_store_next_stamp: (skip)
 *
 * Hands out the next update stamp of the hybrid logical clock:
 * "WWWWWWWWWWWWWWW-CCCCC-NODE", the wall time in milliseconds and a counter
 * for stamps within one millisecond (or while the wall clock is behind the
 * last stamp), so that stamps compare as text. Must be called inside a
 * transaction: the last stamp is stored with the change it marks.
 *
 * Returns: (transfer full): the stamp
 */
char *
fg_store_next_stamp (FgStore *self)
{
  gint64 now = g_get_real_time () / 1000;
  g_autofree char *stamp = NULL;
  sqlite3_stmt *stmt;

  g_assert (FG_IS_STORE (self));
  g_assert (self->transaction_depth > 0);
  g_assert (self->node_id != NULL);

  /* Another connection (a second window, a worker, firegrid-cli) may have
   * handed out stamps since: the clock's last stamp is read again inside
   * this write transaction, so that no two changes share a stamp. */
  stmt = fg_store_prepare (self, "SELECT hlc FROM node WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, self->node_id, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 wall = 0;
          guint counter = 0;

          if (parse_stamp (fg_stmt_text (stmt, 0), &wall, &counter) &&
              (wall > self->hlc_wall || (wall == self->hlc_wall && counter > self->hlc_counter)))
            {
              self->hlc_wall = wall;
              self->hlc_counter = counter;
            }
        }
      fg_stmt_release (stmt);
    }

  if (now > self->hlc_wall)
    {
      self->hlc_wall = now;
      self->hlc_counter = 0;
    }
  else if (self->hlc_counter < FG_STAMP_MAX_COUNTER)
    {
      self->hlc_counter++;
    }
  else if (self->hlc_wall < FG_STAMP_MAX_WALL)
    {
      /* the counter never grows a sixth digit, which would break the
       * order of stamps as text: the clock moves on a millisecond */
      self->hlc_wall++;
      self->hlc_counter = 0;
    }
  else
    {
      /* the last stamp the clock can write: only a clock moved there by a
       * stamp from the far future (before bundles were checked for them)
       * gets here, and it starts again from the wall clock rather than
       * write a stamp of another width */
      g_message ("The update clock stood at %s, the last stamp it can write; it starts again from now",
                 FG_STAMP_LAST);
      self->hlc_wall = now;
      self->hlc_counter = 0;
    }

  stamp = g_strdup_printf ("%015" G_GINT64_FORMAT "-%05u-%s",
                           self->hlc_wall, self->hlc_counter, self->node_id);

  stmt = fg_store_prepare (self, "UPDATE node SET hlc = ?1 WHERE id = ?2", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, self->node_id, -1, SQLITE_STATIC);
      fg_store_step_done (self, stmt, NULL);
    }

  return g_steal_pointer (&stamp);
}

/**
 * fg_uuid_new: (skip)
 *
 * Returns: (transfer full): a new time-ordered UUID (RFC 9562 version 7),
 *   so that large tables grow at the end of their B-trees
 */
char *
fg_uuid_new (void)
{
  static gsize initialized = 0;
  static GMutex lock;
  static guint64 last_ms = 0;
  static guint16 counter = 0;
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint8 b[16];

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialized, 1);
    }

  randombytes_buf (b, sizeof b);

  /* Ids made here sort in the order they were made, also within one
   * millisecond and when the clock steps back: the 12 bits after the
   * version count up from a random start (RFC 9562, 6.2, method 1). */
  g_mutex_lock (&lock);
  if (ms > last_ms)
    {
      last_ms = ms;
      counter = ((b[6] & 0x07) << 8) | b[7];  /* half the range: room to count */
    }
  else if (++counter > 0x0fff)
    {
      last_ms++;
      counter = 0;
    }
  ms = last_ms;
  b[6] = (guint8) (counter >> 8);
  b[7] = (guint8) (counter & 0xff);
  g_mutex_unlock (&lock);

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/*
 * fg_store_set_clock_offset:
 * @offset: how far the store's clock is from the wall clock
 *
 * Sets the clock by which records written through this store are dated:
 * when an event happened, a document was issued, an audit record made.
 * The demo moves it to write a township's past weeks as they would have
 * happened (and its test, to write the demo as of another day). Stamps
 * and ids keep the wall clock, so that they still order every change.
 */
void
fg_store_set_clock_offset (FgStore   *self,
                           GTimeSpan  offset)
{
  g_return_if_fail (FG_IS_STORE (self));

  self->clock_offset = offset;
}

GTimeSpan
fg_store_get_clock_offset (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), 0);

  return self->clock_offset;
}

/* Returns: (transfer full): the local time by the store's clock */
GDateTime *
fg_store_now (FgStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (FG_IS_STORE (self), NULL);

  if (self->clock_offset == 0)
    return g_steal_pointer (&now);
  return g_date_time_add (now, self->clock_offset);
}

/* Returns: (transfer full): the store's time as ISO 8601, with the offset
 * from UTC */
char *
fg_store_now_iso8601 (FgStore *self)
{
  g_autoptr(GDateTime) now = fg_store_now (self);

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Returns: (transfer full): the local day by the store's clock */
GDate *
fg_store_today (FgStore *self)
{
  g_autoptr(GDateTime) now = fg_store_now (self);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

static int
query_int (FgStore    *self,
           const char *sql,
           GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;
  int value = -1;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return -1;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  else
    fg_store_set_error (self, rc, error);

  sqlite3_finalize (stmt);
  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
fg_store_get_latest_schema_version (void)
{
  g_auto(GStrv) names = NULL;
  int latest = 0;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    latest = MAX (latest, atoi (names[i]));

  return latest;
}

/**
 * fg_store_needs_upgrade:
 * @path: a database file
 *
 * Whether opening @path will bring an older Firegrid database up to this
 * version's schema, which on a county's file can take minutes; a caller
 * says so before it opens (fg_store_open() tells nothing while it works).
 * The file is only read, and not waited for: one that is missing, busy,
 * not Firegrid's, or new, needs no upgrade as far as this can tell.
 *
 * Returns: %TRUE when @path holds a Firegrid database of an older schema
 */
gboolean
fg_store_needs_upgrade (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = -1;
  int version = -1;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT * FROM pragma_application_id, pragma_user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      application_id = sqlite3_column_int (stmt, 0);
      version = sqlite3_column_int (stmt, 1);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return application_id == FG_APPLICATION_ID && version > 0 && version < fg_store_get_latest_schema_version ();
}

/* Whether every foreign key holds (PRAGMA foreign_key_check). */
static gboolean
check_foreign_keys (FgStore  *self,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    {
      g_debug ("A row of the table %s points at one that is missing", (const char *) sqlite3_column_text (stmt, 0));
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_CORRUPT,
                   _("A record in the database points at one that is missing."));
    }
  else
    fg_store_set_error (self, rc, error);
  return FALSE;
}

/* One migration, in a transaction of its own, which also moves the
 * schema version on to @version (unless @version is 0). */
static gboolean
run_migration (FgStore     *self,
               const char  *name,
               int          version,
               GError     **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *pragma = NULL;

  bytes = g_resources_lookup_data (resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  pragma = version > 0 ? g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                          version, FG_APPLICATION_ID)
                       : g_strdup ("");

  if (!fg_store_begin (self, error))
    return FALSE;

  if (!fg_store_exec (self, sql, error) ||
      !fg_store_exec (self, pragma, error) ||
      !check_foreign_keys (self, error))
    {
      fg_store_rollback (self);
      g_debug ("The migration %s failed", name);
      g_prefix_error (error, _("The database could not be brought up to date for this version of Firegrid, "
                               "and was left as it was: "));
      return FALSE;
    }

  return fg_store_commit (self, error);
}

static gboolean
apply_migrations (FgStore  *self,
                  int       up_to,
                  GError  **error)
{
  g_auto(GStrv) names = NULL;
  int current;
  int latest;

  current = query_int (self, "PRAGMA user_version", error);
  if (current < 0)
    return FALSE;

  latest = fg_store_get_latest_schema_version ();
  if (current > latest)
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NEWER_SCHEMA,
                   _("This database was written by a newer version of Firegrid "
                     "(schema %d; this version knows up to %d). "
                     "Install the newer version to open it; the file was left untouched."),
                   current, latest);
      return FALSE;
    }

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      int version = atoi (names[i]);

      if (version > current && version <= up_to && !run_migration (self, names[i], version, error))
        return FALSE;
    }

  return TRUE;
}

/* A migration may rebuild a table that others point at (SQLite changes a
 * constraint that way), so foreign keys are checked once each migration
 * is done, before it commits, rather than statement by statement. */
static gboolean
fg_store_migrate (FgStore  *self,
                  int       up_to,
                  GError  **error)
{
  gboolean ok;

  if (!fg_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  ok = apply_migrations (self, up_to, error);
  if (!fg_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    return FALSE;
  return ok;
}

/* For the tests of a migration: runs migration @version once more on this
 * database, the way an upgrade runs it, without touching the schema
 * version. */
gboolean
fg_store_rerun_migration (FgStore  *self,
                          int       version,
                          GError  **error)
{
  g_auto(GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  gboolean ok;

  if (names == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (atoi (names[i]) != version)
        continue;
      if (!fg_store_exec (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      ok = run_migration (self, names[i], 0, error);
      if (!fg_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
        return FALSE;
      return ok;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no migration %d", version);
  return FALSE;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_OPEN,
                   _("The folder “%s” could not be created: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The database will hold the node's secret key: only its owner reads it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_OPEN,
                   _("The database “%s” could not be created: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  g_close (fd, NULL);
  return TRUE;
}

/**
 * fg_store_open:
 * @path: the database file; created when it does not exist
 * @error: return location for an error
 *
 * Opens (or creates) the database and brings its schema up to date. A file
 * that is not a Firegrid database, or one written by a newer version, is
 * refused and left untouched.
 *
 * Nothing else is written: the program opens its database with
 * fg_office_open(), which also installs what ships with it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
static FgStore *
open_up_to (const char  *path,
            int          up_to,
            GError     **error)
{
  g_autoptr(FgStore) self = NULL;
  int application_id;
  int n_tables;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;

  self = g_object_new (FG_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  rc = fg_search_register_tokenizer (self->db);
  if (rc == SQLITE_OK)
    rc = fg_collate_register (self->db);
  if (rc == SQLITE_OK)
    rc = fg_audit_register_functions (self->db);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return NULL;
    }

  application_id = query_int (self, "PRAGMA application_id", error);
  if (application_id < 0)
    return NULL;
  n_tables = query_int (self, "SELECT count(*) FROM sqlite_schema", error);
  if (n_tables < 0)
    return NULL;

  if ((application_id != 0 && application_id != FG_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Firegrid database. Choose another file; this one was left untouched."),
                   path);
      return NULL;
    }

  /* A new database takes 8 KiB pages: a page of 4 KiB leaves more of
   * itself empty around rows of a kilobyte, 2.5 % of a county's file
   * (bench/README.md). It can only be set before the first table, and
   * before WAL mode; a database made before keeps its pages. */
  if (n_tables == 0 && !fg_store_exec (self, "PRAGMA page_size = " G_STRINGIFY (FG_STORE_PAGE_SIZE), error))
    return NULL;

  /* Durable across a power cut: WAL with full syncs on commit. */
  if (!fg_store_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA foreign_keys = ON;"
                      /* room for the search index to grow in memory during
                       * a large batch instead of spilling pages to the WAL */
                      "PRAGMA cache_size = -65536;",
                      error))
    return NULL;

  if (!fg_store_migrate (self, up_to, error) ||
      (up_to == G_MAXINT && !fg_collate_fill (self, error)))
    return NULL;

  fg_store_reload_node (self);

  return g_steal_pointer (&self);
}

FgStore *
fg_store_open (const char  *path,
               GError     **error)
{
  return open_up_to (path, G_MAXINT, error);
}

/* For the tests of a migration: a database made by the migrations up to
 * @version and no further, as a version of Firegrid of that schema made
 * it (what the newer ones fill in, such as sort keys, left out). */
FgStore *
fg_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (version > 0 && version < G_MAXINT, NULL);

  return open_up_to (path, version, error);
}

/* An empty database in memory with the schema this version of Firegrid
 * makes, for comparing a database's own with (fg-integrity.c). */
FgStore *
fg_store_open_reference (GError **error)
{
  g_autoptr(FgStore) self = NULL;
  int rc;

  self = g_object_new (FG_TYPE_STORE, NULL);
  self->path = g_strdup (":memory:");

  rc = sqlite3_open_v2 (":memory:", &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    rc = fg_search_register_tokenizer (self->db);
  if (rc == SQLITE_OK)
    rc = fg_collate_register (self->db);
  if (rc == SQLITE_OK)
    rc = fg_audit_register_functions (self->db);
  if (rc != SQLITE_OK)
    {
      fg_store_set_error (self, rc, error);
      return NULL;
    }

  if (!fg_store_migrate (self, G_MAXINT, error))
    return NULL;

  return g_steal_pointer (&self);
}

FgStore *
fg_store_open_in_worker (GTask      *task,
                         const char *path)
{
  GError *error = NULL;
  FgStore *store;

  g_assert (G_IS_TASK (task));

  if (g_task_return_error_if_cancelled (task))
    return NULL;

  store = fg_store_open (path, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  return store;
}

const char *
fg_store_get_path (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), NULL);
  return self->path;
}

int
fg_store_get_schema_version (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), -1);
  return query_int (self, "PRAGMA user_version", NULL);
}

/**
 * fg_store_is_set_up:
 *
 * Returns: whether a township (or another node) has been set up in this
 *   database; the program offers its set-up assistant when not
 */
gboolean
fg_store_is_set_up (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), FALSE);
  return self->node_id != NULL && self->home_region_id != NULL;
}

const char *
fg_store_get_node_id (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), NULL);
  return self->node_id;
}

/**
 * fg_store_has_accounts:
 *
 * Returns: whether any account exists; from then on nothing changes without
 *   a login
 */
gboolean
fg_store_has_accounts (FgStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FG_IS_STORE (self), FALSE);

  stmt = fg_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM account WHERE deleted = 0)", NULL);

  /* if it cannot be read, act as if there were accounts: refuse, not allow */
  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
}

char *
fg_store_dup_setting (FgStore    *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (FG_IS_STORE (self));

  stmt = fg_store_prepare (self, "SELECT value FROM setting WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup (fg_stmt_text (stmt, 0));
}

gboolean
fg_store_set_setting (FgStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (FG_IS_STORE (self));

  stmt = fg_store_prepare (self,
                           "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return fg_store_step_done (self, stmt, error);
}

/**
 * fg_store_is_demo:
 *
 * Returns: whether the database holds the demo township, whose accounts
 *   and passwords are published
 */
gboolean
fg_store_is_demo (FgStore *self)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (FG_IS_STORE (self), FALSE);

  value = fg_store_dup_setting (self, "demo");
  return g_strcmp0 (value, "1") == 0;
}

/**
 * fg_store_get_home_region_id:
 *
 * Returns: (nullable): the root of this node's scope (the township of a
 *   township office), or %NULL before set-up
 */
const char *
fg_store_get_home_region_id (FgStore *self)
{
  g_return_val_if_fail (FG_IS_STORE (self), NULL);
  return self->home_region_id;
}
