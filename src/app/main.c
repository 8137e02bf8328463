/* main.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "fg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FgApplication) app = NULL;
  const char *localedir;

  /* Running from the build tree, the dev script points us at the freshly
   * compiled catalogues instead of the installed ones. */
  localedir = g_getenv ("FIREGRID_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = fg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
