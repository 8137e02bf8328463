/* fg-toast.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The windows say what became of a step in a toast. A window with its
 * own overlay and the preferences window (which libadwaita 1.2 gives an
 * overlay of its own, reached only through it) take them the same way.
 */
#include "config.h"

#include "fg-toast.h"

/**
 * fg_toast_show:
 * @where: an #AdwToastOverlay, or an #AdwPreferencesWindow
 * @text: what to say, a sentence
 * @timeout: for how many seconds; 0 until it is closed
 *
 * Shows @text in a toast over @where.
 */
void
fg_toast_show (GtkWidget  *where,
               const char *text,
               guint       timeout)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (where) || ADW_IS_PREFERENCES_WINDOW (where));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, timeout);
  if (ADW_IS_PREFERENCES_WINDOW (where))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (where), toast);
  else
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (where), toast);
}
