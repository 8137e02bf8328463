/* fg-import-dialog.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import Venues…, one step a page: the file, its sheet and header row,
 * with the first rows shown; what each column holds; the sheet's words
 * for categories and villages that the office does not know yet; what
 * the check found (new, refused with the core's reason, likely
 * duplicates with a choice each); the import and what it did. Opening
 * the file, checking the rows and storing them run in workers with a
 * progress bar and Stop; the core (fg-venue-import.c) decides everything,
 * and nothing is stored before the last step.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-accessible.h"
#include "fg-import-dialog.h"

/* Rows of the check listed one by one; the rest are counted. */
#define MAX_LISTED_ROWS 200
/* The first rows of the sheet shown on the first page, and the columns. */
#define PREVIEW_ROWS 8
#define PREVIEW_COLUMNS 12
/* A cell of those rows is cut past this many digits' width. */
#define CELL_WIDTH 16
/* The rows offered as the header. */
#define HEADER_CHOICES 20

typedef enum
{
  JOB_NONE,
  JOB_OPEN,
  JOB_CHECK,
  JOB_RUN,
} Job;

struct _FgImportDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *title_widget;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkWidget *import_button;
  GtkWidget *close_button;
  GtkStack *stack;
  AdwActionRow *file_row;
  AdwComboRow *sheet_row;
  AdwComboRow *header_row;
  GtkLabel *file_error_label;
  GtkWidget *rows_group;
  GtkGrid *rows_grid;
  GtkLabel *mapping_error_label;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *category_words_group;
  AdwPreferencesGroup *region_words_group;
  AdwStatusPage *busy_page;
  GtkProgressBar *progress_bar;
  GtkLabel *preview_note_label;
  GtkLabel *new_count_label;
  GtkLabel *refused_count_label;
  GtkLabel *duplicate_count_label;
  AdwPreferencesGroup *duplicates_group;
  AdwComboRow *all_duplicates_row;
  AdwPreferencesGroup *refused_group;
  AdwStatusPage *done_page;

  FgStore *store;
  FgActor *actor;
  FgWorkbook *workbook;
  FgSheet *sheet;
  FgVenueImport *import;

  Job job;
  GCancellable *cancellable;
  guint pulse_source;
  char *return_page;       /* where Stop goes back to */
  gboolean words_shown;    /* the words page came between columns and preview */
  gboolean updating;       /* rows set from code, not by the person */
  gboolean disposed;

  /* rows added to the groups, to take away when they are built again */
  GPtrArray *column_rows;
  GPtrArray *word_rows;
  GPtrArray *check_rows;
  GPtrArray *duplicate_rows;   /* AdwComboRow, their import row in "fg-row" */
  GPtrArray *region_ids;       /* targets of the village word rows, after "not mapped" */
  GArray *choices;             /* FgImportDuplicateChoice per row of the check */
};

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FgImportDialog, fg_import_dialog, ADW_TYPE_WINDOW)

static void start_check (FgImportDialog *self,
                         const char     *return_page);

/* --- pages and buttons ---------------------------------------------------- */

static void
update_buttons (FgImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean busy = self->job != JOB_NONE;
  const char *subtitle = NULL;

  gtk_widget_set_visible (self->cancel_button, !busy && g_strcmp0 (page, "done") != 0);
  gtk_widget_set_visible (self->back_button, !busy && (g_strcmp0 (page, "columns") == 0 ||
                                                       g_strcmp0 (page, "words") == 0 ||
                                                       g_strcmp0 (page, "preview") == 0));
  gtk_widget_set_visible (self->next_button, !busy && (g_strcmp0 (page, "file") == 0 ||
                                                       g_strcmp0 (page, "columns") == 0 ||
                                                       g_strcmp0 (page, "words") == 0));
  gtk_widget_set_visible (self->import_button, !busy && g_strcmp0 (page, "preview") == 0);
  gtk_widget_set_visible (self->close_button, !busy && g_strcmp0 (page, "done") == 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 !busy && (g_strcmp0 (page, "file") != 0 || self->import != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", busy);

  if (g_strcmp0 (page, "file") == 0)
    subtitle = _("Step 1 of 4: the file");
  else if (g_strcmp0 (page, "columns") == 0)
    subtitle = _("Step 2 of 4: the columns");
  else if (g_strcmp0 (page, "words") == 0)
    subtitle = _("Step 3 of 4: the sheet's words");
  else if (g_strcmp0 (page, "preview") == 0)
    subtitle = _("Step 4 of 4: what will be imported");
  adw_window_title_set_subtitle (self->title_widget, subtitle != NULL ? subtitle : "");
}

static void
show_page (FgImportDialog *self,
           const char     *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  update_buttons (self);
}

static gboolean
pulse (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

/* The worker's page: what it does, its progress, Stop. */
static void
start_job (FgImportDialog *self,
           Job             job,
           const char     *title,
           const char     *return_page)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->job = job;
  g_free (self->return_page);
  self->return_page = g_strdup (return_page);

  adw_status_page_set_title (self->busy_page, title);
  adw_status_page_set_description (self->busy_page, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_set_show_text (self->progress_bar, job != JOB_OPEN);
  if (job == JOB_OPEN)
    self->pulse_source = g_timeout_add (150, pulse, self->progress_bar);
  show_page (self, "busy");
}

static void
end_job (FgImportDialog *self)
{
  self->job = JOB_NONE;
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->cancellable);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (user_data);
  g_autofree char *text = NULL;

  if (self->disposed || total == 0)
    return;
  /* Translators: the progress of a check or an import: "120 of 3,000 rows" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u row", "%u of %u rows", total), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

/* --- step 1: the file ----------------------------------------------------- */

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The header row's cells, shortened: "场所名称 · 地址 · 负责人 …" */
static char *
row_summary (FgSheet *sheet,
             guint    row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  for (guint column = 0; column < fg_sheet_get_row_length (sheet, row) && shown < 5; column++)
    {
      const char *cell = fg_sheet_get_cell (sheet, row, column);

      if (*cell == '\0')
        continue;
      if (shown++ > 0)
        g_string_append (text, " · ");
      if (g_utf8_strlen (cell, -1) > 12)
        {
          g_autofree char *start = g_utf8_substring (cell, 0, 11);

          g_string_append_printf (text, "%s…", start);
        }
      else
        g_string_append (text, cell);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A cell's width in the widths of a digit: a Chinese character takes two. */
static int
cell_width (const char *cell)
{
  int width = 0;

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The first rows of the sheet, the header row in bold. */
static void
fill_rows_grid (FgImportDialog *self)
{
  guint header = fg_venue_import_get_header_row (self->import);
  guint first = header > 2 ? header - 2 : 0;
  guint last = MIN (fg_sheet_get_n_rows (self->sheet), first + PREVIEW_ROWS);
  guint n_columns = MIN (fg_sheet_get_n_columns (self->sheet), PREVIEW_COLUMNS);

  clear_grid (self->rows_grid);

  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *letters = fg_sheet_column_letters (column);
      GtkWidget *label = gtk_label_new (letters);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (self->rows_grid, label, column + 1, 0, 1, 1);
    }

  for (guint row = first; row < last; row++)
    {
      guint line = fg_sheet_get_line (self->sheet, row);
      g_autofree char *number = g_strdup_printf ("%u", line);
      GtkWidget *label = gtk_label_new (number);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->rows_grid, label, 0, row - first + 1, 1, 1);

      for (guint column = 0; column < n_columns; column++)
        {
          const char *cell = fg_sheet_get_cell (self->sheet, row, column);

          label = gtk_label_new (cell);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          /* short cells whole, long ones cut; the table scrolls sideways */
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_width_chars (GTK_LABEL (label), MIN (cell_width (cell), CELL_WIDTH));
          gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_WIDTH);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          if (*cell != '\0')
            gtk_widget_set_tooltip_text (label, cell);
          if (row == header)
            gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->rows_grid, label, column + 1, row - first + 1, 1, 1);
        }
    }
  gtk_widget_set_visible (self->rows_group, TRUE);
}

static void
fill_header_choices (FgImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = MIN (fg_sheet_get_n_rows (self->sheet), HEADER_CHOICES);
  guint header = fg_venue_import_get_header_row (self->import);

  for (guint row = 0; row < n; row++)
    {
      g_autofree char *cells = row_summary (self->sheet, row);
      /* Translators: a row offered as the header: "Line 2: 场所名称 · 地址 · 负责人" */
      g_autofree char *label = g_strdup_printf (_("Line %u: %s"), fg_sheet_get_line (self->sheet, row), cells);

      gtk_string_list_append (labels, label);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->header_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->header_row, header < n ? header : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), TRUE);
}

static void
show_file_error (FgImportDialog *self,
                 const char     *message)
{
  gtk_label_set_text (self->file_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), message != NULL);
}

/* Nothing of an earlier file stays when another is chosen. */
static void
forget_file (FgImportDialog *self)
{
  g_clear_object (&self->import);
  g_clear_object (&self->sheet);
  g_clear_object (&self->workbook);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->header_row), FALSE);
  gtk_widget_set_visible (self->rows_group, FALSE);
  clear_grid (self->rows_grid);
}

typedef struct
{
  char *path;
  FgWorkbook *workbook;
  guint sheet_index;
  FgSheet *sheet;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_free (job->path);
  g_clear_object (&job->workbook);
  g_clear_object (&job->sheet);
  g_free (job);
}

static void
open_in_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;

  if (job->workbook == NULL)
    job->workbook = fg_workbook_open (job->path, cancellable, &error);
  if (job->workbook != NULL)
    job->sheet = fg_workbook_read_sheet (job->workbook, job->sheet_index, cancellable, &error);

  if (job->sheet != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(FgImportDialog) self = user_data;
  OpenJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) sheets = NULL;

  if (self->disposed)
    return;
  end_job (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      forget_file (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the file cannot be read; the core says why */
          g_autofree char *text = g_strdup_printf (_("This file cannot be imported. %s"), error->message);

          show_file_error (self, text);
        }
      show_page (self, "file");
      return;
    }

  forget_file (self);
  self->workbook = g_object_ref (job->workbook);
  self->sheet = g_object_ref (job->sheet);
  self->import = fg_venue_import_new (self->workbook, self->sheet, &error);

  sheets = gtk_string_list_new (NULL);
  for (guint i = 0; i < fg_workbook_get_n_sheets (self->workbook); i++)
    gtk_string_list_append (sheets, fg_workbook_get_sheet_name (self->workbook, i));
  self->updating = TRUE;
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (sheets));
  adw_combo_row_set_selected (self->sheet_row, job->sheet_index);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), fg_workbook_get_n_sheets (self->workbook) > 1);

  if (self->import == NULL)
    show_file_error (self, error->message);
  else
    {
      show_file_error (self, NULL);
      fill_header_choices (self);
      fill_rows_grid (self);
    }
  show_page (self, "file");
}

static void
open_sheet (FgImportDialog *self,
            const char     *path,
            FgWorkbook     *workbook,
            guint           sheet_index)
{
  g_autoptr(GTask) task = NULL;
  OpenJob *job = g_new0 (OpenJob, 1);

  job->path = g_strdup (path);
  job->workbook = workbook != NULL ? g_object_ref (workbook) : NULL;
  job->sheet_index = sheet_index;

  show_file_error (self, NULL);
  start_job (self, JOB_OPEN, workbook == NULL ? _("Opening the File…") : _("Reading the Sheet…"), "file");
  task = g_task_new (NULL, self->cancellable, opened, g_object_ref (self));
  g_task_set_source_tag (task, open_sheet);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_in_worker);
}

/**
 * fg_import_dialog_open_file:
 * @file: the spreadsheet the person chose
 *
 * Opens it in a worker and reads its first sheet; a file the core cannot
 * read is said on the first page, and nothing of it is kept.
 */
void
fg_import_dialog_open_file (FgImportDialog *self,
                            GFile          *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (FG_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job == JOB_NONE);

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  forget_file (self);
  adw_action_row_set_subtitle (self->file_row, name != NULL ? name : "");
  if (path == NULL)
    {
      show_file_error (self, _("This file is not on this computer's disks. Copy it to a folder first."));
      update_buttons (self);
      return;
    }
  open_sheet (self, path, NULL, 0);
}

static void
on_sheet_selected (FgImportDialog *self)
{
  guint index = adw_combo_row_get_selected (self->sheet_row);

  if (self->updating || self->workbook == NULL || index == GTK_INVALID_LIST_POSITION || self->job != JOB_NONE)
    return;
  open_sheet (self, fg_workbook_get_path (self->workbook), self->workbook, index);
}

static void
on_header_selected (FgImportDialog *self)
{
  guint row = adw_combo_row_get_selected (self->header_row);

  if (self->updating || self->import == NULL || row == GTK_INVALID_LIST_POSITION)
    return;
  fg_venue_import_set_header_row (self->import, row);
  fill_rows_grid (self);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && self->job == JOB_NONE)
        fg_import_dialog_open_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char    **patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  static const char *all[] = { "*.xlsx", "*.XLSX", "*.xls", "*.XLS", "*.csv", "*.CSV", NULL };
  static const char *xlsx[] = { "*.xlsx", "*.XLSX", NULL };
  static const char *xls[] = { "*.xls", "*.XLS", NULL };
  static const char *csv[] = { "*.csv", "*.CSV", NULL };

  chooser = gtk_file_chooser_native_new (_("Choose a Spreadsheet of Venues"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Spreadsheets (.xlsx, .xls, .csv)"), all);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Workbook (.xlsx)"), xlsx);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Excel 97–2003 workbook (.xls)"), xls);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV (.csv)"), csv);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- step 2: the columns -------------------------------------------------- */

static GListModel *
field_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not imported"));
  for (guint field = FG_IMPORT_FIELD_NONE + 1; field < FG_IMPORT_N_FIELDS; field++)
    gtk_string_list_append (labels, fg_import_field_get_label (field));
  return G_LIST_MODEL (labels);
}

/* Up to three values below the header: "老王烧烤, 李庄便民超市, 平安旅社" */
static char *
column_samples (FgImportDialog *self,
                guint           column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  for (guint row = fg_venue_import_get_header_row (self->import) + 1;
       row < fg_sheet_get_n_rows (self->sheet) && shown < 3; row++)
    {
      const char *cell = fg_sheet_get_cell (self->sheet, row, column);

      if (*cell == '\0')
        continue;
      /* Translators: between sample values of a column */
      g_string_append_printf (text, "%s%s", shown++ > 0 ? _(", ") : "", cell);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
sync_column_rows (FgImportDialog *self)
{
  self->updating = TRUE;
  for (guint column = 0; column < self->column_rows->len; column++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column),
                                fg_venue_import_get_field (self->import, column));
  self->updating = FALSE;
}

static void
on_column_selected (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    FgImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fg-column"));
  guint field = adw_combo_row_get_selected (row);

  if (self->updating || field == GTK_INVALID_LIST_POSITION)
    return;
  /* a field goes to one column: the core lets go the one that had it */
  fg_venue_import_set_field (self->import, column, field);
  sync_column_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), FALSE);
}

static void
build_columns (FgImportDialog *self)
{
  g_autoptr(GListModel) labels = field_labels ();

  remove_rows (self->columns_group, self->column_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), FALSE);

  for (guint column = 0; column < fg_venue_import_get_n_columns (self->import); column++)
    {
      const char *header = fg_venue_import_get_header (self->import, column);
      g_autofree char *letters = fg_sheet_column_letters (column);
      g_autofree char *samples = column_samples (self, column);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      AdwComboRow *row;

      /* Translators: a column's letter and header: "B · 场所名称"; "C" alone when it has none */
      title = *header != '\0' ? g_strdup_printf (_("%s · %s"), letters, header) : g_strdup (letters);
      /* Translators: the first values of a column */
      subtitle = *samples != '\0' ? g_strdup_printf (_("For example: %s"), samples) : g_strdup (_("Empty"));

      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, labels);
      adw_combo_row_set_selected (row, fg_venue_import_get_field (self->import, column));
      g_object_set_data (G_OBJECT (row), "fg-column", GUINT_TO_POINTER (column));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

/* --- step 3: the words ---------------------------------------------------- */

static void
add_region_choice (FgImportDialog *self,
                   GtkStringList  *labels,
                   FgRegion       *village,
                   FgRegion       *grid)
{
  if (grid == NULL)
    gtk_string_list_append (labels, fg_region_get_name (village));
  else
    {
      g_autofree char *label = g_strdup_printf (_("%s › %s"), fg_region_get_name (village),
                                                fg_region_get_name (grid));

      gtk_string_list_append (labels, label);
    }
  g_ptr_array_add (self->region_ids, g_strdup (fg_region_get_id (grid != NULL ? grid : village)));
}

/* The villages and grids the person may put venues in, after "not mapped". */
static GListModel *
region_labels (FgImportDialog *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) villages = NULL;
  g_autoptr(FgRegion) scope = NULL;
  const char *scope_id = fg_actor_get_scope_region_id (self->actor);

  g_ptr_array_set_size (self->region_ids, 0);
  gtk_string_list_append (labels, _("Not mapped"));

  if (scope_id != NULL)
    scope = fg_region_lookup (self->store, self->actor, scope_id, NULL);
  if (scope != NULL && fg_region_get_level (scope) == FG_REGION_LEVEL_GRID)
    {
      g_autoptr(FgRegion) village = fg_region_lookup (self->store, self->actor,
                                                      fg_region_get_parent_id (scope), NULL);

      if (village != NULL)
        add_region_choice (self, labels, village, scope);
      return G_LIST_MODEL (labels);
    }
  if (scope != NULL && fg_region_get_level (scope) == FG_REGION_LEVEL_VILLAGE)
    {
      villages = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (villages, g_object_ref (scope));
    }
  else if (fg_store_get_home_region_id (self->store) != NULL)
    villages = fg_region_list_children (self->store, self->actor, fg_store_get_home_region_id (self->store),
                                        FALSE, NULL);

  for (guint i = 0; villages != NULL && i < villages->len; i++)
    {
      FgRegion *village = g_ptr_array_index (villages, i);
      g_autoptr(GPtrArray) grids = fg_region_list_children (self->store, self->actor,
                                                            fg_region_get_id (village), FALSE, NULL);

      add_region_choice (self, labels, village, NULL);
      for (guint j = 0; grids != NULL && j < grids->len; j++)
        add_region_choice (self, labels, village, g_ptr_array_index (grids, j));
    }
  return G_LIST_MODEL (labels);
}

static GListModel *
category_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not mapped"));
  for (guint i = 0; i < fg_category_get_n_categories (); i++)
    gtk_string_list_append (labels, fg_category_get_name (fg_category_get_nth (i)));
  return G_LIST_MODEL (labels);
}

static guint
add_word_rows (FgImportDialog      *self,
               AdwPreferencesGroup *group,
               FgImportWordKind     kind,
               GListModel          *labels)
{
  g_autoptr(GPtrArray) words = fg_venue_import_list_unknown_words (self->import, kind);

  for (guint i = 0; i < words->len; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (words, i));
      adw_combo_row_set_model (row, labels);
      adw_combo_row_set_selected (row, 0);
      g_object_set_data_full (G_OBJECT (row), "fg-word", g_strdup (g_ptr_array_index (words, i)), g_free);
      g_object_set_data (G_OBJECT (row), "fg-word-kind", GUINT_TO_POINTER (kind));
      g_object_set_data (G_OBJECT (row), "fg-group", group);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_ptr_array_add (self->word_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), words->len > 0);
  return words->len;
}

/* Returns: whether the check found words the office does not know */
static gboolean
build_words (FgImportDialog *self)
{
  g_autoptr(GListModel) categories = category_labels ();
  g_autoptr(GListModel) regions = NULL;
  guint n = 0;

  for (guint i = 0; i < self->word_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->word_rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "fg-group"), row);
    }
  g_ptr_array_set_size (self->word_rows, 0);

  regions = region_labels (self);
  n += add_word_rows (self, self->category_words_group, FG_IMPORT_WORD_CATEGORY, categories);
  n += add_word_rows (self, self->region_words_group, FG_IMPORT_WORD_REGION, regions);
  return n > 0;
}

/* The words the person mapped go to the core, which keeps them once the
 * import is run. */
static void
apply_words (FgImportDialog *self)
{
  for (guint i = 0; i < self->word_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->word_rows, i);
      FgImportWordKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fg-word-kind"));
      const char *word = g_object_get_data (G_OBJECT (row), "fg-word");
      guint selected = adw_combo_row_get_selected (row);

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        continue;
      if (kind == FG_IMPORT_WORD_CATEGORY)
        fg_venue_import_set_word (self->import, kind, word,
                                  fg_category_get_id (fg_category_get_nth (selected - 1)));
      else if (selected - 1 < self->region_ids->len)
        fg_venue_import_set_word (self->import, kind, word, g_ptr_array_index (self->region_ids, selected - 1));
    }
}

/* --- step 4: the check ---------------------------------------------------- */

static GListModel *
choice_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* in the order of FgImportDuplicateChoice */
  gtk_string_list_append (labels, _("Skip"));
  gtk_string_list_append (labels, _("Update the registered venue"));
  gtk_string_list_append (labels, _("Add anyway"));
  return G_LIST_MODEL (labels);
}

static void
on_duplicate_selected (AdwComboRow    *row,
                       GParamSpec     *pspec,
                       FgImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "fg-row"));
  guint choice = adw_combo_row_get_selected (row);

  if (self->updating || choice == GTK_INVALID_LIST_POSITION)
    return;
  fg_venue_import_set_row_choice (self->import, index, choice);
  g_array_index (self->choices, FgImportDuplicateChoice, index) = choice;
}

static void
on_all_duplicates_selected (FgImportDialog *self)
{
  guint choice = adw_combo_row_get_selected (self->all_duplicates_row);

  if (self->updating || self->import == NULL || choice == GTK_INVALID_LIST_POSITION)
    return;
  fg_venue_import_set_duplicate_choice (self->import, choice);
  for (guint i = 0; i < self->choices->len; i++)
    if (fg_venue_import_get_row_state (self->import, i) == FG_IMPORT_ROW_DUPLICATE)
      g_array_index (self->choices, FgImportDuplicateChoice, i) = choice;

  self->updating = TRUE;
  for (guint i = 0; i < self->duplicate_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->duplicate_rows, i), choice);
  self->updating = FALSE;
}

/* What a duplicate matches: the registered venue, or a row above. */
static char *
duplicate_of (FgImportDialog *self,
              guint           index)
{
  const char *id = fg_venue_import_get_row_duplicate_id (self->import, index);
  guint line = fg_venue_import_get_row_duplicate_line (self->import, index);

  if (id != NULL)
    {
      g_autoptr(FgVenue) venue = fg_venue_load (self->store, self->actor, id, NULL);

      if (venue != NULL)
        /* Translators: the venue a row of the file is likely the same as:
         * "Registered: 于记超市, 金集村民主路60号 (金集村)" */
        return g_strdup_printf (_("Registered: %s, %s (%s)"), fg_venue_get_name (venue),
                                fg_venue_get_address (venue), fg_venue_get_village_name (venue));
    }
  if (line > 0)
    /* Translators: a row of the file is likely the same as one above it */
    return g_strdup_printf (_("The same as line %u of this file"), line);
  return NULL;
}

static GtkWidget *
check_row_new (FgImportDialog *self,
               guint           index)
{
  FgVenueImport *import = self->import;
  const char *name = fg_venue_import_get_row_name (import, index);
  const char *message = fg_venue_import_get_row_message (import, index);
  g_autofree char *matches = NULL;
  g_autofree char *subtitle = NULL;
  /* Translators: a row of the file: "Line 7 · 钱记小卖部"; "Line 9 · (no name)" */
  g_autofree char *title = g_strdup_printf (_("Line %u · %s"), fg_venue_import_get_row_line (import, index),
                                            name != NULL && *name != '\0' ? name : _("(no name)"));
  GtkWidget *row = fg_venue_import_get_row_state (import, index) == FG_IMPORT_ROW_DUPLICATE
                   ? adw_combo_row_new () : adw_action_row_new ();

  if (fg_venue_import_get_row_state (import, index) == FG_IMPORT_ROW_DUPLICATE)
    matches = duplicate_of (self, index);
  subtitle = g_strjoin ("\n", message != NULL ? message : "", matches, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (subtitle));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

static GtkWidget *
more_row_new (guint n)
{
  /* Translators: under a list of rows cut short */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more row", "And %u more rows", n),
                                            n);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

static void
build_preview (FgImportDialog *self)
{
  g_autoptr(GListModel) choices = choice_labels ();
  guint n_rows = fg_venue_import_get_n_rows (self->import);
  guint n_new = 0, n_refused = 0, n_duplicates = 0;

  for (guint i = 0; i < self->check_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->check_rows, i);

      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "fg-group"), row);
    }
  g_ptr_array_set_size (self->check_rows, 0);
  g_ptr_array_set_size (self->duplicate_rows, 0);

  for (guint i = 0; i < n_rows; i++)
    {
      FgImportRowState state = fg_venue_import_get_row_state (self->import, i);
      AdwPreferencesGroup *group = NULL;
      GtkWidget *row;

      if (state == FG_IMPORT_ROW_NEW)
        {
          n_new++;
          continue;
        }
      if (state == FG_IMPORT_ROW_REFUSED && n_refused++ < MAX_LISTED_ROWS)
        group = self->refused_group;
      else if (state == FG_IMPORT_ROW_DUPLICATE && n_duplicates++ < MAX_LISTED_ROWS)
        group = self->duplicates_group;
      if (group == NULL)
        continue;

      row = check_row_new (self, i);
      if (state == FG_IMPORT_ROW_DUPLICATE)
        {
          adw_combo_row_set_model (ADW_COMBO_ROW (row), choices);
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), g_array_index (self->choices, FgImportDuplicateChoice, i));
          g_object_set_data (G_OBJECT (row), "fg-row", GUINT_TO_POINTER (i));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_duplicate_selected), self, 0);
          g_ptr_array_add (self->duplicate_rows, row);
        }
      g_object_set_data (G_OBJECT (row), "fg-group", group);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->check_rows, row);
    }

  if (n_refused > MAX_LISTED_ROWS)
    {
      GtkWidget *row = more_row_new (n_refused - MAX_LISTED_ROWS);

      g_object_set_data (G_OBJECT (row), "fg-group", self->refused_group);
      adw_preferences_group_add (self->refused_group, row);
      g_ptr_array_add (self->check_rows, row);
    }
  if (n_duplicates > MAX_LISTED_ROWS)
    {
      GtkWidget *row = more_row_new (n_duplicates - MAX_LISTED_ROWS);

      /* Translators: under the duplicates listed, when there are more */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("They follow the choice for all duplicates."));
      g_object_set_data (G_OBJECT (row), "fg-group", self->duplicates_group);
      adw_preferences_group_add (self->duplicates_group, row);
      g_ptr_array_add (self->check_rows, row);
    }

  set_count (self->new_count_label, n_new);
  set_count (self->refused_count_label, n_refused);
  set_count (self->duplicate_count_label, n_duplicates);
  gtk_widget_set_visible (GTK_WIDGET (self->refused_group), n_refused > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), n_duplicates > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->all_duplicates_row), n_duplicates > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", n_new + n_duplicates > 0);
}

static void
checked (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FgImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *return_page = NULL;
  guint n_rows;

  if (self->disposed)
    return;
  end_job (self);
  return_page = g_steal_pointer (&self->return_page);

  if (!fg_venue_import_check_finish (FG_VENUE_IMPORT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* stopped: back where the check was asked for; after a stopped
           * import, the rows are no longer checked */
          show_page (self, g_strcmp0 (return_page, "preview") == 0 ? "columns" : return_page);
          return;
        }
      /* the mapping is put right on the columns page */
      gtk_label_set_text (self->mapping_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->mapping_error_label), TRUE);
      show_page (self, "columns");
      return;
    }

  n_rows = fg_venue_import_get_n_rows (self->import);
  if (g_strcmp0 (return_page, "preview") != 0 || self->choices->len != n_rows)
    {
      /* a new check: every duplicate is skipped unless said otherwise */
      g_array_set_size (self->choices, 0);
      g_array_set_size (self->choices, n_rows);
      self->updating = TRUE;
      adw_combo_row_set_selected (self->all_duplicates_row, FG_IMPORT_DUPLICATE_SKIP);
      self->updating = FALSE;
    }
  else
    {
      /* checked again after a stopped import: the choices made stay */
      for (guint i = 0; i < n_rows; i++)
        if (fg_venue_import_get_row_state (self->import, i) == FG_IMPORT_ROW_DUPLICATE)
          fg_venue_import_set_row_choice (self->import, i, g_array_index (self->choices, FgImportDuplicateChoice, i));
    }

  if (g_strcmp0 (return_page, "columns") == 0)
    {
      self->words_shown = build_words (self);
      if (self->words_shown)
        {
          show_page (self, "words");
          return;
        }
    }

  if (g_strcmp0 (return_page, "preview") != 0)
    gtk_widget_set_visible (GTK_WIDGET (self->preview_note_label), FALSE);
  build_preview (self);
  show_page (self, "preview");
}

static void
start_check (FgImportDialog *self,
             const char     *return_page)
{
  start_job (self, JOB_CHECK, _("Checking the Rows…"), return_page);
  fg_venue_import_check_async (self->import, self->store, self->actor, self->cancellable,
                               on_progress, self, checked, g_object_ref (self));
}

/* --- step 5: the import --------------------------------------------------- */

static void
imported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FgImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FgVenueImportResult counts = { 0 };

  if (self->disposed)
    return;
  end_job (self);

  if (!fg_venue_import_run_finish (FG_VENUE_IMPORT (source), result, &counts, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->preview_note_label, _("The import was stopped. Nothing was stored."));
      else
        {
          /* Translators: the import failed; the core says why */
          text = g_strdup_printf (_("The venues were not imported, and nothing was stored. %s"), error->message);
          gtk_label_set_text (self->preview_note_label, text);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->preview_note_label), TRUE);
      /* a run that did not finish must be checked again before another */
      start_check (self, "preview");
      return;
    }

  /* Translators: what an import did */
  text = g_strdup_printf (_("Added: %u · Updated: %u · Skipped: %u · Refused: %u"),
                          counts.added, counts.updated, counts.skipped, counts.refused);
  if (counts.refused > 0)
    {
      g_autofree char *counted = g_steal_pointer (&text);

      text = g_strconcat (counted, "\n",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Correct the refused row in the file and import it again: the venues "
                                       "added now are then found as duplicates and skipped.",
                                       "Correct the refused rows in the file and import it again: the venues "
                                       "added now are then found as duplicates and skipped.",
                                       counts.refused), NULL);
    }
  adw_status_page_set_description (self->done_page, text);
  show_page (self, "done");
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (widget);

  if (self->import == NULL || self->job != JOB_NONE)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_note_label), FALSE);
  start_job (self, JOB_RUN, _("Importing the Venues…"), "preview");
  fg_venue_import_run_async (self->import, self->store, self->actor, self->cancellable,
                             on_progress, self, imported, g_object_ref (self));
}

/* --- moving between the steps --------------------------------------------- */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->import == NULL || self->job != JOB_NONE)
    return;

  if (g_strcmp0 (page, "file") == 0)
    {
      build_columns (self);
      show_page (self, "columns");
    }
  else if (g_strcmp0 (page, "columns") == 0)
    start_check (self, "columns");
  else if (g_strcmp0 (page, "words") == 0)
    {
      apply_words (self);
      start_check (self, "words");
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->job != JOB_NONE)
    return;
  if (g_strcmp0 (page, "columns") == 0)
    show_page (self, "file");
  else if (g_strcmp0 (page, "words") == 0)
    show_page (self, "columns");
  else if (g_strcmp0 (page, "preview") == 0)
    show_page (self, self->words_shown ? "words" : "columns");
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Closed while a worker runs: the worker is stopped, and an import not
 * yet stored is not. */
static gboolean
fg_import_dialog_close_request (GtkWindow *window)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (fg_import_dialog_parent_class)->close_request (window);
}

/* --- the class ------------------------------------------------------------ */

static void
fg_import_dialog_dispose (GObject *object)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), FG_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (fg_import_dialog_parent_class)->dispose (object);
}

static void
fg_import_dialog_finalize (GObject *object)
{
  FgImportDialog *self = FG_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->sheet);
  g_clear_object (&self->workbook);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_free (self->return_page);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->word_rows);
  g_ptr_array_unref (self->check_rows);
  g_ptr_array_unref (self->duplicate_rows);
  g_ptr_array_unref (self->region_ids);
  g_array_unref (self->choices);

  G_OBJECT_CLASS (fg_import_dialog_parent_class)->finalize (object);
}

static void
fg_import_dialog_class_init (FgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fg_import_dialog_dispose;
  object_class->finalize = fg_import_dialog_finalize;
  window_class->close_request = fg_import_dialog_close_request;

  /**
   * FgImportDialog::imported:
   *
   * Venues were stored: the window reads them again.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-import-dialog.ui");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, file_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, rows_grid);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, mapping_error_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, category_words_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, region_words_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, preview_note_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, new_count_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, refused_count_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, duplicate_count_label);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, all_duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, refused_group);
  gtk_widget_class_bind_template_child (widget_class, FgImportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sheet_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_header_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_all_duplicates_selected);
}

static void
fg_import_dialog_init (FgImportDialog *self)
{
  g_autoptr(GListModel) choices = choice_labels ();

  self->column_rows = g_ptr_array_new ();
  self->word_rows = g_ptr_array_new ();
  self->check_rows = g_ptr_array_new ();
  self->duplicate_rows = g_ptr_array_new ();
  self->region_ids = g_ptr_array_new_with_free_func (g_free);
  self->choices = g_array_new (FALSE, TRUE, sizeof (FgImportDuplicateChoice));

  fg_accessible_keep_class_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  adw_combo_row_set_model (self->all_duplicates_row, choices);
  self->updating = FALSE;
  update_buttons (self);
}

/**
 * fg_import_dialog_new:
 * @parent: the main window, which it is modal to
 *
 * Returns: (transfer none): the assistant, to present
 */
FgImportDialog *
fg_import_dialog_new (GtkWindow *parent,
                      FgStore   *store,
                      FgActor   *actor)
{
  FgImportDialog *self;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (FG_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = fg_actor_ref (actor);
  return self;
}

/**
 * fg_import_dialog_get_step:
 *
 * Returns: the page shown: file, columns, words, busy, preview or done
 */
const char *
fg_import_dialog_get_step (FgImportDialog *self)
{
  g_return_val_if_fail (FG_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
fg_import_dialog_is_busy (FgImportDialog *self)
{
  g_return_val_if_fail (FG_IS_IMPORT_DIALOG (self), FALSE);
  return self->job != JOB_NONE;
}

/**
 * fg_import_dialog_get_import:
 *
 * Returns: (transfer none) (nullable): the import of the file opened
 */
FgVenueImport *
fg_import_dialog_get_import (FgImportDialog *self)
{
  g_return_val_if_fail (FG_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}
