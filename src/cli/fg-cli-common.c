/* fg-cli-common.c — opening the database, logging in, parsing, dispatching, errors
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fg-cli.h"

G_DEFINE_QUARK (fg-cli-error-quark, fg_cli_error)

void
fg_cli_clear (FgCli *cli)
{
  g_clear_object (&cli->store);
  g_clear_pointer (&cli->actor, fg_actor_unref);
  g_clear_pointer (&cli->db_path, g_free);
  g_clear_pointer (&cli->user, g_free);
  g_clear_pointer (&cli->password, fg_cli_password_free);
  g_clear_pointer (&cli->db_option, g_free);
  g_clear_pointer (&cli->user_option, g_free);
  g_clear_pointer (&cli->db_help, g_free);
  g_clear_pointer (&cli->command_path, g_free);
}

/**
 * fg_cli_error_get_exit:
 *
 * Returns: the exit status for @error: 2 when the command line could not
 *   be understood, 1 when it was understood and the work refused
 */
FgCliExit
fg_cli_error_get_exit (const GError *error)
{
  if (g_error_matches (error, FG_CLI_ERROR, FG_CLI_ERROR_USAGE) ||
      error->domain == G_OPTION_ERROR)
    return FG_CLI_EXIT_USAGE;

  return FG_CLI_EXIT_REFUSED;
}

void
fg_cli_set_usage_error (GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (FG_CLI_ERROR, FG_CLI_ERROR_USAGE, format, args));
  va_end (args);
}

const char *
fg_cli_get_db_path (FgCli *cli)
{
  if (cli->db_path == NULL)
    cli->db_path = fg_store_get_default_path ();
  return cli->db_path;
}


/**
 * fg_cli_open_store:
 * @cli: the run
 * @mode: whether the database must exist and be set up
 * @created: (out) (optional): set to whether the file was created now
 * @error: return location for an error
 *
 * Opens the database named by --db, or the program's own. A command that
 * reads or changes a township never creates an empty file by mistake.
 *
 * Returns: (transfer none): the store, or %NULL with @error set
 */
FgStore *
fg_cli_open_store (FgCli          *cli,
                   FgCliOpenMode   mode,
                   gboolean       *created,
                   GError        **error)
{
  const char *path = fg_cli_get_db_path (cli);
  gboolean exists;

  if (created != NULL)
    *created = FALSE;
  if (cli->store != NULL)
    return cli->store;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && mode == FG_CLI_OPEN_SET_UP)
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("There is no database at “%s”. Set one up with “%s init” or “%s demo”, "
                     "or name another file with --db."),
                   path, FG_CLI_PROGRAM_NAME, FG_CLI_PROGRAM_NAME);
      return NULL;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("“%s” is a folder. Name the database file with --db."), path);
      return NULL;
    }

  /* a county's file can take minutes to bring up to date: say so first */
  if (exists && fg_store_needs_upgrade (path))
    fprintf (stderr, _("%s: bringing the database up to this version of Firegrid; on a large database this "
                       "takes some minutes. If it is stopped, nothing is lost: it carries on next time.\n"),
             FG_CLI_PROGRAM_NAME);

  cli->store = fg_office_open (path, error);
  if (cli->store == NULL)
    return NULL;
  if (created != NULL)
    *created = !exists;

  if (mode == FG_CLI_OPEN_SET_UP && !fg_store_is_set_up (cli->store))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The database “%s” has not been set up for a township yet. "
                     "Run “%s init” or “%s demo” first."),
                   path, FG_CLI_PROGRAM_NAME, FG_CLI_PROGRAM_NAME);
      return NULL;
    }
  if (mode == FG_CLI_OPEN_OR_CREATE && fg_store_is_set_up (cli->store))
    {
      g_autoptr(FgActor) installer = fg_actor_new_local ();
      g_autoptr(FgRegion) township = NULL;

      /* Which township, only while nobody need log in to read it: asking
       * the core otherwise would write a refusal into the audit log. */
      if (!fg_store_has_accounts (cli->store))
        township = fg_region_lookup (cli->store, installer,
                                     fg_store_get_home_region_id (cli->store), NULL);
      if (township != NULL)
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("The database “%s” is already set up for %s. "
                       "Name a new file with --db."),
                     path, fg_region_get_name (township));
      else
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("The database “%s” is already set up for a township. "
                       "Name a new file with --db."),
                     path);
      return NULL;
    }

  return cli->store;
}

/**
 * fg_cli_discard_database:
 * @cli: a run whose store was created by fg_cli_open_store() just now
 *
 * Closes and deletes the database, so that a failed set-up leaves nothing
 * behind. Call it only for a file this run created.
 */
void
fg_cli_discard_database (FgCli *cli)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  const char *path = fg_cli_get_db_path (cli);

  g_clear_object (&cli->store);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/**
 * fg_cli_get_actor:
 * @cli: a run whose store is open
 * @error: return location for an error
 *
 * Who the core calls are made for. Once the database has accounts, that
 * is the account --user names, logged in with its password (from
 * FIREGRID_PASSWORD, or typed); before, the person setting up, whom the
 * core allows everything only until the first account exists.
 *
 * Returns: (transfer none): the actor, or %NULL with @error set
 */
FgActor *
fg_cli_get_actor (FgCli   *cli,
                  GError **error)
{
  g_autoptr(FgCliPassword) password = NULL;

  g_assert (cli->store != NULL);

  if (cli->actor != NULL)
    return cli->actor;

  if (!fg_store_has_accounts (cli->store))
    {
      if (cli->user != NULL)
        {
          g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                       _("The database “%s” has no accounts yet, so nobody can log in as “%s”. "
                         "Leave out --user, and create the township administrator with "
                         "“%s account add LOGIN --role township-admin …”."),
                       fg_cli_get_db_path (cli), cli->user, FG_CLI_PROGRAM_NAME);
          return NULL;
        }
      cli->actor = fg_actor_new_local ();
      return cli->actor;
    }

  if (cli->user == NULL)
    {
      fg_cli_set_usage_error (error, _("This database has accounts: give --user LOGIN "
                                       "(the password is read from %s or asked for)."),
                              FG_CLI_PASSWORD_VARIABLE);
      return NULL;
    }

  password = fg_cli_password_read (FG_CLI_PASSWORD_VARIABLE, cli->user, error);
  if (password == NULL)
    return NULL;

  cli->actor = fg_account_login (cli->store, cli->user, password, error);
  if (cli->actor == NULL)
    return NULL;

  /* kept for “account passwd”, which needs it again */
  g_clear_pointer (&cli->password, fg_cli_password_free);
  cli->password = g_steal_pointer (&password);
  return cli->actor;
}

/**
 * fg_cli_load_venue:
 *
 * Loads a venue for the actor; an unknown id is refused with a hint at
 * where ids are found.
 *
 * Returns: (transfer full): the venue, or %NULL with @error set
 */
FgVenue *
fg_cli_load_venue (FgStore     *store,
                   FgActor     *actor,
                   const char  *id,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FgVenue *venue;

  venue = fg_venue_load (store, actor, id, &local_error);
  if (venue == NULL)
    {
      if (g_error_matches (local_error, FG_VENUE_ERROR, FG_VENUE_ERROR_NOT_FOUND))
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("There is no venue with the id “%s”. “firegrid-cli venue search TEXT” "
                       "shows the ids."),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return venue;
}

/**
 * fg_cli_option_context_new:
 * @cli: the run
 * @command_path: (nullable): the command, e.g. "venue add"; %NULL at the top
 * @parameter_string: what follows the options in the usage line, translated
 * @summary: (nullable): a sentence on what the command does, translated
 * @description: (nullable): text after the options, translated
 * @entries: (nullable): the command's options
 *
 * Every command takes --db and --user too, so they may follow the
 * command as well as precede it.
 *
 * Returns: (transfer full): the context
 */
GOptionContext *
fg_cli_option_context_new (FgCli              *cli,
                           const char         *command_path,
                           const char         *parameter_string,
                           const char         *summary,
                           const char         *description,
                           const GOptionEntry *entries)
{
  g_autofree char *prgname = NULL;
  GOptionContext *context;
  GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_option, NULL, N_("PATH") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &cli->user_option,
      N_("Log in as LOGIN (needed once the database has accounts; the password is read "
         "from FIREGRID_PASSWORD or asked for)"), N_("LOGIN") },
    { NULL }
  };

  if (cli->db_help == NULL)
    {
      g_autofree char *default_path = fg_store_get_default_path ();
      cli->db_help = g_strdup_printf (_("The database file (default: %s)"), default_path);
    }
  common_entries[0].description = cli->db_help;

  /* the usage line of --help names the command */
  prgname = command_path != NULL ? g_strdup_printf ("%s %s", FG_CLI_PROGRAM_NAME, command_path)
                                 : g_strdup (FG_CLI_PROGRAM_NAME);
  g_set_prgname (prgname);

  g_free (cli->command_path);
  cli->command_path = g_strdup (command_path);

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
fg_cli_option_context_parse (FgCli            *cli,
                             GOptionContext   *context,
                             int              *argc,
                             char           ***argv,
                             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_option_context_parse (context, argc, argv, &local_error))
    {
      g_set_error_literal (error, FG_CLI_ERROR, FG_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  if (cli->db_option != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&cli->db_option);
      if (*cli->db_path == '\0')
        {
          fg_cli_set_usage_error (error, _("--db needs the path of a database file."));
          return FALSE;
        }
    }

  if (cli->user_option != NULL)
    {
      g_free (cli->user);
      cli->user = g_steal_pointer (&cli->user_option);
      if (*cli->user == '\0')
        {
          fg_cli_set_usage_error (error, _("--user needs a login name."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * fg_cli_describe_commands:
 *
 * Returns: (transfer full): "Commands:" and one line per command with its
 *   summary, for the description of --help
 */
char *
fg_cli_describe_commands (const FgCliCommand *commands,
                          guint               n_commands)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; i < n_commands; i++)
    width = MAX (width, fg_cli_text_width (commands[i].name));

  for (guint i = 0; i < n_commands; i++)
    {
      g_string_append (text, "\n  ");
      fg_cli_append_padded (text, commands[i].name, width + 2);
      g_string_append (text, _(commands[i].summary));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * fg_cli_dispatch:
 * @cli: the run
 * @commands: the commands to choose from
 * @n_commands: how many
 * @argc: the arguments left after parsing the options before the command
 * @argv: argv[1] names the command
 * @error: return location for an error
 *
 * Runs the command argv[1] names with the arguments that follow it.
 */
gboolean
fg_cli_dispatch (FgCli              *cli,
                 const FgCliCommand *commands,
                 guint               n_commands,
                 int                 argc,
                 char              **argv,
                 GError            **error)
{
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Name a command."));
      return FALSE;
    }

  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (cli, argc - 1, argv + 1, error);

  fg_cli_set_usage_error (error, _("“%s” is not a command."), argv[1]);
  return FALSE;
}

/**
 * fg_cli_run_group:
 *
 * Runs a command that only groups others, such as "region": its own
 * options and --help, then the command named after it.
 */
gboolean
fg_cli_run_group (FgCli              *cli,
                  const char         *command_path,
                  const char         *summary,
                  const FgCliCommand *commands,
                  guint               n_commands,
                  int                 argc,
                  char              **argv,
                  GError            **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *command_list = fg_cli_describe_commands (commands, n_commands);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("%s\n\n%s", command_list,
                                 _("Each command has its own --help."));
  context = fg_cli_option_context_new (cli, command_path, _("COMMAND [ARGUMENT…]"),
                                       summary, description, NULL);
  /* options after the command belong to the command */
  g_option_context_set_strict_posix (context, TRUE);

  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error))
    return FALSE;

  return fg_cli_dispatch (cli, commands, n_commands, argc, argv, error);
}

/**
 * fg_cli_check_text:
 *
 * Options are read as bytes, so that Chinese arguments work even where
 * the locale is plain C (cron, a minimal container); this checks that
 * they are UTF-8.
 */
gboolean
fg_cli_check_text (const char  *option,
                   const char  *text,
                   GError     **error)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return TRUE;

  fg_cli_set_usage_error (error, _("The text given for %s is not UTF-8. Check the terminal’s encoding."),
                          option);
  return FALSE;
}

/**
 * fg_cli_confirm_deadline:
 * @hazard_ids: the hazards the deadline is for
 * @kind: the event that sets it (see fg_deadline_dup_warnings())
 * @today: (nullable): the day it is set; %NULL for today
 * @confirmed: whether --confirm was given
 *
 * Without --confirm, a deadline the core warns about (far beyond the
 * checklist's periods, or in a year whose holidays are not installed) is
 * refused, its warnings printed on standard error.
 */
gboolean
fg_cli_confirm_deadline (FgStore            *store,
                         FgActor            *actor,
                         const char * const *hazard_ids,
                         FgHazardEventKind   kind,
                         const GDate        *today,
                         const char         *deadline,
                         gboolean            confirmed,
                         GError            **error)
{
  g_autoptr(GDate) now = today != NULL ? g_date_copy (today) : fg_store_today (store);
  g_auto(GStrv) warnings = fg_deadline_dup_warnings (store, actor, hazard_ids, kind, now, deadline);

  /* once confirmed, a script's error output stays clean */
  if (warnings == NULL || warnings[0] == NULL || confirmed)
    return TRUE;

  for (guint i = 0; warnings[i] != NULL; i++)
    fprintf (stderr, _("%s: warning: %s\n"), FG_CLI_PROGRAM_NAME, warnings[i]);

  g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
               _("Nothing was done: check the deadline %s, and give --confirm to set it as it is."), deadline);
  return FALSE;
}

gboolean
fg_cli_check_extra_args (int      argc,
                         char   **argv,
                         int      n_wanted,
                         GError **error)
{
  if (argc - 1 <= n_wanted)
    return TRUE;

  fg_cli_set_usage_error (error, _("Unexpected argument “%s”."), argv[n_wanted + 1]);
  return FALSE;
}

/**
 * fg_cli_open_logged_in:
 *
 * Opens the set-up database and logs in (--user), as most commands begin.
 */
gboolean
fg_cli_open_logged_in (FgCli     *cli,
                       FgStore  **store,
                       FgActor  **actor,
                       GError   **error)
{
  *store = fg_cli_open_store (cli, FG_CLI_OPEN_SET_UP, NULL, error);
  if (*store == NULL)
    return FALSE;

  *actor = fg_cli_get_actor (cli, error);
  return *actor != NULL;
}

/**
 * fg_cli_check_campaign:
 *
 * Refuses a campaign id that names no campaign, with a message that says
 * how to find the ids (the core's own refusal speaks of the window).
 */
gboolean
fg_cli_check_campaign (FgStore     *store,
                       FgActor     *actor,
                       const char  *campaign_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) campaigns = fg_campaign_list (store, actor, error);

  if (campaigns == NULL)
    return FALSE;
  for (guint i = 0; i < campaigns->len; i++)
    if (g_str_equal (fg_campaign_get_id (g_ptr_array_index (campaigns, i)), campaign_id))
      return TRUE;

  g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
               _("There is no campaign with the id “%s”. “firegrid-cli campaign list” shows the ids."),
               campaign_id);
  return FALSE;
}

gboolean
fg_cli_parse_uint (const char  *option,
                   const char  *text,
                   guint        max,
                   guint       *value,
                   GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    {
      fg_cli_set_usage_error (error, _("%s takes a whole number from 0 to %u; “%s” is not one."),
                              option, max, text);
      return FALSE;
    }

  *value = (guint) number;
  return TRUE;
}

gboolean
fg_cli_parse_int (const char  *option,
                  const char  *text,
                  int         *value,
                  GError     **error)
{
  gint64 number;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
    {
      fg_cli_set_usage_error (error, _("%s takes a whole number; “%s” is not one."),
                              option, text);
      return FALSE;
    }

  *value = (int) number;
  return TRUE;
}

/* A floor area in square metres, written with a dot whatever the locale. */
gboolean
fg_cli_parse_area (const char  *option,
                   const char  *text,
                   double      *value,
                   GError     **error)
{
  char *end = NULL;
  double number;

  number = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (number) || number < 0)
    {
      fg_cli_set_usage_error (error, _("%s takes square metres as a number, for example 120 or 85.5; “%s” is not one."),
                              option, text);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

gboolean
fg_cli_parse_format (const char   *text,
                     FgCliFormat  *format,
                     GError      **error)
{
  *format = FG_CLI_FORMAT_TABLE;
  if (text == NULL || fg_cli_format_from_string (text, format))
    return TRUE;

  fg_cli_set_usage_error (error, _("--format takes “table” or “tsv”, not “%s”."), text);
  return FALSE;
}
