/* fg-cli-setup.c — init and demo: making a database a township's
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "fg-cli.h"

/* fg_demo_populate() commits and reports its work in batches of this size */
#define DEMO_PROGRESS_BATCH 20000

gboolean
fg_cli_command_init (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *township_code = NULL;
  g_autofree char *township_name = NULL;
  g_autofree char *county_name = NULL;
  g_autofree char *code = NULL;
  g_autoptr(FgRegion) township = NULL;
  FgStore *store;
  gboolean created = FALSE;
  const GOptionEntry entries[] = {
    { "township", 0, 0, G_OPTION_ARG_FILENAME, &township_code,
      N_("The township’s 9- or 12-digit division code (required)"), N_("CODE") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &township_name,
      N_("The township’s name, e.g. 冢头镇 (required)"), N_("NAME") },
    { "county-name", 0, 0, G_OPTION_ARG_FILENAME, &county_name,
      N_("The county’s name, e.g. 郏县"), N_("NAME") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "init", "",
                                       _("Sets up a new database for a township office: "
                                         "the county and the township, the root of every record."),
                                       _("Add villages and grids afterwards with “firegrid-cli region add”.\n"
                                         "The division code is the township’s statistical division code "
                                         "(统计用区划代码), e.g. 410425101."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_check_text ("--name", township_name, error) ||
      !fg_cli_check_text ("--county-name", county_name, error))
    return FALSE;

  if (township_code == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the township’s division code with --township."));
      return FALSE;
    }
  if (township_name == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the township’s name with --name."));
      return FALSE;
    }

  /* A wrong code is refused before a database file is created. */
  code = fg_division_code_normalize (township_code, FG_REGION_LEVEL_TOWNSHIP, NULL, error);
  if (code == NULL)
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_OR_CREATE, &created, error);
  if (store == NULL)
    goto failed;

  if (!fg_region_set_up_township (store, fg_cli_get_actor (cli), code, township_name,
                                  county_name, error))
    goto failed;

  township = fg_region_lookup (store, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    goto failed;

  /* TRANSLATORS: township name, its division code, the database file */
  printf (_("%s (%s) is set up in %s.\n"),
           fg_region_get_name (township), fg_region_get_code (township),
           fg_store_get_path (store));
  return TRUE;

failed:
  if (created)
    fg_cli_discard_database (cli);
  return FALSE;
}

typedef struct
{
  GTimer *timer;
  gboolean to_terminal;
  gboolean shown;
} DemoProgress;

static void
demo_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  DemoProgress *progress = user_data;

  /* TRANSLATORS: venues done, venues in all, seconds so far */
  fprintf (stderr, _("Registered %u of %u venues (%.0f s)…"),
           done, total, g_timer_elapsed (progress->timer, NULL));
  fputs (progress->to_terminal && done < total ? "\r" : "\n", stderr);
  fflush (stderr);
  progress->shown = TRUE;
}

gboolean
fg_cli_command_demo (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *venues_text = NULL;
  g_autofree char *description = NULL;
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint n_venues = FG_DEMO_DEFAULT_VENUES;
  DemoProgress progress = { 0 };
  FgStore *store;
  gboolean created = FALSE;
  const GOptionEntry entries[] = {
    { "venues", 0, 0, G_OPTION_ARG_STRING, &venues_text,
      N_("How many venues to register"), N_("N") },
    { NULL }
  };

  description = g_strdup_printf (_("Only a new database can take the demo: name one with --db.\n"
                                   "The default is %u venues; a million take a few minutes, "
                                   "with progress shown every %u."),
                                 FG_DEMO_DEFAULT_VENUES, DEMO_PROGRESS_BATCH);
  context = fg_cli_option_context_new (cli, "demo", "",
                                       _("Creates the demo township 冢头镇 of 郏县 with villages, "
                                         "grids and made-up venues, the same venues every time for the same number."),
                                       description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (venues_text != NULL &&
      !fg_cli_parse_uint ("--venues", venues_text, G_MAXINT32, &n_venues, error))
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_OR_CREATE, &created, error);
  if (store == NULL)
    goto failed;

  timer = g_timer_new ();
  progress.timer = timer;
#ifdef G_OS_UNIX
  progress.to_terminal = isatty (STDERR_FILENO);
#endif

  if (!fg_demo_populate (store, fg_cli_get_actor (cli), n_venues,
                         n_venues > DEMO_PROGRESS_BATCH ? demo_progress : NULL, &progress,
                         error))
    {
      if (progress.shown)
        fputc ('\n', stderr);
      goto failed;
    }

  township = fg_region_lookup (store, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    goto failed;

  /* TRANSLATORS: township name, number of venues, the database file */
  printf (g_dngettext (GETTEXT_PACKAGE, "Created the demo township %s with %u venue in %s.\n",
                        "Created the demo township %s with %u venues in %s.\n", n_venues),
           fg_region_get_name (township), n_venues, fg_store_get_path (store));
  return TRUE;

failed:
  /* a half-made demo is of no use; a file that was there stays */
  if (created)
    fg_cli_discard_database (cli);
  return FALSE;
}
