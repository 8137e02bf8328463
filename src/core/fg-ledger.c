/* fg-ledger.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ledger is a title, a period, a row of column headings and the rows of
 * one kind of record. Each kind says here once what its columns are and
 * reads its rows through the query the window's list uses (or, for the
 * summaries, fg-report.c), so a ledger shows what the window shows; the
 * two writers, the workbook and CSV, lay the same cells out.
 *
 * A file is written beside its destination under a temporary name and
 * renamed into place once complete: a full disk or a refusal half-way
 * leaves the old file, or none, never half of one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "fg-ledger.h"
#include "fg-calendar-private.h"
#include "fg-hazard-query.h"
#include "fg-inspection.h"
#include "fg-notice-query.h"
#include "fg-notice.h"
#include "fg-permission-private.h"
#include "fg-region.h"
#include "fg-report.h"
#include "fg-store-private.h"
#include "fg-venue-query.h"
#include "fg-venue.h"

G_DEFINE_QUARK (fg-ledger-error-quark, fg_ledger_error)

/* Rows are read from the paged queries this many at a time. */
#define PAGE_SIZE 2000

static const char * const kind_ids[FG_LEDGER_N_KINDS] = {
  "venues", "inspections", "hazards", "documents", "villages", "townships",
};

const char *
fg_ledger_kind_to_string (FgLedgerKind kind)
{
  g_return_val_if_fail (kind < FG_LEDGER_N_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
fg_ledger_kind_from_string (const char   *text,
                            FgLedgerKind *kind)
{
  for (guint i = 0; i < FG_LEDGER_N_KINDS; i++)
    {
      if (g_strcmp0 (text, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * fg_ledger_kind_get_title:
 *
 * Returns: the ledger's name as an office prints it above the table
 */
const char *
fg_ledger_kind_get_title (FgLedgerKind kind)
{
  switch (kind)
    {
    case FG_LEDGER_VENUES:
      return _("Venue registry");
    case FG_LEDGER_INSPECTIONS:
      return _("Inspection ledger");
    case FG_LEDGER_HAZARDS:
      return _("Hazard rectification ledger");
    case FG_LEDGER_DOCUMENTS:
      return _("Documents issued");
    case FG_LEDGER_VILLAGES:
      return _("Summary by village");
    case FG_LEDGER_TOWNSHIPS:
      return _("Township ranking");
    case FG_LEDGER_N_KINDS:
    default:
      return "";
    }
}

/**
 * fg_ledger_format_for_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: whether @path ends in .xlsx or .csv (in any case)
 */
gboolean
fg_ledger_format_for_path (const char     *path,
                           FgLedgerFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_utf8_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    *format = FG_LEDGER_FORMAT_XLSX;
  else if (g_str_has_suffix (lower, ".csv"))
    *format = FG_LEDGER_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

const char *
fg_ledger_format_get_extension (FgLedgerFormat format)
{
  return format == FG_LEDGER_FORMAT_CSV ? ".csv" : ".xlsx";
}

/* Columns and cells */

typedef enum
{
  COLUMN_TEXT,
  COLUMN_COUNT,    /* a whole number */
  COLUMN_DECIMAL,  /* an area, as it was entered */
  COLUMN_DATE,     /* YYYY-MM-DD in the cell's text; a date in a workbook */
  COLUMN_SHARE,    /* 0 to 1, shown as a percentage */
} ColumnType;

typedef struct
{
  const char *heading;  /* NC_("ledger column", …) */
  ColumnType  type;
} Column;

/* A cell: @text for text and dates (NULL: empty), @number otherwise
 * (@empty: nothing to say, as a share of nothing). */
typedef struct
{
  const char *text;
  double      number;
  gboolean    empty;
} Cell;

static const Column venue_columns[] = {
  { NC_("ledger column", "No."), COLUMN_COUNT },
  { NC_("ledger column", "Venue"), COLUMN_TEXT },
  { NC_("ledger column", "Address"), COLUMN_TEXT },
  { NC_("ledger column", "Village"), COLUMN_TEXT },
  { NC_("ledger column", "Grid"), COLUMN_TEXT },
  { NC_("ledger column", "Category"), COLUMN_TEXT },
  { NC_("ledger column", "Operator"), COLUMN_TEXT },
  { NC_("ledger column", "Phone"), COLUMN_TEXT },
  { NC_("ledger column", "Credit code"), COLUMN_TEXT },
  { NC_("ledger column", "Floor area (m²)"), COLUMN_DECIMAL },
  { NC_("ledger column", "Floors"), COLUMN_COUNT },
  { NC_("ledger column", "People sleeping"), COLUMN_COUNT },
  { NC_("ledger column", "Key unit"), COLUMN_TEXT },
  { NC_("ledger column", "Smoke alarm"), COLUMN_TEXT },
  { NC_("ledger column", "Status"), COLUMN_TEXT },
  { NC_("ledger column", "Registered"), COLUMN_DATE },
};

static const Column inspection_columns[] = {
  { NC_("ledger column", "No."), COLUMN_COUNT },
  { NC_("ledger column", "Date"), COLUMN_DATE },
  { NC_("ledger column", "Venue"), COLUMN_TEXT },
  { NC_("ledger column", "Village"), COLUMN_TEXT },
  { NC_("ledger column", "Grid"), COLUMN_TEXT },
  { NC_("ledger column", "Kind"), COLUMN_TEXT },
  { NC_("ledger column", "Campaign"), COLUMN_TEXT },
  { NC_("ledger column", "Inspector"), COLUMN_TEXT },
  { NC_("ledger column", "Hazards found"), COLUMN_COUNT },
  { NC_("ledger column", "Note"), COLUMN_TEXT },
};

static const Column hazard_columns[] = {
  { NC_("ledger column", "No."), COLUMN_COUNT },
  { NC_("ledger column", "Found"), COLUMN_DATE },
  { NC_("ledger column", "Venue"), COLUMN_TEXT },
  { NC_("ledger column", "Village"), COLUMN_TEXT },
  { NC_("ledger column", "Finding"), COLUMN_TEXT },
  { NC_("ledger column", "Grade"), COLUMN_TEXT },
  { NC_("ledger column", "Notice number"), COLUMN_TEXT },
  { NC_("ledger column", "Deadline"), COLUMN_DATE },
  { NC_("ledger column", "Service"), COLUMN_TEXT },
  { NC_("ledger column", "Served"), COLUMN_DATE },
  { NC_("ledger column", "Re-inspected"), COLUMN_DATE },
  { NC_("ledger column", "Closed"), COLUMN_DATE },
  { NC_("ledger column", "Days taken"), COLUMN_COUNT },
  { NC_("ledger column", "Working days overdue"), COLUMN_COUNT },
  { NC_("ledger column", "State"), COLUMN_TEXT },
};

static const Column document_columns[] = {
  { NC_("ledger column", "No."), COLUMN_COUNT },
  { NC_("ledger column", "Number"), COLUMN_TEXT },
  { NC_("ledger column", "Document"), COLUMN_TEXT },
  { NC_("ledger column", "Venue"), COLUMN_TEXT },
  { NC_("ledger column", "Village"), COLUMN_TEXT },
  { NC_("ledger column", "Issued"), COLUMN_DATE },
  { NC_("ledger column", "Issued by"), COLUMN_TEXT },
  { NC_("ledger column", "Deadline"), COLUMN_DATE },
  { NC_("ledger column", "Service"), COLUMN_TEXT },
  { NC_("ledger column", "Served"), COLUMN_DATE },
  { NC_("ledger column", "Voided"), COLUMN_TEXT },
};

static const Column village_columns[] = {
  { NC_("ledger column", "No."), COLUMN_COUNT },
  { NC_("ledger column", "Village"), COLUMN_TEXT },
  { NC_("ledger column", "Venues"), COLUMN_COUNT },
  { NC_("ledger column", "Venues inspected"), COLUMN_COUNT },
  { NC_("ledger column", "Coverage"), COLUMN_SHARE },
  { NC_("ledger column", "Inspections"), COLUMN_COUNT },
  { NC_("ledger column", "Hazards found"), COLUMN_COUNT },
  { NC_("ledger column", "Hazards closed"), COLUMN_COUNT },
  { NC_("ledger column", "Rectification rate"), COLUMN_SHARE },
  { NC_("ledger column", "Overdue"), COLUMN_COUNT },
  { NC_("ledger column", "Smoke alarms"), COLUMN_COUNT },
  { NC_("ledger column", "Smoke alarm coverage"), COLUMN_SHARE },
};

static const Column township_columns[] = {
  { NC_("ledger column", "Rank"), COLUMN_COUNT },
  { NC_("ledger column", "Township"), COLUMN_TEXT },
  { NC_("ledger column", "Venues"), COLUMN_COUNT },
  { NC_("ledger column", "Venues inspected"), COLUMN_COUNT },
  { NC_("ledger column", "Coverage"), COLUMN_SHARE },
  { NC_("ledger column", "Inspections"), COLUMN_COUNT },
  { NC_("ledger column", "Hazards found"), COLUMN_COUNT },
  { NC_("ledger column", "Hazards closed"), COLUMN_COUNT },
  { NC_("ledger column", "Rectification rate"), COLUMN_SHARE },
  { NC_("ledger column", "Open hazards"), COLUMN_COUNT },
  { NC_("ledger column", "Overdue"), COLUMN_COUNT },
  { NC_("ledger column", "Major hazards"), COLUMN_COUNT },
  { NC_("ledger column", "Escalated"), COLUMN_COUNT },
};

static const struct
{
  const Column *columns;
  guint         n_columns;
} kind_columns[FG_LEDGER_N_KINDS] = {
  { venue_columns, G_N_ELEMENTS (venue_columns) },
  { inspection_columns, G_N_ELEMENTS (inspection_columns) },
  { hazard_columns, G_N_ELEMENTS (hazard_columns) },
  { document_columns, G_N_ELEMENTS (document_columns) },
  { village_columns, G_N_ELEMENTS (village_columns) },
  { township_columns, G_N_ELEMENTS (township_columns) },
};

static Cell
text_cell (const char *text)
{
  return (Cell) { .text = text != NULL && *text != '\0' ? text : NULL, .empty = text == NULL || *text == '\0' };
}

static Cell
number_cell (double number)
{
  return (Cell) { .number = number };
}

static Cell
share_cell (double share)
{
  return (Cell) { .number = share, .empty = share < 0 };
}

static Cell
empty_cell (void)
{
  return (Cell) { .empty = TRUE };
}

/* The day of a time stored as local ISO 8601 (2026-11-29T13:27:01+08:00),
 * or of a date; NULL for none. */
static Cell
date_cell (const char *text,
           char        buffer[11])
{
  if (text == NULL || strlen (text) < 10)
    return empty_cell ();
  memcpy (buffer, text, 10);
  buffer[10] = '\0';
  return text_cell (buffer);
}

static const char *
yes_no (gboolean yes)
{
  return yes ? C_("ledger cell", "Yes") : C_("ledger cell", "No");
}

/* The writers */

typedef struct
{
  FgLedgerFormat  format;
  const Column   *columns;
  guint           n_columns;
  char           *title;      /* 冢头镇隐患整改台账 */
  char           *subtitle;   /* the period, who made it and when */
  char           *tmp_path;
  char           *path;
  guint           n_rows;

  /* CSV */
  FILE           *file;
  GString        *line;

  /* workbook */
  lxw_workbook   *workbook;
  lxw_worksheet  *sheet;
  lxw_format     *title_format;
  lxw_format     *subtitle_format;
  lxw_format     *heading_format;
  lxw_format     *text_format;
  lxw_format     *count_format;
  lxw_format     *decimal_format;
  lxw_format     *date_format;
  lxw_format     *share_format;
  double         *widths;     /* each column's widest text, in character widths */
} Writer;

static void
writer_free (Writer *writer)
{
  if (writer->file != NULL)
    fclose (writer->file);
  if (writer->workbook != NULL)
    {
      /* closing is the only way to free it; what it wrote goes below */
      workbook_close (writer->workbook);
    }
  if (writer->tmp_path != NULL)
    g_unlink (writer->tmp_path);
  g_free (writer->tmp_path);
  g_free (writer->path);
  g_free (writer->title);
  g_free (writer->subtitle);
  g_free (writer->widths);
  if (writer->line != NULL)
    g_string_free (writer->line, TRUE);
  g_free (writer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writer, writer_free)

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("The disk is full: “%s” could not be written, and nothing was left in %s. "
                   "Free some space or choose another place, then export again."),
                 name, dir_name);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("“%s” could not be written: you may not write in %s. "
                   "Choose another place, such as your Documents folder, and export again."),
                 name, dir_name);
  else
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("“%s” could not be written (%s), and nothing was left in %s. "
                   "Check the disk or choose another place, then export again."),
                 name, g_strerror (saved_errno), dir_name);
}

/* Display widths as a spreadsheet counts them: a Chinese character takes
 * about two digits' room. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2.1 : 1.1;
    }
  return width;
}

static void
csv_append_field (GString    *line,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* A text cell that Excel or WPS would take for a formula (= + - @, or a
 * tab or carriage return before one) is written with an apostrophe
 * before it, so that it shows as the text it is and runs nothing. */
static void
csv_append_text (GString    *line,
                 const char *text)
{
  g_autofree char *quoted = NULL;

  if (strchr ("=+-@\t\r", *text) == NULL || *text == '\0')
    {
      csv_append_field (line, text);
      return;
    }
  quoted = g_strconcat ("'", text, NULL);
  g_string_append_c (line, '"');
  for (const char *p = quoted; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
csv_write_line (Writer  *writer,
                GError **error)
{
  g_string_append (writer->line, "\r\n");
  if (fwrite (writer->line->str, 1, writer->line->len, writer->file) != writer->line->len)
    {
      set_write_error (error, writer->path, errno);
      return FALSE;
    }
  g_string_truncate (writer->line, 0);
  return TRUE;
}

/* libxlsxwriter's own words are English and name its own workings: the
 * person exporting is told what happened in ours, and its words go to
 * the debug log. */
static gboolean
writer_set_xlsx_error (Writer     *writer,
                       lxw_error   result,
                       GError    **error)
{
  g_autofree char *name = g_filename_display_basename (writer->path);
  g_autofree char *dir = g_path_get_dirname (writer->path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  int saved_errno = errno;

  if (result == LXW_NO_ERROR)
    return TRUE;

  g_debug ("libxlsxwriter could not write %s: %s (errno: %s)", writer->path, lxw_strerror (result),
           g_strerror (saved_errno));

  if (result == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("A text in the table is longer than a spreadsheet cell can hold (32,767 characters), "
                   "so “%s” was not written. Export the table as CSV, which has no such limit."),
                 name);
  else if (result == LXW_ERROR_MEMORY_MALLOC_FAILED)
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("The computer ran out of memory while writing “%s”, and nothing was left in %s. "
                   "Close other programs, or export a smaller region or period, then export again."),
                 name, dir_name);
  else if (result == LXW_ERROR_CREATING_XLSX_FILE || result == LXW_ERROR_CREATING_TMPFILE ||
           result == LXW_ERROR_READING_TMPFILE || result == LXW_ERROR_ZIP_FILE_OPERATION ||
           result == LXW_ERROR_ZIP_FILE_ADD || result == LXW_ERROR_ZIP_CLOSE)
    {
      /* libxlsxwriter writes through stdio: errno still says why, if the
       * system refused */
      if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EACCES || saved_errno == EPERM ||
          saved_errno == EROFS)
        set_write_error (error, writer->path, saved_errno);
      else
        g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                     _("The spreadsheet “%s” could not be written, and nothing was left in %s. "
                       "Check that the disk has room and that the folder may be written in, then export again."),
                     name, dir_name);
    }
  else
    g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                 _("The spreadsheet “%s” could not be made from this table, and nothing was left in %s. "
                   "Export the table as CSV instead."),
                 name, dir_name);
  return FALSE;
}

static Writer *
writer_new (FgLedgerFormat   format,
            FgLedgerKind     kind,
            const char      *path,
            GError         **error)
{
  g_autoptr(Writer) writer = g_new0 (Writer, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = NULL;
  int fd;

  writer->format = format;
  writer->columns = kind_columns[kind].columns;
  writer->n_columns = kind_columns[kind].n_columns;
  writer->path = g_strdup (path);
  writer->widths = g_new0 (double, writer->n_columns);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                   _("%s is a folder, so the table cannot be saved under that name. "
                     "Choose another name for the file and export again."), name);
      return NULL;
    }

  /* beside the destination, so that the rename cannot cross disks */
  template = g_strdup_printf (".%s.XXXXXX", base);
  writer->tmp_path = g_build_filename (dir, template, NULL);
  fd = g_mkstemp_full (writer->tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&writer->tmp_path, g_free);
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        {
          g_autofree char *dir_name = g_filename_display_name (dir);

          g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_WRITE,
                       _("There is no folder %s to save the table in. "
                         "Choose a folder that exists and export again."), dir_name);
        }
      else
        set_write_error (error, path, saved_errno);
      return NULL;
    }

  if (format == FG_LEDGER_FORMAT_CSV)
    {
      writer->file = fdopen (fd, "w");
      if (writer->file == NULL)
        {
          set_write_error (error, path, errno);
          close (fd);
          return NULL;
        }
      writer->line = g_string_new (NULL);
      return g_steal_pointer (&writer);
    }

  /* the workbook writes its own file, by name */
  close (fd);
  {
    lxw_workbook_options options = { .constant_memory = LXW_TRUE };

    writer->workbook = workbook_new_opt (writer->tmp_path, &options);
  }
  if (writer->workbook == NULL)
    {
      set_write_error (error, path, errno != 0 ? errno : EIO);
      return NULL;
    }
  return g_steal_pointer (&writer);
}

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *number_format,
            gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  /* a Ming face, as the documents use; 11 points prints well on A4 */
  format_set_font_name (format, "宋体");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (bold)
    format_set_bold (format);
  return format;
}

static gboolean
writer_begin (Writer      *writer,
              const char  *office,
              FgLedgerKind kind,
              GError     **error)
{
  if (writer->format == FG_LEDGER_FORMAT_CSV)
    {
      /* the byte order mark tells Excel the file is UTF-8 */
      g_string_append (writer->line, "\xEF\xBB\xBF");
      for (guint i = 0; i < writer->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (writer->line, ',');
          csv_append_field (writer->line, g_dpgettext2 (GETTEXT_PACKAGE, "ledger column",
                                                        writer->columns[i].heading));
        }
      return csv_write_line (writer, error);
    }
  else
    {
      lxw_workbook *workbook = writer->workbook;
      lxw_worksheet *sheet;
      lxw_error result;
      g_autofree char *header = NULL;
      g_autofree char *footer = NULL;
      lxw_doc_properties properties = { 0, };

      properties.title = writer->title;
      properties.company = (char *) office;
      workbook_set_properties (workbook, &properties);

      /* the sheet is named after the ledger (at most 31 characters) */
      writer->sheet = sheet = workbook_add_worksheet (workbook, fg_ledger_kind_get_title (kind));
      if (sheet == NULL)
        writer->sheet = sheet = workbook_add_worksheet (workbook, NULL);
      if (sheet == NULL)
        {
          /* libxlsxwriter could not make the sheet's temporary file */
          set_write_error (error, writer->path, errno != 0 ? errno : EIO);
          return FALSE;
        }

      writer->title_format = add_format (workbook, NULL, TRUE);
      format_set_font_size (writer->title_format, 16);
      format_set_align (writer->title_format, LXW_ALIGN_CENTER_ACROSS);
      writer->subtitle_format = add_format (workbook, NULL, FALSE);
      format_set_align (writer->subtitle_format, LXW_ALIGN_CENTER_ACROSS);
      writer->heading_format = add_format (workbook, NULL, TRUE);
      format_set_align (writer->heading_format, LXW_ALIGN_CENTER);
      format_set_text_wrap (writer->heading_format);
      format_set_border (writer->heading_format, LXW_BORDER_THIN);
      format_set_bg_color (writer->heading_format, 0xE7E6E6);
      writer->text_format = add_format (workbook, NULL, FALSE);
      format_set_border (writer->text_format, LXW_BORDER_THIN);
      writer->count_format = add_format (workbook, "0", FALSE);
      format_set_border (writer->count_format, LXW_BORDER_THIN);
      writer->decimal_format = add_format (workbook, "0.##", FALSE);
      format_set_border (writer->decimal_format, LXW_BORDER_THIN);
      writer->date_format = add_format (workbook, "yyyy-mm-dd", FALSE);
      format_set_border (writer->date_format, LXW_BORDER_THIN);
      format_set_align (writer->date_format, LXW_ALIGN_CENTER);
      writer->share_format = add_format (workbook, "0.0%", FALSE);
      format_set_border (writer->share_format, LXW_BORDER_THIN);

      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9);  /* A4 */
      worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.75);
      worksheet_fit_to_pages (sheet, 1, 0);
      worksheet_repeat_rows (sheet, 2, 2);
      worksheet_freeze_panes (sheet, 3, 0);
      worksheet_center_horizontally (sheet);

      /* & starts a code in headers and footers */
      {
        g_autoptr(GString) escaped = g_string_new (writer->title);

        g_string_replace (escaped, "&", "&&", 0);
        header = g_strdup_printf ("&C%s", escaped->str);
      }
      /* Translators: the footer of each printed page; &P is the page's
       * number and &N the number of pages; keep them as they are */
      footer = g_strdup_printf ("&C%s", _("Page &P of &N"));
      worksheet_set_header (sheet, header);
      worksheet_set_footer (sheet, footer);

      result = worksheet_write_string (sheet, 0, 0, writer->title, writer->title_format);
      for (guint i = 1; result == LXW_NO_ERROR && i < writer->n_columns; i++)
        result = worksheet_write_blank (sheet, 0, i, writer->title_format);
      worksheet_set_row (sheet, 0, 30, NULL);
      if (result == LXW_NO_ERROR)
        result = worksheet_write_string (sheet, 1, 0, writer->subtitle, writer->subtitle_format);
      for (guint i = 1; result == LXW_NO_ERROR && i < writer->n_columns; i++)
        result = worksheet_write_blank (sheet, 1, i, writer->subtitle_format);

      for (guint i = 0; result == LXW_NO_ERROR && i < writer->n_columns; i++)
        {
          const char *heading = g_dpgettext2 (GETTEXT_PACKAGE, "ledger column", writer->columns[i].heading);

          writer->widths[i] = text_width (heading);
          result = worksheet_write_string (sheet, 2, i, heading, writer->heading_format);
        }
      return writer_set_xlsx_error (writer, result, error);
    }
}

static gboolean
writer_add_row (Writer      *writer,
                const Cell  *cells,
                GError     **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  lxw_row_t row = writer->n_rows + 3;
  lxw_error result = LXW_NO_ERROR;

  writer->n_rows++;

  if (writer->format == FG_LEDGER_FORMAT_CSV)
    {
      for (guint i = 0; i < writer->n_columns; i++)
        {
          const Cell *cell = &cells[i];

          if (i > 0)
            g_string_append_c (writer->line, ',');
          if (cell->empty)
            continue;

          switch (writer->columns[i].type)
            {
            case COLUMN_TEXT:
            case COLUMN_DATE:
              csv_append_text (writer->line, cell->text);
              break;
            case COLUMN_COUNT:
              g_string_append_printf (writer->line, "%.0f", cell->number);
              break;
            case COLUMN_DECIMAL:
              g_string_append (writer->line, g_ascii_formatd (buffer, sizeof buffer, "%.2f", cell->number));
              /* 120.50 → 120.5, 120.00 → 120 */
              while (writer->line->str[writer->line->len - 1] == '0')
                g_string_truncate (writer->line, writer->line->len - 1);
              if (writer->line->str[writer->line->len - 1] == '.')
                g_string_truncate (writer->line, writer->line->len - 1);
              break;
            case COLUMN_SHARE:
              /* as a spreadsheet shows it, and reads it back as a number */
              g_string_append (writer->line, g_ascii_formatd (buffer, sizeof buffer, "%.1f", cell->number * 100));
              g_string_append_c (writer->line, '%');
              break;
            default:
              g_assert_not_reached ();
            }
        }
      return csv_write_line (writer, error);
    }

  for (guint i = 0; result == LXW_NO_ERROR && i < writer->n_columns; i++)
    {
      const Cell *cell = &cells[i];

      switch (writer->columns[i].type)
        {
        case COLUMN_TEXT:
          if (cell->empty)
            result = worksheet_write_blank (writer->sheet, row, i, writer->text_format);
          else
            {
              writer->widths[i] = MAX (writer->widths[i], text_width (cell->text));
              result = worksheet_write_string (writer->sheet, row, i, cell->text, writer->text_format);
            }
          break;
        case COLUMN_DATE:
          if (cell->empty)
            result = worksheet_write_blank (writer->sheet, row, i, writer->date_format);
          else
            {
              g_autoptr(GDate) date = fg_calendar_parse_date (cell->text, NULL);

              if (date == NULL)
                result = worksheet_write_string (writer->sheet, row, i, cell->text, writer->text_format);
              else
                {
                  lxw_datetime datetime = {
                    .year = g_date_get_year (date),
                    .month = g_date_get_month (date),
                    .day = g_date_get_day (date),
                  };

                  result = worksheet_write_datetime (writer->sheet, row, i, &datetime, writer->date_format);
                }
              writer->widths[i] = MAX (writer->widths[i], 11);
            }
          break;
        case COLUMN_COUNT:
        case COLUMN_DECIMAL:
        case COLUMN_SHARE:
          {
            lxw_format *format = writer->columns[i].type == COLUMN_COUNT ? writer->count_format
                                 : writer->columns[i].type == COLUMN_DECIMAL ? writer->decimal_format
                                 : writer->share_format;

            if (cell->empty)
              result = worksheet_write_blank (writer->sheet, row, i, format);
            else
              {
                writer->widths[i] = MAX (writer->widths[i], 8);
                result = worksheet_write_number (writer->sheet, row, i, cell->number, format);
              }
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return writer_set_xlsx_error (writer, result, error);
}

/* A row of totals below the table: not one of its rows, not numbered */
static gboolean
writer_add_total (Writer      *writer,
                  const Cell  *cells,
                  GError     **error)
{
  if (!writer_add_row (writer, cells, error))
    return FALSE;
  writer->n_rows--;
  return TRUE;
}

static gboolean
writer_finish (Writer  *writer,
               GError **error)
{
  if (writer->format == FG_LEDGER_FORMAT_CSV)
    {
      FILE *file = g_steal_pointer (&writer->file);

      if (fflush (file) != 0 || fsync (fileno (file)) != 0)
        {
          set_write_error (error, writer->path, errno);
          fclose (file);
          return FALSE;
        }
      if (fclose (file) != 0)
        {
          set_write_error (error, writer->path, errno);
          return FALSE;
        }
    }
  else
    {
      lxw_workbook *workbook = g_steal_pointer (&writer->workbook);
      lxw_error result;

      for (guint i = 0; i < writer->n_columns; i++)
        worksheet_set_column (writer->sheet, i, i, CLAMP (writer->widths[i] + 1.5, 5, 60), NULL);

      errno = 0;
      result = workbook_close (workbook);
      if (!writer_set_xlsx_error (writer, result, error))
        return FALSE;

      /* on the disk before it takes the place of an earlier ledger, as
       * the CSV is: a power cut leaves the old file or the new one */
      {
        int fd = g_open (writer->tmp_path, O_RDONLY | O_CLOEXEC, 0);

        if (fd < 0 || fsync (fd) != 0)
          {
            set_write_error (error, writer->path, errno);
            if (fd >= 0)
              close (fd);
            return FALSE;
          }
        close (fd);
      }
    }

  if (g_rename (writer->tmp_path, writer->path) != 0)
    {
      set_write_error (error, writer->path, errno);
      return FALSE;
    }
  g_clear_pointer (&writer->tmp_path, g_free);
  return TRUE;
}

/* Reading the rows */

typedef struct
{
  FgStore             *store;
  FgActor             *actor;
  FgLedgerKind         kind;
  FgRegion            *region;  /* (nullable): the region asked for */
  char                *region_id;
  GDate               *today;
  char                *today_text;
  char                *from;    /* (nullable) */
  char                *to;      /* (nullable) */
  char                *after;   /* (nullable): the day after @to */
  Writer              *writer;
  GCancellable        *cancellable;
} Export;

static void
export_clear (Export *export)
{
  g_clear_object (&export->region);
  g_free (export->region_id);
  g_clear_pointer (&export->today, g_date_free);
  g_free (export->today_text);
  g_free (export->from);
  g_free (export->to);
  g_free (export->after);
  g_clear_pointer (&export->writer, writer_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

/* Whether @day (a date or a time) lies in the period asked for. */
static gboolean
export_in_period (Export     *export,
                  const char *day)
{
  if (export->from != NULL && (day == NULL || strncmp (day, export->from, 10) < 0))
    return FALSE;
  if (export->after != NULL && (day == NULL || strncmp (day, export->after, 10) >= 0))
    return FALSE;
  return TRUE;
}

static gboolean
export_check_cancelled (Export  *export,
                        GError **error)
{
  return !g_cancellable_set_error_if_cancelled (export->cancellable, error);
}

static gboolean
export_venues (Export  *export,
               GError **error)
{
  g_autoptr(FgVenueQuery) query = fg_venue_query_new ();

  query->region_id = g_strdup (export->region_id);
  query->sort = FG_VENUE_SORT_NAME;

  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) venues = fg_venue_query_fetch (export->store, export->actor, query,
                                                          offset, PAGE_SIZE, error);

      if (venues == NULL || !export_check_cancelled (export, error))
        return FALSE;

      for (guint i = 0; i < venues->len; i++)
        {
          FgVenue *venue = g_ptr_array_index (venues, i);
          char registered[11];
          double area = fg_venue_get_floor_area (venue);
          int floors = fg_venue_get_floors (venue);
          Cell cells[G_N_ELEMENTS (venue_columns)] = {
            number_cell (export->writer->n_rows + 1),
            text_cell (fg_venue_get_name (venue)),
            text_cell (fg_venue_get_address (venue)),
            text_cell (fg_venue_get_village_name (venue)),
            text_cell (fg_venue_get_grid_name (venue)),
            text_cell (fg_venue_get_category_name (venue)),
            text_cell (fg_venue_get_operator_name (venue)),
            text_cell (fg_venue_get_phone (venue)),
            text_cell (fg_venue_get_credit_code (venue)),
            area > 0 ? number_cell (area) : empty_cell (),
            floors > 0 ? number_cell (floors) : empty_cell (),
            number_cell (fg_venue_get_sleeping (venue)),
            text_cell (yes_no (fg_venue_get_key_unit (venue))),
            text_cell (yes_no (fg_venue_get_smoke_alarm (venue))),
            text_cell (fg_venue_status_get_label (fg_venue_get_status (venue))),
            date_cell (fg_venue_get_created_at (venue), registered),
          };

          if (!writer_add_row (export->writer, cells, error))
            return FALSE;
        }

      if (venues->len < PAGE_SIZE)
        return TRUE;
    }
}

/* ?1 a region's id at the level its column names, ?2 the period's first
 * day, ?3 the day after its last; finished inspections, oldest first. */
#define INSPECTIONS_SQL(column) \
  "SELECT i.finished_at, v.name, village.name, grid.name, i.kind, c.name, i.inspector_name," \
  "  (SELECT count (*) FROM hazard h WHERE h.inspection_id = i.id AND h.deleted = 0), i.note" \
  " FROM inspection i" \
  " JOIN venue v ON v.id = i.venue_id" \
  " JOIN region township ON township.id = i.township_id" \
  " JOIN region village ON village.id = i.village_id" \
  " LEFT JOIN region grid ON grid.id = i.grid_id" \
  " LEFT JOIN campaign c ON c.id = i.campaign_id" \
  " WHERE i.deleted = 0 AND i.finished_at IS NOT NULL" \
  "   AND (?1 IS NULL OR i." column " = ?1)" \
  "   AND (?2 IS NULL OR i.finished_at >= ?2) AND (?3 IS NULL OR i.finished_at < ?3)" \
  "   AND (?4 IS NULL OR substr (township.code, 1, length (?4)) = ?4)" \
  " ORDER BY i.finished_at, i.seq"

static gboolean
export_inspections (Export  *export,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prefix = NULL;
  FgRegionLevel level;
  const char *scope_id = fg_actor_get_scope_region_id (export->actor);
  g_autoptr(FgRegion) scope = NULL;
  FgRegion *area = export->region;
  int rc;

  if (!fg_permission_check (export->store, export->actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  /* the narrower of the region asked for and the reader's own area: a
   * grid worker asking for its village reads its grid */
  if (scope_id != NULL)
    {
      scope = fg_region_lookup (export->store, export->actor, scope_id, error);
      if (scope == NULL)
        return FALSE;
      if (area == NULL || fg_region_get_level (scope) > fg_region_get_level (area))
        area = scope;
    }
  level = area != NULL ? fg_region_get_level (area) : FG_REGION_LEVEL_COUNTY;

  if (level == FG_REGION_LEVEL_GRID)
    stmt = fg_store_prepare (export->store, INSPECTIONS_SQL ("grid_id"), error);
  else if (level == FG_REGION_LEVEL_VILLAGE)
    stmt = fg_store_prepare (export->store, INSPECTIONS_SQL ("village_id"), error);
  else if (level == FG_REGION_LEVEL_TOWNSHIP)
    stmt = fg_store_prepare (export->store, INSPECTIONS_SQL ("township_id"), error);
  else
    {
      stmt = fg_store_prepare (export->store, INSPECTIONS_SQL ("township_id"), error);
      if (area != NULL)
        prefix = g_strndup (fg_region_get_code (area), fg_region_code_prefix_length (fg_region_get_code (area)));
    }
  if (stmt == NULL)
    return FALSE;

  if (level > FG_REGION_LEVEL_COUNTY)
    sqlite3_bind_text (stmt, 1, fg_region_get_id (area), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, export->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, export->after, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, prefix, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FgInspectionKind kind = FG_INSPECTION_KIND_ROUTINE;
      char day[11];
      Cell cells[G_N_ELEMENTS (inspection_columns)];

      fg_inspection_kind_from_string (fg_stmt_text (stmt, 4), &kind);
      cells[0] = number_cell (export->writer->n_rows + 1);
      cells[1] = date_cell (fg_stmt_text (stmt, 0), day);
      cells[2] = text_cell (fg_stmt_text (stmt, 1));
      cells[3] = text_cell (fg_stmt_text (stmt, 2));
      cells[4] = text_cell (sqlite3_column_type (stmt, 3) != SQLITE_NULL ? fg_stmt_text (stmt, 3) : NULL);
      cells[5] = text_cell (fg_inspection_kind_get_label (kind));
      cells[6] = text_cell (sqlite3_column_type (stmt, 5) != SQLITE_NULL ? fg_stmt_text (stmt, 5) : NULL);
      cells[7] = text_cell (fg_stmt_text (stmt, 6));
      cells[8] = number_cell (sqlite3_column_int (stmt, 7));
      cells[9] = text_cell (fg_stmt_text (stmt, 8));

      if (!writer_add_row (export->writer, cells, error))
        return FALSE;
      if ((export->writer->n_rows % PAGE_SIZE) == 0 && !export_check_cancelled (export, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (export->store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* What the ledger says of a hazard besides its own row: the order to
 * correct it (the latest not voided) and its service, the last
 * re-inspection, and when it was closed. */
#define HAZARD_NOTICE_SQL \
  "SELECT n.number, n.service, n.served_at FROM notice_hazard nh" \
  " JOIN notice n ON n.id = nh.notice_id" \
  " WHERE nh.hazard_id = ?1 AND n.voided_at IS NULL" \
  "   AND n.kind IN ('correct-now', 'correct-by-deadline')" \
  " ORDER BY n.issued_at DESC, n.seq DESC LIMIT 1"
#define HAZARD_EVENTS_SQL \
  "SELECT max (CASE WHEN kind IN ('reinspected-pass', 'reinspected-fail') THEN at END)," \
  "  max (CASE WHEN kind = 'closed' THEN at END)" \
  " FROM hazard_event WHERE hazard_id = ?1"

static FgNoticeService
service_from_column (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (g_strcmp0 (text, "served") == 0)
    return FG_NOTICE_SERVICE_SERVED;
  if (g_strcmp0 (text, "refused") == 0)
    return FG_NOTICE_SERVICE_REFUSED;
  if (g_strcmp0 (text, "unreachable") == 0)
    return FG_NOTICE_SERVICE_UNREACHABLE;
  return FG_NOTICE_SERVICE_NONE;
}

static gboolean
export_hazards (Export  *export,
                GError **error)
{
  g_autoptr(FgHazardQuery) query = fg_hazard_query_new ();
  g_autoptr(sqlite3_stmt) notice_stmt = NULL;
  g_autoptr(sqlite3_stmt) events_stmt = NULL;

  query->region_id = g_strdup (export->region_id);
  query->today = g_strdup (export->today_text);
  query->state = FG_HAZARD_QUERY_ALL;
  query->sort = FG_HAZARD_SORT_FOUND;
  query->descending = FALSE;

  notice_stmt = fg_store_prepare (export->store, HAZARD_NOTICE_SQL, error);
  if (notice_stmt == NULL)
    return FALSE;
  events_stmt = fg_store_prepare (export->store, HAZARD_EVENTS_SQL, error);
  if (events_stmt == NULL)
    return FALSE;

  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) hazards = fg_hazard_query_fetch (export->store, export->actor, query,
                                                            offset, PAGE_SIZE, error);

      if (hazards == NULL || !export_check_cancelled (export, error))
        return FALSE;

      for (guint i = 0; i < hazards->len; i++)
        {
          FgHazard *hazard = g_ptr_array_index (hazards, i);
          FgHazardState state = fg_hazard_get_state (hazard);
          g_autofree char *number = NULL;
          g_autofree char *served_at = NULL;
          g_autofree char *reinspected_at = NULL;
          g_autofree char *closed_at = NULL;
          FgNoticeService service = FG_NOTICE_SERVICE_NONE;
          char found[11], deadline[11], served[11], reinspected[11], closed[11];
          Cell cells[G_N_ELEMENTS (hazard_columns)];
          int overdue;
          int rc;

          if (!export_in_period (export, fg_hazard_get_found_at (hazard)))
            continue;

          sqlite3_reset (notice_stmt);
          sqlite3_bind_text (notice_stmt, 1, fg_hazard_get_id (hazard), -1, SQLITE_STATIC);
          rc = sqlite3_step (notice_stmt);
          if (rc == SQLITE_ROW)
            {
              number = g_strdup (fg_stmt_text (notice_stmt, 0));
              service = service_from_column (notice_stmt, 1);
              if (sqlite3_column_type (notice_stmt, 2) != SQLITE_NULL)
                served_at = g_strdup (fg_stmt_text (notice_stmt, 2));
            }
          else if (rc != SQLITE_DONE)
            {
              fg_store_set_error (export->store, rc, error);
              return FALSE;
            }

          sqlite3_reset (events_stmt);
          sqlite3_bind_text (events_stmt, 1, fg_hazard_get_id (hazard), -1, SQLITE_STATIC);
          rc = sqlite3_step (events_stmt);
          if (rc != SQLITE_ROW)
            {
              fg_store_set_error (export->store, rc, error);
              return FALSE;
            }
          if (sqlite3_column_type (events_stmt, 0) != SQLITE_NULL)
            reinspected_at = g_strdup (fg_stmt_text (events_stmt, 0));
          if (state == FG_HAZARD_STATE_CLOSED && sqlite3_column_type (events_stmt, 1) != SQLITE_NULL)
            closed_at = g_strdup (fg_stmt_text (events_stmt, 1));

          cells[0] = number_cell (export->writer->n_rows + 1);
          cells[1] = date_cell (fg_hazard_get_found_at (hazard), found);
          cells[2] = text_cell (fg_hazard_get_venue_name (hazard));
          cells[3] = text_cell (fg_hazard_get_village_name (hazard));
          cells[4] = text_cell (fg_hazard_get_finding (hazard));
          cells[5] = text_cell (fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)));
          cells[6] = text_cell (number);
          cells[7] = date_cell (fg_hazard_get_deadline (hazard), deadline);
          cells[8] = text_cell (service != FG_NOTICE_SERVICE_NONE ? fg_notice_service_get_label (service) : NULL);
          cells[9] = date_cell (served_at, served);
          cells[10] = date_cell (reinspected_at, reinspected);
          cells[11] = date_cell (closed_at, closed);
          cells[12] = empty_cell ();
          if (closed_at != NULL)
            {
              g_autoptr(GDate) from = fg_calendar_parse_date (found, NULL);
              g_autoptr(GDate) to = fg_calendar_parse_date (closed, NULL);

              if (from != NULL && to != NULL)
                cells[12] = number_cell (g_date_days_between (from, to));
            }
          overdue = fg_hazard_count_overdue (export->store, hazard, export->today);
          cells[13] = overdue > 0 ? number_cell (overdue) : empty_cell ();
          cells[14] = text_cell (fg_hazard_state_get_label (state));

          if (!writer_add_row (export->writer, cells, error))
            return FALSE;
        }

      if (hazards->len < PAGE_SIZE)
        return TRUE;
    }
}

static gboolean
export_documents (Export  *export,
                  GError **error)
{
  g_autoptr(FgNoticeQuery) query = fg_notice_query_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  query->region_id = g_strdup (export->region_id);

  /* the list has the latest first; a ledger is kept oldest first */
  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) notices = fg_notice_query_fetch (export->store, export->actor, query,
                                                            offset, PAGE_SIZE, error);

      if (notices == NULL || !export_check_cancelled (export, error))
        return FALSE;

      for (guint i = 0; i < notices->len; i++)
        {
          FgNotice *notice = g_ptr_array_index (notices, i);

          if (export_in_period (export, fg_notice_get_issued_on (notice)))
            g_ptr_array_add (rows, g_object_ref (notice));
        }

      if (notices->len < PAGE_SIZE)
        break;
    }

  for (guint i = rows->len; i-- > 0;)
    {
      FgNotice *notice = g_ptr_array_index (rows, i);
      FgNoticeService service = fg_notice_get_service (notice);
      char issued[11], deadline[11], served[11];
      g_autofree char *voided = NULL;
      Cell cells[G_N_ELEMENTS (document_columns)];

      if (fg_notice_get_voided (notice))
        /* Translators: in the documents ledger: a voided document and why */
        voided = g_strdup_printf (C_("ledger cell", "Voided: %s"), fg_notice_get_void_reason (notice));

      cells[0] = number_cell (export->writer->n_rows + 1);
      cells[1] = text_cell (fg_notice_get_number (notice));
      cells[2] = text_cell (fg_notice_kind_get_label (fg_notice_get_kind (notice)));
      cells[3] = text_cell (fg_notice_get_venue_name (notice));
      cells[4] = text_cell (fg_notice_get_village_name (notice));
      cells[5] = date_cell (fg_notice_get_issued_on (notice), issued);
      cells[6] = text_cell (fg_notice_get_actor_name (notice));
      cells[7] = date_cell (fg_notice_get_deadline (notice), deadline);
      cells[8] = text_cell (service != FG_NOTICE_SERVICE_NONE ? fg_notice_service_get_label (service) : NULL);
      cells[9] = date_cell (fg_notice_get_served_at (notice), served);
      cells[10] = text_cell (voided);

      if (!writer_add_row (export->writer, cells, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
export_villages (Export           *export,
                 FgTownshipReport *report,
                 GError          **error)
{
  FgTownshipFigures total = { 0, };

  for (guint i = 0; i < report->townships->len; i++)
    {
      FgTownshipFigures *v = g_ptr_array_index (report->townships, i);
      Cell cells[G_N_ELEMENTS (village_columns)] = {
        number_cell (i + 1),
        text_cell (v->name),
        number_cell (v->n_venues),
        number_cell (v->n_venues_inspected),
        share_cell (fg_township_figures_get_coverage (v)),
        number_cell (v->n_inspections),
        number_cell (v->n_found),
        number_cell (v->n_closed),
        share_cell (fg_township_figures_get_rectification_rate (v)),
        number_cell (v->n_overdue),
        number_cell (v->n_smoke_alarms),
        share_cell (fg_township_figures_get_smoke_alarm_coverage (v)),
      };

      total.n_venues += v->n_venues;
      total.n_venues_inspected += v->n_venues_inspected;
      total.n_inspections += v->n_inspections;
      total.n_found += v->n_found;
      total.n_closed += v->n_closed;
      total.n_overdue += v->n_overdue;
      total.n_smoke_alarms += v->n_smoke_alarms;
      if (!writer_add_row (export->writer, cells, error))
        return FALSE;
    }

  /* the rates of the whole, from the sums: not an average of the rates */
  {
    Cell cells[G_N_ELEMENTS (village_columns)] = {
      empty_cell (),
      text_cell (C_("ledger cell", "Total")),
      number_cell (total.n_venues),
      number_cell (total.n_venues_inspected),
      share_cell (fg_township_figures_get_coverage (&total)),
      number_cell (total.n_inspections),
      number_cell (total.n_found),
      number_cell (total.n_closed),
      share_cell (fg_township_figures_get_rectification_rate (&total)),
      number_cell (total.n_overdue),
      number_cell (total.n_smoke_alarms),
      share_cell (fg_township_figures_get_smoke_alarm_coverage (&total)),
    };

    return writer_add_total (export->writer, cells, error);
  }
}

static gboolean
export_townships (Export           *export,
                  FgTownshipReport *report,
                  GError          **error)
{
  for (guint i = 0; i < report->townships->len; i++)
    {
      FgTownshipFigures *t = g_ptr_array_index (report->townships, i);
      Cell cells[G_N_ELEMENTS (township_columns)] = {
        number_cell (t->rank),
        text_cell (t->name),
        number_cell (t->n_venues),
        number_cell (t->n_venues_inspected),
        share_cell (fg_township_figures_get_coverage (t)),
        number_cell (t->n_inspections),
        number_cell (t->n_found),
        number_cell (t->n_closed),
        share_cell (fg_township_figures_get_rectification_rate (t)),
        number_cell (t->n_open),
        number_cell (t->n_overdue),
        number_cell (t->n_major),
        number_cell (t->n_escalated),
      };

      if (!writer_add_row (export->writer, cells, error))
        return FALSE;
    }
  return TRUE;
}

/* The summaries take their period from the report, which fills in its
 * defaults: the month up to today for villages, the year for townships. */
static FgTownshipReport *
export_read_report (Export               *export,
                    const FgLedgerQuery  *query,
                    GError              **error)
{
  g_autoptr(FgTownshipReport) report = NULL;
  g_autoptr(FgRegion) village_or_up = NULL;
  g_autofree char *month_start = NULL;
  FgReportQuery report_query = {
    .from = export->from,
    .to = export->to,
    .today = export->today,
    .rank_by = FG_REPORT_RANK_RECTIFICATION_RATE,
  };

  if (export->kind == FG_LEDGER_TOWNSHIPS)
    report = fg_report_townships (export->store, export->actor, &report_query, error);
  else
    {
      FgRegion *region = export->region;

      if (export->from == NULL)
        {
          g_autoptr(GDate) to = export->to != NULL ? fg_calendar_parse_date (export->to, NULL)
                                                   : g_date_copy (export->today);

          g_date_set_day (to, 1);
          report_query.from = month_start = fg_calendar_format_date (to);
        }

      /* a grid's summary is its village's */
      if (region != NULL && fg_region_get_level (region) == FG_REGION_LEVEL_GRID)
        {
          village_or_up = fg_region_lookup (export->store, export->actor,
                                            fg_region_get_parent_id (region), error);
          if (village_or_up == NULL)
            return NULL;
          region = village_or_up;
        }
      report = fg_report_villages (export->store, export->actor, region, &report_query, error);
    }

  if (report == NULL)
    {
      /* the period was checked before: what remains is the reader's right */
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* Checks what was asked before anything is written. */
static gboolean
export_prepare (Export              *export,
                const FgLedgerQuery *query,
                GError             **error)
{
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  if (query->today != NULL)
    export->today = g_date_copy (query->today);
  else
    {
      export->today = g_date_new ();
      g_date_set_time_t (export->today, time (NULL));
    }
  export->today_text = fg_calendar_format_date (export->today);

  if (query->from != NULL && (from = fg_calendar_parse_period_day (query->from, TRUE, FG_LEDGER_ERROR,
                                                                          FG_LEDGER_ERROR_INVALID_DATE, error)) == NULL)
    return FALSE;
  if (query->to != NULL && (to = fg_calendar_parse_period_day (query->to, FALSE, FG_LEDGER_ERROR,
                                                                    FG_LEDGER_ERROR_INVALID_DATE, error)) == NULL)
    return FALSE;
  if (from != NULL)
    export->from = fg_calendar_format_date (from);
  if (to != NULL)
    {
      g_autoptr(GDate) after = g_date_copy (to);

      export->to = fg_calendar_format_date (to);
      g_date_add_days (after, 1);
      export->after = fg_calendar_format_date (after);
    }
  if (from != NULL && to != NULL &&
      !fg_calendar_check_period (from, to, FG_LEDGER_ERROR, FG_LEDGER_ERROR_INVALID_PERIOD, error))
    return FALSE;

  if (query->region != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      export->region = fg_region_lookup (export->store, export->actor, query->region, &local_error);
      if (export->region == NULL)
        {
          if (g_error_matches (local_error, FG_REGION_ERROR, FG_REGION_ERROR_NOT_FOUND))
            g_set_error (error, FG_LEDGER_ERROR, FG_LEDGER_ERROR_UNKNOWN_REGION,
                         _("No township, village or grid has the code “%s”. "
                           "Look the code up in the region list (firegrid-cli region list) and try again."),
                         query->region);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      export->region_id = g_strdup (fg_region_get_id (export->region));
    }
  return TRUE;
}

/* 冢头镇隐患整改台账; and below it, what period, made by whom, when */
static void
export_set_titles (Export           *export,
                   FgTownshipReport *report)
{
  Writer *writer = export->writer;
  const char *office = export->region != NULL ? fg_region_get_name (export->region)
                                              : fg_actor_get_scope_name (export->actor);
  g_autofree char *period = NULL;
  const char *maker = fg_actor_get_display_name (export->actor);

  /* Translators: a ledger's title: the office, then the ledger
   * ("冢头镇隐患整改台账": no space in Chinese) */
  writer->title = g_strdup_printf (C_("ledger title", "%s %s"), office != NULL ? office : "",
                                   fg_ledger_kind_get_title (export->kind));

  if (report != NULL)
    /* Translators: the period of a ledger: "Period: 2026-11-01 to 2026-11-30" */
    period = g_strdup_printf (_("Period: %s to %s"), report->from, report->to);
  else if (export->from != NULL && export->to != NULL)
    period = g_strdup_printf (_("Period: %s to %s"), export->from, export->to);
  else if (export->from != NULL)
    period = g_strdup_printf (_("Period: %s to %s"), export->from, export->today_text);
  else if (export->to != NULL)
    /* Translators: the period of a ledger without a first day */
    period = g_strdup_printf (_("Period: up to %s"), export->to);
  else
    /* Translators: a ledger with every record: "As of 2026-12-07" */
    period = g_strdup_printf (_("As of %s"), export->today_text);

  if (maker != NULL && *maker != '\0')
    /* Translators: below a ledger's title: the period, who made the table, and the day */
    writer->subtitle = g_strdup_printf (_("%s    Made by: %s    Date: %s"), period, maker, export->today_text);
  else
    writer->subtitle = g_strdup_printf (_("%s    Date: %s"), period, export->today_text);
}

static gboolean ledger_export_full (FgStore             *store,
                                    FgActor             *actor,
                                    const FgLedgerQuery *query,
                                    FgLedgerFormat       format,
                                    const char          *path,
                                    guint               *n_rows,
                                    GCancellable        *cancellable,
                                    GError             **error);

/**
 * fg_ledger_export:
 * @store: the store
 * @actor: who exports: what it may read is what the ledger holds
 * @query: the kind, the region (a township, village or grid; NULL for the
 *   reader's whole area) and the period
 * @format: a workbook or CSV
 * @path: the file to write; a file of that name is replaced once the new
 *   one is complete
 * @n_rows: (out) (optional): how many rows the table has
 * @error: return location for an error
 *
 * Writes one ledger. The inspection, hazard and document ledgers hold the
 * records of the period (an inspection by the day it finished, a hazard by
 * the day it was found, a document by the day it was issued; without a
 * period, every one); the registry holds the venues as they are. The
 * summary by village counts the period (the month up to today by
 * default) with fg_report_villages(), and ends with a row of totals
 * (rates from the sums; not counted in @n_rows); the ranking of
 * townships with fg_report_townships() (the year by default).
 *
 * Errors: %FG_LEDGER_ERROR_INVALID_DATE, %FG_LEDGER_ERROR_INVALID_PERIOD
 * and %FG_LEDGER_ERROR_UNKNOWN_REGION before anything is written;
 * %FG_PERMISSION_ERROR when the reader may not read the ledger;
 * %FG_LEDGER_ERROR_WRITE when the file could not be written, in which case
 * no part of it is left.
 *
 * Returns: whether the file was written
 */
gboolean
fg_ledger_export (FgStore             *store,
                  FgActor             *actor,
                  const FgLedgerQuery *query,
                  FgLedgerFormat       format,
                  const char          *path,
                  guint               *n_rows,
                  GError             **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (query->kind < FG_LEDGER_N_KINDS, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return ledger_export_full (store, actor, query, format, path, n_rows, NULL, error);
}

static gboolean
ledger_export_full (FgStore             *store,
                    FgActor             *actor,
                    const FgLedgerQuery *query,
                    FgLedgerFormat       format,
                    const char          *path,
                    guint               *n_rows,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_auto(Export) export = { NULL, };
  g_autoptr(FgTownshipReport) report = NULL;
  gboolean ok = FALSE;

  export.store = store;
  export.actor = actor;
  export.kind = query->kind;
  export.cancellable = cancellable;

  if (!export_prepare (&export, query, error))
    return FALSE;

  /* the figures are read before the file is made: a refusal leaves none */
  if (query->kind == FG_LEDGER_VILLAGES || query->kind == FG_LEDGER_TOWNSHIPS)
    {
      report = export_read_report (&export, query, error);
      if (report == NULL)
        return FALSE;
    }
  else if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FALSE;

  export.writer = writer_new (format, query->kind, path, error);
  if (export.writer == NULL)
    return FALSE;
  export_set_titles (&export, report);
  if (!writer_begin (export.writer, fg_actor_get_scope_name (actor), query->kind, error))
    return FALSE;

  switch (query->kind)
    {
    case FG_LEDGER_VENUES:
      ok = export_venues (&export, error);
      break;
    case FG_LEDGER_INSPECTIONS:
      ok = export_inspections (&export, error);
      break;
    case FG_LEDGER_HAZARDS:
      ok = export_hazards (&export, error);
      break;
    case FG_LEDGER_DOCUMENTS:
      ok = export_documents (&export, error);
      break;
    case FG_LEDGER_VILLAGES:
      ok = export_villages (&export, report, error);
      break;
    case FG_LEDGER_TOWNSHIPS:
      ok = export_townships (&export, report, error);
      break;
    case FG_LEDGER_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!ok || !writer_finish (export.writer, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = export.writer->n_rows;
  return TRUE;
}

/* In a worker */

typedef struct
{
  char           *db_path;
  FgActor        *actor;
  FgLedgerKind    kind;
  char           *region;
  char           *from;
  char           *to;
  GDate          *today;
  FgLedgerFormat  format;
  char           *path;
  guint           n_rows;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_clear_pointer (&job->actor, fg_actor_unref);
  g_free (job->region);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->today, g_date_free);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(FgStore) store = fg_store_open_in_worker (task, job->db_path);
  FgLedgerQuery query = {
    .kind = job->kind,
    .region = job->region,
    .from = job->from,
    .to = job->to,
    .today = job->today,
  };
  GError *error = NULL;

  if (store == NULL)
    return;

  if (ledger_export_full (store, job->actor, &query, job->format, job->path, &job->n_rows,
                          cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * fg_ledger_export_async:
 * @store: the store; only its file is used, through a connection of the
 *   worker's own
 * @actor: who exports
 * @query: what to export, as fg_ledger_export() takes it (copied)
 * @format: a workbook or CSV
 * @path: the file to write
 * @cancellable: (nullable): stops the export; nothing is left then
 * @callback: called when the file is written or could not be
 * @user_data: data for @callback
 *
 * fg_ledger_export() in a worker thread, so that a window stays
 * responsive while a large ledger is written.
 */
void
fg_ledger_export_async (FgStore             *store,
                        FgActor             *actor,
                        const FgLedgerQuery *query,
                        FgLedgerFormat       format,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (fg_store_get_path (store));
  job->actor = fg_actor_ref (actor);
  job->kind = query->kind;
  job->region = g_strdup (query->region);
  job->from = g_strdup (query->from);
  job->to = g_strdup (query->to);
  job->today = query->today != NULL ? g_date_copy (query->today) : NULL;
  job->format = format;
  job->path = g_strdup (path);

  /* without a source object: the worker uses the store's file only */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, fg_ledger_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * fg_ledger_export_finish:
 * @result: the result given to the callback
 * @n_rows: (out) (optional): how many rows the table has
 * @error: return location for an error, as fg_ledger_export() sets it
 *
 * Returns: whether the file was written
 */
gboolean
fg_ledger_export_finish (GAsyncResult  *result,
                         guint         *n_rows,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == fg_ledger_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_rows != NULL)
    {
      ExportJob *job = g_task_get_task_data (G_TASK (result));

      *n_rows = job->n_rows;
    }
  return TRUE;
}
