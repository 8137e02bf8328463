/* fg-stats-report.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly report (消防安全工作月报) an office hands up: one month's
 * figures of a region (fg-stats.c) beside the previous month's, the trend
 * of hazards found and closed over six months, the share of venues
 * inspected per village (a county: per township), the overdue and the
 * major hazards (read through the hazard ledger's query), and the 2026
 * smoke-alarm target by village. A county's report sums its townships,
 * as their bundles brought them, and says when each township's last
 * bundle arrived.
 *
 * It is an internal report, not a document with legal force: it cites no
 * rule and prints only figures the records hold. Like the documents it is
 * set in Chinese whatever the language of the window, in the documents'
 * face (fg-pdf.c); the workbook is written with libxlsxwriter, as the
 * ledgers are. Either file is written beside its destination under a
 * temporary name and renamed into place once complete: a full disk or a
 * refusal leaves the old file, or none, never half of one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "fg-stats-report.h"
#include "fg-calendar.h"
#include "fg-hazard-query.h"
#include "fg-hazard.h"
#include "fg-notice.h"
#include "fg-pdf-private.h"
#include "fg-region.h"
#include "fg-report.h"
#include "fg-stats.h"
#include "fg-store-private.h"

G_DEFINE_QUARK (fg-stats-report-error-quark, fg_stats_report_error)

/* How many months the trend of hazards found and closed shows. */
#define N_TREND_MONTHS 6

/* Hazards are read from the ledger's query this many at a time. */
#define PAGE_SIZE 500

/* The month */

/**
 * fg_stats_report_parse_month:
 * @text: a month as year-month: 2026-11
 * @error: return location for an error
 *
 * Returns: (transfer full): the month's first day, or %NULL with @error
 *   set for anything else (2026-13, 2026-02-30, text)
 */
GDate *
fg_stats_report_parse_month (const char  *text,
                             GError     **error)
{
  guint year, month;

  if (text != NULL && strlen (text) == 7 && text[4] == '-' &&
      g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]))
    {
      year = (guint) g_ascii_strtoull (text, NULL, 10);
      month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
      if (year >= 2000 && year <= 2999 && month >= 1 && month <= 12)
        return g_date_new_dmy (1, (GDateMonth) month, (GDateYear) year);
    }

  g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_INVALID_MONTH,
               _("“%s” is not a month. Write the month as year-month, for example 2026-11."),
               text != NULL ? text : "");
  return NULL;
}

/**
 * fg_stats_report_dup_previous_month:
 * @today: the day it is
 *
 * Returns: (transfer full): the month before @today's, as year-month: the
 *   month a report is usually made for
 */
char *
fg_stats_report_dup_previous_month (const GDate *today)
{
  g_autoptr(GDate) day = g_date_new_dmy (1, g_date_get_month (today), g_date_get_year (today));

  g_date_subtract_months (day, 1);
  return g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (day), (guint) g_date_get_month (day));
}

/**
 * fg_stats_report_format_for_path:
 * @path: the file to write
 * @format: (out): the format its name asks for
 *
 * Returns: whether @path ends in .pdf or .xlsx (in any case); an error
 *   that says so otherwise
 */
gboolean
fg_stats_report_format_for_path (const char           *path,
                                 FgStatsReportFormat  *format,
                                 GError              **error)
{
  g_autofree char *lower = path != NULL ? g_utf8_strdown (path, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".pdf"))
    {
      *format = FG_STATS_REPORT_FORMAT_PDF;
      return TRUE;
    }
  if (lower != NULL && g_str_has_suffix (lower, ".xlsx"))
    {
      *format = FG_STATS_REPORT_FORMAT_XLSX;
      return TRUE;
    }

  {
    g_autofree char *name = path != NULL ? g_filename_display_basename (path) : g_strdup ("");

    g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_FORMAT,
                 _("The monthly report is made as a PDF or as a spreadsheet, so its file name must end in "
                   ".pdf or .xlsx, which “%s” does not. Choose a name such as report.pdf."),
                 name);
  }
  return FALSE;
}

/* What the report holds */

typedef struct
{
  char  *label;   /* 6月 */
  guint  found;
  guint  closed;
} TrendMonth;

typedef struct
{
  FgStore      *store;
  FgActor      *actor;
  GDate        *today;
  char         *today_text;
  GDate        *first;         /* the month's first day */
  FgStats      *now;           /* the month */
  FgStats      *prev;          /* the month before */
  TrendMonth    trend[N_TREND_MONTHS];  /* oldest first; the last is the month */
  GPtrArray    *places;        /* (element-type FgTownshipFigures): villages, or a county's townships */
  GPtrArray    *township_stats; /* (element-type FgStats): a county's townships, as @places */
  GPtrArray    *overdue;       /* (element-type FgHazard) */
  GArray       *overdue_days;  /* int: working days past the deadline */
  GPtrArray    *major;         /* (element-type FgHazard) */
  char         *office;        /* 郏县冢头镇人民政府 */
  char         *font;
  char         *title;         /* 冢头镇消防安全工作月报 */
  char         *month_label;   /* 2026年11月 */
  char         *made_on;       /* 2026年12月7日 */
  guint         n_sections;    /* the PDF's parts so far, to number them */
} Report;

static void
report_free (Report *report)
{
  g_clear_pointer (&report->today, g_date_free);
  g_free (report->today_text);
  g_clear_pointer (&report->first, g_date_free);
  g_clear_pointer (&report->now, fg_stats_free);
  g_clear_pointer (&report->prev, fg_stats_free);
  for (guint i = 0; i < N_TREND_MONTHS; i++)
    g_free (report->trend[i].label);
  g_clear_pointer (&report->places, g_ptr_array_unref);
  g_clear_pointer (&report->township_stats, g_ptr_array_unref);
  g_clear_pointer (&report->overdue, g_ptr_array_unref);
  g_clear_pointer (&report->overdue_days, g_array_unref);
  g_clear_pointer (&report->major, g_ptr_array_unref);
  g_free (report->office);
  g_free (report->font);
  g_free (report->title);
  g_free (report->month_label);
  g_free (report->made_on);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

static char *
chinese_date (const GDate *date)
{
  return g_strdup_printf ("%u年%u月%u日", (guint) g_date_get_year (date), (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static FgStats *
compute_month (Report      *report,
               const char  *region,
               const GDate *day,
               GError     **error)
{
  FgStatsQuery query = {
    .region = region,
    .period = FG_STATS_PERIOD_MONTH,
    .day = day,
    .today = report->today,
  };

  return fg_stats_compute (report->store, report->actor, &query, error);
}

/* The hazards of the ledger's query, every page of them. */
static GPtrArray *
fetch_hazards (Report         *report,
               FgHazardQuery  *query,
               GError        **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = fg_hazard_query_fetch (report->store, report->actor, query, offset, PAGE_SIZE,
                                                         error);

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (hazards, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < PAGE_SIZE)
        break;
    }
  return g_steal_pointer (&hazards);
}

static gboolean
read_hazards (Report  *report,
              GError **error)
{
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(GPtrArray) open = NULL;

  query->region_id = g_strdup (report->now->region_id);
  query->today = g_strdup (report->today_text);
  query->state = FG_HAZARD_QUERY_OVERDUE;
  query->sort = FG_HAZARD_SORT_DEADLINE;
  report->overdue = fetch_hazards (report, query, error);
  if (report->overdue == NULL)
    return FALSE;
  report->overdue_days = g_array_sized_new (FALSE, FALSE, sizeof (int), report->overdue->len);
  for (guint i = 0; i < report->overdue->len; i++)
    {
      int days = fg_hazard_count_overdue (report->store, g_ptr_array_index (report->overdue, i), report->today);

      g_array_append_val (report->overdue_days, days);
    }

  /* major: proposed as major and not decided otherwise, or confirmed */
  query->state = FG_HAZARD_QUERY_NOT_CLOSED;
  query->sort = FG_HAZARD_SORT_FOUND;
  open = fetch_hazards (report, query, error);
  if (open == NULL)
    return FALSE;
  report->major = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < open->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (open, i);

      if (fg_hazard_get_major_confirmed (hazard) ||
          fg_hazard_get_grade (hazard) == FG_HAZARD_GRADE_MAJOR_PROPOSED)
        g_ptr_array_add (report->major, g_object_ref (hazard));
    }
  return TRUE;
}

static int
compare_by_code (gconstpointer a,
                 gconstpointer b)
{
  const FgTownshipFigures *x = *(FgTownshipFigures * const *) a;
  const FgTownshipFigures *y = *(FgTownshipFigures * const *) b;

  return g_strcmp0 (x->code, y->code);
}

/* The townships the county trusts whose bundle never brought a record of
 * their own (the peers' table, where an import notes when it arrived):
 * listed with nothing, so that the report says they sent nothing. */
static gboolean
add_silent_townships (Report     *report,
                      GPtrArray  *townships,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  int rc;

  for (guint i = 0; i < townships->len; i++)
    g_hash_table_add (listed, ((FgTownshipFigures *) g_ptr_array_index (townships, i))->code);

  stmt = fg_store_prepare (report->store,
                           "SELECT scope_code, scope_name, last_received_at FROM peer"
                           " WHERE kind = 'township' AND substr (scope_code, 1, 6) = substr (?1, 1, 6)"
                           " ORDER BY scope_code",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->now->region_code, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *code = g_strdup (fg_stmt_text (stmt, 0));
      FgTownshipFigures *township;
      FgStats *stats;

      /* a peer file names a township by its nine digits or its twelve */
      if (strlen (code) == 9)
        {
          g_free (code);
          code = g_strconcat (fg_stmt_text (stmt, 0), "000", NULL);
        }
      if (g_hash_table_contains (listed, code))
        continue;
      township = g_new0 (FgTownshipFigures, 1);
      township->code = g_steal_pointer (&code);
      township->name = g_strdup (fg_stmt_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        township->last_bundle_at = g_strdup (fg_stmt_text (stmt, 2));
      g_ptr_array_add (townships, township);

      stats = g_new0 (FgStats, 1);
      stats->region_code = g_strdup (township->code);
      stats->region_name = g_strdup (township->name);
      stats->level = FG_REGION_LEVEL_TOWNSHIP;
      stats->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_category_free);
      stats->villages = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_village_target_free);
      stats->median_days_to_close = -1;
      g_ptr_array_add (report->township_stats, stats);
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (report->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The villages of a township, or the townships of a county, with their
 * venues inspected in the month; a county's with each township's figures. */
static gboolean
read_places (Report  *report,
             GError **error)
{
  g_autoptr(FgTownshipReport) places = NULL;
  g_autofree char *from = fg_calendar_format_date (report->first);
  FgReportQuery query = {
    .from = from,
    .to = report->now->to,
    .today = report->today,
  };

  if (report->now->level == FG_REGION_LEVEL_COUNTY)
    {
      places = fg_report_townships (report->store, report->actor, &query, error);
      if (places == NULL)
        return FALSE;
      g_ptr_array_sort (places->townships, compare_by_code);
      report->township_stats = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_stats_free);
      for (guint i = 0; i < places->townships->len; i++)
        {
          FgTownshipFigures *township = g_ptr_array_index (places->townships, i);
          FgStats *stats = compute_month (report, township->code, report->first, error);

          if (stats == NULL)
            return FALSE;
          g_ptr_array_add (report->township_stats, stats);
        }
      if (!add_silent_townships (report, places->townships, error))
        return FALSE;
    }
  else if (report->now->level == FG_REGION_LEVEL_TOWNSHIP)
    {
      g_autoptr(FgRegion) region = fg_region_lookup (report->store, report->actor, report->now->region_id, error);

      if (region == NULL)
        return FALSE;
      places = fg_report_villages (report->store, report->actor, region, &query, error);
      if (places == NULL)
        return FALSE;
      g_ptr_array_sort (places->townships, compare_by_code);
    }
  else
    {
      report->places = g_ptr_array_new ();
      return TRUE;
    }

  report->places = g_ptr_array_ref (places->townships);
  return TRUE;
}

static Report *
report_read (FgStore                   *store,
             FgActor                   *actor,
             const FgStatsReportQuery  *query,
             GError                   **error)
{
  g_autoptr(Report) report = g_new0 (Report, 1);
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autoptr(GDate) this_month = NULL;

  report->store = store;
  report->actor = actor;
  report->today = query->today != NULL ? g_date_copy (query->today) : fg_store_today (store);
  report->today_text = fg_calendar_format_date (report->today);

  report->first = fg_stats_report_parse_month (query->month, error);
  if (report->first == NULL)
    return NULL;
  this_month = g_date_new_dmy (1, g_date_get_month (report->today), g_date_get_year (report->today));
  if (g_date_compare (report->first, this_month) > 0)
    {
      g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_INVALID_MONTH,
                   _("%s has not begun yet, so there is nothing to report for it. "
                     "Choose this month or an earlier one."), query->month);
      return NULL;
    }

  /* the month, then the five before it, the previous month among them */
  for (int i = N_TREND_MONTHS - 1; i >= 0; i--)
    {
      g_autoptr(GDate) day = g_date_copy (report->first);
      FgStats *stats;

      g_date_subtract_months (day, N_TREND_MONTHS - 1 - i);
      stats = compute_month (report, query->region, day, error);
      if (stats == NULL)
        return NULL;
      report->trend[i].label = g_strdup_printf ("%u月", (guint) g_date_get_month (day));
      report->trend[i].found = stats->n_found;
      report->trend[i].closed = stats->n_closed;
      if (i == N_TREND_MONTHS - 1)
        report->now = stats;
      else if (i == N_TREND_MONTHS - 2)
        report->prev = stats;
      else
        fg_stats_free (stats);
    }

  if (!read_places (report, error) || !read_hazards (report, error))
    return NULL;

  settings = fg_notice_settings_load (store, error);
  if (settings == NULL)
    return NULL;
  report->office = g_strdup (settings->issuer_name);
  report->font = g_strdup (settings->font);

  report->title = g_strdup_printf ("%s消防安全工作月报", report->now->region_name);
  report->month_label = g_strdup_printf ("%u年%u月", (guint) g_date_get_year (report->first),
                                         (guint) g_date_get_month (report->first));
  report->made_on = chinese_date (report->today);
  return g_steal_pointer (&report);
}

/* The figures, as both files list them */

typedef enum
{
  FIGURE_COUNT,   /* a number of things */
  FIGURE_SHARE,   /* n of a whole */
  FIGURE_DAYS,    /* a median of working days; -1 for none */
} FigureKind;

typedef struct
{
  const char *label;
  FigureKind  kind;
  gboolean    now;      /* the records' state on the report's day: no earlier one is kept */
  double      value;    /* the count, the share's numerator, or the days */
  double      of;       /* the share's whole */
  double      prev;
  double      prev_of;
} Figure;

#define N_FIGURES 20

static guint
collect_figures (const FgStats *s,
                 const FgStats *p,
                 Figure         figures[N_FIGURES])
{
  guint n = 0;

#define COUNT(text, field, is_now) \
  figures[n++] = (Figure) { text, FIGURE_COUNT, is_now, s->field, 0, p->field, 0 }
#define SHARE(text, field, whole, is_now) \
  figures[n++] = (Figure) { text, FIGURE_SHARE, is_now, s->field, s->whole, p->field, p->whole }

  COUNT ("在册场所（家）", n_venues, TRUE);
  SHARE ("本月检查场所（家）", n_inspected_month, n_venues, FALSE);
  SHARE ("按计划频次检查到位（家）", n_on_target, n_venues, FALSE);
  COUNT ("本月完成检查（次）", n_inspections, FALSE);
  COUNT ("截至月末从未检查的场所（家）", n_never_inspected, FALSE);
  COUNT ("本月发现隐患（处）", n_found, FALSE);
  SHARE ("其中已销号（处）", n_found_closed, n_found, FALSE);
  COUNT ("本月销号隐患（处）", n_closed, FALSE);
  figures[n++] = (Figure) { "销号平均用时中位数（工作日）", FIGURE_DAYS, FALSE,
                            s->median_days_to_close, 0, p->median_days_to_close, 0 };
  COUNT ("未销号隐患（处）", n_open, TRUE);
  COUNT ("　其中可当场改正（处）", n_open_on_spot, TRUE);
  COUNT ("　其中限期整改（处）", n_open_deadline, TRUE);
  COUNT ("　其中拟定重大隐患（处）", n_open_major_proposed, TRUE);
  COUNT ("　其中确认重大隐患（处）", n_open_major, TRUE);
  COUNT ("逾期未整改隐患（处）", n_overdue, TRUE);
  COUNT ("复查逾期（处）", n_reinspection_late, TRUE);
  COUNT ("本月制发文书（份）", n_notices, FALSE);
  COUNT ("尚未送达文书（份）", n_unserved, TRUE);
  SHARE ("三类场所已装独立式烟感（家）", n_target_smoke_alarms, n_target_venues, TRUE);

#undef COUNT
#undef SHARE
  g_assert (n <= N_FIGURES);
  return n;
}

/* 71.4%; "—" for a share of nothing */
static char *
format_share (double n,
              double of)
{
  if (of <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100.0 * n / of);
}

static char *
format_days (double days)
{
  if (days < 0)
    return g_strdup ("—");
  if (days == (double) (gint64) days)
    return g_strdup_printf ("%.0f", days);
  return g_strdup_printf ("%.1f", days);
}

/* The figure's value as the PDF prints it: 5, 5（71.4%）, 8.5 */
static char *
format_value (FigureKind kind,
              double     value,
              double     of)
{
  switch (kind)
    {
    case FIGURE_SHARE:
      {
        g_autofree char *share = format_share (value, of);

        return g_strdup_printf ("%.0f（%s）", value, share);
      }
    case FIGURE_DAYS:
      return format_days (value);
    case FIGURE_COUNT:
    default:
      return g_strdup_printf ("%.0f", value);
    }
}

/* The change from the previous month: +2, -1, 0; a share's in
 * percentage points; "—" where there is nothing to compare */
static char *
format_change (const Figure *figure)
{
  double change;

  if (figure->now)
    return g_strdup ("—");
  switch (figure->kind)
    {
    case FIGURE_SHARE:
      if (figure->of <= 0 || figure->prev_of <= 0)
        return g_strdup ("—");
      change = 100.0 * figure->value / figure->of - 100.0 * figure->prev / figure->prev_of;
      return g_strdup_printf ("%+.1f个百分点", change);
    case FIGURE_DAYS:
      if (figure->value < 0 || figure->prev < 0)
        return g_strdup ("—");
      return g_strdup_printf ("%+.1f", figure->value - figure->prev);
    case FIGURE_COUNT:
    default:
      return g_strdup_printf ("%+.0f", figure->value - figure->prev);
    }
}

static char *
day_of (const char *iso8601)
{
  if (iso8601 == NULL || strlen (iso8601) < 10)
    return g_strdup ("—");
  return g_strndup (iso8601, 10);
}

/* What names the hazard's item: its finding, or the item's text, in
 * Chinese as the whole report is */
static const char *
hazard_item (FgHazard *hazard)
{
  const char *finding = fg_hazard_get_finding_zh (hazard);

  if (finding != NULL && *finding != '\0')
    return finding;
  return fg_hazard_get_item_text_zh (hazard) != NULL ? fg_hazard_get_item_text_zh (hazard) : "";
}

/* A county's lists name the township before the village */
static char *
hazard_place (Report   *report,
              FgHazard *hazard)
{
  const char *village = fg_hazard_get_village_name (hazard) != NULL ? fg_hazard_get_village_name (hazard) : "";

  if (report->now->level == FG_REGION_LEVEL_COUNTY && fg_hazard_get_township_name (hazard) != NULL)
    return g_strconcat (fg_hazard_get_township_name (hazard), village, NULL);
  return g_strdup (village);
}

/* 2026-12-04T10:00:00+08:00 → 2026年12月4日; NULL → 从未收到 */
static char *
format_bundle_day (const char *iso8601)
{
  g_autoptr(GDate) day = NULL;

  if (iso8601 != NULL && strlen (iso8601) >= 10)
    {
      g_autofree char *text = g_strndup (iso8601, 10);

      day = fg_calendar_parse_date (text, NULL);
    }
  if (day == NULL)
    return g_strdup ("从未收到");
  return chinese_date (day);
}

/* The PDF */

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (cells, g_strdup (cell));
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

/* A part's heading, numbered: 三、… */
static void
draw_heading (FgPdf      *pdf,
              Report     *report,
              const char *text)
{
  static const char * const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  g_autofree char *numbered = g_strdup_printf ("%s、%s", numbers[MIN (report->n_sections, 9)], text);

  report->n_sections++;
  text = numbered;
  fg_pdf_skip (pdf, FG_PDF_SIZE_TABLE * 0.5);
  fg_pdf_keep (pdf, FG_PDF_SIZE_SMALL * 6);
  fg_pdf_line_text (pdf, text, FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, TRUE);
  fg_pdf_skip (pdf, 2);
}

static void
draw_note (FgPdf      *pdf,
           const char *text)
{
  fg_pdf_skip (pdf, 3);
  fg_pdf_paragraph (pdf, text, FG_PDF_SIZE_FORM, 0);
}

static void
draw_figures (FgPdf  *pdf,
              Report *report)
{
  static const FgPdfColumn columns[] = {
    { "项目", 0.46, FG_PDF_ALIGN_LEFT },
    { "本月", 0.18, FG_PDF_ALIGN_RIGHT },
    { "上月", 0.18, FG_PDF_ALIGN_RIGHT },
    { "增减", 0.18, FG_PDF_ALIGN_RIGHT },
  };
  g_autoptr(GPtrArray) rows = new_rows ();
  Figure figures[N_FIGURES];
  guint n = collect_figures (report->now, report->prev, figures);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strconcat (figures[i].label, figures[i].now ? "＊" : "", NULL);
      g_autofree char *value = format_value (figures[i].kind, figures[i].value, figures[i].of);
      g_autofree char *prev = figures[i].now ? g_strdup ("—")
                                             : format_value (figures[i].kind, figures[i].prev, figures[i].prev_of);
      g_autofree char *change = format_change (&figures[i]);

      add_row (rows, label, value, prev, change, NULL);
    }

  draw_heading (pdf, report, "本月主要数据");
  fg_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_FORM);
  draw_note (pdf, "注：标＊的项目为制表之日的情况，记录不按月保存这些数据，故无上月数可比。"
                  "百分比为占在册场所（或本月发现隐患、三类场所）的比例；增减为与上月相比。");
}

#define CHART_SIZE 9.0   /* the labels of a chart */
#define BAR_GRAY_FOUND 0.35
#define BAR_GRAY_CLOSED 0.75

/* A round step for a scale of at most five steps up to @max: 1, 2, 5,
 * 10, 20, 50 … */
static guint
nice_step (guint max)
{
  for (guint step = 1;; step *= 10)
    {
      if (max <= step * 5)
        return step;
      if (max <= step * 10)
        return step * 2;
      if (max <= step * 25)
        return step * 5;
    }
}

/* Found and closed, month by month: pairs of columns over a baseline. */
static void
draw_trend (FgPdf  *pdf,
            Report *report)
{
  double width = fg_pdf_get_text_width (pdf);
  double height = 120;
  double label_room = CHART_SIZE * 1.6;
  double top = CHART_SIZE * 2.5;  /* the key above the chart */
  double left = 30;
  double slot = (width - left) / N_TREND_MONTHS;
  double bar = slot * 0.28;
  guint max = 1;
  guint step;

  for (guint i = 0; i < N_TREND_MONTHS; i++)
    max = MAX (max, MAX (report->trend[i].found, report->trend[i].closed));
  step = nice_step (max);
  max = ((max + step - 1) / step) * step;

  draw_heading (pdf, report, "近六个月隐患发现与销号情况");
  fg_pdf_keep (pdf, top + height + label_room + 4);

  /* the key */
  fg_pdf_box (pdf, left, 2, CHART_SIZE, CHART_SIZE, BAR_GRAY_FOUND, TRUE);
  fg_pdf_text_at (pdf, left + CHART_SIZE * 1.5, 2, CHART_SIZE, "发现隐患", FG_PDF_ALIGN_LEFT);
  fg_pdf_box (pdf, left + CHART_SIZE * 8, 2, CHART_SIZE, CHART_SIZE, BAR_GRAY_CLOSED, TRUE);
  fg_pdf_text_at (pdf, left + CHART_SIZE * 9.5, 2, CHART_SIZE, "销号隐患", FG_PDF_ALIGN_LEFT);

  /* the scale */
  for (guint v = 0; v <= max; v += step)
    {
      g_autofree char *text = g_strdup_printf ("%u", v);
      double y = top + height - height * v / max;

      fg_pdf_segment (pdf, left - 3, y, left, y, 0.5);
      fg_pdf_text_at (pdf, left - 5, y - CHART_SIZE / 2, CHART_SIZE, text, FG_PDF_ALIGN_RIGHT);
    }
  fg_pdf_segment (pdf, left, top, left, top + height, 0.5);
  fg_pdf_segment (pdf, left, top + height, width, top + height, 0.75);

  for (guint i = 0; i < N_TREND_MONTHS; i++)
    {
      const TrendMonth *month = &report->trend[i];
      double centre = left + slot * (i + 0.5);
      double h_found = height * month->found / max;
      double h_closed = height * month->closed / max;
      g_autofree char *found = g_strdup_printf ("%u", month->found);
      g_autofree char *closed = g_strdup_printf ("%u", month->closed);

      fg_pdf_box (pdf, centre - bar - 1, top + height - h_found, bar, h_found, BAR_GRAY_FOUND, TRUE);
      fg_pdf_box (pdf, centre + 1, top + height - h_closed, bar, h_closed, BAR_GRAY_CLOSED, TRUE);
      fg_pdf_text_at (pdf, centre - bar / 2 - 1, top + height - h_found - CHART_SIZE * 1.2, CHART_SIZE, found,
                      FG_PDF_ALIGN_CENTER);
      fg_pdf_text_at (pdf, centre + bar / 2 + 1, top + height - h_closed - CHART_SIZE * 1.2, CHART_SIZE, closed,
                      FG_PDF_ALIGN_CENTER);
      fg_pdf_text_at (pdf, centre, top + height + 3, CHART_SIZE, month->label, FG_PDF_ALIGN_CENTER);
    }
  fg_pdf_skip (pdf, top + height + label_room + 4);
}

/* The share of venues inspected in the month, a bar for each village (a
 * county: each township), a row at a time so that a long list flows over
 * pages. */
static void
draw_places_chart (FgPdf  *pdf,
                   Report *report)
{
  double width = fg_pdf_get_text_width (pdf);
  double name_width = width * 0.24;
  double value_width = width * 0.2;
  double bar_width = width - name_width - value_width - 12;
  double row = CHART_SIZE * 1.9;

  if (report->places->len == 0)
    return;

  draw_heading (pdf, report, report->now->level == FG_REGION_LEVEL_COUNTY ? "各乡镇本月场所检查比例"
                                                                           : "各村本月场所检查比例");
  for (guint i = 0; i < report->places->len; i++)
    {
      FgTownshipFigures *place = g_ptr_array_index (report->places, i);
      double share = place->n_venues > 0 ? (double) place->n_venues_inspected / place->n_venues : 0;
      g_autofree char *percent = format_share (place->n_venues_inspected, place->n_venues);
      g_autofree char *value = g_strdup_printf ("%u/%u（%s）", place->n_venues_inspected, place->n_venues, percent);
      g_autofree char *name = g_strdup (place->name);

      /* a long name is cut to what fits beside the bar */
      while (g_utf8_strlen (name, -1) > 1 && fg_pdf_measure_text (pdf, name, CHART_SIZE) > name_width - 6)
        *g_utf8_offset_to_pointer (name, g_utf8_strlen (name, -1) - 1) = '\0';

      fg_pdf_keep (pdf, row);
      fg_pdf_text_at (pdf, name_width - 6, (row - CHART_SIZE) / 2, CHART_SIZE, name, FG_PDF_ALIGN_RIGHT);
      fg_pdf_box (pdf, name_width, 2, bar_width, row - 4, 0.93, FALSE);
      fg_pdf_box (pdf, name_width, 2, bar_width * share, row - 4, BAR_GRAY_FOUND, FALSE);
      fg_pdf_text_at (pdf, width, (row - CHART_SIZE) / 2, CHART_SIZE, value, FG_PDF_ALIGN_RIGHT);
      fg_pdf_skip (pdf, row);
    }
  fg_pdf_segment (pdf, name_width, -row * report->places->len, name_width, 0, 0.5);
  draw_note (pdf, "比例为本月检查过的场所占在册场所的比例。");
}

/* A county: each township's figures, and how fresh they are. */
static void
draw_townships (FgPdf  *pdf,
                Report *report)
{
  static const FgPdfColumn columns[] = {
    { "乡镇", 0.14, FG_PDF_ALIGN_LEFT },
    { "在册场所", 0.1, FG_PDF_ALIGN_RIGHT },
    { "本月检查", 0.1, FG_PDF_ALIGN_RIGHT },
    { "发现隐患", 0.1, FG_PDF_ALIGN_RIGHT },
    { "销号隐患", 0.1, FG_PDF_ALIGN_RIGHT },
    { "未销号", 0.08, FG_PDF_ALIGN_RIGHT },
    { "逾期", 0.07, FG_PDF_ALIGN_RIGHT },
    { "烟感覆盖", 0.1, FG_PDF_ALIGN_RIGHT },
    { "最近收到数据", 0.21, FG_PDF_ALIGN_CENTER },
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  for (guint i = 0; i < report->places->len; i++)
    {
      FgTownshipFigures *place = g_ptr_array_index (report->places, i);
      FgStats *s = g_ptr_array_index (report->township_stats, i);
      g_autofree char *venues = g_strdup_printf ("%u", s->n_venues);
      g_autofree char *inspected = g_strdup_printf ("%u", s->n_inspected_month);
      g_autofree char *found = g_strdup_printf ("%u", s->n_found);
      g_autofree char *closed = g_strdup_printf ("%u", s->n_closed);
      g_autofree char *open = g_strdup_printf ("%u", s->n_open);
      g_autofree char *overdue = g_strdup_printf ("%u", s->n_overdue);
      g_autofree char *target = format_share (s->n_target_smoke_alarms, s->n_target_venues);
      g_autofree char *fresh = format_bundle_day (place->last_bundle_at);

      add_row (rows, place->name, venues, inspected, found, closed, open, overdue, target, fresh, NULL);
    }

  draw_heading (pdf, report, "各乡镇情况");
  if (rows->len == 0)
    {
      fg_pdf_paragraph (pdf, "尚未收到任何乡镇的数据。", FG_PDF_SIZE_TABLE, 2);
      return;
    }
  fg_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_FORM);
  draw_note (pdf, "县级数据为各乡镇数据包汇总而来；“最近收到数据”为最后一次收到该乡镇数据包的日期，"
                  "此后乡镇的工作未计入本表。");
}

static void
draw_hazards (FgPdf      *pdf,
              Report     *report,
              const char *heading,
              GPtrArray  *hazards,
              GArray     *days,
              const char *none)
{
  static const FgPdfColumn overdue_columns[] = {
    { "序号", 0.07, FG_PDF_ALIGN_RIGHT },
    { "场所", 0.19, FG_PDF_ALIGN_LEFT },
    { "村（社区）", 0.11, FG_PDF_ALIGN_LEFT },
    { "隐患", 0.25, FG_PDF_ALIGN_LEFT },
    { "发现日期", 0.14, FG_PDF_ALIGN_CENTER },
    { "整改期限", 0.14, FG_PDF_ALIGN_CENTER },
    { "逾期工作日", 0.1, FG_PDF_ALIGN_RIGHT },
  };
  static const FgPdfColumn major_columns[] = {
    { "序号", 0.07, FG_PDF_ALIGN_RIGHT },
    { "场所", 0.19, FG_PDF_ALIGN_LEFT },
    { "村（社区）", 0.11, FG_PDF_ALIGN_LEFT },
    { "隐患", 0.25, FG_PDF_ALIGN_LEFT },
    { "发现日期", 0.14, FG_PDF_ALIGN_CENTER },
    { "整改期限", 0.14, FG_PDF_ALIGN_CENTER },
    { "认定", 0.1, FG_PDF_ALIGN_CENTER },
  };
  g_autoptr(GPtrArray) rows = new_rows ();

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *place = hazard_place (report, hazard);
      g_autofree char *found = day_of (fg_hazard_get_found_at (hazard));
      g_autofree char *deadline = day_of (fg_hazard_get_deadline (hazard));
      g_autofree char *last = days != NULL ? g_strdup_printf ("%d", g_array_index (days, int, i))
                                           : g_strdup (fg_hazard_get_major_confirmed (hazard) ? "已确认" : "待认定");

      add_row (rows, number, fg_hazard_get_venue_name (hazard), place, hazard_item (hazard), found, deadline, last,
               NULL);
    }

  draw_heading (pdf, report, heading);
  if (rows->len == 0)
    {
      fg_pdf_paragraph (pdf, none, FG_PDF_SIZE_TABLE, 2);
      return;
    }
  if (days != NULL)
    fg_pdf_table (pdf, overdue_columns, G_N_ELEMENTS (overdue_columns), rows, FG_PDF_SIZE_FORM);
  else
    fg_pdf_table (pdf, major_columns, G_N_ELEMENTS (major_columns), rows, FG_PDF_SIZE_FORM);
}

static void
draw_target (FgPdf      *pdf,
             Report     *report,
             const char *heading)
{
  static const FgPdfColumn columns[] = {
    { "村（社区）", 0.4, FG_PDF_ALIGN_LEFT },
    { "三类场所（家）", 0.2, FG_PDF_ALIGN_RIGHT },
    { "已装独立式烟感（家）", 0.24, FG_PDF_ALIGN_RIGHT },
    { "比例", 0.16, FG_PDF_ALIGN_RIGHT },
  };
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *total_n = g_strdup_printf ("%u", report->now->n_target_venues);
  g_autofree char *total_alarms = g_strdup_printf ("%u", report->now->n_target_smoke_alarms);
  g_autofree char *total_share = format_share (report->now->n_target_smoke_alarms, report->now->n_target_venues);

  for (guint i = 0; i < report->now->villages->len; i++)
    {
      FgStatsVillageTarget *village = g_ptr_array_index (report->now->villages, i);
      g_autofree char *n = g_strdup_printf ("%u", village->n_venues);
      g_autofree char *alarms = g_strdup_printf ("%u", village->n_smoke_alarms);
      g_autofree char *share = format_share (village->n_smoke_alarms, village->n_venues);

      add_row (rows, village->name, n, alarms, share, NULL);
    }
  add_row (rows, "合计", total_n, total_alarms, total_share, NULL);

  draw_heading (pdf, report, heading);
  fg_pdf_table (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_FORM);
  draw_note (pdf, "三类场所：家庭作坊、沿街门店、老旧住宅小区，按制表之日的在册场所统计。");
}

static void
draw_report (FgPdf  *pdf,
             Report *report)
{
  gboolean county = report->now->level == FG_REGION_LEVEL_COUNTY;
  g_autofree char *head = g_strdup_printf ("%s（%s）", report->title, report->month_label);
  g_autofree char *subtitle = g_strdup_printf ("（%s）", report->month_label);
  g_autofree char *maker = g_strdup_printf ("制表单位：%s　　制表日期：%s", report->office, report->made_on);
  g_autofree char *period = g_strdup_printf ("统计期间：%s至%s；“未销号”“逾期”等现状数据截至制表之日。",
                                             report->now->from, report->now->to);

  report->n_sections = 0;
  fg_pdf_begin_document (pdf, head);
  fg_pdf_line_text (pdf, report->title, FG_PDF_SIZE_TITLE, FG_PDF_ALIGN_CENTER, TRUE);
  fg_pdf_line_text (pdf, subtitle, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_CENTER, FALSE);
  fg_pdf_skip (pdf, 4);
  fg_pdf_line_text (pdf, maker, FG_PDF_SIZE_FORM, FG_PDF_ALIGN_CENTER, FALSE);
  fg_pdf_line_text (pdf, period, FG_PDF_SIZE_FORM, FG_PDF_ALIGN_CENTER, FALSE);
  fg_pdf_rule (pdf, 0, FALSE);
  fg_pdf_skip (pdf, 4);

  draw_figures (pdf, report);
  draw_trend (pdf, report);
  draw_places_chart (pdf, report);
  if (county)
    draw_townships (pdf, report);
  draw_hazards (pdf, report, "逾期未整改隐患", report->overdue, report->overdue_days,
                "截至制表之日，没有逾期未整改的隐患。");
  draw_hazards (pdf, report, "重大火灾隐患（含拟定）", report->major, NULL, "截至制表之日，没有未销号的重大火灾隐患。");
  draw_target (pdf, report, "三类场所独立式烟感安装进度");
  fg_pdf_end_document (pdf);
}

/* Writing the file */

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE,
                 _("The disk is full: the report “%s” could not be written, and nothing was left in %s. "
                   "Free some space or choose another place, then make the report again."),
                 name, dir_name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE,
                 _("The report “%s” could not be written: you may not write in %s. "
                   "Choose another place, such as your Documents folder, and make the report again."),
                 name, dir_name);
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE,
                 _("There is no folder %s to save the report in. "
                   "Choose a folder that exists and make the report again."), dir_name);
  else
    g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE,
                 _("The report “%s” could not be written (%s), and nothing was left in %s. "
                   "Check the disk or choose another place, then make the report again."),
                 name, g_strerror (saved_errno), dir_name);
}

/* A temporary file beside @path, so that the rename cannot cross disks;
 * its descriptor in @fd. */
static char *
open_temporary (const char  *path,
                int         *fd,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, template, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, FG_STATS_REPORT_ERROR, FG_STATS_REPORT_ERROR_WRITE,
                   _("%s is a folder, so the report cannot be saved under that name. "
                     "Choose another name for the file and make the report again."), name);
      return NULL;
    }

  *fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (*fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  return g_steal_pointer (&tmp_path);
}

/* On the disk, then in place of @path: a power cut leaves the old file or
 * the new one. Removes the temporary file when it fails. */
static gboolean
put_in_place (const char  *tmp_path,
              const char  *path,
              GError     **error)
{
  int fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      set_write_error (error, path, errno);
      if (fd >= 0)
        close (fd);
      g_unlink (tmp_path);
      return FALSE;
    }
  close (fd);
  if (g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, path, errno);
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (Report      *report,
           const char  *path,
           GError     **error)
{
  g_autoptr(FgPdf) pdf = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data;
  gsize size;
  int fd;

  pdf = fg_pdf_new (report->font, error);
  if (pdf == NULL)
    return FALSE;
  /* the first pass learns the characters, the second draws */
  for (int pass = 0; pass < 2; pass++)
    {
      draw_report (pdf, report);
      if (pass == 0 && !fg_pdf_start_drawing (pdf, error))
        return FALSE;
    }
  bytes = fg_pdf_finish (pdf, error);
  if (bytes == NULL)
    return FALSE;

  tmp_path = open_temporary (path, &fd, error);
  if (tmp_path == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          set_write_error (error, path, written < 0 ? errno : ENOSPC);
          close (fd);
          g_unlink (tmp_path);
          return FALSE;
        }
      data += written;
      size -= written;
    }
  if (close (fd) != 0)
    {
      set_write_error (error, path, errno);
      g_unlink (tmp_path);
      return FALSE;
    }
  return put_in_place (tmp_path, path, error);
}

/* The workbook: a sheet for the figures, then one for each list. */

typedef struct
{
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_row_t      row;
  lxw_format    *title;
  lxw_format    *subtitle;
  lxw_format    *heading;
  lxw_format    *text;
  lxw_format    *count;
  lxw_format    *decimal;
  lxw_format    *share;
  lxw_format    *note;
  lxw_error      result;
} Book;

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *number_format,
            gboolean      bold,
            gboolean      border)
{
  lxw_format *format = workbook_add_format (workbook);

  /* a Ming face, as the documents and the ledgers use */
  format_set_font_name (format, "宋体");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

/* A sheet: its title and subtitle over @n_columns, and the headings. */
static void
book_sheet (Book               *book,
            Report             *report,
            const char         *name,
            const char         *title,
            const char * const *headings,
            const double       *widths)
{
  guint n_columns = g_strv_length ((char **) headings);

  if (book->result != LXW_NO_ERROR)
    return;
  book->sheet = workbook_add_worksheet (book->workbook, name);
  if (book->sheet == NULL)
    {
      book->result = LXW_ERROR_CREATING_TMPFILE;
      return;
    }
  worksheet_set_paper (book->sheet, 9);  /* A4 */
  worksheet_fit_to_pages (book->sheet, 1, 0);
  worksheet_repeat_rows (book->sheet, 2, 2);
  for (guint i = 0; i < n_columns; i++)
    worksheet_set_column (book->sheet, i, i, widths[i], NULL);

  book->row = 0;
  book->result = worksheet_write_string (book->sheet, 0, 0, title, book->title);
  for (guint i = 1; book->result == LXW_NO_ERROR && i < n_columns; i++)
    book->result = worksheet_write_blank (book->sheet, 0, i, book->title);
  worksheet_set_row (book->sheet, 0, 30, NULL);
  if (book->result == LXW_NO_ERROR)
    {
      g_autofree char *maker = g_strdup_printf ("%s　制表单位：%s　制表日期：%s", report->month_label,
                                                report->office, report->made_on);

      book->result = worksheet_write_string (book->sheet, 1, 0, maker, book->subtitle);
    }
  for (guint i = 1; book->result == LXW_NO_ERROR && i < n_columns; i++)
    book->result = worksheet_write_blank (book->sheet, 1, i, book->subtitle);
  for (guint i = 0; book->result == LXW_NO_ERROR && i < n_columns; i++)
    book->result = worksheet_write_string (book->sheet, 2, i, headings[i], book->heading);
  book->row = 3;
}

static void
book_text (Book       *book,
           lxw_col_t   column,
           const char *text)
{
  if (book->result == LXW_NO_ERROR)
    book->result = worksheet_write_string (book->sheet, book->row, column, text != NULL ? text : "", book->text);
}

static void
book_number (Book       *book,
             lxw_col_t   column,
             double      number,
             lxw_format *format)
{
  if (book->result == LXW_NO_ERROR)
    book->result = worksheet_write_number (book->sheet, book->row, column, number, format);
}

static void
book_blank (Book       *book,
            lxw_col_t   column,
            lxw_format *format)
{
  if (book->result == LXW_NO_ERROR)
    book->result = worksheet_write_blank (book->sheet, book->row, column, format);
}

static void
book_note (Book       *book,
           const char *text)
{
  book->row++;
  if (book->result == LXW_NO_ERROR)
    book->result = worksheet_write_string (book->sheet, book->row, 0, text, book->note);
  book->row++;
}

static void
book_figures (Book   *book,
              Report *report)
{
  static const char * const headings[] = { "项目", "本月", "本月比例", "上月", "上月比例", "增减", NULL };
  static const double widths[] = { 34, 10, 10, 10, 10, 10 };
  Figure figures[N_FIGURES];
  guint n = collect_figures (report->now, report->prev, figures);

  book_sheet (book, report, "月报", report->title, headings, widths);
  for (guint i = 0; i < n; i++, book->row++)
    {
      const Figure *f = &figures[i];
      g_autofree char *label = g_strconcat (f->label, f->now ? "＊" : "", NULL);

      book_text (book, 0, label);
      if (f->kind == FIGURE_DAYS && f->value < 0)
        book_blank (book, 1, book->decimal);
      else
        book_number (book, 1, f->value, f->kind == FIGURE_DAYS ? book->decimal : book->count);
      if (f->kind == FIGURE_SHARE && f->of > 0)
        book_number (book, 2, f->value / f->of, book->share);
      else
        book_blank (book, 2, book->share);

      if (f->now || (f->kind == FIGURE_DAYS && f->prev < 0))
        book_blank (book, 3, book->count);
      else
        book_number (book, 3, f->prev, f->kind == FIGURE_DAYS ? book->decimal : book->count);
      if (!f->now && f->kind == FIGURE_SHARE && f->prev_of > 0)
        book_number (book, 4, f->prev / f->prev_of, book->share);
      else
        book_blank (book, 4, book->share);

      if (f->now || (f->kind == FIGURE_DAYS && (f->value < 0 || f->prev < 0)))
        book_blank (book, 5, book->decimal);
      else
        book_number (book, 5, f->value - f->prev, book->decimal);
    }
  book_note (book, "注：标＊的项目为制表之日的情况，记录不按月保存这些数据，故无上月数可比。");
}

static void
book_trend (Book   *book,
            Report *report)
{
  static const char * const headings[] = { "月份", "发现隐患（处）", "销号隐患（处）", NULL };
  static const double widths[] = { 12, 16, 16 };

  book_sheet (book, report, "近六个月", "近六个月隐患发现与销号情况", headings, widths);
  for (guint i = 0; i < N_TREND_MONTHS; i++, book->row++)
    {
      book_text (book, 0, report->trend[i].label);
      book_number (book, 1, report->trend[i].found, book->count);
      book_number (book, 2, report->trend[i].closed, book->count);
    }
}

static void
book_places (Book   *book,
             Report *report)
{
  gboolean county = report->now->level == FG_REGION_LEVEL_COUNTY;
  static const char * const village_headings[] = { "村（社区）", "在册场所（家）", "本月检查（家）", "检查比例",
                                                   NULL };
  static const char * const township_headings[] = { "乡镇", "在册场所（家）", "本月检查（家）", "检查比例",
                                                    "发现隐患（处）", "销号隐患（处）", "未销号（处）",
                                                    "逾期（处）", "烟感覆盖", "最近收到数据", NULL };
  static const double widths[] = { 20, 14, 14, 10, 14, 14, 12, 10, 10, 16 };

  if (report->places->len == 0)
    return;
  book_sheet (book, report, county ? "各乡镇" : "各村", county ? "各乡镇情况" : "各村本月场所检查情况",
              county ? township_headings : village_headings, widths);
  for (guint i = 0; i < report->places->len; i++, book->row++)
    {
      FgTownshipFigures *place = g_ptr_array_index (report->places, i);

      book_text (book, 0, place->name);
      book_number (book, 1, place->n_venues, book->count);
      book_number (book, 2, place->n_venues_inspected, book->count);
      if (place->n_venues > 0)
        book_number (book, 3, (double) place->n_venues_inspected / place->n_venues, book->share);
      else
        book_blank (book, 3, book->share);
      if (county)
        {
          FgStats *s = g_ptr_array_index (report->township_stats, i);
          g_autofree char *fresh = format_bundle_day (place->last_bundle_at);

          book_number (book, 4, s->n_found, book->count);
          book_number (book, 5, s->n_closed, book->count);
          book_number (book, 6, s->n_open, book->count);
          book_number (book, 7, s->n_overdue, book->count);
          if (s->n_target_venues > 0)
            book_number (book, 8, (double) s->n_target_smoke_alarms / s->n_target_venues, book->share);
          else
            book_blank (book, 8, book->share);
          book_text (book, 9, fresh);
        }
    }
  if (county)
    book_note (book, "县级数据为各乡镇数据包汇总而来；“最近收到数据”为最后一次收到该乡镇数据包的日期。");
}

static void
book_hazards (Book       *book,
              Report     *report,
              const char *name,
              const char *title,
              GPtrArray  *hazards,
              GArray     *days)
{
  static const char * const overdue_headings[] = { "序号", "场所", "村（社区）", "隐患", "发现日期", "整改期限",
                                                    "逾期工作日", NULL };
  static const char * const major_headings[] = { "序号", "场所", "村（社区）", "隐患", "发现日期", "整改期限",
                                                  "认定", NULL };
  static const double widths[] = { 6, 24, 16, 40, 12, 12, 11 };

  book_sheet (book, report, name, title, days != NULL ? overdue_headings : major_headings, widths);
  for (guint i = 0; i < hazards->len; i++, book->row++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *place = hazard_place (report, hazard);
      g_autofree char *found = day_of (fg_hazard_get_found_at (hazard));
      g_autofree char *deadline = day_of (fg_hazard_get_deadline (hazard));

      book_number (book, 0, i + 1, book->count);
      book_text (book, 1, fg_hazard_get_venue_name (hazard));
      book_text (book, 2, place);
      book_text (book, 3, hazard_item (hazard));
      book_text (book, 4, found);
      book_text (book, 5, deadline);
      if (days != NULL)
        book_number (book, 6, g_array_index (days, int, i), book->count);
      else
        book_text (book, 6, fg_hazard_get_major_confirmed (hazard) ? "已确认" : "待认定");
    }
}

static void
book_target (Book   *book,
             Report *report)
{
  static const char * const headings[] = { "村（社区）", "三类场所（家）", "已装独立式烟感（家）", "比例", NULL };
  static const double widths[] = { 24, 16, 20, 10 };
  const FgStats *s = report->now;

  book_sheet (book, report, "烟感进度", "三类场所独立式烟感安装进度", headings, widths);
  for (guint i = 0; i < s->villages->len; i++, book->row++)
    {
      FgStatsVillageTarget *village = g_ptr_array_index (s->villages, i);

      book_text (book, 0, village->name);
      book_number (book, 1, village->n_venues, book->count);
      book_number (book, 2, village->n_smoke_alarms, book->count);
      if (village->n_venues > 0)
        book_number (book, 3, (double) village->n_smoke_alarms / village->n_venues, book->share);
      else
        book_blank (book, 3, book->share);
    }
  book_text (book, 0, "合计");
  book_number (book, 1, s->n_target_venues, book->count);
  book_number (book, 2, s->n_target_smoke_alarms, book->count);
  if (s->n_target_venues > 0)
    book_number (book, 3, (double) s->n_target_smoke_alarms / s->n_target_venues, book->share);
  else
    book_blank (book, 3, book->share);
  book->row++;
}

static gboolean
write_xlsx (Report      *report,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp_path = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_doc_properties properties = { 0, };
  Book book = { 0, };
  int fd;

  tmp_path = open_temporary (path, &fd, error);
  if (tmp_path == NULL)
    return FALSE;
  /* the workbook writes its own file, by name */
  close (fd);

  errno = 0;
  book.workbook = workbook_new_opt (tmp_path, &options);
  if (book.workbook == NULL)
    {
      set_write_error (error, path, errno != 0 ? errno : EIO);
      g_unlink (tmp_path);
      return FALSE;
    }
  properties.title = report->title;
  properties.company = report->office;
  workbook_set_properties (book.workbook, &properties);

  book.title = add_format (book.workbook, NULL, TRUE, FALSE);
  format_set_font_size (book.title, 16);
  format_set_align (book.title, LXW_ALIGN_CENTER_ACROSS);
  book.subtitle = add_format (book.workbook, NULL, FALSE, FALSE);
  format_set_align (book.subtitle, LXW_ALIGN_CENTER_ACROSS);
  book.heading = add_format (book.workbook, NULL, TRUE, TRUE);
  format_set_align (book.heading, LXW_ALIGN_CENTER);
  format_set_text_wrap (book.heading);
  format_set_bg_color (book.heading, 0xE7E6E6);
  book.text = add_format (book.workbook, NULL, FALSE, TRUE);
  book.count = add_format (book.workbook, "0", FALSE, TRUE);
  book.decimal = add_format (book.workbook, "0.##", FALSE, TRUE);
  book.share = add_format (book.workbook, "0.0%", FALSE, TRUE);
  book.note = add_format (book.workbook, NULL, FALSE, FALSE);

  book_figures (&book, report);
  book_trend (&book, report);
  book_places (&book, report);
  book_hazards (&book, report, "逾期隐患", "逾期未整改隐患", report->overdue, report->overdue_days);
  book_hazards (&book, report, "重大隐患", "重大火灾隐患（含拟定）", report->major, NULL);
  book_target (&book, report);

  {
    int saved_errno;
    lxw_error result;

    errno = 0;
    result = workbook_close (book.workbook);
    saved_errno = errno;
    if (book.result != LXW_NO_ERROR || result != LXW_NO_ERROR)
      {
        g_debug ("libxlsxwriter could not write %s: %s", path,
                 lxw_strerror (book.result != LXW_NO_ERROR ? book.result : result));
        set_write_error (error, path, saved_errno != 0 ? saved_errno : EIO);
        g_unlink (tmp_path);
        return FALSE;
      }
  }
  return put_in_place (tmp_path, path, error);
}

/**
 * fg_stats_report_write:
 * @store: the store
 * @actor: who makes the report: the region must lie in its area
 * @query: the region (the reader's area by default), the month, the day it is
 * @format: a PDF or a workbook
 * @path: the file to write
 * @error: return location for an error
 *
 * Writes the monthly report of a region (消防安全工作月报). A county's
 * sums its townships, lists each, and says when each township's last
 * bundle arrived. The file is complete or not there: it is written under
 * a temporary name and renamed into place.
 *
 * Errors: %FG_STATS_REPORT_ERROR_INVALID_MONTH for a month that is not
 * one or has not begun; %FG_STATS_REPORT_ERROR_WRITE when the file could
 * not be written; the errors of fg_stats_compute() for the region; a
 * %FG_NOTICE_ERROR when no installed font prints the report.
 *
 * Returns: whether the file was written
 */
gboolean
fg_stats_report_write (FgStore                   *store,
                       FgActor                   *actor,
                       const FgStatsReportQuery  *query,
                       FgStatsReportFormat        format,
                       const char                *path,
                       GError                   **error)
{
  g_autoptr(Report) report = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = report_read (store, actor, query, error);
  if (report == NULL)
    return FALSE;

  if (format == FG_STATS_REPORT_FORMAT_XLSX)
    return write_xlsx (report, path, error);
  return write_pdf (report, path, error);
}

typedef struct
{
  char                *db_path;
  FgActor             *actor;
  char                *region;
  char                *month;
  GDate               *today;
  FgStatsReportFormat  format;
  char                *path;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->actor, fg_actor_unref);
  g_free (job->region);
  g_free (job->month);
  g_clear_pointer (&job->today, g_date_free);
  g_free (job->path);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  FgStatsReportQuery query = {
    .region = job->region,
    .month = job->month,
    .today = job->today,
  };
  GError *error = NULL;

  if (store == NULL)
    return;
  if (fg_stats_report_write (store, job->actor, &query, job->format, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fg_stats_report_write_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who makes the report
 * @query: as fg_stats_report_write() takes it (copied)
 * @format: a PDF or a workbook
 * @path: the file to write
 * @cancellable: (nullable): stops the job before it starts
 * @callback: called when the file is written or could not be
 * @user_data: data for @callback
 *
 * fg_stats_report_write() in a worker thread, so that a window stays
 * responsive while a county's report is counted.
 */
void
fg_stats_report_write_async (FgStore                   *store,
                             FgActor                   *actor,
                             const FgStatsReportQuery  *query,
                             FgStatsReportFormat        format,
                             const char                *path,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (WriteJob, 1);
  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  job->region = g_strdup (query->region);
  job->month = g_strdup (query->month);
  job->today = query->today != NULL ? g_date_copy (query->today) : NULL;
  job->format = format;
  job->path = g_strdup (path);

  /* without a source object: the worker uses the store's file only */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_stats_report_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * fg_stats_report_write_finish:
 * @result: the result given to the callback
 * @error: return location for an error, as fg_stats_report_write() sets it
 *
 * Returns: whether the file was written
 */
gboolean
fg_stats_report_write_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_stats_report_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
