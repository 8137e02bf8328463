/* fg-cli.c — firegrid-cli: the township's records without a window
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean command_help (FgCli *cli, int argc, char **argv, GError **error);

static const FgCliCommand commands[] = {
  { "init", N_("Set up a new database for a township"), fg_cli_command_init },
  { "demo", N_("Create a demo township with made-up venues"), fg_cli_command_demo },
  { "region", N_("List and change villages, communities and grids"), fg_cli_command_region },
  { "venue", N_("List, find, show, add and change venues"), fg_cli_command_venue },
  { "category", N_("List the venue categories and their ids"), fg_cli_command_category },
  { "checklist", N_("Show and check the checklist templates"), fg_cli_command_checklist },
  { "inspection", N_("Record, list and show inspections of venues"), fg_cli_command_inspection },
  { "hazard", N_("The hazard ledger: list, show and record events"), fg_cli_command_hazard },
  { "escalate", N_("Apply the escalation rules to overdue and repeated hazards"), fg_cli_command_escalate },
  { "escalation", N_("Show, load or reset the office’s own escalation rules"), fg_cli_command_escalation },
  { "notice", N_("Documents: issue, print, serve, void and verify"), fg_cli_command_notice },
  { "campaign", N_("Set up and list campaigns"), fg_cli_command_campaign },
  { "report", N_("Rank the townships, for a county office"), fg_cli_command_report },
  { "stats", N_("Show a region’s figures at a glance and the 2026 smoke alarm target"), fg_cli_command_stats },
  { "ledger", N_("Export the ledgers and monthly tables as spreadsheets or CSV"), fg_cli_command_ledger },
  { "node", N_("This installation: its identity and peer file"), fg_cli_command_node },
  { "peer", N_("The offices this installation syncs with"), fg_cli_command_peer },
  { "export", N_("Write a signed bundle for a peer"), fg_cli_command_export },
  { "import", N_("Check and apply a bundle from a peer"), fg_cli_command_import },
  { "verify", N_("Check a bundle’s signature"), fg_cli_command_verify },
  { "sync", N_("Process the peers’ sync folders once"), fg_cli_command_sync },
  { "calendar", N_("Count working days, with holidays and make-up days"), fg_cli_command_calendar },
  { "account", N_("List and manage the accounts that may log in"), fg_cli_command_account },
  { "audit", N_("Show what was done or refused, and by whom"), fg_cli_command_audit },
  { "check", N_("Check that what the database derives agrees with its records"), fg_cli_command_check },
  { "help", N_("Show the help of a command"), command_help },
};

static GOptionContext *
top_level_context_new (FgCli    *cli,
                       gboolean *version)
{
  g_autofree char *command_list = fg_cli_describe_commands (commands, G_N_ELEMENTS (commands));
  g_autofree char *description = NULL;
  GOptionContext *context;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the program’s version"), NULL },
    { NULL }
  };

  description = g_strdup_printf ("%s\n\n%s\n\n%s\n%s\n\n%s",
                                 command_list,
                                 _("Once the database has accounts, every command but init, demo, "
                                   "help, category list, checklist and calendar needs --user LOGIN. The password is read "
                                   "from the environment variable FIREGRID_PASSWORD, or asked for "
                                   "on the terminal."),
                                 _("Run “firegrid-cli COMMAND --help” for the options of a command."),
                                 _("Tab-separated output for programs: --format tsv."),
                                 _("Exit status: 0 on success, 1 when the work is refused "
                                   "(the message says why), 2 when the command line is wrong."));

  context = fg_cli_option_context_new (cli, NULL, _("COMMAND [ARGUMENT…]"),
                                       _("Keeps the fire-safety records of a township: "
                                         "its villages, grids and venues."),
                                       description, entries);
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

/* help COMMAND [SUBCOMMAND]: the same as COMMAND [SUBCOMMAND] --help */
static gboolean
command_help (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (argc < 2)
    {
      gboolean version = FALSE;
      g_autoptr(GOptionContext) context = top_level_context_new (cli, &version);
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fg_cli_print (help);
      return TRUE;
    }

  g_ptr_array_add (args, (char *) FG_CLI_PROGRAM_NAME);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, (char *) "--help");
  g_ptr_array_add (args, NULL);

  return fg_cli_dispatch (cli, commands, G_N_ELEMENTS (commands),
                          (int) args->len - 1, (char **) args->pdata, error);
}

static gboolean
run (FgCli   *cli,
     int      argc,
     char   **argv,
     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean version = FALSE;

  context = top_level_context_new (cli, &version);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error))
    return FALSE;

  if (version)
    {
      fg_cli_print (FG_CLI_PROGRAM_NAME " " PACKAGE_VERSION "\n");
      return TRUE;
    }

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Name a command, for example “venue list”."));
      return FALSE;
    }

  return fg_cli_dispatch (cli, commands, G_N_ELEMENTS (commands), argc, argv, error);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(FgCli) cli = { 0 };
  g_autoptr(GError) error = NULL;
  const char *localedir;
  gboolean ok;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("FIREGRID_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  /* messages are printed as UTF-8, like everything else (fg-cli-output.c) */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname (FG_CLI_PROGRAM_NAME);

  ok = run (&cli, argc, argv, &error);

  if (fflush (stdout) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (&error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The output could not be written: %s."), g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    {
      FgCliExit status = fg_cli_error_get_exit (error);

      fg_cli_add_advice (error);
      fprintf (stderr, "%s: %s\n", FG_CLI_PROGRAM_NAME, error->message);
      if (status == FG_CLI_EXIT_USAGE)
        {
          g_autofree char *command = g_strjoin (" ", FG_CLI_PROGRAM_NAME, cli.command_path, NULL);

          /* TRANSLATORS: %s is a command, e.g. “firegrid-cli venue add” */
          fprintf (stderr, _("Run “%s --help” for help.\n"), command);
        }
      return status;
    }

  return FG_CLI_EXIT_OK;
}
