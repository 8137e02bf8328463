/* fg-cli-check.c — check [--repair]: whether what the database derives
 * still agrees with what it was derived from
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      FgIntegrityProblem *problem = g_ptr_array_index (problems, i);

      printf ("%s %s\n", problem->repairable ? "•" : "✗", problem->message);
    }
}

static guint
count_repairable (GPtrArray *problems)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    n += ((FgIntegrityProblem *) g_ptr_array_index (problems, i))->repairable;
  return n;
}

gboolean
fg_cli_command_check (FgCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gboolean repair = FALSE;
  guint n_repaired = 0;
  guint n_repairable;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
      N_("Put right what can be derived again from the records (the township administrator)"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "check", "",
                                       _("Checks that what the database keeps derived still agrees "
                                         "with what it was derived from."),
                                       _("Each hazard’s state, deadline and escalation are folded "
                                         "again from its events; the venue counts, the category "
                                         "index and the search index are made again from the "
                                         "venues; the tables, indexes and guards (which keep a "
                                         "finished inspection, a hazard’s events and an issued "
                                         "document unchanged) are compared with those this version "
                                         "makes; and SQLite checks the file. Anything that "
                                         "disagrees is listed, and the exit status is then 1.\n"
                                         "Lines marked • can be put right from the records with "
                                         "--repair (audited); lines marked ✗ cannot: restore the "
                                         "database from a backup.\n"
                                         "For the township administrator and the county."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  problems = repair ? fg_integrity_repair (store, actor, &n_repaired, error)
                    : fg_integrity_check (store, actor, error);
  if (problems == NULL)
    return FALSE;

  if (n_repaired > 0)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "Put right %u problem from the records.\n",
                         "Put right %u problems from the records.\n",
                         n_repaired),
            n_repaired);

  if (problems->len == 0)
    {
      printf ("%s\n", _("Everything the database derives agrees with what it was derived from."));
      return TRUE;
    }

  print_problems (problems);
  n_repairable = count_repairable (problems);
  g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u problem found.",
                            "%u problems found.",
                            problems->len),
               problems->len);
  if (n_repairable > 0 && !repair)
    g_prefix_error (error, "%s\n",
                    _("Run “firegrid-cli check --repair” as the administrator to put right those marked •."));
  return FALSE;
}
