/* fg-cli-escalation.c — escalation rules show|load|reset: the office's own escalation rules
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
rules_show (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *source = NULL;
  g_autofree char *loaded_at = NULL;
  g_autofree char *loaded_by = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "escalation rules show", "",
                                       _("Prints the escalation rules in effect: the office’s own, or those "
                                         "shipped with the program."),
                                       _("The rules are printed as XML, ready to be saved, changed and loaded "
                                         "with “escalation rules load”; where they came from is written to the "
                                         "error output."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  xml = fg_escalation_rules_dup_xml (store, &source, &loaded_at, &loaded_by, error);
  if (xml == NULL)
    return FALSE;
  if (source != NULL)
    /* TRANSLATORS: a file name, a time, a login */
    fprintf (stderr, _("The office’s own rules, loaded from “%s” on %s by %s.\n"), source, loaded_at, loaded_by);
  else
    fprintf (stderr, "%s\n", _("The rules shipped with the program."));
  fg_cli_print (xml);
  return TRUE;
}

static gboolean
rules_load (FgCli   *cli,
            int      argc,
            char   **argv,
            GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  FgStore *store;
  FgActor *actor;
  char *data;
  gsize length;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "escalation rules load", _("FILE"),
                                       _("Makes the rules in FILE the office’s own escalation rules."),
                                       _("FILE is written as the program’s data/escalation/rules.xml (print it "
                                         "with “escalation rules show”): the steps an overdue order climbs and "
                                         "their working days, the months within which a repeated failure counts, "
                                         "the working days for the office’s re-inspection. It is checked against "
                                         "the rules’ schema; rules refused change nothing. The next run of "
                                         "“escalate” and the ledger use them. Needs an administrator."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the file of the rules."));
      return FALSE;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &read_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("The rules could not be read: %s"),
                   read_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (data, length);
  name = g_path_get_basename (argv[1]);

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_escalation_rules_load (store, actor, bytes, name, error))
    return FALSE;

  printf ("%s\n", _("The office’s own escalation rules are loaded."));
  return TRUE;
}

static gboolean
rules_reset (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "escalation rules reset", "",
                                       _("Drops the office’s own escalation rules: those shipped with the "
                                         "program hold again."),
                                       _("Needs an administrator."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_escalation_rules_reset (store, actor, error))
    return FALSE;

  printf ("%s\n", _("The escalation rules shipped with the program hold."));
  return TRUE;
}

static const FgCliCommand rules_commands[] = {
  { "show", N_("Print the escalation rules in effect"), rules_show },
  { "load", N_("Load the office’s own escalation rules from a file"), rules_load },
  { "reset", N_("Go back to the escalation rules shipped with the program"), rules_reset },
};

static gboolean
escalation_rules (FgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  return fg_cli_run_group (cli, "escalation rules",
                           _("The rules that press overdue orders up the chain."),
                           rules_commands, G_N_ELEMENTS (rules_commands),
                           argc, argv, error);
}

static const FgCliCommand escalation_commands[] = {
  { "rules", N_("Show, load or reset the office’s escalation rules"), escalation_rules },
};

gboolean
fg_cli_command_escalation (FgCli   *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  return fg_cli_run_group (cli, "escalation",
                           _("The escalation rules (“escalate” applies them)."),
                           escalation_commands, G_N_ELEMENTS (escalation_commands),
                           argc, argv, error);
}
