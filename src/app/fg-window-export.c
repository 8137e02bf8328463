/* fg-window-export.c — Export…: the page's ledger (台账) as a spreadsheet;
 * Import Venues…: an office's spreadsheet into the registry; Print
 * Monthly Report…: the monthly report (消防安全工作月报) as PDF or workbook
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The venues, hazards, documents and townships pages each have a ledger;
 * the main menu offers those and the two without a page of their own (the
 * inspection ledger, the summary by village). The ledger covers the
 * region chosen in the sidebar; a ledger of records or figures first
 * asks for its period (this month, last month, this year, two dates, or
 * for the record ledgers every record). It is written in a worker
 * (fg_ledger_export_async), so the window stays usable; a toast says when
 * it is done and opens it.
 *
 * Import Venues… opens the assistant (fg-import-dialog.c); once it has
 * stored venues, every page reads the store again as after another
 * program's writes, since the import wrote through a connection of its
 * own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-date-row.h"
#include "fg-import-dialog.h"
#include "fg-window-private.h"

/* The ledger a page exports, if it has one. */
static gboolean
ledger_for_page (const char   *page,
                 FgLedgerKind *kind)
{
  if (g_strcmp0 (page, "venues") == 0)
    *kind = FG_LEDGER_VENUES;
  else if (g_strcmp0 (page, "hazards") == 0)
    *kind = FG_LEDGER_HAZARDS;
  else if (g_strcmp0 (page, "notices") == 0)
    *kind = FG_LEDGER_DOCUMENTS;
  else if (g_strcmp0 (page, "townships") == 0)
    *kind = FG_LEDGER_TOWNSHIPS;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  FgWindow     *window;
  FgLedgerKind  kind;
  GFile        *file;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  FgWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;
  guint n_rows = 0;

  if (!fg_ledger_export_finish (result, &n_rows, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Ledger Was Not Exported"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Translators: a toast once a ledger is written: "Hazard rectification ledger exported · 35 rows" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s exported · %u row", "%s exported · %u rows", n_rows),
                          fg_ledger_kind_get_title (request->kind), n_rows);
  uri = g_file_get_uri (request->file);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void export_ledger_period (FgWindow     *self,
                                  FgLedgerKind  kind,
                                  GFile        *file,
                                  const char   *from,
                                  const char   *to);

/**
 * fg_window_export_ledger:
 * @self: the window
 * @kind: the ledger
 * @file: where to write it: a workbook unless its name ends in .csv
 *
 * Writes the ledger of the region chosen in the sidebar in a worker; a
 * toast tells when it is written, a dialog why it was not.
 */
void
fg_window_export_ledger (FgWindow     *self,
                         FgLedgerKind  kind,
                         GFile        *file)
{
  g_return_if_fail (FG_IS_WINDOW (self));
  g_return_if_fail (kind < FG_LEDGER_N_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  export_ledger_period (self, kind, file, NULL, NULL);
}

/* As fg_window_export_ledger(), for the period @from to @to (NULL: the
 * ledger's own default). */
static void
export_ledger_period (FgWindow     *self,
                      FgLedgerKind  kind,
                      GFile        *file,
                      const char   *from,
                      const char   *to)
{
  g_autofree char *path = NULL;
  FgRegion *region;
  FgLedgerFormat format = FG_LEDGER_FORMAT_XLSX;
  FgLedgerQuery query = { .kind = kind, .from = from, .to = to };
  ExportRequest *request;

  path = g_file_get_path (file);
  g_return_if_fail (path != NULL);
  fg_ledger_format_for_path (path, &format);

  region = fg_region_sidebar_get_selected_region (self->sidebar);
  if (region != NULL)
    query.region = fg_region_get_id (region);

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (self);
  request->kind = kind;
  request->file = g_object_ref (file);
  fg_ledger_export_async (self->store, self->actor, &query, format, path, NULL, export_done, request);
}

/* 冢头镇隐患整改台账-2026-12-07.xlsx */
static char *
suggest_name (FgWindow     *self,
              FgLedgerKind  kind)
{
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = g_strdup_printf (C_("ledger title", "%s %s"),
                                            region != NULL ? fg_region_get_name (region) : "",
                                            fg_ledger_kind_get_title (kind));

  g_strdelimit (title, "/\\", '-');
  return g_strdup_printf ("%s-%s.xlsx", g_strstrip (title), day);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  FgWindow *self = FG_WINDOW (user_data);
  FgLedgerKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "ledger-kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  FgLedgerFormat format;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      /* a name without .xlsx or .csv takes the kind of file the filter chose */
      if (!fg_ledger_format_for_path (path, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *extension = g_object_get_data (G_OBJECT (filter != NULL ? filter : (gpointer) chooser),
                                                     "extension");
          g_autofree char *named = g_strconcat (path, extension != NULL ? extension : ".xlsx", NULL);

          g_object_unref (file);
          file = g_file_new_for_path (named);
        }
      export_ledger_period (self, kind, file, g_object_get_data (G_OBJECT (chooser), "ledger-from"),
                            g_object_get_data (G_OBJECT (chooser), "ledger-to"));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
filter_new (const char *name,
            const char *pattern,
            const char *mime_type,
            const char *extension)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "extension", (gpointer) extension);
  return filter;
}

static void
choose_file (FgWindow     *self,
             FgLedgerKind  kind,
             const char   *from,
             const char   *to)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xlsx = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autofree char *name = suggest_name (self, kind);
  /* Translators: the title of the file chooser: "Export Hazard rectification ledger" */
  g_autofree char *title = g_strdup_printf (_("Export %s"), fg_ledger_kind_get_title (kind));

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  xlsx = filter_new (_("Spreadsheet (.xlsx)"), "*.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
  csv = filter_new (_("CSV, UTF-8 (.csv)"), "*.csv", "text/csv", ".csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), xlsx);

  g_object_set_data (G_OBJECT (chooser), "ledger-kind", GUINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (chooser), "ledger-from", g_strdup (from), g_free);
  g_object_set_data_full (G_OBJECT (chooser), "ledger-to", g_strdup (to), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The period */

typedef enum
{
  PERIOD_ALL,          /* every record: the record ledgers only */
  PERIOD_THIS_MONTH,
  PERIOD_LAST_MONTH,
  PERIOD_THIS_YEAR,
  PERIOD_DATES,        /* from one day to another */
  N_PERIODS
} Period;

static const char * const period_names[N_PERIODS] = {
  "period-all", "period-this-month", "period-last-month", "period-this-year", "period-dates",
};

typedef struct
{
  FgWindow     *window;
  FgLedgerKind  kind;
  GDate        *today;
  GtkWidget    *dialog;
  GtkWidget    *checks[N_PERIODS];
  GtkWidget    *from_row;
  GtkWidget    *to_row;
} PeriodChoice;

static void
period_choice_free (PeriodChoice *choice)
{
  g_clear_object (&choice->window);
  g_clear_pointer (&choice->today, g_date_free);
  g_free (choice);
}

/* The first and last day of a period other than PERIOD_DATES; both NULL
 * for every record. */
static void
period_days (Period        period,
             const GDate  *today,
             char        **from,
             char        **to)
{
  g_autoptr(GDate) first = g_date_copy (today);
  g_autoptr(GDate) last = g_date_copy (today);

  *from = *to = NULL;
  switch (period)
    {
    case PERIOD_THIS_MONTH:
      g_date_set_day (first, 1);
      break;
    case PERIOD_LAST_MONTH:
      g_date_set_day (first, 1);
      g_date_subtract_months (first, 1);
      g_date_set_day (last, 1);
      g_date_subtract_days (last, 1);
      break;
    case PERIOD_THIS_YEAR:
      g_date_set_dmy (first, 1, G_DATE_JANUARY, g_date_get_year (today));
      break;
    case PERIOD_ALL:
    case PERIOD_DATES:
    case N_PERIODS:
    default:
      return;
    }
  *from = fg_calendar_format_date (first);
  *to = fg_calendar_format_date (last);
}

static Period
period_chosen (PeriodChoice *choice)
{
  for (guint i = 0; i < N_PERIODS; i++)
    if (choice->checks[i] != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->checks[i])))
      return i;
  return PERIOD_ALL;
}

/* Continue is there when the period is one: two days, the first not
 * after the last, when it is given by dates. */
static void
period_update (PeriodChoice *choice)
{
  gboolean dates = period_chosen (choice) == PERIOD_DATES;
  gboolean ok = TRUE;
  gboolean backwards = FALSE;

  gtk_widget_set_sensitive (choice->from_row, dates);
  gtk_widget_set_sensitive (choice->to_row, dates);
  if (dates)
    {
      g_autoptr(GDate) from = fg_date_row_dup_date (FG_DATE_ROW (choice->from_row));
      g_autoptr(GDate) to = fg_date_row_dup_date (FG_DATE_ROW (choice->to_row));

      ok = from != NULL && to != NULL;
      /* a day that is none is told below its row; days the wrong way
       * round, in place of the question */
      backwards = ok && g_date_compare (from, to) > 0;
      ok = ok && !backwards;
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (choice->dialog),
                               backwards ? _("The last day comes before the first. Choose a later last day.")
                                         : _("Which days should the ledger cover?"));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (choice->dialog), "continue", ok);
}

static void
period_changed (PeriodChoice *choice)
{
  period_update (choice);
}

static void
period_response (AdwMessageDialog *dialog,
                 const char       *response,
                 PeriodChoice     *choice)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  Period period;

  if (g_strcmp0 (response, "continue") != 0)
    return;

  period = period_chosen (choice);
  if (period == PERIOD_DATES)
    {
      g_autoptr(GDate) first = fg_date_row_dup_date (FG_DATE_ROW (choice->from_row));
      g_autoptr(GDate) last = fg_date_row_dup_date (FG_DATE_ROW (choice->to_row));

      /* Continue is off until both are days */
      g_return_if_fail (first != NULL && last != NULL);
      from = fg_calendar_format_date (first);
      to = fg_calendar_format_date (last);
    }
  else
    period_days (period, choice->today, &from, &to);

  choose_file (choice->window, choice->kind, from, to);
}

static GtkWidget *
period_row (PeriodChoice *choice,
            Period        period,
            const char   *title,
            GtkWidget    *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  period_days (period, choice->today, &from, &to);
  if (from != NULL)
    {
      /* Translators: the days of a period to export: "2026-11-01 to 2026-11-30" */
      g_autofree char *days = g_strdup_printf (_("%s to %s"), from, to);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days);
    }
  gtk_widget_set_name (check, period_names[period]);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (group));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (period_changed), choice);
  choice->checks[period] = check;
  return row;
}

/* Asks for the period of a ledger of records or figures, then for the
 * file; the registry of venues is as it is now, and has none. */
static void
choose_period (FgWindow     *self,
               FgLedgerKind  kind)
{
  PeriodChoice *choice;
  GtkWidget *list;
  GtkWidget *first = NULL;
  Period preset;
  /* Translators: the title of the dialog: "Export Hazard rectification ledger" */
  g_autofree char *title = g_strdup_printf (_("Export %s"), fg_ledger_kind_get_title (kind));
  static const struct
  {
    Period      period;
    const char *title;
  } periods[] = {
    { PERIOD_ALL, N_("_Every record") },
    { PERIOD_THIS_MONTH, N_("This _month") },
    { PERIOD_LAST_MONTH, N_("_Last month") },
    { PERIOD_THIS_YEAR, N_("This _year") },
    { PERIOD_DATES, N_("_Between two days") },
  };

  if (kind == FG_LEDGER_VENUES)
    {
      choose_file (self, kind, NULL, NULL);
      return;
    }

  choice = g_new0 (PeriodChoice, 1);
  choice->window = g_object_ref (self);
  choice->kind = kind;
  choice->today = fg_store_today (self->store);
  /* what the ledger covers unless told: every record, the month or the year */
  preset = kind == FG_LEDGER_VILLAGES ? PERIOD_THIS_MONTH : kind == FG_LEDGER_TOWNSHIPS ? PERIOD_THIS_YEAR : PERIOD_ALL;

  choice->dialog = adw_message_dialog_new (GTK_WINDOW (self), title, _("Which days should the ledger cover?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (choice->dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (choice->dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (choice->dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (choice->dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      GtkWidget *row;

      /* the summaries always count a period */
      if (periods[i].period == PERIOD_ALL && (kind == FG_LEDGER_VILLAGES || kind == FG_LEDGER_TOWNSHIPS))
        continue;
      row = period_row (choice, periods[i].period, _(periods[i].title), first);
      if (first == NULL)
        first = choice->checks[periods[i].period];
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  /* Translators: the first day of a period to export */
  choice->from_row = fg_date_row_new (C_("period", "From"));
  gtk_widget_set_name (choice->from_row, "period-from");
  /* Translators: the last day of a period to export */
  choice->to_row = fg_date_row_new (C_("period", "To"));
  gtk_widget_set_name (choice->to_row, "period-to");
  {
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    /* the dates start as this month's */
    period_days (PERIOD_THIS_MONTH, choice->today, &from, &to);
    gtk_editable_set_text (GTK_EDITABLE (choice->from_row), from);
    gtk_editable_set_text (GTK_EDITABLE (choice->to_row), to);
  }
  g_signal_connect_swapped (choice->from_row, "changed", G_CALLBACK (period_changed), choice);
  g_signal_connect_swapped (choice->to_row, "changed", G_CALLBACK (period_changed), choice);
  gtk_list_box_append (GTK_LIST_BOX (list), choice->from_row);
  gtk_list_box_append (GTK_LIST_BOX (list), choice->to_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (choice->dialog), list);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (choice->checks[preset]), TRUE);
  period_update (choice);

  g_signal_connect (choice->dialog, "response", G_CALLBACK (period_response), choice);
  g_object_set_data_full (G_OBJECT (choice->dialog), "period-choice", choice, (GDestroyNotify) period_choice_free);
  gtk_window_present (GTK_WINDOW (choice->dialog));
}

static void
export_page_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgLedgerKind kind;

  if (ledger_for_page (fg_window_get_page (self), &kind))
    choose_period (self, kind);
}

static void
export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FgLedgerKind kind;

  if (fg_ledger_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    choose_period (FG_WINDOW (widget), kind);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
on_venues_imported (FgWindow *self)
{
  fg_store_watch_check (self->store_watch);
}

static void
import_venues_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  FgImportDialog *dialog = fg_import_dialog_new (GTK_WINDOW (self), self->store, self->actor);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_venues_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void print_monthly_report_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);

/* Export… is there on a page with a ledger; the township ranking needs
 * an account that sees whole townships, which the core checks. */
void
_fg_window_update_export_actions (FgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = !self->locked && fg_actor_can (self->actor, FG_ACTION_VENUE_READ);
  FgLedgerKind kind;

  gtk_widget_action_set_enabled (widget, "win.export-page",
                                 open && ledger_for_page (fg_window_get_page (self), &kind));
  gtk_widget_action_set_enabled (widget, "win.export-ledger", open);
  gtk_widget_action_set_enabled (widget, "win.print-monthly-report", open);
  /* only those who may add venues import them */
  gtk_widget_action_set_enabled (widget, "win.import-venues",
                                 !self->locked && fg_actor_can (self->actor, FG_ACTION_VENUE_EDIT));
}

void
_fg_window_class_export_init (FgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-page", NULL, export_page_action);
  gtk_widget_class_install_action (widget_class, "win.export-ledger", "s", export_ledger_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.import-venues", NULL, import_venues_action);
  gtk_widget_class_install_action (widget_class, "win.print-monthly-report", NULL, print_monthly_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import-venues", NULL);
}

/* Print Monthly Report…: the month, then the file, then a worker */

typedef struct
{
  FgWindow *window;
  GFile    *file;
} MonthlyRequest;

static void
monthly_request_free (MonthlyRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MonthlyRequest, monthly_request_free)

static void
monthly_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MonthlyRequest) request = user_data;
  FgWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (!fg_stats_report_write_finish (result, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Monthly Report Was Not Made"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  name = g_file_get_basename (request->file);
  /* Translators: a toast once the monthly report is written: "Monthly report saved · 冢头镇月报.pdf" */
  text = g_strdup_printf (_("Monthly report saved · %s"), name);
  uri = g_file_get_uri (request->file);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
monthly_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  FgWindow *self = FG_WINDOW (user_data);
  const char *month = g_object_get_data (G_OBJECT (chooser), "report-month");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      FgStatsReportFormat format;
      FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);
      FgStatsReportQuery query = { .month = month };
      MonthlyRequest *request;

      /* a name without .pdf or .xlsx takes the kind of file the filter chose */
      if (!fg_stats_report_format_for_path (path, &format, NULL))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          const char *extension = g_object_get_data (G_OBJECT (filter != NULL ? filter : (gpointer) chooser),
                                                     "extension");
          g_autofree char *named = g_strconcat (path, extension != NULL ? extension : ".pdf", NULL);

          g_object_unref (file);
          file = g_file_new_for_path (named);
          g_free (path);
          path = g_steal_pointer (&named);
          fg_stats_report_format_for_path (path, &format, NULL);
        }

      if (region != NULL)
        query.region = fg_region_get_id (region);
      request = g_new0 (MonthlyRequest, 1);
      request->window = g_object_ref (self);
      request->file = g_object_ref (file);
      fg_stats_report_write_async (self->store, self->actor, &query, format, path, NULL, monthly_done, request);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* 冢头镇消防安全工作月报-2026-11.pdf */
static void
monthly_choose_file (FgWindow   *self,
                     const char *month)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GtkFileFilter) xlsx = NULL;
  FgRegion *region = fg_region_sidebar_get_selected_region (self->sidebar);
  /* the report is in Chinese, whatever the window's language: so is its name */
  g_autofree char *name = g_strdup_printf ("%s消防安全工作月报-%s.pdf",
                                           region != NULL ? fg_region_get_name (region) : "", month);

  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (_("Save Monthly Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  pdf = filter_new (_("PDF document (.pdf)"), "*.pdf", "application/pdf", ".pdf");
  xlsx = filter_new (_("Spreadsheet (.xlsx)"), "*.xlsx",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), pdf);

  g_object_set_data_full (G_OBJECT (chooser), "report-month", g_strdup (month), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (monthly_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The months offered: this one and the 23 before it, newest first. */
#define N_REPORT_MONTHS 24

static void
monthly_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FgWindow         *self)
{
  AdwComboRow *row = g_object_get_data (G_OBJECT (dialog), "report-month-row");
  GStrv months = g_object_get_data (G_OBJECT (dialog), "report-months");
  guint chosen;

  if (g_strcmp0 (response, "continue") != 0)
    return;
  chosen = adw_combo_row_get_selected (row);
  if (chosen < g_strv_length (months))
    monthly_choose_file (self, months[chosen]);
}

static void
print_monthly_report_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  FgWindow *self = FG_WINDOW (widget);
  g_autoptr(GDate) today = fg_store_today (self->store);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GStrv months = g_new0 (char *, N_REPORT_MONTHS + 1);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;

  for (guint i = 0; i < N_REPORT_MONTHS; i++)
    {
      g_autoptr(GDate) day = g_date_new_dmy (1, g_date_get_month (today), g_date_get_year (today));
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *label = NULL;

      g_date_subtract_months (day, i);
      months[i] = g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (day), (guint) g_date_get_month (day));
      time = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day), 1, 12, 0, 0);
      /* Translators: a month to report on, as strftime writes it: "November 2026" */
      label = g_date_time_format (time, _("%B %Y"));
      gtk_string_list_append (labels, label);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Print Monthly Report"),
                                   _("The report holds the month’s figures beside the previous month’s, "
                                     "the overdue and major hazards, and the smoke alarm target, for the "
                                     "region chosen in the sidebar."));
  gtk_widget_set_name (dialog, "monthly-report-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_combo_row_new ();
  gtk_widget_set_name (row, "report-month");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Month"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  /* the month just ended, as the county asks for it */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "report-month-row", row);
  g_object_set_data_full (G_OBJECT (dialog), "report-months", months, (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (monthly_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
