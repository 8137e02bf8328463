/* fg-cli-account.c — account list, add, passwd, reset, disable, enable, certificate
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* Before a new password is asked for: a person whose role may not manage
 * accounts hears so (from the core, which audits the refusal) before
 * typing it twice in vain. */
static gboolean
check_may_manage (FgStore  *store,
                  FgActor  *actor,
                  GError  **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (fg_actor_can (actor, FG_ACTION_ACCOUNT_MANAGE) ||
      g_getenv (FG_CLI_NEW_PASSWORD_VARIABLE) != NULL)
    return TRUE;

  accounts = fg_account_list (store, actor, error);
  return accounts != NULL;
}

static char *
describe_roles (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (FgRole role = 0; role < FG_N_ROLES; role++)
    g_string_append_printf (text, "\n  %-18s %s", fg_role_to_string (role), fg_role_get_label (role));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
parse_role (const char  *text,
            FgRole      *role,
            GError     **error)
{
  g_autoptr(GString) ids = NULL;

  if (fg_role_from_string (text, role))
    return TRUE;

  ids = g_string_new (NULL);
  for (FgRole r = 0; r < FG_N_ROLES; r++)
    g_string_append_printf (ids, "%s%s", r > 0 ? ", " : "", fg_role_to_string (r));

  /* TRANSLATORS: the roles' ids, then what was given */
  fg_cli_set_usage_error (error, _("--role takes %s, not “%s”."), ids->str, text);
  return FALSE;
}

/* Commands that name one account take its login, and nothing else. */
static gboolean
parse_login_argument (FgCli       *cli,
                      const char  *command_path,
                      const char  *summary,
                      const char  *description,
                      int          argc,
                      char       **argv,
                      GError     **error)
{
  g_autoptr(GOptionContext) context = NULL;

  context = fg_cli_option_context_new (cli, command_path, _("LOGIN"), summary, description, NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the account’s login."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
account_list (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "account list", "",
                                       _("Lists the accounts that may log in, or could before "
                                         "they were switched off: for the township administrator."),
                                       _("With --format tsv, each line holds: login, name, role "
                                         "(township-admin, township-staff, grid-worker, "
                                         "village-committee or county), area code, area name, "
                                         "1 if the account is switched on, else 0, and the number of "
                                         "the person’s enforcement certificate (empty when none); "
                                         "tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  accounts = fg_account_list (store, actor, error);
  if (accounts == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
    }
  else
    {
      table = fg_cli_table_new ();
      fg_cli_table_add_column (table, _("Login"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, C_("person", "Name"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Role"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Area"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Code"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Active"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Certificate"), FG_CLI_ALIGN_LEFT, FALSE);
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      FgAccount *account = g_ptr_array_index (accounts, i);
      g_autoptr(FgRegion) area = fg_region_lookup (store, actor,
                                                   fg_account_get_scope_region_id (account),
                                                   NULL);
      const char *code = area != NULL ? fg_region_get_code (area) : "";
      gboolean active = fg_account_get_active (account);

      if (tsv != NULL)
        fg_cli_tsv_append_row (tsv, 7,
                               fg_account_get_login (account),
                               fg_account_get_display_name (account),
                               fg_role_to_string (fg_account_get_role (account)),
                               code,
                               fg_account_get_scope_name (account),
                               active ? "1" : "0",
                               fg_account_get_certificate (account));
      else
        fg_cli_table_add_row (table,
                              fg_account_get_login (account),
                              fg_account_get_display_name (account),
                              fg_role_get_label (fg_account_get_role (account)),
                              fg_account_get_scope_label (account),
                              code,
                              active ? _("yes") : _("no (switched off)"),
                              fg_account_get_certificate (account));
    }

  if (tsv != NULL)
    fg_cli_print (tsv->str);
  else
    fg_cli_table_print (table);

  return TRUE;
}

static gboolean
account_add (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgCliPassword) password = NULL;
  g_autoptr(FgAccount) account = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *area = NULL;
  g_autofree char *roles = describe_roles ();
  g_autofree char *description = NULL;
  FgStore *store;
  FgActor *actor;
  FgRole role;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("The person’s name, e.g. 王丽 (required)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text,
      N_("The role (required; see below)"), N_("ROLE") },
    { "area", 0, 0, G_OPTION_ARG_FILENAME, &area,
      N_("The part of the tree the account covers: the code of the township, a village, "
         "a grid or the county (required)"), N_("CODE") },
    { NULL }
  };

  description = g_strdup_printf ("%s%s\n\n%s",
                                 _("Roles:"), roles,
                                 _("Township roles cover the township, a grid worker one grid, "
                                   "a village committee its village, the county its county.\n"
                                   "The password is read from FIREGRID_NEW_PASSWORD, or asked for "
                                   "twice; give it to the person, who changes it with "
                                   "“firegrid-cli account passwd”."));
  context = fg_cli_option_context_new (cli, "account add", _("LOGIN"),
                                       _("Creates an account: for the township administrator. "
                                         "A login has Latin letters, digits, dots, dashes and "
                                         "underscores, e.g. wang.li."),
                                       description, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_check_text ("--name", name, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the new account’s login."));
      return FALSE;
    }
  if (name == NULL || role_text == NULL || area == NULL)
    {
      fg_cli_set_usage_error (error, _("Give --name, --role and --area."));
      return FALSE;
    }
  if (!parse_role (role_text, &role, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !check_may_manage (store, actor, error))
    return FALSE;

  password = fg_cli_password_read_new (FG_CLI_NEW_PASSWORD_VARIABLE, argv[1], error);
  if (password == NULL)
    return FALSE;

  account = fg_account_create (store, actor, argv[1], name, role, area, password, error);
  if (account == NULL)
    return FALSE;

  /* TRANSLATORS: login, the person's name, role, the area the account covers */
  printf (_("Account %s for %s: %s of %s.\n"),
          fg_account_get_login (account), fg_account_get_display_name (account),
          fg_role_get_label (fg_account_get_role (account)),
          fg_account_get_scope_label (account));
  return TRUE;
}

static gboolean
account_passwd (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgCliPassword) password = NULL;
  FgStore *store;
  FgActor *actor;

  context = fg_cli_option_context_new (cli, "account passwd", "",
                                       _("Changes the password of the account of --user."),
                                       _("The current password is the one given to log in "
                                         "(FIREGRID_PASSWORD, or asked for); the new one is read "
                                         "from FIREGRID_NEW_PASSWORD, or asked for twice."),
                                       NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  /* without an account (no --user on a database without accounts), the
   * core says what is needed before any password is asked for */
  if (fg_actor_get_account_id (actor) == NULL)
    return fg_account_change_password (store, actor, "", "", error);

  password = fg_cli_password_read_new (FG_CLI_NEW_PASSWORD_VARIABLE, fg_actor_get_login (actor), error);
  if (password == NULL ||
      !fg_account_change_password (store, actor, cli->password, password, error))
    return FALSE;

  printf ("%s\n", _("The password is changed."));
  return TRUE;
}

static gboolean
account_reset (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(FgCliPassword) password = NULL;
  FgStore *store;
  FgActor *actor;

  if (!parse_login_argument (cli, "account reset",
                             _("Gives an account a new password, for a person who forgot "
                               "theirs or was locked out: for the township administrator."),
                             _("The new password is read from FIREGRID_NEW_PASSWORD, or asked "
                               "for twice. A lock after wrong passwords is lifted."),
                             argc, argv, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !check_may_manage (store, actor, error))
    return FALSE;

  password = fg_cli_password_read_new (FG_CLI_NEW_PASSWORD_VARIABLE, argv[1], error);
  if (password == NULL ||
      !fg_account_reset_password (store, actor, argv[1], password, error))
    return FALSE;

  /* TRANSLATORS: a login */
  printf (_("%s has a new password.\n"), argv[1]);
  return TRUE;
}

static gboolean
set_active (FgCli        *cli,
            int           argc,
            char        **argv,
            gboolean      active,
            GError      **error)
{
  FgStore *store;
  FgActor *actor;
  gboolean parsed;

  if (active)
    parsed = parse_login_argument (cli, "account enable",
                                   _("Switches an account on again, so that it may log in."),
                                   NULL, argc, argv, error);
  else
    parsed = parse_login_argument (cli, "account disable",
                                   _("Switches an account off: the person can no longer log in."),
                                   _("Accounts are never deleted, so that the records keep "
                                     "saying who did what. The last township administrator "
                                     "stays on."),
                                   argc, argv, error);

  if (!parsed ||
      !fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_account_set_active (store, actor, argv[1], active, error))
    return FALSE;

  /* TRANSLATORS: a login */
  printf (active ? _("%s is switched on.\n") : _("%s is switched off.\n"), argv[1]);
  return TRUE;
}

static gboolean
account_disable (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  return set_active (cli, argc, argv, FALSE, error);
}

static gboolean
account_enable (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  return set_active (cli, argc, argv, TRUE, error);
}

static gboolean
account_certificate (FgCli   *cli,
                     int      argc,
                     char   **argv,
                     GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgAccount) account = NULL;
  FgStore *store;
  FgActor *actor;

  context = fg_cli_option_context_new (cli, "account certificate", _("LOGIN NUMBER"),
                                       _("Records the number of an officer’s enforcement certificate "
                                         "(执法证号), printed with their name on the records of the "
                                         "inspections they make."),
                                       _("An inspection record names two officers, each with their "
                                         "certificate number: an inspector chooses a second officer only "
                                         "when both accounts hold one. Give \"\" as NUMBER to remove it. "
                                         "Only township and county accounts hold one."),
                                       NULL);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error))
    return FALSE;
  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the account’s login and the certificate number."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_account_set_certificate (store, actor, argv[1], argv[2], error))
    return FALSE;

  /* TRANSLATORS: a login */
  printf (*g_strstrip (argv[2]) != '\0' ? _("%s’s certificate number is recorded.\n")
                                         : _("%s’s certificate number is removed.\n"), argv[1]);
  return TRUE;
}

static const FgCliCommand account_commands[] = {
  { "list", N_("List the accounts"), account_list },
  { "add", N_("Create an account"), account_add },
  { "passwd", N_("Change your own password"), account_passwd },
  { "reset", N_("Give an account a new password"), account_reset },
  { "disable", N_("Switch an account off"), account_disable },
  { "enable", N_("Switch an account on again"), account_enable },
  { "certificate", N_("Record an officer’s enforcement certificate number"), account_certificate },
};

gboolean
fg_cli_command_account (FgCli   *cli,
                        int      argc,
                        char   **argv,
                        GError **error)
{
  return fg_cli_run_group (cli, "account",
                           _("Manages who may log in, with which role, for which part of the "
                             "township. Once the database has accounts, each command needs "
                             "--user LOGIN; all but passwd are for the township administrator."),
                           account_commands, G_N_ELEMENTS (account_commands),
                           argc, argv, error);
}
