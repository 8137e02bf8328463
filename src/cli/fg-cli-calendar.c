/* fg-cli-calendar.c — calendar workdays|install: working days and the holidays behind them
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
calendar_workdays (FgCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  int n;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "calendar workdays", _("FROM TO"),
                                       _("Counts the working days after FROM up to and including TO, "
                                         "with China’s public holidays and make-up working days (调休)."),
                                       _("Dates are written as year-month-day, e.g. 2026-09-30. "
                                         "The days off and worked weekend days between them are listed.\n"
                                         "With --format tsv: the count alone."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give two dates, e.g. “calendar workdays 2026-09-30 2026-10-12”."));
      return FALSE;
    }

  from = fg_calendar_parse_date (argv[1], error);
  if (from == NULL)
    return FALSE;
  to = fg_calendar_parse_date (argv[2], error);
  if (to == NULL)
    return FALSE;

  store = fg_cli_open_store (cli, FG_CLI_OPEN_SET_UP, NULL, error);
  if (store == NULL)
    return FALSE;

  n = fg_calendar_count_workdays (store, from, to);

  if (format == FG_CLI_FORMAT_TSV)
    {
      printf ("%d\n", n);
      return TRUE;
    }

  /* TRANSLATORS: a number of working days between two dates */
  printf (g_dngettext (GETTEXT_PACKAGE, "%d working day\n", "%d working days\n", ABS (n)), n);

  day = g_date_copy (g_date_compare (from, to) <= 0 ? from : to);
  while (g_date_compare (day, g_date_compare (from, to) <= 0 ? to : from) < 0)
    {
      g_autofree char *name = NULL;

      g_date_add_days (day, 1);
      name = fg_calendar_dup_day_name (store, day);
      if (name != NULL)
        {
          g_autofree char *text = fg_calendar_format_date (day);

          printf ("  %s  %s  %s\n", text,
                  fg_calendar_is_workday (store, day) ? _("worked") : _("day off"), name);
        }
    }

  for (int year = g_date_get_year (from); year <= g_date_get_year (to); year++)
    if (!fg_calendar_knows_year (store, year))
      /* TRANSLATORS: a year */
      fprintf (stderr, _("The holidays of %d are not known: only weekends count as days off.\n"), year);

  return TRUE;
}

static gboolean
calendar_install (FgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *name = NULL;
  FgStore *store;
  FgActor *actor;
  char *data;
  gsize length;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "calendar install", _("FILE"),
                                       _("Installs the public holidays and make-up working days of the years "
                                         "in FILE, replacing what the database has for those years."),
                                       _("For a year the program came without (the State Council publishes "
                                         "the next year’s arrangement each November), or a correction. FILE is "
                                         "written as the program’s own data/calendar/holidays-cn.xml and checked "
                                         "against its schema; all of it is installed, or nothing. Needs an "
                                         "administrator."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the calendar file."));
      return FALSE;
    }
  if (!g_file_get_contents (argv[1], &data, &length, &read_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("The calendar file could not be read: %s"),
                   read_error->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (data, length);
  name = g_path_get_basename (argv[1]);

  if (!fg_cli_open_logged_in (cli, &store, &actor, error) ||
      !fg_calendar_install_file (store, actor, bytes, name, &years, error))
    return FALSE;

  for (guint i = 0; i < years->len; i++)
    /* TRANSLATORS: a year */
    printf (_("The public holidays of %d are installed.\n"), g_array_index (years, int, i));
  if (years->len == 0)
    printf ("%s\n", _("The file holds no year: nothing was installed."));

  return TRUE;
}

static const FgCliCommand calendar_commands[] = {
  { "workdays", N_("Count the working days between two dates"), calendar_workdays },
  { "install", N_("Install the public holidays of a year from a file"), calendar_install },
};

gboolean
fg_cli_command_calendar (FgCli   *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  return fg_cli_run_group (cli, "calendar",
                           _("Working days, with public holidays and make-up working days."),
                           calendar_commands, G_N_ELEMENTS (calendar_commands),
                           argc, argv, error);
}
