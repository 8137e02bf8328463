/* fg-text-private.h — small checks on text a person typed
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text, valid UTF-8, holds nothing but white space. */
static inline gboolean
fg_text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

const char *fg_text_check_visible (const char *text);

G_END_DECLS
