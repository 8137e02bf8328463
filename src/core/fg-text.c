/* fg-text.c — what a name may not hide
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One check for every name a person types and every name a bundle
 * brings: the keyboard and the bundle reader call the same function.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-text-private.h"

/* The characters that turn the direction of the text after them:
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * fg_text_check_visible: (skip)
 * @text: (nullable): a name, valid UTF-8
 *
 * A name shows what it holds: it carries no characters that turn the
 * direction of the text (a name that reads otherwise than it is stored),
 * and it is not made only of characters that show nothing (zero-width
 * spaces and joiners, white space): such a name looks empty, or like
 * another one, in every list.
 *
 * Returns: (nullable): why @text is refused, translated; %NULL when it is
 *   right (an empty @text is left to the caller's own check)
 */
const char *
fg_text_check_visible (const char *text)
{
  gboolean seen = FALSE;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_direction_control (c))
        return _("A name cannot contain characters that turn the direction of the text (U+202A to U+202E, "
                 "U+2066 to U+2069): it would read otherwise than it is stored. Type it again without them.");
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        seen = TRUE;
    }
  if (!seen)
    return _("A name made only of characters that show nothing (zero-width spaces or joiners) looks empty. "
             "Enter a name.");
  return NULL;
}
