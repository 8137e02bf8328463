/* fg-search-private.h — the "firegrid" FTS5 tokenizer and its queries
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Registered on every connection by the store, before its migrations:
 * the venues' search index (venue_fts) is made with this tokenizer. The
 * SQL function fg_search_contains (terms, text, …) is registered with it. */
int   fg_search_register_tokenizer (sqlite3    *db);
char *fg_search_build_match        (const char *text);
char *fg_search_build_terms        (const char *text);

G_END_DECLS
