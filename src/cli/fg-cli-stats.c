/* fg-cli-stats.c — stats: a region's figures at a glance, and the 2026 target
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

/* 0.5 → "50.0%"; nothing to take a share of → "—" */
static char *
format_share (guint n,
              guint of)
{
  double share = fg_stats_share (n, of);

  if (share < 0)
    return g_strdup ("—");
  /* Translators: a percentage among the statistics, e.g. 66.7% */
  return g_strdup_printf (_("%.1f%%"), share * 100);
}

/* for programs: 0.5000, or empty */
static char *
format_share_tsv (guint n,
                  guint of)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double share = fg_stats_share (n, of);

  if (share < 0)
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", share));
}

static char *
format_median (double days,
               gboolean tsv)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (days < 0)
    return g_strdup (tsv ? "" : "—");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", days));
}

static const char *
category_name (const char *id)
{
  const FgCategory *category = fg_category_lookup (id);

  return category != NULL ? fg_category_get_name (category) : id;
}

/* A line of the figures: a label, a count, and a share when there is one. */
static void
add_figure (FgCliTable *table,
            const char *label,
            guint       n,
            guint       of,
            gboolean    with_share)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *share = with_share ? format_share (n, of) : g_strdup ("");

  fg_cli_table_add_row (table, label, count, share);
}

static void
print_table (FgStats *s)
{
  g_autoptr(FgCliTable) figures = fg_cli_table_new ();
  g_autoptr(FgCliTable) kinds = fg_cli_table_new ();
  g_autoptr(FgCliTable) target = fg_cli_table_new ();
  g_autofree char *median = format_median (s->median_days_to_close, FALSE);
  g_autofree char *rate = format_share (s->n_found_closed, s->n_found);
  g_autofree char *found_closed = g_strdup_printf ("%u", s->n_found_closed);

  /* Translators: above the statistics: "冢头镇, 2026-11-01 to 2026-11-30 (as of 2026-12-07)" */
  printf (_("%s, %s to %s (as of %s)\n"), s->region_name, s->from, s->to, s->today);
  printf ("\n");

  fg_cli_table_add_column (figures, C_("stats column", "Figure"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (figures, C_("stats column", "Count"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (figures, C_("stats column", "Share"), FG_CLI_ALIGN_RIGHT, FALSE);
  add_figure (figures, _("Active venues"), s->n_venues, 0, FALSE);
  add_figure (figures, _("Inspected this month"), s->n_inspected_month, s->n_venues, TRUE);
  add_figure (figures, _("Inspected this quarter"), s->n_inspected_quarter, s->n_venues, TRUE);
  add_figure (figures, _("Inspected this year"), s->n_inspected_year, s->n_venues, TRUE);
  add_figure (figures, _("Inspected as often as planned"), s->n_on_target, s->n_venues, TRUE);
  add_figure (figures, _("Never inspected"), s->n_never_inspected, s->n_venues, TRUE);
  add_figure (figures, _("Inspections in the period"), s->n_inspections, 0, FALSE);
  add_figure (figures, _("Hazards found in the period"), s->n_found, 0, FALSE);
  fg_cli_table_add_row (figures, _("Of them closed (closure rate)"), found_closed, rate);
  add_figure (figures, _("Hazards closed in the period"), s->n_closed, 0, FALSE);
  fg_cli_table_add_row (figures, _("Median working days to close"), median, "");
  add_figure (figures, _("Open hazards"), s->n_open, 0, FALSE);
  add_figure (figures, _("  fixable on the spot"), s->n_open_on_spot, 0, FALSE);
  add_figure (figures, _("  to correct by a deadline"), s->n_open_deadline, 0, FALSE);
  add_figure (figures, _("  proposed as major"), s->n_open_major_proposed, 0, FALSE);
  add_figure (figures, _("  confirmed major"), s->n_open_major, 0, FALSE);
  add_figure (figures, _("Overdue"), s->n_overdue, 0, FALSE);
  add_figure (figures, _("Re-inspections late"), s->n_reinspection_late, 0, FALSE);
  add_figure (figures, _("Documents issued in the period"), s->n_notices, 0, FALSE);
  add_figure (figures, _("Documents not yet served"), s->n_unserved, 0, FALSE);
  fg_cli_table_print (figures);

  if (s->categories->len > 0)
    {
      printf ("\n");
      fg_cli_table_add_column (kinds, C_("stats column", "Category"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (kinds, C_("stats column", "Venues"), FG_CLI_ALIGN_RIGHT, FALSE);
      fg_cli_table_add_column (kinds, C_("stats column", "Key units"), FG_CLI_ALIGN_RIGHT, FALSE);
      fg_cli_table_add_column (kinds, C_("stats column", "Planned"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (kinds, C_("stats column", "On plan"), FG_CLI_ALIGN_RIGHT, FALSE);
      fg_cli_table_add_column (kinds, C_("stats column", "Share"), FG_CLI_ALIGN_RIGHT, FALSE);
      for (guint i = 0; i < s->categories->len; i++)
        {
          FgStatsCategory *c = g_ptr_array_index (s->categories, i);
          g_autofree char *n = g_strdup_printf ("%u", c->n_venues);
          g_autofree char *keys = g_strdup_printf ("%u", c->n_key_units);
          g_autofree char *on = g_strdup_printf ("%u", c->n_on_target);
          g_autofree char *share = format_share (c->n_on_target, c->n_venues);

          fg_cli_table_add_row (kinds, category_name (c->category), n, keys,
                                fg_stats_frequency_get_label (c->frequency), on, share);
        }
      fg_cli_table_print (kinds);
    }

  printf ("\n");
  /* Translators: the province's target for 2026 (河南意见 十八) */
  printf ("%s\n", _("2026 target: standalone smoke alarms and simple extinguishing equipment in family "
                    "workshops, street shops and old residential compounds"));
  if (s->villages->len == 0)
    {
      printf ("%s\n", _("No active venue of these kinds is registered here."));
      return;
    }
  fg_cli_table_add_column (target, C_("stats column", "Village"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (target, C_("stats column", "Venues"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (target, C_("stats column", "With alarm"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (target, C_("stats column", "Share"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (target, C_("stats column", "With equipment"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (target, C_("stats column", "Share"), FG_CLI_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < s->villages->len; i++)
    {
      FgStatsVillageTarget *v = g_ptr_array_index (s->villages, i);
      g_autofree char *n = g_strdup_printf ("%u", v->n_venues);
      g_autofree char *with = g_strdup_printf ("%u", v->n_smoke_alarms);
      g_autofree char *share = format_share (v->n_smoke_alarms, v->n_venues);
      g_autofree char *equipped = g_strdup_printf ("%u", v->n_simple_extinguishing);
      g_autofree char *equipped_share = format_share (v->n_simple_extinguishing, v->n_venues);

      fg_cli_table_add_row (target, v->name, n, with, share, equipped, equipped_share);
    }
  {
    g_autofree char *n = g_strdup_printf ("%u", s->n_target_venues);
    g_autofree char *with = g_strdup_printf ("%u", s->n_target_smoke_alarms);
    g_autofree char *share = format_share (s->n_target_smoke_alarms, s->n_target_venues);
    g_autofree char *equipped = g_strdup_printf ("%u", s->n_target_simple_extinguishing);
    g_autofree char *equipped_share = format_share (s->n_target_simple_extinguishing, s->n_target_venues);

    fg_cli_table_add_row (target, C_("stats row", "Total"), n, with, share, equipped, equipped_share);
  }
  fg_cli_table_print (target);
}

/* --format tsv: one figure a line, its key, its count and its share (0 to 1) */
static void
print_tsv (FgStats *s)
{
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_autofree char *median = format_median (s->median_days_to_close, TRUE);
  const struct
  {
    const char *key;
    guint n;
    guint of;
  } rows[] = {
    { "venues", s->n_venues, 0 },
    { "inspected-month", s->n_inspected_month, s->n_venues },
    { "inspected-quarter", s->n_inspected_quarter, s->n_venues },
    { "inspected-year", s->n_inspected_year, s->n_venues },
    { "on-plan", s->n_on_target, s->n_venues },
    { "never-inspected", s->n_never_inspected, s->n_venues },
    { "inspections", s->n_inspections, 0 },
    { "found", s->n_found, 0 },
    { "found-closed", s->n_found_closed, s->n_found },
    { "closed", s->n_closed, 0 },
    { "open", s->n_open, 0 },
    { "open-on-spot", s->n_open_on_spot, 0 },
    { "open-deadline", s->n_open_deadline, 0 },
    { "open-major-proposed", s->n_open_major_proposed, 0 },
    { "open-major", s->n_open_major, 0 },
    { "overdue", s->n_overdue, 0 },
    { "reinspection-late", s->n_reinspection_late, 0 },
    { "documents", s->n_notices, 0 },
    { "unserved", s->n_unserved, 0 },
    { "target-venues", s->n_target_venues, 0 },
    { "target-smoke-alarms", s->n_target_smoke_alarms, s->n_target_venues },
    { "target-simple-extinguishing", s->n_target_simple_extinguishing, s->n_target_venues },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", rows[i].n);
      g_autofree char *share = rows[i].of > 0 || rows[i].n == 0 ? format_share_tsv (rows[i].n, rows[i].of)
                                                                 : g_strdup ("");

      fg_cli_tsv_append_row (tsv, 3, rows[i].key, n, share);
    }
  fg_cli_tsv_append_row (tsv, 3, "median-days-to-close", median, "");
  for (guint i = 0; i < s->categories->len; i++)
    {
      FgStatsCategory *c = g_ptr_array_index (s->categories, i);
      g_autofree char *key = g_strconcat ("category:", c->category, NULL);
      g_autofree char *n = g_strdup_printf ("%u", c->n_venues);
      g_autofree char *share = format_share_tsv (c->n_on_target, c->n_venues);

      fg_cli_tsv_append_row (tsv, 3, key, n, share);
    }
  for (guint i = 0; i < s->villages->len; i++)
    {
      FgStatsVillageTarget *v = g_ptr_array_index (s->villages, i);
      g_autofree char *key = g_strconcat ("smoke-alarms:", v->code, NULL);
      g_autofree char *n = g_strdup_printf ("%u", v->n_venues);
      g_autofree char *share = format_share_tsv (v->n_smoke_alarms, v->n_venues);

      fg_cli_tsv_append_row (tsv, 3, key, n, share);
    }
  for (guint i = 0; i < s->villages->len; i++)
    {
      FgStatsVillageTarget *v = g_ptr_array_index (s->villages, i);
      g_autofree char *key = g_strconcat ("simple-extinguishing:", v->code, NULL);
      g_autofree char *n = g_strdup_printf ("%u", v->n_venues);
      g_autofree char *share = format_share_tsv (v->n_simple_extinguishing, v->n_venues);

      fg_cli_tsv_append_row (tsv, 3, key, n, share);
    }
  fputs (tsv->str, stdout);
}

static gboolean
print_lacking (FgStore      *store,
               FgActor      *actor,
               const char   *region,
               FgStatsLack   lack,
               FgCliFormat   format,
               GError      **error)
{
  g_autoptr(GPtrArray) venues = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  guint total = 0;

  venues = fg_stats_list_lacking (store, actor, region, lack, 0, G_MAXINT, &total, error);
  if (venues == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      tsv = g_string_new (NULL);
      for (guint i = 0; i < venues->len; i++)
        {
          FgStatsVenue *v = g_ptr_array_index (venues, i);

          fg_cli_tsv_append_row (tsv, 5, v->venue_id, v->village_name, v->category, v->name, v->address);
        }
      fputs (tsv->str, stdout);
      return TRUE;
    }

  if (venues->len == 0)
    {
      printf ("%s\n", lack == FG_STATS_LACK_SMOKE_ALARM
                         ? _("Every active family workshop, street shop and old residential compound here has a "
                             "standalone smoke alarm.")
                         : lack == FG_STATS_LACK_SIMPLE_EXTINGUISHING
                         ? _("Every active family workshop, street shop and old residential compound here has "
                             "simple extinguishing equipment.")
                         : _("Every active family workshop, street shop and old residential compound here has a "
                             "standalone smoke alarm and simple extinguishing equipment."));
      return TRUE;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, C_("stats column", "Village"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, C_("stats column", "Category"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, C_("stats column", "Venue"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, C_("stats column", "Address"), FG_CLI_ALIGN_LEFT, TRUE);
  for (guint i = 0; i < venues->len; i++)
    {
      FgStatsVenue *v = g_ptr_array_index (venues, i);

      fg_cli_table_add_row (table, v->village_name, category_name (v->category), v->name, v->address);
    }
  fg_cli_table_print (table);
  if (lack == FG_STATS_LACK_SMOKE_ALARM)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u venue without a standalone smoke alarm.\n",
                         "%u venues without a standalone smoke alarm.\n", total), total);
  else if (lack == FG_STATS_LACK_SIMPLE_EXTINGUISHING)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u venue without simple extinguishing equipment.\n",
                         "%u venues without simple extinguishing equipment.\n", total), total);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%u venue without a standalone smoke alarm or simple extinguishing "
                         "equipment.\n",
                         "%u venues without a standalone smoke alarm or simple extinguishing equipment.\n",
                         total), total);
  return TRUE;
}

/* YYYY-MM → its first day */
static GDate *
parse_month (const char  *text,
             GError     **error)
{
  g_autofree char *day = NULL;
  GDate *date = NULL;

  if (text != NULL && strlen (text) == 7 && text[4] == '-' && g_ascii_isdigit (text[0]) &&
      g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]))
    {
      day = g_strconcat (text, "-01", NULL);
      date = fg_calendar_parse_date (day, NULL);
    }
  if (date == NULL)
    fg_cli_set_usage_error (error, _("--month takes a month as year-month, for example 2026-11, not “%s”."),
                            text);
  return date;
}

static GDate *
parse_year (const char  *text,
            GError     **error)
{
  guint year = 0;

  if (text != NULL && strlen (text) == 4 && fg_cli_parse_uint ("--year", text, 2999, &year, NULL) &&
      year >= 2000)
    return g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) year);
  fg_cli_set_usage_error (error, _("--year takes a year, for example 2026, not “%s”."), text);
  return NULL;
}

static gboolean
stats_run (FgCli   *cli,
           int      argc,
           char   **argv,
           GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgStats) stats = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *region = NULL;
  g_autofree char *month = NULL;
  g_autofree char *quarter_day = NULL;
  g_autofree char *year = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *format_text = NULL;
  gboolean lacking = FALSE;
  g_autofree char *lacking_text = NULL;
  FgStatsLack lack = FG_STATS_LACK_SMOKE_ALARM;
  FgStatsQuery query = { NULL, };
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  guint n_periods;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("A county, township, village or grid (its code); your own area by default"), N_("CODE") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month,
      N_("The month (YYYY-MM); this month by default"), N_("MONTH") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter_day,
      N_("The quarter holding this day (YYYY-MM-DD)"), N_("DATE") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("The year (YYYY)"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("The first day of the period (YYYY-MM-DD), with --to"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("The last day of the period (YYYY-MM-DD), with --from"), N_("DATE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the deadlines as on this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { "lacking-alarms", 0, 0, G_OPTION_ARG_NONE, &lacking,
      N_("List the venues of the 2026 target still without a standalone smoke alarm"), NULL },
    { "lacking", 0, 0, G_OPTION_ARG_STRING, &lacking_text,
      N_("List the venues of the 2026 target still lacking a standalone smoke alarm (smoke-alarm), "
         "simple extinguishing equipment (simple-extinguishing) or either"), N_("WHICH") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "stats", "",
                                       _("Shows a region’s figures at a glance: its venues and how many "
                                         "were inspected, its hazards and how they were closed, the "
                                         "documents still to serve, and the 2026 target (smoke alarms, simple extinguishing equipment)."),
                                       _("The period is this month unless --month, --quarter, --year or "
                                         "--from and --to say otherwise; what is open, overdue or late is "
                                         "counted as of today. Active venues are those not closed, moved "
                                         "away or removed, counted in the village they are in now; "
                                         "inspections and hazards stay where they were made. A county "
                                         "counts its townships together.\n"
                                         "Inspected as often as planned: venues inspected within the "
                                         "office’s frequency for their kind (key units monthly, the nine "
                                         "small venues quarterly, the others yearly, unless the office "
                                         "set its own).\n"
                                         "With --format tsv, each line holds a figure’s key, its count and "
                                         "its share (0 to 1, empty when there is none), tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (lacking_text != NULL && (lacking || !fg_stats_lack_from_string (lacking_text, &lack)))
    {
      fg_cli_set_usage_error (error, _("--lacking takes smoke-alarm, simple-extinguishing or either, "
                                       "and not with --lacking-alarms."));
      return FALSE;
    }

  n_periods = (month != NULL) + (quarter_day != NULL) + (year != NULL) + (from != NULL || to != NULL);
  if (n_periods > 1)
    {
      fg_cli_set_usage_error (error, _("Give one period: --month, --quarter, --year, or --from with --to."));
      return FALSE;
    }
  if ((from != NULL) != (to != NULL))
    {
      fg_cli_set_usage_error (error, _("Give both --from and --to, or neither."));
      return FALSE;
    }

  query.period = FG_STATS_PERIOD_MONTH;
  if (month != NULL)
    {
      day = parse_month (month, error);
      if (day == NULL)
        return FALSE;
    }
  else if (quarter_day != NULL)
    {
      query.period = FG_STATS_PERIOD_QUARTER;
      day = fg_calendar_parse_date (quarter_day, error);
      if (day == NULL)
        {
          g_prefix_error (error, "--quarter: ");
          return FALSE;
        }
    }
  else if (year != NULL)
    {
      query.period = FG_STATS_PERIOD_YEAR;
      day = parse_year (year, error);
      if (day == NULL)
        return FALSE;
    }
  else if (from != NULL)
    {
      query.period = FG_STATS_PERIOD_RANGE;
      query.from = from;
      query.to = to;
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

  if (lacking || lacking_text != NULL)
    return print_lacking (store, actor, region, lack, format, error);

  query.region = region;
  query.day = day;
  query.today = today;
  stats = fg_stats_compute (store, actor, &query, error);
  if (stats == NULL)
    {
      /* a day or a code that does not exist is a mistake on the command line */
      if (error != NULL && *error != NULL && (*error)->domain == FG_STATS_ERROR)
        {
          (*error)->domain = FG_CLI_ERROR;
          (*error)->code = FG_CLI_ERROR_USAGE;
        }
      return FALSE;
    }

  if (format == FG_CLI_FORMAT_TSV)
    print_tsv (stats);
  else
    print_table (stats);
  return TRUE;
}

gboolean
fg_cli_command_stats (FgCli   *cli,
                      int      argc,
                      char   **argv,
                      GError **error)
{
  return stats_run (cli, argc, argv, error);
}
