/* fg-cli-ledger.c — ledger export: the ledgers (台账) and monthly tables
 * as spreadsheets or CSV
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
parse_kind (const char    *text,
            FgLedgerKind  *kind,
            GError       **error)
{
  if (fg_ledger_kind_from_string (text, kind))
    return TRUE;

  fg_cli_set_usage_error (error, _("There is no ledger “%s”. Choose venues, inspections, hazards, "
                                   "documents, villages or townships."), text);
  return FALSE;
}

static gboolean
choose_format (const char      *format_text,
               const char      *path,
               FgLedgerFormat  *format,
               GError         **error)
{
  if (format_text != NULL)
    {
      if (g_strcmp0 (format_text, "xlsx") == 0)
        *format = FG_LEDGER_FORMAT_XLSX;
      else if (g_strcmp0 (format_text, "csv") == 0)
        *format = FG_LEDGER_FORMAT_CSV;
      else
        {
          fg_cli_set_usage_error (error, _("--format takes xlsx or csv, not “%s”."), format_text);
          return FALSE;
        }
      return TRUE;
    }

  if (fg_ledger_format_for_path (path, format))
    return TRUE;

  fg_cli_set_usage_error (error, _("Name the file with .xlsx (a spreadsheet) or .csv, "
                                   "or say which with --format xlsx or --format csv."));
  return FALSE;
}

static gboolean
ledger_export (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *out = NULL;
  g_autofree char *region = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *name = NULL;
  FgLedgerQuery query = { 0, };
  FgLedgerFormat format;
  FgStore *store;
  FgActor *actor;
  guint n_rows = 0;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("The file to write: FILE.xlsx or FILE.csv"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“xlsx” or “csv”; by default the one --out’s name ends in"), N_("FORMAT") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("Only this township, village or grid (its code); all of your area by default"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period (YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period (YYYY-MM-DD)"), N_("DATE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the deadlines as on this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "ledger export", _("KIND"),
                                       _("Writes a ledger as the county asks for it: a spreadsheet (.xlsx) "
                                         "laid out for printing on A4, or CSV (UTF-8, which Excel and WPS "
                                         "open as it is). The file is written only once complete."),
                                       _("KIND is one of:\n"
                                         "  venues       the venue registry (场所台账), as it is today\n"
                                         "  inspections  the inspection ledger (检查记录台账): inspections "
                                         "finished in the period\n"
                                         "  hazards      the hazard rectification ledger (隐患整改台账): "
                                         "hazards found in the period\n"
                                         "  documents    the documents issued in the period\n"
                                         "  villages     the summary by village, with a total row: the month up "
                                         "to today unless --from and --to say otherwise\n"
                                         "  townships    the county’s ranking of townships: this year up "
                                         "to today unless --from and --to say otherwise\n"
                                         "Without --from and --to, the ledgers hold every record.\n"
                                         "The format follows the name of --out: .xlsx writes a spreadsheet, "
                                         ".csv a CSV file; --format xlsx or --format csv chooses either "
                                         "whatever the name."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Say which ledger to export: venues, inspections, hazards, "
                                       "documents, villages or townships."));
      return FALSE;
    }
  if (!parse_kind (argv[1], &query.kind, error))
    return FALSE;

  if (out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say where to write the ledger with --out FILE.xlsx or --out FILE.csv."));
      return FALSE;
    }
  if (!choose_format (format_text, out, &format, error))
    return FALSE;

  if (today_text != NULL)
    {
      today = fg_calendar_parse_date (today_text, error);
      if (today == NULL)
        {
          g_prefix_error (error, "--today: ");
          return FALSE;
        }
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  query.region = region;
  query.from = from;
  query.to = to;
  query.today = today;
  if (!fg_ledger_export (store, actor, &query, format, out, &n_rows, error))
    {
      /* a period or a code that does not exist is a mistake on the command line */
      if (error != NULL && *error != NULL &&
          ((*error)->domain == FG_LEDGER_ERROR && (*error)->code != FG_LEDGER_ERROR_WRITE))
        {
          (*error)->domain = FG_CLI_ERROR;
          (*error)->code = FG_CLI_ERROR_USAGE;
        }
      return FALSE;
    }

  name = g_filename_display_name (out);
  /* Translators: after an export: "Hazard rectification ledger: 120 rows written to ledger.xlsx." */
  printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u row written to %s.\n", "%s: %u rows written to %s.\n", n_rows),
          fg_ledger_kind_get_title (query.kind), n_rows, name);
  return TRUE;
}

static const FgCliCommand ledger_commands[] = {
  { "export", N_("Write a ledger as a spreadsheet (.xlsx) or CSV"), ledger_export },
};

gboolean
fg_cli_command_ledger (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  return fg_cli_run_group (cli, "ledger",
                           _("The ledgers (台账) and monthly tables, as files for the county."),
                           ledger_commands, G_N_ELEMENTS (ledger_commands),
                           argc, argv, error);
}
