/* fg-store-private.h — what the core modules share about the store
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* A worker's own connection to the database at @path (SQLite connections
 * are not shared between threads), or NULL with @task returned: cancelled
 * before it began, or the file could not be opened. */
FgStore      *fg_store_open_in_worker      (GTask      *task,
                                            const char *path);

/* The schema this version makes, in an empty database in memory. */
FgStore      *fg_store_open_reference      (GError    **error);

sqlite3      *fg_store_get_db          (FgStore      *self);
sqlite3_stmt *fg_store_prepare         (FgStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      fg_store_exec            (FgStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      fg_store_begin           (FgStore      *self,
                                        GError      **error);
gboolean      fg_store_commit          (FgStore      *self,
                                        GError      **error);
void          fg_store_rollback        (FgStore      *self);
gboolean      fg_store_step_done       (FgStore      *self,
                                        sqlite3_stmt *stmt,
                                        GError      **error);
void          fg_store_set_error       (FgStore      *self,
                                        int           rc,
                                        GError      **error);
char         *fg_store_next_stamp      (FgStore      *self);

/* The page size of a database made new (fg_store_open()) */
#define FG_STORE_PAGE_SIZE 8192

/* The widths of a stamp: fifteen digits of milliseconds, five of counter.
 * A stamp from a bundle may be at most FG_STAMP_MAX_AHEAD milliseconds
 * ahead of this computer's clock (docs/bundles.md). */
#define FG_STAMP_MAX_WALL G_GINT64_CONSTANT (999999999999999)
#define FG_STAMP_MAX_COUNTER 99999
#define FG_STAMP_LAST "999999999999999-99999"
#define FG_STAMP_MAX_AHEAD (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)
gboolean      fg_stamp_parse           (const char   *stamp,
                                        gint64       *wall,
                                        guint        *counter);
char         *fg_store_dup_setting     (FgStore      *self,
                                        const char   *key);
gboolean      fg_store_set_setting     (FgStore      *self,
                                        const char   *key,
                                        const char   *value,
                                        GError      **error);
void          fg_store_reload_node     (FgStore      *self);
gboolean      fg_store_rerun_migration (FgStore      *self,
                                        int           version,
                                        GError      **error);
FgStore      *fg_store_open_at_version (const char   *path,
                                        int           version,
                                        GError      **error);
char         *fg_uuid_new              (void);

/* The store's clock (fg_store_now, fg_store_today): what "now" is for
 * the records written through it. Real time, unless the demo writes its
 * weeks of history. */
void          fg_store_set_clock_offset (FgStore     *self,
                                         GTimeSpan    offset);
GTimeSpan     fg_store_get_clock_offset (FgStore     *self);
char         *fg_store_now_iso8601     (FgStore      *self);

/* Statements come from a cache; the cleanup resets them so that no read
 * snapshot outlives its use: g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (…) */
static inline void
fg_stmt_release (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, fg_stmt_release)

static inline const char *
fg_stmt_text (sqlite3_stmt *stmt,
              int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

G_END_DECLS
