/* fg-search.c — the "firegrid" FTS5 tokenizer for Chinese substring search
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People search for the one- and two-character terms they type every day
 * (网吧, 烧烤, a surname), which the trigram tokenizer cannot find. This
 * tokenizer indexes each character of a run of letters, digits and Han
 * characters as a token and, at the same position, the pair it starts.
 * A query then becomes the chain of its overlapping pairs (a phrase whose
 * tokens are selective) or, for one character, the character itself.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <sqlite3.h>

#include "fg-search-private.h"

/* Folds a character to the form that is indexed, or returns 0 for one that
 * separates runs (space, punctuation, symbols). */
static gunichar
fold_char (gunichar c)
{
  /* full-width ASCII (Ａ, １) as typed by Chinese input methods */
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  if (!g_unichar_isalnum (c))
    return 0;

  return g_unichar_tolower (c);
}

typedef struct
{
  gunichar c;
  int start;
  int end;
} Char;

static int
emit (void        *ctx,
      int        (*x_token) (void *, int, const char *, int, int, int),
      int          tflags,
      const Char  *chars,
      guint        n_chars)
{
  char buf[16];
  int len = 0;

  for (guint i = 0; i < n_chars; i++)
    len += g_unichar_to_utf8 (chars[i].c, buf + len);

  return x_token (ctx, tflags, buf, len, chars[0].start, chars[n_chars - 1].end);
}

static int
tokenize_run (void        *ctx,
              int          flags,
              int        (*x_token) (void *, int, const char *, int, int, int),
              const Char  *run,
              guint        n_run)
{
  int rc = SQLITE_OK;

  if (n_run == 0)
    return SQLITE_OK;

  if (flags & FTS5_TOKENIZE_QUERY)
    {
      if (n_run == 1)
        return emit (ctx, x_token, 0, run, 1);

      for (guint i = 0; i + 1 < n_run && rc == SQLITE_OK; i++)
        rc = emit (ctx, x_token, 0, run + i, 2);
      return rc;
    }

  for (guint i = 0; i < n_run && rc == SQLITE_OK; i++)
    {
      rc = emit (ctx, x_token, 0, run + i, 1);
      if (rc == SQLITE_OK && i + 1 < n_run)
        rc = emit (ctx, x_token, FTS5_TOKEN_COLOCATED, run + i, 2);
    }

  return rc;
}

static int
firegrid_tokenize (Fts5Tokenizer *tokenizer,
                   void          *ctx,
                   int            flags,
                   const char    *text,
                   int            n_text,
                   int          (*x_token) (void *, int, const char *, int, int, int))
{
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (Char));
  const char *p = text;
  const char *end = text + n_text;
  int rc = SQLITE_OK;

  while (p < end && rc == SQLITE_OK)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;
      Char ch;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* not UTF-8: skip the byte, it separates runs */
          rc = tokenize_run (ctx, flags, x_token, (Char *) (void *) run->data, run->len);
          g_array_set_size (run, 0);
          p++;
          continue;
        }

      next = g_utf8_next_char (p);
      ch.c = fold_char (c);
      ch.start = (int) (p - text);
      ch.end = (int) (next - text);

      if (ch.c != 0)
        {
          g_array_append_val (run, ch);
        }
      else
        {
          rc = tokenize_run (ctx, flags, x_token, (Char *) (void *) run->data, run->len);
          g_array_set_size (run, 0);
        }

      p = next;
    }

  if (rc == SQLITE_OK)
    rc = tokenize_run (ctx, flags, x_token, (Char *) (void *) run->data, run->len);

  return rc;
}

static int
firegrid_create (void           *user_data,
                 const char    **args,
                 int             n_args,
                 Fts5Tokenizer **out)
{
  /* stateless: any non-NULL pointer will do */
  *out = (Fts5Tokenizer *) user_data;
  return SQLITE_OK;
}

static void
firegrid_delete (Fts5Tokenizer *tokenizer)
{
}

static fts5_tokenizer firegrid_tokenizer = {
  firegrid_create,
  firegrid_delete,
  firegrid_tokenize,
};

int
fg_search_register_tokenizer (sqlite3 *db)
{
  static int marker;
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  rc = sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rc;
  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;

  return api->xCreateTokenizer (api, "firegrid", &marker, &firegrid_tokenizer, NULL);
}

/**
 * fg_search_build_match: (skip)
 * @text: what the user typed
 *
 * Turns a search text into an FTS5 query for the "firegrid" tokenizer:
 * every term (separated by spaces or punctuation) must occur as a
 * substring. Characters are passed as quoted strings, so nothing the user
 * types is read as query syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text holds
 *   nothing searchable
 */
char *
fg_search_build_match (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) term = g_string_new (NULL);
  const char *p;

  if (text == NULL)
    return NULL;

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char_validated (p, -1) : 0;
      gunichar folded = (c == (gunichar) -1 || c == (gunichar) -2) ? 0 : fold_char (c);

      if (folded != 0)
        {
          g_string_append_unichar (term, folded);
        }
      else if (term->len > 0)
        {
          if (query->len > 0)
            g_string_append (query, " AND ");
          /* a folded term holds only letters and digits: no quote to escape */
          g_string_append_printf (query, "\"%s\"", term->str);
          g_string_truncate (term, 0);
        }

      if (*p == '\0' || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}
