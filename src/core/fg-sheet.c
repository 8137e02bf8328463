/* fg-sheet.c — reading an office's spreadsheet: CSV, .xlsx and .xls
 *
 * Each format comes out as the same thing, a table of strings with the
 * line each row had in the file, so that the import names the line a
 * clerk sees in Excel or WPS. Rows without a value are dropped as they
 * are read, which makes tens of thousands of formatted empty rows cheap.
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <glib/gi18n-lib.h>
#include <freexl.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "fg-category.h"
#include "fg-sheet.h"

/* No venue sheet has more columns than this; a value further right is
 * not read (a stray note in column XFD must not cost a row of 16,384). */
#define MAX_COLUMNS 512
/* far more rows than a township has venues */
#define MAX_ROWS 1000000

typedef struct
{
  guint line;
  guint n_cells;
  const char **cells;
} SheetRow;

struct _FgSheet
{
  GObject parent_instance;

  char *name;
  GStringChunk *chunk;
  GArray *rows;   /* SheetRow */
  guint n_columns;
  guint n_formulas;
};

G_DEFINE_FINAL_TYPE (FgSheet, fg_sheet, G_TYPE_OBJECT)

struct _FgWorkbook
{
  GObject parent_instance;

  char *path;
  FgSheetFormat format;
  char *digest;
  char *encoding;       /* of a CSV file */
  GBytes *bytes;
  GPtrArray *sheet_names;

  /* .xlsx */
  zip_t *zip;
  GPtrArray *sheet_parts;  /* the part of each sheet, e.g. xl/worksheets/sheet1.xml */
  GPtrArray *shared;       /* the shared strings */
  GStringChunk *shared_chunk;
  GArray *date_styles;     /* gboolean per cell style: shows a date */
  gboolean date1904;

  /* .xls */
  const void *xls;
};

G_DEFINE_FINAL_TYPE (FgWorkbook, fg_workbook, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-sheet-error-quark, fg_sheet_error)

/* --- the table ----------------------------------------------------------- */

static void
fg_sheet_finalize (GObject *object)
{
  FgSheet *self = FG_SHEET (object);

  for (guint i = 0; i < self->rows->len; i++)
    g_free (g_array_index (self->rows, SheetRow, i).cells);
  g_array_unref (self->rows);
  g_string_chunk_free (self->chunk);
  g_free (self->name);

  G_OBJECT_CLASS (fg_sheet_parent_class)->finalize (object);
}

static void
fg_sheet_class_init (FgSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_sheet_finalize;
}

static void
fg_sheet_init (FgSheet *self)
{
  self->chunk = g_string_chunk_new (64 * 1024);
  self->rows = g_array_new (FALSE, FALSE, sizeof (SheetRow));
}

static FgSheet *
sheet_new (const char *name)
{
  FgSheet *self = g_object_new (FG_TYPE_SHEET, NULL);

  self->name = g_strdup (name);
  return self;
}

/* Adds a row of @n_cells cells (NULL or "" for an empty one); a row
 * without any value is not kept. Values are trimmed of the spaces
 * spreadsheets keep around them. */
static void
sheet_add_row (FgSheet     *self,
               guint        line,
               const char **cells,
               guint        n_cells)
{
  SheetRow row = { line, 0, NULL };

  while (n_cells > 0)
    {
      const char *last = cells[n_cells - 1];

      if (last != NULL && *last != '\0')
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (last));

          if (*trimmed != '\0')
            break;
        }
      n_cells--;
    }
  if (n_cells == 0)
    return;

  row.n_cells = n_cells;
  row.cells = g_new (const char *, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      const char *value = cells[i] != NULL ? cells[i] : "";

      if (g_ascii_isspace (*value) || (*value != '\0' && g_ascii_isspace (value[strlen (value) - 1])))
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (value));
          row.cells[i] = g_string_chunk_insert_const (self->chunk, trimmed);
        }
      else
        row.cells[i] = g_string_chunk_insert_const (self->chunk, value);
    }

  self->n_columns = MAX (self->n_columns, n_cells);
  g_array_append_val (self->rows, row);
}

const char *
fg_sheet_get_name (FgSheet *self)
{
  g_return_val_if_fail (FG_IS_SHEET (self), NULL);
  return self->name;
}

/**
 * fg_sheet_get_n_rows:
 *
 * Returns: the number of rows that hold a value; empty rows are not counted
 */
guint
fg_sheet_get_n_rows (FgSheet *self)
{
  g_return_val_if_fail (FG_IS_SHEET (self), 0);
  return self->rows->len;
}

guint
fg_sheet_get_n_columns (FgSheet *self)
{
  g_return_val_if_fail (FG_IS_SHEET (self), 0);
  return self->n_columns;
}

/**
 * fg_sheet_get_line:
 *
 * Returns: the row's number in the file, as the spreadsheet shows it
 *   (the first row is 1); for CSV the line the record starts on
 */
guint
fg_sheet_get_line (FgSheet *self,
                   guint    row)
{
  g_return_val_if_fail (FG_IS_SHEET (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, SheetRow, row).line;
}

guint
fg_sheet_get_row_length (FgSheet *self,
                         guint    row)
{
  g_return_val_if_fail (FG_IS_SHEET (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->rows, SheetRow, row).n_cells;
}

/**
 * fg_sheet_get_cell:
 *
 * Returns: (transfer none): the cell's value, trimmed; "" when it is empty
 *   or beyond the row's end
 */
const char *
fg_sheet_get_cell (FgSheet *self,
                   guint    row,
                   guint    column)
{
  const SheetRow *r;

  g_return_val_if_fail (FG_IS_SHEET (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, SheetRow, row);
  return column < r->n_cells ? r->cells[column] : "";
}

/**
 * fg_sheet_get_n_formulas:
 *
 * Returns: how many cells held a formula; their last computed value was
 *   read, as the spreadsheet saved it
 */
guint
fg_sheet_get_n_formulas (FgSheet *self)
{
  g_return_val_if_fail (FG_IS_SHEET (self), 0);
  return self->n_formulas;
}

/**
 * fg_sheet_column_letters:
 *
 * Returns: (transfer full): the spreadsheet's name of a column: A for 0,
 *   Z for 25, AA for 26
 */
char *
fg_sheet_column_letters (guint column)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = 'A' + column % 26;
      column = column / 26;
    }
  while (column-- > 0 && i > 0);

  return g_strdup (buffer + i);
}

/* --- the workbook -------------------------------------------------------- */

static void
fg_workbook_finalize (GObject *object)
{
  FgWorkbook *self = FG_WORKBOOK (object);

  if (self->zip != NULL)
    zip_discard (self->zip);
  if (self->xls != NULL)
    freexl_close (self->xls);
  g_clear_pointer (&self->sheet_parts, g_ptr_array_unref);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->shared_chunk, g_string_chunk_free);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_clear_pointer (&self->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->path);
  g_free (self->digest);
  g_free (self->encoding);

  G_OBJECT_CLASS (fg_workbook_parent_class)->finalize (object);
}

static void
fg_workbook_class_init (FgWorkbookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_workbook_finalize;
}

static void
fg_workbook_init (FgWorkbook *self)
{
  self->sheet_names = g_ptr_array_new_with_free_func (g_free);
}

static void
set_unreadable (GError     **error,
                const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_UNREADABLE,
               _("“%s” is not a spreadsheet Firegrid can read, or it is damaged. "
                 "Open it in Excel or WPS and save it again as .xlsx, .xls or CSV."),
               name);
}

static void
set_too_large (GError     **error,
               const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_TOO_LARGE,
               _("“%s” is far larger than a list of venues, or it unpacks to far more than "
                 "it holds, so it was not read. Save only the sheet of venues in a new file."),
               name);
}

static void
set_password (GError     **error,
              const char  *path)
{
  g_autofree char *name = g_path_get_basename (path);

  g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_PASSWORD,
               _("“%s” is protected by a password. Open it in Excel or WPS, remove the "
                 "password (or save a copy without one) and import that copy."),
               name);
}

/* --- CSV ----------------------------------------------------------------- */

/* The line, as csv_read() counts them, that @offset lies on. */
static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
      line++;
  return line;
}

/* Looks at text that is not all UTF-8: how many characters of two bytes
 * or more are good UTF-8, and how many bytes are not. */
static void
utf8_damage (const char *data,
             gsize       length,
             guint      *n_multibyte,
             guint      *n_bad)
{
  const char *p = data, *end = data + length;

  *n_multibyte = 0;
  *n_bad = 0;
  while (p < end)
    {
      const char *valid_end = NULL;

      g_utf8_validate_len (p, end - p, &valid_end);
      for (const char *q = p; q < valid_end; q++)
        if ((guchar) *q >= 0xC0)
          (*n_multibyte)++;
      if (valid_end >= end)
        break;
      (*n_bad)++;
      p = valid_end + 1;
    }
}

/* Turns the file's bytes into UTF-8: UTF-8 with or without its mark,
 * UTF-16 with its mark (WPS's “Unicode text”), else GB18030, of which
 * GBK and GB2312 are parts. Text that is UTF-8 but for a few bytes is a
 * damaged UTF-8 file, not GBK: read as GBK, every Chinese character in
 * it would come out as two others, so it is refused with the line of the
 * first bad byte. @length_out is set to the length of the text. */
static char *
csv_to_utf8 (FgWorkbook  *self,
             const char  *data,
             gsize        length,
             gsize       *length_out,
             GError     **error)
{
  g_autofree char *name = g_path_get_basename (self->path);
  const char *encoding;
  char *text;
  gsize text_length = 0;
  const char *nul;

  if (length >= 2 && memcmp (data, "\xFF\xFE", 2) != 0 && memcmp (data, "\xFE\xFF", 2) != 0 &&
      memchr (data, '\0', length) != NULL)
    {
      /* a NUL is never in a table of text: this is some other kind of file */
      set_unreadable (error, self->path);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      encoding = "UTF-8";
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    encoding = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
  else if (g_utf8_validate_len (data, length, NULL))
    encoding = "UTF-8";
  else
    {
      guint n_multibyte, n_bad;

      /* In GBK text, Chinese is mostly not UTF-8: bad bytes far outnumber
       * the pairs that happen to read as UTF-8. In UTF-8 text with a stray
       * byte it is the other way round. */
      utf8_damage (data, length, &n_multibyte, &n_bad);
      if (n_multibyte >= 4 * n_bad)
        goto damaged_utf8;
      encoding = "GB18030";
    }

  if (g_str_equal (encoding, "UTF-8"))
    {
      /* with its mark, it says it is UTF-8 */
      if (!g_utf8_validate_len (data, length, NULL))
        goto damaged_utf8;
      text = g_strndup (data, length);
      text_length = length;
    }
  else
    {
      gsize skip = g_str_has_prefix (encoding, "UTF-16") ? 2 : 0;

      text = g_convert (data + skip, length - skip, "UTF-8", encoding, NULL, &text_length, NULL);
      if (text == NULL)
        goto bad_encoding;
    }

  /* UTF-16 can hold the character U+0000, which would end the text
   * there: the rows after it would silently be lost */
  nul = memchr (text, '\0', text_length);
  if (nul != NULL)
    {
      g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_ENCODING,
                   _("Line %u of “%s” holds an empty character (U+0000), which no table of text has; "
                     "the rows after it would be lost. Open the file in Excel or WPS, check that line "
                     "and save it again as CSV (UTF-8) or .xlsx."),
                   line_of_offset (text, nul - text), name);
      g_free (text);
      return NULL;
    }

  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  *length_out = text_length;
  return text;

damaged_utf8:
  {
    const char *valid_end = NULL;

    g_utf8_validate_len (data, length, &valid_end);
    g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_ENCODING,
                 _("“%s” is UTF-8 text, but line %u holds a byte that is not, so the file may be "
                   "damaged; read otherwise, its Chinese would come out wrong. Open it in Excel or "
                   "WPS, check that line and save the file again as CSV (UTF-8)."),
                 name, line_of_offset (data, valid_end - data));
    return NULL;
  }

bad_encoding:
  g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_ENCODING,
                 _("The text of “%s” is neither UTF-8 nor GBK (简体中文), so its Chinese "
                   "cannot be read. Open it in Excel or WPS and save it as CSV (UTF-8) or .xlsx."),
                 name);
  return NULL;
}

/* Comma-separated, unless the first lines have more tabs than commas. */
static char
csv_guess_separator (const char *text)
{
  guint commas = 0, tabs = 0, lines = 0;

  for (const char *p = text; *p != '\0' && lines < 20; p++)
    {
      if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
      else if (*p == '\n')
        lines++;
    }

  return tabs > commas ? '\t' : ',';
}

static FgSheet *
csv_read (FgWorkbook    *self,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(FgSheet) sheet = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gsize length, text_length;
  const char *data = g_bytes_get_data (self->bytes, &length);
  const char *p;
  guint line = 1, record_line = 1;
  gboolean quoted = FALSE;
  char separator;

  text = csv_to_utf8 (self, data, length, &text_length, error);
  if (text == NULL)
    return NULL;

  separator = csv_guess_separator (text);
  sheet = sheet_new (g_ptr_array_index (self->sheet_names, 0));

  for (p = text; ; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            break;
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (cell, c);
            }
          continue;
        }

      if (c == '"' && cell->len == 0)
        quoted = TRUE;
      else if (c == separator)
        {
          /* cells past the last column read are dropped as they come: a
           * line of nothing but commas costs nothing */
          if (cells->len < MAX_COLUMNS)
            g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (c == '\r' && p[1] == '\n')
        continue;
      else if (c == '\n' || c == '\r' || c == '\0')
        {
          if (cells->len < MAX_COLUMNS)
            g_ptr_array_add (cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          sheet_add_row (sheet, record_line, (const char **) cells->pdata, cells->len);
          g_ptr_array_set_size (cells, 0);
          if (sheet->rows->len > MAX_ROWS)
            {
              set_too_large (error, self->path);
              return NULL;
            }

          if (c == '\0')
            break;
          line++;
          record_line = line;
          if ((line & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
        }
      else
        g_string_append_c (cell, c);
    }

  if (quoted)
    {
      g_autofree char *name = g_path_get_basename (self->path);

      g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_UNREADABLE,
                   _("In “%s”, a quotation mark opened on line %u is never closed, so the "
                     "rows after it cannot be told apart. Check that line and save the file again."),
                   name, record_line);
      return NULL;
    }

  return g_steal_pointer (&sheet);
}

/* --- .xlsx: the parts of the zip ----------------------------------------- */

typedef struct
{
  zip_file_t *file;
  gsize read;
  gboolean too_large;
} PartStream;

static int
part_read (void *context,
           char *buffer,
           int   length)
{
  PartStream *stream = context;
  zip_int64_t n = zip_fread (stream->file, buffer, length);

  if (n < 0)
    return -1;
  stream->read += n;
  /* the sizes in the zip's directory may lie; what comes out may not */
  if (stream->read > FG_SHEET_MAX_UNPACKED_SIZE)
    {
      stream->too_large = TRUE;
      return -1;
    }
  return (int) n;
}

static int
part_close (void *context)
{
  PartStream *stream = context;

  zip_fclose (stream->file);
  stream->file = NULL;
  return 0;
}

/* Opens a part of the workbook as XML, streamed; NULL with @error set
 * when it is missing and @required. */
static xmlTextReaderPtr
part_open (FgWorkbook  *self,
           const char  *part,
           PartStream  *stream,
           gboolean     required,
           GError     **error)
{
  zip_int64_t index = zip_name_locate (self->zip, part, 0);
  xmlTextReaderPtr reader;

  if (index < 0)
    index = zip_name_locate (self->zip, part, ZIP_FL_NOCASE);
  if (index < 0)
    {
      if (required)
        set_unreadable (error, self->path);
      return NULL;
    }

  stream->read = 0;
  stream->too_large = FALSE;
  stream->file = zip_fopen_index (self->zip, index, 0);
  if (stream->file == NULL)
    {
      set_unreadable (error, self->path);
      return NULL;
    }

  /* no network, no entities expanded: a workbook is data */
  reader = xmlReaderForIO (part_read, part_close, stream, part, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (reader == NULL)
    {
      zip_fclose (stream->file);
      set_unreadable (error, self->path);
    }
  return reader;
}

/* Ends reading a part: @rc is xmlTextReaderRead's last result. */
static gboolean
part_finish (FgWorkbook        *self,
             xmlTextReaderPtr   reader,
             PartStream        *stream,
             int                rc,
             GError           **error)
{
  gboolean ok = rc >= 0;

  xmlFreeTextReader (reader);
  if (stream->too_large)
    {
      set_too_large (error, self->path);
      return FALSE;
    }
  if (!ok)
    set_unreadable (error, self->path);
  return ok;
}

static gboolean
is_element (xmlTextReaderPtr  reader,
            const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr  reader,
        const char       *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
get_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The zip's directory: refuses encrypted parts and parts that would
 * unpack to far more than they are (a “zip bomb”). */
static gboolean
xlsx_check_directory (FgWorkbook  *self,
                      GError     **error)
{
  zip_int64_t n = zip_get_num_entries (self->zip, 0);
  guint64 total = 0;

  for (zip_int64_t i = 0; i < n; i++)
    {
      zip_stat_t stat;

      if (zip_stat_index (self->zip, i, 0, &stat) != 0)
        {
          set_unreadable (error, self->path);
          return FALSE;
        }
      if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        {
          set_password (error, self->path);
          return FALSE;
        }
      if (!(stat.valid & ZIP_STAT_SIZE) || !(stat.valid & ZIP_STAT_COMP_SIZE))
        continue;
      total += stat.size;
      if (stat.size > FG_SHEET_MAX_UNPACKED_SIZE || total > FG_SHEET_MAX_UNPACKED_SIZE ||
          (stat.size > 1024 * 1024 && stat.size / MAX (stat.comp_size, 1) > FG_SHEET_MAX_PACK_RATIO))
        {
          set_too_large (error, self->path);
          return FALSE;
        }
    }

  return TRUE;
}

/* The workbook's sheets, in order, and the parts that hold them. */
static gboolean
xlsx_read_workbook (FgWorkbook  *self,
                    GError     **error)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  PartStream stream = { 0 };
  xmlTextReaderPtr reader;
  int rc;

  reader = part_open (self, "xl/_rels/workbook.xml.rels", &stream, TRUE, error);
  if (reader == NULL)
    return FALSE;
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "Relationship"))
        {
          g_autofree char *id = get_attribute (reader, "Id");
          g_autofree char *target = get_attribute (reader, "Target");

          if (id != NULL && target != NULL)
            g_hash_table_insert (targets, g_steal_pointer (&id),
                                 target[0] == '/' ? g_strdup (target + 1)
                                                  : g_strconcat ("xl/", target, NULL));
        }
    }
  if (!part_finish (self, reader, &stream, rc, error))
    return FALSE;

  reader = part_open (self, "xl/workbook.xml", &stream, TRUE, error);
  if (reader == NULL)
    return FALSE;
  self->sheet_parts = g_ptr_array_new_with_free_func (g_free);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *date1904 = get_attribute (reader, "date1904");

          self->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
        }
      else if (is_element (reader, "sheet"))
        {
          g_autofree char *name = get_attribute (reader, "name");
          g_autofree char *id = get_attribute (reader, "r:id");
          const char *target;

          if (id == NULL)
            id = get_attribute (reader, "id");
          target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
          if (name == NULL || target == NULL)
            continue;
          g_ptr_array_add (self->sheet_names, g_steal_pointer (&name));
          g_ptr_array_add (self->sheet_parts, g_strdup (target));
        }
    }
  if (!part_finish (self, reader, &stream, rc, error))
    return FALSE;

  if (self->sheet_names->len == 0)
    {
      set_unreadable (error, self->path);
      return FALSE;
    }
  return TRUE;
}

/* Whether a number format shows a date: a built-in one, or a code with
 * days or years outside its quoted text and [colour] brackets. */
static gboolean
format_is_date (guint       id,
                const char *code)
{
  gboolean in_quotes = FALSE, in_brackets = FALSE;

  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return TRUE;
  if (code == NULL)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        continue;
      else if (*p == '[')
        in_brackets = TRUE;
      else if (*p == ']')
        in_brackets = FALSE;
      else if (*p == '\\')
        p += p[1] != '\0';
      else if (!in_brackets && strchr ("dDyY", *p) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
xlsx_read_styles (FgWorkbook  *self,
                  GError     **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  PartStream stream = { 0 };
  gboolean in_cell_xfs = FALSE;
  xmlTextReaderPtr reader;
  int rc;

  self->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  reader = part_open (self, "xl/styles.xml", &stream, FALSE, error);
  if (reader == NULL)
    return error == NULL || *error == NULL;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = get_attribute (reader, "numFmtId");
          char *code = get_attribute (reader, "formatCode");

          if (id != NULL)
            g_hash_table_insert (codes, GUINT_TO_POINTER (strtoul (id, NULL, 10)), code);
          else
            g_free (code);
        }
      else if (is_element (reader, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id_text = get_attribute (reader, "numFmtId");
          guint id = id_text != NULL ? strtoul (id_text, NULL, 10) : 0;
          gboolean is_date = format_is_date (id, g_hash_table_lookup (codes, GUINT_TO_POINTER (id)));

          g_array_append_val (self->date_styles, is_date);
        }
    }

  return part_finish (self, reader, &stream, rc, error);
}

static gboolean
xlsx_read_shared_strings (FgWorkbook  *self,
                          GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PartStream stream = { 0 };
  xmlTextReaderPtr reader;
  gboolean in_item = FALSE, in_text = FALSE;
  guint phonetic_depth = 0;
  int rc;

  self->shared = g_ptr_array_new ();
  self->shared_chunk = g_string_chunk_new (64 * 1024);
  reader = part_open (self, "xl/sharedStrings.xml", &stream, FALSE, error);
  if (reader == NULL)
    return error == NULL || *error == NULL;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (is_element (reader, "si"))
        {
          g_string_truncate (text, 0);
          in_item = !xmlTextReaderIsEmptyElement (reader);
          if (!in_item)
            g_ptr_array_add (self->shared, (char *) "");
        }
      else if (is_end (reader, "si"))
        {
          g_ptr_array_add (self->shared, g_string_chunk_insert (self->shared_chunk, text->str));
          in_item = FALSE;
        }
      /* the pinyin above a name (rPh) is not part of its text */
      else if (is_element (reader, "rPh") && !xmlTextReaderIsEmptyElement (reader))
        phonetic_depth++;
      else if (is_end (reader, "rPh"))
        phonetic_depth--;
      else if (is_element (reader, "t"))
        in_text = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_text = FALSE;
      else if (in_item && in_text && phonetic_depth == 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }

  return part_finish (self, reader, &stream, rc, error);
}

/* A column's index from a cell reference such as “AB12”, or -1. */
static int
column_from_reference (const char *reference)
{
  int column = 0;
  const char *p;

  if (reference == NULL)
    return -1;
  for (p = reference; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > 16384)
        return -1;
    }
  return p == reference ? -1 : column - 1;
}

/* A number as a person would type it: 12 rather than 12.0 or 1.2E1. */
static char *
format_number (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (value))
    return g_strdup (text);
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.10g", value);
}

/* A date stored as the spreadsheet's day number, as YYYY-MM-DD. */
static char *
format_date (const char *text,
             gboolean    date1904)
{
  char *end = NULL;
  double serial = g_ascii_strtod (text, &end);
  g_autoptr(GDate) date = NULL;
  gint64 days;

  if (end == text || *end != '\0' || !isfinite (serial) || serial < 1 || serial > 2958465)
    return format_number (text);

  days = (gint64) floor (serial);
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else
    {
      /* Excel counts 29 February 1900, a day that never was */
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      if (days >= 60)
        days--;
    }
  g_date_add_days (date, days);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static FgSheet *
xlsx_read_sheet (FgWorkbook    *self,
                 guint          index,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(FgSheet) sheet = sheet_new (g_ptr_array_index (self->sheet_names, index));
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *cell_type = NULL;
  g_autofree char *cell_reference = NULL;
  PartStream stream = { 0 };
  xmlTextReaderPtr reader;
  guint line = 0, rows_read = 0;
  int column = -1, cell_style = 0;
  gboolean in_cell = FALSE, in_value = FALSE, has_formula = FALSE, has_value = FALSE;
  int rc;

  reader = part_open (self, g_ptr_array_index (self->sheet_parts, index), &stream, TRUE, error);
  if (reader == NULL)
    return NULL;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "row"))
        {
          g_autofree char *r = get_attribute (reader, "r");

          line = r != NULL ? strtoul (r, NULL, 10) : line + 1;
          column = -1;
          g_ptr_array_set_size (cells, 0);
          if (xmlTextReaderIsEmptyElement (reader))
            continue;
          if ((++rows_read & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
            break;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "row"))
        {
          sheet_add_row (sheet, line, (const char **) cells->pdata, cells->len);
          g_ptr_array_set_size (cells, 0);
        }
      else if (type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "c"))
        {
          g_autofree char *style = get_attribute (reader, "s");

          g_free (cell_reference);
          cell_reference = get_attribute (reader, "r");
          g_free (cell_type);
          cell_type = get_attribute (reader, "t");
          column = cell_reference != NULL ? column_from_reference (cell_reference) : column + 1;
          cell_style = style != NULL ? atoi (style) : 0;
          has_formula = has_value = FALSE;
          g_string_truncate (value, 0);
          /* a formatted cell without a value ends here, and costs nothing */
          in_cell = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (in_cell && type == XML_READER_TYPE_ELEMENT && g_str_equal (name, "f"))
        has_formula = TRUE;
      else if (in_cell && type == XML_READER_TYPE_ELEMENT && (g_str_equal (name, "v") || g_str_equal (name, "t")))
        in_value = !xmlTextReaderIsEmptyElement (reader);
      else if (in_cell && type == XML_READER_TYPE_END_ELEMENT && (g_str_equal (name, "v") || g_str_equal (name, "t")))
        {
          in_value = FALSE;
          /* an empty value is a formula never computed, unless its
           * result is the empty text */
          has_value = value->len > 0 || g_strcmp0 (cell_type, "str") == 0;
        }
      else if (in_value && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                            type == XML_READER_TYPE_CDATA))
        g_string_append (value, (const char *) xmlTextReaderConstValue (reader));
      else if (in_cell && type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "c"))
        {
          char *text = NULL;

          in_cell = FALSE;
          if (has_formula && !has_value)
            {
              g_autofree char *file = g_path_get_basename (self->path);

              xmlFreeTextReader (reader);
              g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_FORMULA,
                           _("Cell %s of sheet “%s” in “%s” holds a formula whose result was never "
                             "saved, so it has no value to import. Open the file in Excel or WPS, "
                             "let it calculate, and save it again (or paste the values in place "
                             "of the formulas)."),
                           cell_reference != NULL ? cell_reference : "?",
                           fg_sheet_get_name (sheet), file);
              return NULL;
            }
          if (!has_value || column < 0 || column >= MAX_COLUMNS)
            continue;
          if (has_formula)
            sheet->n_formulas++;

          if (g_strcmp0 (cell_type, "s") == 0)
            {
              guint64 i = g_ascii_strtoull (value->str, NULL, 10);

              text = g_strdup (i < self->shared->len ? (const char *) g_ptr_array_index (self->shared, i) : "");
            }
          else if (g_strcmp0 (cell_type, "str") == 0 || g_strcmp0 (cell_type, "inlineStr") == 0 ||
                   g_strcmp0 (cell_type, "e") == 0)
            text = g_strdup (value->str);
          else if (g_strcmp0 (cell_type, "b") == 0)
            text = g_strdup (g_str_equal (value->str, "1") ? "TRUE" : "FALSE");
          else if (cell_style >= 0 && cell_style < (int) self->date_styles->len &&
                   g_array_index (self->date_styles, gboolean, cell_style))
            text = format_date (value->str, self->date1904);
          else
            text = format_number (value->str);

          if ((guint) column >= cells->len)
            g_ptr_array_set_size (cells, column + 1);
          g_free (cells->pdata[column]);
          cells->pdata[column] = text;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && g_str_equal (name, "sheetData"))
        break;
    }

  if (!part_finish (self, reader, &stream, rc, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

static gboolean
xlsx_open (FgWorkbook  *self,
           GError     **error)
{
  gsize length;
  const void *data = g_bytes_get_data (self->bytes, &length);
  zip_source_t *source;
  zip_error_t zip_error;

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, length, 0, &zip_error);
  if (source != NULL)
    {
      self->zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
      if (self->zip == NULL)
        zip_source_free (source);
    }
  zip_error_fini (&zip_error);
  if (self->zip == NULL)
    {
      set_unreadable (error, self->path);
      return FALSE;
    }

  return xlsx_check_directory (self, error) &&
         xlsx_read_workbook (self, error) &&
         xlsx_read_styles (self, error) &&
         xlsx_read_shared_strings (self, error);
}

/* --- .xls ---------------------------------------------------------------- */

/* An encrypted .xlsx is not a zip but an OLE file, like an .xls, with
 * these streams (their names in UTF-16). */
static gboolean
ole_has_stream (GBytes     *bytes,
                const char *ascii_name)
{
  gsize length, name_length = strlen (ascii_name);
  const guchar *data = g_bytes_get_data (bytes, &length);
  g_autofree guchar *utf16 = g_malloc (name_length * 2);

  for (gsize i = 0; i < name_length; i++)
    {
      utf16[2 * i] = ascii_name[i];
      utf16[2 * i + 1] = 0;
    }

  return memmem (data, length, utf16, name_length * 2) != NULL;
}

static gboolean
xls_open (FgWorkbook  *self,
          GError     **error)
{
  unsigned int info = 0, n_sheets = 0;

  if (ole_has_stream (self->bytes, "EncryptionInfo") || ole_has_stream (self->bytes, "EncryptedPackage"))
    {
      set_password (error, self->path);
      return FALSE;
    }

  /* FreeXL reads only from a file: it is given a private copy of the
   * bytes the digest was taken of, not the file again, which could have
   * changed since */
  {
    g_autofree char *copy = NULL;
    g_autoptr(GError) local_error = NULL;
    gsize length;
    const char *data = g_bytes_get_data (self->bytes, &length);
    int fd = g_file_open_tmp ("firegrid-xls-XXXXXX", &copy, &local_error);
    int rc;

    if (fd >= 0)
      {
        gsize written = 0;

        while (written < length)
          {
            gssize n = write (fd, data + written, length - written);

            if (n < 0 && errno == EINTR)
              continue;
            if (n <= 0)
              {
                int saved_errno = errno;

                g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                     g_strerror (saved_errno));
                break;
              }
            written += n;
          }
        if (close (fd) != 0 && local_error == NULL)
          {
            int saved_errno = errno;

            g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                 g_strerror (saved_errno));
          }
      }
    if (local_error != NULL)
      {
        g_autofree char *name = g_path_get_basename (self->path);

        if (copy != NULL)
          g_unlink (copy);
        g_set_error (error, G_IO_ERROR, local_error->domain == G_IO_ERROR ? local_error->code : G_IO_ERROR_FAILED,
                     _("“%s” could not be read: no working copy of it could be made in %s (%s). "
                       "Free some space on the disk and try again."),
                     name, g_get_tmp_dir (), local_error->message);
        return FALSE;
      }

    rc = freexl_open (copy, &self->xls);
    /* FreeXL has read what it needs, or holds the file open */
    g_unlink (copy);
    if (rc != FREEXL_OK)
      {
        if (self->xls != NULL)
          freexl_close (self->xls);
        self->xls = NULL;
        set_unreadable (error, self->path);
        return FALSE;
      }
  }

  if (freexl_get_info (self->xls, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED)
    {
      set_password (error, self->path);
      return FALSE;
    }

  if (freexl_get_info (self->xls, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK || n_sheets == 0)
    {
      set_unreadable (error, self->path);
      return FALSE;
    }

  for (unsigned short i = 0; i < n_sheets; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (self->xls, i, &name) != FREEXL_OK || name == NULL)
        {
          set_unreadable (error, self->path);
          return FALSE;
        }
      g_ptr_array_add (self->sheet_names, g_strdup (name));
    }

  return TRUE;
}

static FgSheet *
xls_read_sheet (FgWorkbook    *self,
                guint          index,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(FgSheet) sheet = sheet_new (g_ptr_array_index (self->sheet_names, index));
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;

  if (freexl_select_active_worksheet (self->xls, index) != FREEXL_OK ||
      freexl_worksheet_dimensions (self->xls, &n_rows, &n_columns) != FREEXL_OK)
    {
      set_unreadable (error, self->path);
      return NULL;
    }

  n_columns = MIN (n_columns, MAX_COLUMNS);
  for (unsigned int row = 0; row < n_rows; row++)
    {
      if ((row & 0x3ff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      g_ptr_array_set_size (cells, 0);
      for (unsigned short column = 0; column < n_columns; column++)
        {
          FreeXL_CellValue cell;
          char *text = NULL;

          if (freexl_get_cell_value (self->xls, row, column, &cell) != FREEXL_OK)
            {
              set_unreadable (error, self->path);
              return NULL;
            }

          switch (cell.type)
            {
            case FREEXL_CELL_INT:
              text = g_strdup_printf ("%d", cell.value.int_value);
              break;
            case FREEXL_CELL_DOUBLE:
              {
                char buffer[G_ASCII_DTOSTR_BUF_SIZE];

                text = format_number (g_ascii_dtostr (buffer, sizeof buffer, cell.value.double_value));
              }
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
            case FREEXL_CELL_TIME:
              text = g_strdup (cell.value.text_value);
              break;
            default:
              break;
            }
          g_ptr_array_add (cells, text);
        }
      sheet_add_row (sheet, row + 1, (const char **) cells->pdata, cells->len);
    }

  return g_steal_pointer (&sheet);
}

/* --- opening ------------------------------------------------------------- */

/**
 * fg_workbook_open:
 * @path: a spreadsheet: .xlsx, .xls, or CSV (UTF-8 or GBK, comma- or
 *   tab-separated); what it is is told by its content, not its name
 * @cancellable: (nullable): to stop reading
 * @error: return location for an error in %FG_SHEET_ERROR (or
 *   %G_IO_ERROR when the file cannot be read)
 *
 * Reads the file, its digest and the names of its sheets. Refuses, with
 * a message for the person importing, a file protected by a password, a
 * damaged one and one that would unpack to far more than a spreadsheet.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
FgWorkbook *
fg_workbook_open (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  /* a device or a pipe would be read without end */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_UNREADABLE,
                   _("“%s” is not a file of a spreadsheet. Choose the .xlsx, .xls or .csv file the venues "
                     "were saved in."),
                   name);
      return NULL;
    }
  if (g_file_info_get_size (info) > FG_SHEET_MAX_FILE_SIZE)
    {
      set_too_large (error, path);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return fg_workbook_open_bytes (path, bytes, cancellable, error);
}

/**
 * fg_workbook_open_bytes:
 * @path: the file the bytes were read from: named in messages and in the
 *   audit log, and not read again
 * @bytes: the whole file
 * @cancellable: (nullable): to stop reading
 * @error: return location for an error, as fg_workbook_open() sets it
 *
 * As fg_workbook_open(), from a file already read. The digest is that of
 * @bytes, and only @bytes are read, whatever the file holds by now.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
FgWorkbook *
fg_workbook_open_bytes (const char    *path,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(FgWorkbook) self = NULL;
  gsize length;
  const guchar *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (FG_TYPE_WORKBOOK, NULL);
  self->path = g_strdup (path);
  if (g_bytes_get_size (bytes) > FG_SHEET_MAX_FILE_SIZE)
    {
      /* grown since it was looked at */
      set_too_large (error, path);
      return NULL;
    }
  self->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (self->bytes, &length);
  self->digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, self->bytes);

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      self->format = FG_SHEET_FORMAT_XLSX;
      if (!xlsx_open (self, error))
        return NULL;
    }
  else if (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      self->format = FG_SHEET_FORMAT_XLS;
      if (!xls_open (self, error))
        return NULL;
    }
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      self->format = FG_SHEET_FORMAT_CSV;
      g_ptr_array_add (self->sheet_names, g_steal_pointer (&base));
    }

  return g_steal_pointer (&self);
}

FgSheetFormat
fg_workbook_get_format (FgWorkbook *self)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), FG_SHEET_FORMAT_CSV);
  return self->format;
}

const char *
fg_workbook_get_path (FgWorkbook *self)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), NULL);
  return self->path;
}

/**
 * fg_workbook_get_digest:
 *
 * Returns: the SHA-256 digest of the file's bytes, in hexadecimal
 */
const char *
fg_workbook_get_digest (FgWorkbook *self)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), NULL);
  return self->digest;
}

/**
 * fg_workbook_get_encoding:
 *
 * Returns: (nullable): the encoding a CSV file was read in ("UTF-8",
 *   "GB18030" …), once a sheet has been read; %NULL for a workbook
 */
const char *
fg_workbook_get_encoding (FgWorkbook *self)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), NULL);
  return self->encoding;
}

guint
fg_workbook_get_n_sheets (FgWorkbook *self)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), 0);
  return self->sheet_names->len;
}

/**
 * fg_workbook_get_sheet_name:
 *
 * Returns: the sheet's name as the workbook shows it on its tab; for a
 *   CSV file, the file's name without its extension
 */
const char *
fg_workbook_get_sheet_name (FgWorkbook *self,
                            guint       index)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);
  return g_ptr_array_index (self->sheet_names, index);
}

/**
 * fg_workbook_find_sheet:
 * @name: (nullable): a sheet's name; %NULL for the first sheet
 *
 * Returns: %TRUE with @index set, or %FALSE with an error naming the
 *   sheets there are
 */
gboolean
fg_workbook_find_sheet (FgWorkbook  *self,
                        const char  *name,
                        guint       *index,
                        GError     **error)
{
  g_autofree char *names = NULL;

  g_return_val_if_fail (FG_IS_WORKBOOK (self), FALSE);

  if (name == NULL)
    {
      *index = 0;
      return TRUE;
    }
  for (guint i = 0; i < self->sheet_names->len; i++)
    {
      if (g_str_equal (name, g_ptr_array_index (self->sheet_names, i)))
        {
          *index = i;
          return TRUE;
        }
    }

  g_ptr_array_add (self->sheet_names, NULL);
  names = g_strjoinv (fg_locale_prefers_chinese () ? "、" : ", ",
                      (char **) self->sheet_names->pdata);
  g_ptr_array_remove_index (self->sheet_names, self->sheet_names->len - 1);
  g_set_error (error, FG_SHEET_ERROR, FG_SHEET_ERROR_NO_SHEET,
               _("The file has no sheet named “%s”. Its sheets are: %s."), name, names);
  return FALSE;
}

/**
 * fg_workbook_read_sheet:
 * @index: the sheet's position, from 0
 * @cancellable: (nullable): to stop reading
 * @error: return location for an error
 *
 * Reads a sheet whole. A formula's last computed value, as the file keeps
 * it, is taken (fg_sheet_get_n_formulas() says how many); a formula with
 * no value kept is refused. Dates stored as day numbers come out as
 * YYYY-MM-DD.
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
FgSheet *
fg_workbook_read_sheet (FgWorkbook    *self,
                        guint          index,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (FG_IS_WORKBOOK (self), NULL);
  g_return_val_if_fail (index < self->sheet_names->len, NULL);

  switch (self->format)
    {
    case FG_SHEET_FORMAT_CSV:
      return csv_read (self, cancellable, error);
    case FG_SHEET_FORMAT_XLSX:
      return xlsx_read_sheet (self, index, cancellable, error);
    case FG_SHEET_FORMAT_XLS:
      return xls_read_sheet (self, index, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}
