/* fg-credit-code.c — 统一社会信用代码 (GB 32100-2015) and its check character
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-credit-code.h"
#include "fg-venue.h"

/* GB 32100-2015: 18 characters from these 31 (no I, O, S, V, Z); the last
 * one is a check character over the first 17 with these weights. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
char_value (char c)
{
  const char *p = c != '\0' ? strchr (alphabet, c) : NULL;
  return p != NULL ? (int) (p - alphabet) : -1;
}

/**
 * fg_credit_code_check_char:
 * @first17: the first 17 characters of a credit code
 *
 * Returns: the check character the 18th position must hold, or '\0' if
 *   @first17 holds a character outside the code's alphabet
 */
char
fg_credit_code_check_char (const char *first17)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (first17 != NULL, '\0');

  for (guint i = 0; i < 17; i++)
    {
      int value = char_value (first17[i]);

      if (value < 0)
        return '\0';
      sum += value * weights[i];
    }

  check = (31 - sum % 31) % 31;
  return alphabet[check];
}

/**
 * fg_credit_code_normalize:
 * @text: a unified social credit code as typed
 * @error: return location for an error
 *
 * Checks a unified social credit code (统一社会信用代码): 18 characters
 * with its check character. Spaces are dropped and letters upper-cased.
 *
 * Returns: (transfer full): the code, or %NULL with @error set
 */
char *
fg_credit_code_normalize (const char  *text,
                          GError     **error)
{
  g_autoptr(GString) code = g_string_new (NULL);
  char expected;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (code, g_ascii_toupper (*p));

  if (code->len != 18)
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CREDIT_CODE,
                   _("A unified social credit code has 18 characters; this one has %u."),
                   (guint) g_utf8_strlen (code->str, -1));
      return NULL;
    }

  for (guint i = 0; i < 18; i++)
    {
      if (char_value (code->str[i]) < 0)
        {
          g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CREDIT_CODE,
                       _("A unified social credit code has digits and the capital letters "
                         "A–Y except I, O, S and V. Check the character at position %u."),
                       i + 1);
          return NULL;
        }
    }

  expected = fg_credit_code_check_char (code->str);
  if (code->str[17] != expected)
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CREDIT_CODE,
                   _("This unified social credit code is not valid: its last character "
                     "does not match the others. Check it against the business licence."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&code), FALSE);
}
