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

/* Appends @text folded as the tokenizer reads it: every character that
 * separates runs becomes a space, so that a term, which holds none, is
 * found within a run only. */
static void
append_folded (GString    *out,
               const char *text,
               int         n_text)
{
  const char *p = text;
  const char *end = text + n_text;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gunichar folded;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (out, ' ');
          p++;
          continue;
        }

      folded = fold_char (c);
      if (folded != 0)
        g_string_append_unichar (out, folded);
      else
        g_string_append_c (out, ' ');
      p = g_utf8_next_char (p);
    }
}

/* fg_search_contains (terms, text, …): whether every term of @terms (as
 * fg_search_build_terms() writes them) occurs in one of the texts, the
 * same answer as venue_fts MATCH fg_search_build_match() gives for the
 * same texts: the tokenizer finds a term exactly where it is a substring
 * of a run. A list walks an index in its order with this, reading each
 * venue's texts, when a term is so frequent that the next matching venue
 * is always near. */
static void
search_contains (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  g_autoptr(GString) folded = g_string_sized_new (256);
  const char *terms = (const char *) sqlite3_value_text (argv[0]);
  const char *term;

  if (terms == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  for (int i = 1; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text != NULL)
        append_folded (folded, text, sqlite3_value_bytes (argv[i]));
      g_string_append_c (folded, ' ');
    }

  for (term = terms; *term != '\0'; )
    {
      const char *space = strchr (term, ' ');
      gsize len = space != NULL ? (gsize) (space - term) : strlen (term);

      if (len > 0 && memmem (folded->str, folded->len, term, len) == NULL)
        {
          sqlite3_result_int (context, 0);
          return;
        }
      term += len;
      while (*term == ' ')
        term++;
    }

  sqlite3_result_int (context, 1);
}

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

  rc = api->xCreateTokenizer (api, "firegrid", &marker, &firegrid_tokenizer, NULL);
  if (rc != SQLITE_OK)
    return rc;

  return sqlite3_create_function (db, "fg_search_contains", -1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, search_contains, NULL, NULL);
}

/* The folded terms of @text: runs of letters and digits, split where
 * anything else (space, punctuation) stands. */
static GPtrArray *
split_terms (const char *text)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) term = g_string_new (NULL);
  const char *p;

  if (text == NULL)
    return terms;

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
          g_ptr_array_add (terms, g_strdup (term->str));
          g_string_truncate (term, 0);
        }

      if (*p == '\0' || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }

  return terms;
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
  g_autoptr(GPtrArray) terms = split_terms (text);
  g_autoptr(GString) query = NULL;

  if (terms->len == 0)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      if (i > 0)
        g_string_append (query, " AND ");
      /* a folded term holds only letters and digits: no quote to escape */
      g_string_append_printf (query, "\"%s\"", (const char *) g_ptr_array_index (terms, i));
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * fg_search_build_terms: (skip)
 * @text: what the user typed
 *
 * The terms of @text for fg_search_contains(), the SQL function that
 * answers what venue_fts MATCH fg_search_build_match (@text) answers, one
 * venue at a time: folded, separated by single spaces.
 *
 * Returns: (transfer full) (nullable): the terms, or %NULL when @text
 *   holds nothing searchable
 */
char *
fg_search_build_terms (const char *text)
{
  g_autoptr(GPtrArray) terms = split_terms (text);

  if (terms->len == 0)
    return NULL;

  g_ptr_array_add (terms, NULL);
  return g_strjoinv (" ", (char **) terms->pdata);
}
