/* fg-collate-private.h — the order people read Chinese lists in (pinyin)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "fg-store.h"

G_BEGIN_DECLS

int         fg_collate_register (sqlite3    *db);
const char *fg_collate_version  (void);
GBytes     *fg_collate_key      (const char *text);
int         fg_collate_compare  (const char *a,
                                 const char *b);
gboolean    fg_collate_fill     (FgStore    *store,
                                 GError    **error);

/* The sort-key columns of @table: pairs of a text column and the column
 * that keeps its key, NULL-terminated; NULL for a table without any. */
const char * const *fg_collate_key_columns (const char *table);

G_END_DECLS
