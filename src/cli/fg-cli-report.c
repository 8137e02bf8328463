/* fg-cli-report.c — report townships: the county's ranking (乡镇排名);
 * report monthly: the monthly report (消防安全工作月报)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
parse_rank (const char    *text,
            FgReportRank  *rank_by,
            GError       **error)
{
  *rank_by = FG_REPORT_RANK_RECTIFICATION_RATE;
  if (text == NULL || fg_report_rank_from_string (text, rank_by))
    return TRUE;

  fg_cli_set_usage_error (error, _("--by takes rate, overdue, coverage, open or inspections, not “%s”."), text);
  return FALSE;
}

/* 0.5 → "50.0%"; nothing to take a share of → "—" */
static char *
format_share (double share)
{
  if (share < 0)
    return g_strdup ("—");
  /* Translators: a percentage in the township ranking, e.g. 66.7% */
  return g_strdup_printf (_("%.1f%%"), share * 100);
}

/* for programs: 0.5000, or empty */
static char *
format_share_tsv (double share)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (share < 0)
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", share));
}

/* 2026-11-29T13:27:01+08:00 → 2026-11-29 13:27 */
static char *
format_time (const char *iso8601)
{
  char *text;

  if (iso8601 == NULL || strlen (iso8601) < 16)
    return g_strdup ("—");
  text = g_strndup (iso8601, 16);
  text[10] = ' ';
  return text;
}

static char *
format_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

/* A township's figures as text, in the order of the columns from Rank to
 * Escalated; @share_text writes the two shares. */
typedef enum
{
  CELL_RANK,
  CELL_VENUES,
  CELL_INSPECTED,
  CELL_COVERAGE,
  CELL_INSPECTIONS,
  CELL_FOUND,
  CELL_CLOSED,
  CELL_RATE,
  CELL_OPEN,
  CELL_OVERDUE,
  CELL_MAJOR,
  CELL_ESCALATED,
  N_CELLS
} Cell;

static GStrv
figure_cells (FgTownshipFigures *t,
              char            *(*share_text) (double share))
{
  GStrv cells = g_new0 (char *, N_CELLS + 1);

  cells[CELL_RANK] = format_count (t->rank);
  cells[CELL_VENUES] = format_count (t->n_venues);
  cells[CELL_INSPECTED] = format_count (t->n_venues_inspected);
  cells[CELL_COVERAGE] = share_text (fg_township_figures_get_coverage (t));
  cells[CELL_INSPECTIONS] = format_count (t->n_inspections);
  cells[CELL_FOUND] = format_count (t->n_found);
  cells[CELL_CLOSED] = format_count (t->n_closed);
  cells[CELL_RATE] = share_text (fg_township_figures_get_rectification_rate (t));
  cells[CELL_OPEN] = format_count (t->n_open);
  cells[CELL_OVERDUE] = format_count (t->n_overdue);
  cells[CELL_MAJOR] = format_count (t->n_major);
  cells[CELL_ESCALATED] = format_count (t->n_escalated);
  return cells;
}

/* --format tsv: one line per township, shares from 0 to 1. */
static void
print_ranking_tsv (FgTownshipReport *report)
{
  g_autoptr(GString) tsv = g_string_new (NULL);

  for (guint i = 0; i < report->townships->len; i++)
    {
      FgTownshipFigures *t = g_ptr_array_index (report->townships, i);
      g_auto(GStrv) c = figure_cells (t, format_share_tsv);

      fg_cli_tsv_append_row (tsv, 15, c[CELL_RANK], t->code, t->name, c[CELL_VENUES], c[CELL_INSPECTED],
                             c[CELL_COVERAGE], c[CELL_INSPECTIONS], c[CELL_FOUND], c[CELL_CLOSED], c[CELL_RATE],
                             c[CELL_OPEN], c[CELL_OVERDUE], c[CELL_MAJOR], c[CELL_ESCALATED],
                             t->last_bundle_at != NULL ? t->last_bundle_at : "");
    }
  fputs (tsv->str, stdout);
}

/* The ranking as a table. On a terminal too narrow for it, the township's
 * name is cut down first, then the last bundle, Escalated, Major … are
 * left out, in that order. */
static void
print_ranking_table (FgTownshipReport *report)
{
  g_autoptr(FgCliTable) table = fg_cli_table_new ();
  guint column;

  fg_cli_table_add_column (table, C_("ranking column", "Rank"), FG_CLI_ALIGN_RIGHT, FALSE);
  column = fg_cli_table_add_column (table, C_("ranking column", "Township"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_set_fit (table, column, 6, 0);
  fg_cli_table_add_column (table, C_("ranking column", "Venues"), FG_CLI_ALIGN_RIGHT, FALSE);
  column = fg_cli_table_add_column (table, C_("ranking column", "Inspected"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 3);
  fg_cli_table_add_column (table, C_("ranking column", "Coverage"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (table, C_("ranking column", "Inspections"), FG_CLI_ALIGN_RIGHT, FALSE);
  column = fg_cli_table_add_column (table, C_("ranking column", "Found"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 1);
  column = fg_cli_table_add_column (table, C_("ranking column", "Closed"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 2);
  fg_cli_table_add_column (table, C_("ranking column", "Rate"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (table, C_("ranking column", "Open"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (table, C_("ranking column", "Overdue"), FG_CLI_ALIGN_RIGHT, FALSE);
  column = fg_cli_table_add_column (table, C_("ranking column", "Major"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 4);
  column = fg_cli_table_add_column (table, C_("ranking column", "Escalated"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 5);
  column = fg_cli_table_add_column (table, C_("ranking column", "Last bundle"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, column, 0, 6);

  for (guint i = 0; i < report->townships->len; i++)
    {
      FgTownshipFigures *t = g_ptr_array_index (report->townships, i);
      g_auto(GStrv) c = figure_cells (t, format_share);
      g_autofree char *last = format_time (t->last_bundle_at);

      fg_cli_table_add_row (table, c[CELL_RANK], t->name, c[CELL_VENUES], c[CELL_INSPECTED], c[CELL_COVERAGE],
                            c[CELL_INSPECTIONS], c[CELL_FOUND], c[CELL_CLOSED], c[CELL_RATE], c[CELL_OPEN],
                            c[CELL_OVERDUE], c[CELL_MAJOR], c[CELL_ESCALATED], last);
    }

  fg_cli_table_print (table);
}

static gboolean
report_townships (FgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgTownshipReport) report = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *by = NULL;
  g_autofree char *today_text = NULL;
  FgReportQuery query = { NULL, };
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period (YYYY-MM-DD); 1 January by default"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period (YYYY-MM-DD); today by default"), N_("DATE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Rank by rate (the default), overdue, coverage, open or inspections"), N_("FIGURE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the deadlines as on this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "report townships", "",
                                       _("Ranks the townships in your area by what they did over a period "
                                         "(this year up to today unless --from and --to say otherwise), "
                                         "best first; equal figures share a rank."),
                                       _("The figures: open venues; venues inspected at least once in the "
                                         "period, and their share of the open venues (coverage); inspections "
                                         "finished in the period; hazards found in the period, how many of "
                                         "them are closed, and that share (the rectification rate); and as "
                                         "of today, hazards not closed, overdue, confirmed major and "
                                         "escalated; and when the township’s last bundle arrived.\n"
                                         "--by rate and coverage rank the highest first, overdue and open "
                                         "the fewest, inspections the most.\n"
                                         "With --format tsv, each line holds: rank, township code, name, "
                                         "open venues, venues inspected, coverage (0 to 1, empty when there "
                                         "is no open venue), inspections, hazards found, closed, "
                                         "rectification rate (0 to 1, empty when none was found), open, "
                                         "overdue, major, escalated, last bundle (ISO 8601, empty if none); "
                                         "tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error) ||
      !parse_rank (by, &query.rank_by, error))
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

  query.from = from;
  query.to = to;
  query.today = today;
  report = fg_report_townships (store, actor, &query, error);
  if (report == NULL)
    {
      /* a day that does not exist is a mistake on the command line */
      if (error != NULL && *error != NULL && (*error)->domain == FG_REPORT_ERROR)
        {
          (*error)->domain = FG_CLI_ERROR;
          (*error)->code = FG_CLI_ERROR_USAGE;
        }
      return FALSE;
    }

  if (format == FG_CLI_FORMAT_TSV)
    {
      print_ranking_tsv (report);
      return TRUE;
    }

  /* Translators: above the township ranking: "Period: 2026-01-01 to 2026-11-29" */
  printf (_("Period: %s to %s\n"), report->from, report->to);
  printf (_("Ranked by: %s\n"), fg_report_rank_get_label (report->rank_by));

  if (report->townships->len == 0)
    {
      printf ("%s\n", _("No township has sent its records yet. Import a township’s bundle "
                        "(firegrid-cli import FILE) and run this again."));
      return TRUE;
    }

  print_ranking_table (report);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u township.\n", "%u townships.\n", report->townships->len),
          report->townships->len);
  return TRUE;
}

static gboolean
report_monthly (FgCli   *cli,
                int      argc,
                char   **argv,
                GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) first = NULL;
  g_autofree char *month = NULL;
  g_autofree char *region = NULL;
  g_autofree char *out = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *name = NULL;
  FgStatsReportQuery query = { NULL, };
  FgStatsReportFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month,
      N_("The month to report on (YYYY-MM); last month by default"), N_("MONTH") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("The region’s code; your own area by default"), N_("CODE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("The file to write: a name ending in .pdf or .xlsx"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the deadlines as on this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "report monthly", "",
                                       _("Writes the monthly fire safety work report (消防安全工作月报) of your "
                                         "area, or of --region, for a month: as an A4 PDF, or as a spreadsheet "
                                         "when --out ends in .xlsx."),
                                       _("The report holds the month’s figures beside the previous month’s, "
                                         "hazards found and closed over six months, the share of venues "
                                         "inspected in each village, the overdue and the major hazards, and the "
                                         "smoke alarm target by village. A county’s report sums its townships "
                                         "and says when each township’s last bundle arrived.\n"
                                         "The file is written whole or not at all."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say where to write the report with --out FILE.pdf or --out FILE.xlsx."));
      return FALSE;
    }
  if (!fg_stats_report_format_for_path (out, &format, error))
    {
      (*error)->domain = FG_CLI_ERROR;
      (*error)->code = FG_CLI_ERROR_USAGE;
      return FALSE;
    }
  if (month != NULL)
    {
      first = fg_stats_report_parse_month (month, error);
      if (first == NULL)
        {
          (*error)->domain = FG_CLI_ERROR;
          (*error)->code = FG_CLI_ERROR_USAGE;
          g_prefix_error (error, "--month: ");
          return FALSE;
        }
    }
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

  if (month == NULL)
    {
      g_autoptr(GDate) now = today != NULL ? g_date_copy (today) : fg_store_today (store);

      month = fg_stats_report_dup_previous_month (now);
    }

  query.region = region;
  query.month = month;
  query.today = today;
  if (!fg_stats_report_write (store, actor, &query, format, out, error))
    {
      /* a month not begun, or a code that does not exist, is a mistake on the command line */
      if (error != NULL && *error != NULL &&
          (((*error)->domain == FG_STATS_REPORT_ERROR && (*error)->code != FG_STATS_REPORT_ERROR_WRITE) ||
           (*error)->domain == FG_STATS_ERROR))
        {
          (*error)->domain = FG_CLI_ERROR;
          (*error)->code = FG_CLI_ERROR_USAGE;
        }
      return FALSE;
    }

  name = g_filename_display_name (out);
  /* Translators: after the monthly report is written: "The report for 2026-11 was written to report.pdf." */
  printf (_("The report for %s was written to %s.\n"), month, name);
  return TRUE;
}

static const FgCliCommand report_commands[] = {
  { "townships", N_("Rank the townships by their figures over a period"), report_townships },
  { "monthly", N_("Write the monthly report as a PDF or a spreadsheet"), report_monthly },
};

gboolean
fg_cli_command_report (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  return fg_cli_run_group (cli, "report",
                           _("Figures that compare townships, for a county office."),
                           report_commands, G_N_ELEMENTS (report_commands),
                           argc, argv, error);
}
