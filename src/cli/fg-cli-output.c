/* fg-cli-output.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese text takes two terminal columns per character, so columns are
 * measured in display cells, never in bytes or characters. Output is
 * written as UTF-8 whatever the locale says: a table or a TSV file of
 * Chinese names is useless in any other form, and the database holds
 * UTF-8 anyway.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#ifdef G_OS_UNIX
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include "fg-cli-output.h"

#define COLUMN_GAP 2
/* A shrunk column keeps at least this many cells, or its title's width. */
#define MIN_SHRUNK_WIDTH 8

gboolean
fg_cli_format_from_string (const char  *text,
                           FgCliFormat *format)
{
  if (g_strcmp0 (text, "table") == 0)
    *format = FG_CLI_FORMAT_TABLE;
  else if (g_strcmp0 (text, "tsv") == 0)
    *format = FG_CLI_FORMAT_TSV;
  else
    return FALSE;

  return TRUE;
}

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c) || g_unichar_iscntrl (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

/**
 * fg_cli_text_width:
 * @text: UTF-8 text
 *
 * Returns: how many terminal cells @text takes: two for a wide (CJK)
 *   character, none for a combining mark
 */
guint
fg_cli_text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));

  return width;
}

/**
 * fg_cli_text_truncate:
 * @text: UTF-8 text
 * @max_width: the most cells the result may take
 *
 * Returns: (transfer full): @text, or its beginning followed by “…” when it
 *   is wider than @max_width; never wider than @max_width
 */
char *
fg_cli_text_truncate (const char *text,
                      guint       max_width)
{
  g_autoptr(GString) out = NULL;
  guint width = 0;

  if (fg_cli_text_width (text) <= max_width)
    return g_strdup (text);
  if (max_width == 0)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = char_width (c);

      /* one cell stays free for the ellipsis */
      if (width + w > max_width - 1)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * fg_cli_append_padded:
 * @out: where to append
 * @text: UTF-8 text
 * @width: the cells the text is padded to with spaces
 *
 * Appends @text left-aligned in a field @width cells wide.
 */
void
fg_cli_append_padded (GString    *out,
                      const char *text,
                      guint       width)
{
  guint text_width = fg_cli_text_width (text);

  g_string_append (out, text);
  for (guint i = text_width; i < width; i++)
    g_string_append_c (out, ' ');
}

/**
 * fg_cli_get_terminal_width:
 *
 * Returns: the width of the terminal standard output goes to, or 0 when it
 *   goes to a file or a pipe (and lines may be as long as they need)
 */
guint
fg_cli_get_terminal_width (void)
{
#ifdef G_OS_UNIX
  struct winsize size;
  const char *columns;
  guint64 value;

  if (!isatty (STDOUT_FILENO))
    return 0;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;

  columns = g_getenv ("COLUMNS");
  if (columns != NULL && g_ascii_string_to_unsigned (columns, 10, 20, 10000, &value, NULL))
    return (guint) value;

  return 80;
#else
  return 0;
#endif
}

void
fg_cli_print (const char *text)
{
  fputs (text, stdout);
}

/* Cells never hold a line break or a tab, which would break the layout
 * of a table and the records of a TSV file. */
static char *
sanitize_cell (const char *text)
{
  char *copy;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_utf8_make_valid (text, -1);

  copy = g_strdup (text);
  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

typedef struct
{
  char *title;
  FgCliAlign align;
  gboolean shrinkable;
  guint min_width;
  guint drop_rank;
} Column;

struct _FgCliTable
{
  GArray *columns;   /* Column */
  GPtrArray *rows;   /* GStrv, one cell per column */
};

static void
column_clear (Column *column)
{
  g_free (column->title);
}

FgCliTable *
fg_cli_table_new (void)
{
  FgCliTable *self = g_new0 (FgCliTable, 1);

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) column_clear);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  return self;
}

void
fg_cli_table_free (FgCliTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

/**
 * fg_cli_table_add_column:
 * @self: a table without rows
 * @title: the column's heading, translated
 * @align: how cells are aligned; numbers to the right
 * @shrinkable: whether the column may be cut short (with “…”) so that the
 *   table fits the terminal; codes and ids should not be
 *
 * Returns: the column's number, for fg_cli_table_set_fit()
 */
guint
fg_cli_table_add_column (FgCliTable *self,
                         const char *title,
                         FgCliAlign  align,
                         gboolean    shrinkable)
{
  Column column = { sanitize_cell (title), align, shrinkable, MIN_SHRUNK_WIDTH, 0 };

  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->columns, column);
  return self->columns->len - 1;
}

/**
 * fg_cli_table_set_fit:
 * @self: a table
 * @column: a column's number
 * @min_width: the fewest cells a shrinkable column is cut down to
 * @drop_rank: 0 to keep the column always; otherwise the column is left
 *   out when the table cannot fit the terminal even with every column cut
 *   down, those of higher rank first
 */
void
fg_cli_table_set_fit (FgCliTable *self,
                      guint       column,
                      guint       min_width,
                      guint       drop_rank)
{
  Column *c;

  g_return_if_fail (column < self->columns->len);

  c = &g_array_index (self->columns, Column, column);
  c->min_width = min_width;
  c->drop_rank = drop_rank;
}

/**
 * fg_cli_table_add_row:
 * @self: a table
 * @...: one string per column; %NULL counts as empty
 */
void
fg_cli_table_add_row (FgCliTable *self,
                      ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  va_start (args, self);
  for (guint i = 0; i < self->columns->len; i++)
    g_ptr_array_add (cells, sanitize_cell (va_arg (args, const char *)));
  va_end (args);

  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (self->rows, g_ptr_array_steal (cells, NULL));
}

static void
append_row (GString            *out,
            GArray             *columns,
            const guint        *widths,
            const gboolean     *shown,
            const char * const *cells)
{
  guint line_start = out->len;
  gboolean first = TRUE;

  for (guint i = 0; i < columns->len; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      g_autofree char *text = NULL;
      guint text_width;

      if (!shown[i])
        continue;

      text = fg_cli_text_truncate (cells[i], widths[i]);
      text_width = fg_cli_text_width (text);

      if (!first)
        g_string_append_printf (out, "%*s", COLUMN_GAP, "");
      first = FALSE;

      if (column->align == FG_CLI_ALIGN_RIGHT)
        {
          for (guint w = text_width; w < widths[i]; w++)
            g_string_append_c (out, ' ');
          g_string_append (out, text);
        }
      else
        {
          fg_cli_append_padded (out, text, widths[i]);
        }
    }

  /* no trailing blanks after a short last cell */
  while (out->len > line_start && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/* The width of the shown columns and the gaps between them, each column
 * at widths[i] or, if @at_least, at its minimum width. */
static guint
total_width (GArray         *columns,
             const guint    *widths,
             const guint    *min_widths,
             const gboolean *shown,
             gboolean        at_least)
{
  guint total = 0;
  guint n_shown = 0;

  for (guint i = 0; i < columns->len; i++)
    {
      if (!shown[i])
        continue;
      total += at_least ? min_widths[i] : widths[i];
      n_shown++;
    }

  return n_shown > 0 ? total + COLUMN_GAP * (n_shown - 1) : 0;
}

/**
 * fg_cli_table_render:
 * @self: a table
 * @max_width: the width to fit, or 0 for no limit
 * @out: where the table is appended
 *
 * Lays the table out in columns as wide as their widest cell. When the
 * table is wider than @max_width, columns that may be dropped are left out
 * until the rest can fit, and then the widest shrinkable columns give up
 * cells one at a time until the table fits.
 */
void
fg_cli_table_render (FgCliTable *self,
                     guint       max_width,
                     GString    *out)
{
  guint n_columns = self->columns->len;
  g_autofree guint *widths = g_new0 (guint, MAX (n_columns, 1));
  g_autofree guint *min_widths = g_new0 (guint, MAX (n_columns, 1));
  g_autofree gboolean *shown = g_new0 (gboolean, MAX (n_columns, 1));
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint total;

  if (n_columns == 0)
    return;

  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);

      g_ptr_array_add (titles, column->title);
      widths[i] = fg_cli_text_width (column->title);
      shown[i] = TRUE;
    }
  g_ptr_array_add (titles, NULL);

  for (guint r = 0; r < self->rows->len; r++)
    {
      char **cells = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < n_columns; i++)
        widths[i] = MAX (widths[i], fg_cli_text_width (cells[i]));
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);

      /* a heading is never cut */
      min_widths[i] = column->shrinkable
                        ? MIN (widths[i], MAX (column->min_width, fg_cli_text_width (column->title)))
                        : widths[i];
    }

  while (max_width > 0 &&
         total_width (self->columns, widths, min_widths, shown, TRUE) > max_width)
    {
      guint drop = n_columns;

      for (guint i = 0; i < n_columns; i++)
        {
          const Column *column = &g_array_index (self->columns, Column, i);

          if (shown[i] && column->drop_rank > 0 &&
              (drop == n_columns ||
               column->drop_rank > g_array_index (self->columns, Column, drop).drop_rank))
            drop = i;
        }
      if (drop == n_columns)
        break;
      shown[drop] = FALSE;
    }

  total = total_width (self->columns, widths, min_widths, shown, FALSE);
  while (max_width > 0 && total > max_width)
    {
      guint widest = n_columns;

      for (guint i = 0; i < n_columns; i++)
        if (shown[i] && widths[i] > min_widths[i] &&
            (widest == n_columns || widths[i] > widths[widest]))
          widest = i;
      if (widest == n_columns)
        break;

      widths[widest]--;
      total--;
    }

  append_row (out, self->columns, widths, shown, (const char * const *) titles->pdata);
  for (guint r = 0; r < self->rows->len; r++)
    append_row (out, self->columns, widths, shown, g_ptr_array_index (self->rows, r));
}

/**
 * fg_cli_table_print:
 * @self: a table
 *
 * Prints the table on standard output, fitted to the terminal if there is
 * one; to a file or a pipe, cells are never cut short.
 */
void
fg_cli_table_print (FgCliTable *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  fg_cli_table_render (self, fg_cli_get_terminal_width (), out);
  fg_cli_print (out->str);
}

/**
 * fg_cli_tsv_append_row:
 * @out: where to append
 * @n_fields: how many fields follow
 * @...: the fields; %NULL counts as empty
 *
 * Appends one record of tab-separated values. Tabs and line breaks inside
 * a field become spaces, so every record is exactly one line.
 */
void
fg_cli_tsv_append_row (GString *out,
                       guint    n_fields,
                       ...)
{
  va_list args;

  va_start (args, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *field = sanitize_cell (va_arg (args, const char *));

      if (i > 0)
        g_string_append_c (out, '\t');
      g_string_append (out, field);
    }
  va_end (args);

  g_string_append_c (out, '\n');
}
