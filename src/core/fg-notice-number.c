/* fg-notice-number.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Document numbers (文书编号): 冢头消限字〔2026〕第0001号, that is the
 * issuing township's short name, the code of the kind of document, 字,
 * the year in 〔〕 and the document's place in its series. A series is
 * one township's documents of one kind in one year; how a number is
 * taken is said once, at fg_notice_number_allocate().
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-notice-private.h"
#include "fg-store-private.h"

/**
 * fg_notice_number_format:
 * @issuer_short: the township's short name in numbers (冢头)
 * @code: the kind's code (消限)
 * @year: the year of issue
 * @seq: the place in the series, from 1
 *
 * Returns: (transfer full): the number as documents print it,
 *   冢头消限字〔2026〕第0001号
 */
char *
fg_notice_number_format (const char *issuer_short,
                         const char *code,
                         int         year,
                         int         seq)
{
  return g_strdup_printf ("%s%s字〔%d〕第%04d号", issuer_short, code, year, seq);
}

/**
 * fg_notice_number_normalize:
 * @text: a number as someone typed it
 *
 * People type the brackets around the year as whatever their keyboard
 * has: [2026], (2026), （2026）, 【2026】 or ［2026］, and put spaces in.
 *
 * Returns: (transfer full): the number as documents print it, with
 *   〔〕 around the year and no spaces
 */
char *
fg_notice_number_normalize (const char *text)
{
  g_autoptr(GString) number = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == '[' || c == '(' || c == 0xFF08 /* （ */ || c == 0x3010 /* 【 */ || c == 0xFF3B /* ［ */)
        c = 0x3014;  /* 〔 */
      else if (c == ']' || c == ')' || c == 0xFF09 || c == 0x3011 || c == 0xFF3D)
        c = 0x3015;  /* 〕 */
      g_string_append_unichar (number, c);
    }

  return g_string_free (g_steal_pointer (&number), FALSE);
}

/* The brackets a typed number may have around its year (see
 * fg_notice_number_normalize()): in a name or a code they would make
 * numbers that cannot be found again. */
static gboolean
is_number_bracket (gunichar c)
{
  switch (c)
    {
    case '[': case ']': case '(': case ')':
    case 0x3014: case 0x3015:   /* 〔 〕 */
    case 0xFF08: case 0xFF09:   /* （ ） */
    case 0x3010: case 0x3011:   /* 【 】 */
    case 0xFF3B: case 0xFF3D:   /* ［ ］ */
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * fg_notice_number_check_part:
 * @text: (nullable): a township's short name, or the code of a kind
 * @max_length: in characters
 * @what: what @text is, as the error message names it
 *
 * Checks a text that goes into every number of a series. Digits belong
 * to the year and the sequence, brackets around the year and slashes
 * between the parts of a QR code's text; spaces are dropped from typed
 * numbers. None of them may be in the name or the code.
 *
 * Returns: whether @text can be part of a number; %FALSE with @error
 *   set (%FG_NOTICE_ERROR_INVALID) when it cannot
 */
gboolean
fg_notice_number_check_part (const char  *text,
                             guint        max_length,
                             const char  *what,
                             GError     **error)
{
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || *text == '\0' ||
      g_utf8_strlen (text, -1) > max_length)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The %s must have 1 to %u characters."), what, max_length);
      return FALSE;
    }
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || g_unichar_isdigit (c) || c == '/' ||
          is_number_bracket (c))
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("The %s may not contain spaces, digits, slashes or brackets."), what);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fg_notice_number_allocate:
 * @store: the store, inside the write transaction that stores the document
 * @settings: the township's document settings: its short name and the
 *   kind's code
 * @township_id: the township that issues the document
 * @kind: the kind of document
 * @year: the year of the day of issue
 * @seq: (out): the document's place in its series (notice.number_seq)
 * @error: return location for an error
 *
 * Allocates the number of a document being issued. The rule:
 *
 * - Numbers run per issuing township, kind of document and year, from
 *   第0001号 each year. A document dated back into last year takes last
 *   year's next number.
 * - The number is allocated in the same write transaction that stores
 *   the document: the next number is one more than the highest of the
 *   series, and it is taken only when that transaction commits. A
 *   refused or failed issue takes no number, so none is ever skipped;
 *   the transaction is BEGIN IMMEDIATE, so two connections never get the
 *   same one (and UNIQUE (township_id, kind, year, number_seq) in the
 *   table backs this).
 * - A voided document keeps its number and still counts in its series:
 *   a number is never given twice.
 * - Only the issuing township allocates its numbers. Documents that come
 *   in from other offices keep theirs; a bundle holding a number that is
 *   taken here already is refused (fg-bundle.c).
 *
 * Returns: (transfer full): the number as documents print it (see
 *   fg_notice_number_format()), or %NULL with @error set
 */
char *
fg_notice_number_allocate (FgStore                 *store,
                           const FgNoticeSettings  *settings,
                           const char              *township_id,
                           FgNoticeKind             kind,
                           int                      year,
                           int                     *seq,
                           GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (FG_IS_STORE (store));
  g_assert (settings != NULL && township_id != NULL && seq != NULL);
  g_assert (kind < FG_NOTICE_N_KINDS);
  /* outside a transaction, the number would be free again before the
   * document is stored */
  g_assert (!sqlite3_get_autocommit (fg_store_get_db (store)));

  stmt = fg_store_prepare (store,
                           "SELECT coalesce (max (number_seq), 0) + 1 FROM notice"
                           " WHERE township_id = ?1 AND kind = ?2 AND year = ?3",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, township_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_notice_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fg_store_set_error (store, sqlite3_errcode (fg_store_get_db (store)), error);
      return NULL;
    }
  *seq = sqlite3_column_int (stmt, 0);

  return fg_notice_number_format (settings->issuer_short, settings->codes[kind], year, *seq);
}
