/* fg-pdf.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Official documents on A4, with the margins and type sizes of GB/T 9704:
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right, body text in 三号 (16 pt),
 * which gives the standard 28 characters a line.
 *
 * The text is set in a chain of Ming faces (fg-pdf-faces.c): the face of
 * the document settings, then fallbacks for the rare characters it lacks,
 * each character drawn with the first face that has it. Each face is cut
 * down to the characters it draws before it is embedded, which keeps a
 * one-page notice near 20 KB. A character no face has is an error that
 * names it: an official document never shows an empty box.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <hpdf.h>
#include <qrencode.h>

#include "fg-notice.h"
#include "fg-pdf-faces-private.h"
#include "fg-pdf-private.h"

#define MM (72.0 / 25.4)
#define PAGE_WIDTH (210 * MM)
#define PAGE_HEIGHT (297 * MM)
#define MARGIN_TOP (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT (28 * MM)
#define MARGIN_RIGHT (26 * MM)
#define TEXT_WIDTH (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define LINE_SPACING 1.5
#define CELL_PADDING 4.0
#define FOOTER_SIZE 10.5  /* 五号 */

/* Characters a line may not start with, and may not end with (避头尾). */
static const char no_line_start[] = "，。、；：？！）》」』】〕’”…—%,.;:?!)]";
static const char no_line_end[] = "（《「『【〔‘“([";

struct _FgPdf
{
  FgPdfFaces *faces;

  gboolean collecting;
  GHashTable *used;       /* codepoints, while collecting */
  gboolean measuring;     /* laying out to learn a height, drawing nothing */

  HPDF_Doc doc;
  HPDF_STATUS status;

  /* the document being laid out */
  GPtrArray *pages;       /* HPDF_Page of this document */
  HPDF_Page page;
  char *running_head;
  double y;               /* from the top of the page */
};

static void
on_hpdf_error (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  FgPdf *self = user_data;

  /* the library's codes say nothing to the person printing: they go
   * to the debug log, for whoever looks into it */
  g_debug ("The PDF library reported error %04X (detail %u)", (guint) error_no, (guint) detail_no);
  if (self->status == HPDF_OK)
    self->status = error_no;
}

/**
 * fg_pdf_new_with_fallbacks:
 * @font_family: (nullable): the font the documents are set in, or %NULL
 *   to take the best installed Chinese TrueType face
 * @fallbacks: (nullable): the families for the characters it lacks
 * @error: return location for an error
 *
 * Starts a PDF, collecting characters.
 */
FgPdf *
fg_pdf_new_with_fallbacks (const char         *font_family,
                           const char * const *fallbacks,
                           GError            **error)
{
  g_autoptr(FgPdf) self = g_new0 (FgPdf, 1);

  self->faces = fg_pdf_faces_new (font_family, fallbacks, error);
  if (self->faces == NULL)
    return NULL;
  self->used = g_hash_table_new (NULL, NULL);
  self->collecting = TRUE;
  self->pages = g_ptr_array_new ();

  return g_steal_pointer (&self);
}

/**
 * fg_pdf_new:
 * @font_family: (nullable): the font the documents are set in, or %NULL
 *   to take the best installed Chinese TrueType face
 * @error: return location for an error
 *
 * Starts a PDF, collecting characters. Characters the font lacks are
 * drawn with the fallback Ming faces (HanaMinA, HanaMinB) when they are
 * installed.
 */
FgPdf *
fg_pdf_new (const char  *font_family,
            GError     **error)
{
  static const char * const fallbacks[] = { FG_PDF_FALLBACK_FAMILIES, NULL };

  return fg_pdf_new_with_fallbacks (font_family, fallbacks, error);
}

void
fg_pdf_free (FgPdf *self)
{
  if (self == NULL)
    return;

  if (self->doc != NULL)
    HPDF_Free (self->doc);
  g_clear_pointer (&self->faces, fg_pdf_faces_free);
  g_clear_pointer (&self->used, g_hash_table_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->running_head);
  g_free (self);
}

/* The family the documents are set in, before any fallback. */
const char *
fg_pdf_get_font_name (FgPdf *self)
{
  return fg_pdf_faces_get_family (self->faces, 0);
}

gboolean
fg_pdf_is_collecting (FgPdf *self)
{
  return self->collecting;
}

static void
collect (FgPdf      *self,
         const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x20)
        g_hash_table_add (self->used, GUINT_TO_POINTER (c));
    }
}

static int
compare_codepoints (gconstpointer a,
                    gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a);
  guint y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

/**
 * fg_pdf_dup_missing:
 * @text: (nullable): text to check; %NULL checks what was collected
 *
 * Returns: (transfer full) (nullable): the characters of @text no face
 *   of the chain has a glyph for, each once, in the order of their code,
 *   or %NULL when every one is drawn
 */
char *
fg_pdf_dup_missing (FgPdf      *self,
                    const char *text)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GList) used = NULL;

  if (text != NULL)
    {
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        g_hash_table_add (seen, GUINT_TO_POINTER (g_utf8_get_char (p)));
      used = g_hash_table_get_keys (seen);
    }
  else
    used = g_hash_table_get_keys (self->used);

  used = g_list_sort (used, compare_codepoints);
  for (GList *l = used; l != NULL; l = l->next)
    {
      gunichar c = GPOINTER_TO_UINT (l->data);

      if (c >= 0x20 && fg_pdf_faces_lookup (self->faces, c) < 0)
        g_string_append_unichar (missing, c);
    }

  return missing->len > 0 ? g_strdup (missing->str) : NULL;
}

/**
 * fg_pdf_start_drawing:
 *
 * Ends the collecting pass: checks that a face of the chain has every
 * character, embeds the faces that draw them, and starts the pass that
 * draws.
 */
gboolean
fg_pdf_start_drawing (FgPdf   *self,
                      GError **error)
{
  g_autofree char *missing = NULL;

  g_return_val_if_fail (self->collecting, FALSE);

  /* the page numbers are drawn last, whatever was collected */
  collect (self, "0123456789 第页共（续）");
  missing = fg_pdf_dup_missing (self, NULL);
  if (missing != NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
                   _("No font installed for documents has “%s”, which the document needs. "
                     "Install the package fonts-hanazono, or choose a font that has it in the document "
                     "settings."),
                   missing);
      return FALSE;
    }

  self->doc = HPDF_New (on_hpdf_error, self);
  if (self->doc == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_RENDER, _("Not enough memory to make the PDF."));
      return FALSE;
    }
  HPDF_SetCompressionMode (self->doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings (self->doc);
  HPDF_SetCurrentEncoder (self->doc, "UTF-8");
  HPDF_SetInfoAttr (self->doc, HPDF_INFO_CREATOR, "Firegrid");

  if (!fg_pdf_faces_embed (self->faces, self->doc, self->used, error))
    return FALSE;

  self->collecting = FALSE;
  return TRUE;
}

/**
 * fg_pdf_finish:
 *
 * Returns: (transfer full): the PDF
 */
GBytes *
fg_pdf_finish (FgPdf   *self,
               GError **error)
{
  g_autofree guint8 *data = NULL;
  HPDF_UINT32 size;

  g_return_val_if_fail (!self->collecting, NULL);

  if (self->status == HPDF_OK)
    HPDF_SaveToStream (self->doc);
  size = HPDF_GetStreamSize (self->doc);
  if (self->status == HPDF_OK && size > 0)
    {
      data = g_malloc (size);
      HPDF_ReadFromStream (self->doc, data, &size);
    }

  if (self->status != HPDF_OK || data == NULL)
    {
      g_debug ("The PDF could not be made: the library's first error was %04X", (guint) self->status);
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_RENDER,
                   _("The PDF of the document could not be made. Try again; if it fails again, choose "
                     "another font in Document Settings, or restart the computer."));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* How far @c advances, in ems. */
static double
advance (FgPdf    *self,
         gunichar  c)
{
  return fg_pdf_faces_advance (self->faces, c);
}

static double
text_width (FgPdf      *self,
            const char *text,
            gssize      length,
            double      size)
{
  double ems = 0;
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    ems += advance (self, g_utf8_get_char (p));

  return ems * size;
}

static void
draw_text (FgPdf      *self,
           double      x,
           double      top,
           double      size,
           const char *text,
           gboolean    bold)
{
  if (self->collecting)
    {
      collect (self, text);
      return;
    }
  if (self->measuring || *text == '\0')
    return;

  HPDF_Page_BeginText (self->page);
  if (bold)
    {
      /* one weight only: a title is set heavier by stroking its outlines */
      HPDF_Page_SetTextRenderingMode (self->page, HPDF_FILL_THEN_STROKE);
      HPDF_Page_SetLineWidth (self->page, size / 30);
    }
  /* each run of characters in the face that has them; the baseline sits
   * a little above the bottom of the em box */
  for (const char *run = text; *run != '\0';)
    {
      int face = fg_pdf_faces_lookup (self->faces, g_utf8_get_char (run));
      const char *end = g_utf8_next_char (run);
      g_autofree char *encoded = NULL;

      while (*end != '\0' && fg_pdf_faces_lookup (self->faces, g_utf8_get_char (end)) == face)
        end = g_utf8_next_char (end);
      g_assert (face >= 0);
      encoded = fg_pdf_faces_encode (self->faces, face, run, end);
      HPDF_Page_SetFontAndSize (self->page, fg_pdf_faces_get_font (self->faces, face), size);
      HPDF_Page_TextOut (self->page, x, PAGE_HEIGHT - top - size * 0.88, encoded);
      x += text_width (self, run, end - run, size);
      run = end;
    }
  if (bold)
    HPDF_Page_SetTextRenderingMode (self->page, HPDF_FILL);
  HPDF_Page_EndText (self->page);
}

/* Breaks @text into lines at most @width wide: between any two Chinese
 * characters, between words of Latin text, never before closing or after
 * opening punctuation. Explicit newlines are kept. */
static GPtrArray *
wrap (FgPdf      *self,
      const char *text,
      double      size,
      double      width,
      double      first_indent)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *line_start = text;
  const char *last_break = NULL;  /* where the line may break, at the latest */
  double line_width = first_indent;

  if (self->collecting)
    {
      collect (self, text);
      g_ptr_array_add (lines, g_strdup (text));
      return lines;
    }

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gboolean wide = g_unichar_iswide (c);
      double w;

      if (c == '\n')
        {
          g_ptr_array_add (lines, g_strndup (line_start, p - line_start));
          line_start = next;
          last_break = NULL;
          line_width = 0;
          p = next;
          continue;
        }

      /* may the line break before this character? */
      if (p > line_start)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (p));
          gboolean allowed = wide || g_unichar_iswide (before) || before == ' ';
          char here[8] = { 0 };
          char prev[8] = { 0 };

          g_unichar_to_utf8 (c, here);
          g_unichar_to_utf8 (before, prev);
          if (strstr (no_line_start, here) != NULL || strstr (no_line_end, prev) != NULL)
            allowed = FALSE;
          if (allowed)
            last_break = p;
        }

      w = advance (self, c) * size;
      if (line_width + w > width + 0.01 && p > line_start)
        {
          const char *cut = last_break != NULL && last_break > line_start ? last_break : p;

          g_ptr_array_add (lines, g_strchomp (g_strndup (line_start, cut - line_start)));
          line_start = cut;
          while (*line_start == ' ')
            line_start++;
          last_break = NULL;
          line_width = text_width (self, line_start, p - line_start, size);
          if (line_start > p)
            {
              p = line_start;
              continue;
            }
        }

      line_width += w;
      p = next;
    }

  if (*line_start != '\0' || lines->len == 0)
    g_ptr_array_add (lines, g_strdup (line_start));

  return lines;
}

static void
draw_running_head (FgPdf *self)
{
  if (self->running_head == NULL)
    return;

  draw_text (self, MARGIN_LEFT, MARGIN_TOP - 2 * FOOTER_SIZE, FOOTER_SIZE, self->running_head, FALSE);
  if (!self->collecting)
    {
      HPDF_Page_SetLineWidth (self->page, 0.5);
      HPDF_Page_MoveTo (self->page, MARGIN_LEFT, PAGE_HEIGHT - MARGIN_TOP + FOOTER_SIZE * 0.6);
      HPDF_Page_LineTo (self->page, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - MARGIN_TOP + FOOTER_SIZE * 0.6);
      HPDF_Page_Stroke (self->page);
    }
}

/**
 * fg_pdf_new_page:
 *
 * Starts a page of the current document; pages after the first repeat its
 * running head.
 */
void
fg_pdf_new_page (FgPdf *self)
{
  gboolean first = self->pages->len == 0;

  self->y = MARGIN_TOP;
  if (self->collecting)
    {
      g_ptr_array_add (self->pages, NULL);
      return;
    }

  self->page = HPDF_AddPage (self->doc);
  HPDF_Page_SetWidth (self->page, PAGE_WIDTH);
  HPDF_Page_SetHeight (self->page, PAGE_HEIGHT);
  g_ptr_array_add (self->pages, self->page);
  if (!first)
    draw_running_head (self);
}

/**
 * fg_pdf_begin_document:
 * @running_head: (nullable): what pages after the first say at their top
 *   (the title and number), so that a loose page can be placed
 *
 * Starts a document on a new page. Its pages are numbered on their own.
 */
void
fg_pdf_begin_document (FgPdf      *self,
                       const char *running_head)
{
  g_free (self->running_head);
  self->running_head = g_strdup (running_head);
  g_ptr_array_set_size (self->pages, 0);
  if (self->collecting && running_head != NULL)
    collect (self, running_head);
  fg_pdf_new_page (self);
}

/**
 * fg_pdf_end_document:
 *
 * Numbers the document's pages: 第 N 页 共 M 页.
 */
void
fg_pdf_end_document (FgPdf *self)
{
  guint n_pages = self->pages->len;

  for (guint i = 0; i < n_pages && !self->collecting; i++)
    {
      g_autofree char *text = g_strdup_printf ("第 %u 页 共 %u 页", i + 1, n_pages);
      HPDF_Page page = self->page;

      self->page = g_ptr_array_index (self->pages, i);
      draw_text (self, (PAGE_WIDTH - text_width (self, text, -1, FOOTER_SIZE)) / 2,
                 PAGE_HEIGHT - MARGIN_BOTTOM + 2 * FOOTER_SIZE, FOOTER_SIZE, text, FALSE);
      self->page = page;
    }

  g_ptr_array_set_size (self->pages, 0);
  g_clear_pointer (&self->running_head, g_free);
}

double
fg_pdf_get_text_width (FgPdf *self)
{
  return TEXT_WIDTH;
}

double
fg_pdf_get_y (FgPdf *self)
{
  return self->y - MARGIN_TOP;
}

void
fg_pdf_skip (FgPdf  *self,
             double  height)
{
  self->y += height;
}

/**
 * fg_pdf_keep:
 * @height: what must fit below the cursor
 *
 * Starts a new page unless @height fits on this one.
 */
void
fg_pdf_keep (FgPdf  *self,
             double  height)
{
  if (self->collecting || self->measuring)
    return;
  if (self->y + height > PAGE_HEIGHT - MARGIN_BOTTOM + 0.01 && self->y > MARGIN_TOP + 2 * FG_PDF_SIZE_BODY)
    fg_pdf_new_page (self);
}

/**
 * fg_pdf_line_text:
 *
 * One line of text, aligned; too long a line wraps, each line aligned.
 */
void
fg_pdf_line_text (FgPdf      *self,
                  const char *text,
                  double      size,
                  FgPdfAlign  align,
                  gboolean    bold)
{
  g_autoptr(GPtrArray) lines = wrap (self, text, size, TEXT_WIDTH, 0);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      double x = MARGIN_LEFT;

      fg_pdf_keep (self, size * LINE_SPACING);
      if (!self->collecting && align == FG_PDF_ALIGN_CENTER)
        x += (TEXT_WIDTH - text_width (self, line, -1, size)) / 2;
      else if (!self->collecting && align == FG_PDF_ALIGN_RIGHT)
        x += TEXT_WIDTH - text_width (self, line, -1, size);
      draw_text (self, x, self->y, size, line, bold);
      self->y += size * LINE_SPACING;
    }
}

/**
 * fg_pdf_paragraph:
 * @first_indent: how far the first line is indented, in ems (2 for body
 *   text, as Chinese paragraphs are)
 *
 * Body text, wrapped to the text width, flowing onto new pages.
 */
void
fg_pdf_paragraph (FgPdf      *self,
                  const char *text,
                  double      size,
                  double      first_indent)
{
  g_autoptr(GPtrArray) lines = wrap (self, text, size, TEXT_WIDTH, first_indent * size);

  for (guint i = 0; i < lines->len; i++)
    {
      fg_pdf_keep (self, size * LINE_SPACING);
      draw_text (self, MARGIN_LEFT + (i == 0 ? first_indent * size : 0), self->y, size,
                 g_ptr_array_index (lines, i), FALSE);
      self->y += size * LINE_SPACING;
    }
}

static void
stroke_rect (FgPdf  *self,
             double  x,
             double  top,
             double  width,
             double  height)
{
  if (self->collecting || self->measuring)
    return;
  HPDF_Page_SetLineWidth (self->page, 0.75);
  HPDF_Page_Rectangle (self->page, x, PAGE_HEIGHT - top - height, width, height);
  HPDF_Page_Stroke (self->page);
}

/* One row of cells from @top; @lines holds each cell's lines, from line
 * @from on, at most @n_lines of them. */
static void
draw_row (FgPdf             *self,
          const FgPdfColumn *columns,
          guint              n_columns,
          GPtrArray        **lines,
          guint              from,
          guint              n_lines,
          double             size,
          gboolean           header)
{
  double line_height = size * 1.35;
  double height = n_lines * line_height + 2 * CELL_PADDING;
  double x = MARGIN_LEFT;

  for (guint c = 0; c < n_columns; c++)
    {
      double width = columns[c].width * TEXT_WIDTH;

      for (guint l = from; l < MIN (lines[c]->len, from + n_lines); l++)
        {
          const char *line = g_ptr_array_index (lines[c], l);
          double offset = CELL_PADDING;
          FgPdfAlign align = header ? FG_PDF_ALIGN_CENTER : columns[c].align;

          if (align == FG_PDF_ALIGN_CENTER)
            offset = (width - text_width (self, line, -1, size)) / 2;
          else if (align == FG_PDF_ALIGN_RIGHT)
            offset = width - CELL_PADDING - text_width (self, line, -1, size);
          draw_text (self, x + offset, self->y + CELL_PADDING + (l - from) * line_height + (line_height - size) / 2,
                     size, line, header);
        }
      stroke_rect (self, x, self->y, width, height);
      x += width;
    }

  self->y += height;
}

static GPtrArray **
wrap_cells (FgPdf             *self,
            const FgPdfColumn *columns,
            guint              n_columns,
            const char * const *cells,
            double             size,
            guint             *n_lines)
{
  GPtrArray **lines = g_new0 (GPtrArray *, n_columns);

  *n_lines = 1;
  for (guint c = 0; c < n_columns; c++)
    {
      lines[c] = wrap (self, cells[c] != NULL ? cells[c] : "", size,
                       columns[c].width * TEXT_WIDTH - 2 * CELL_PADDING, 0);
      *n_lines = MAX (*n_lines, lines[c]->len);
    }

  return lines;
}

static void
free_cells (GPtrArray **lines,
            guint       n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_unref (lines[c]);
  g_free (lines);
}

/* The height of a row of @n_lines lines. */
static double
row_height (guint  n_lines,
            double size)
{
  return n_lines * size * 1.35 + 2 * CELL_PADDING;
}

/* The lines of row @r, wrapped; its height in @n_lines. */
static GPtrArray **
wrap_row (FgPdf             *self,
          const FgPdfColumn *columns,
          guint              n_columns,
          GPtrArray         *rows,
          guint              r,
          double             size,
          guint             *n_lines)
{
  return wrap_cells (self, columns, n_columns, g_ptr_array_index (rows, r), size, n_lines);
}

/**
 * fg_pdf_table_before:
 * @columns: the columns, their titles and shares of the width
 * @rows: (element-type GStrv): the cells, a row at a time
 * @following: the height of what must follow the table on the page of
 *   its last row (see fg_pdf_measure()); 0 when nothing need
 *
 * A ruled table whose header row is repeated at the top of every page it
 * flows onto; a row taller than what is left of a page continues on the
 * next one. When the last row and @following do not fit together in what
 * is left of a page, the last row moves to the next page, so that what
 * follows (the closing of a document) never stands alone there.
 */
void
fg_pdf_table_before (FgPdf             *self,
                     const FgPdfColumn *columns,
                     guint              n_columns,
                     GPtrArray         *rows,
                     double             size,
                     double             following)
{
  g_autofree const char **titles = g_new0 (const char *, n_columns + 1);
  GPtrArray **header;
  guint header_lines;
  double line_height = size * 1.35;
  double bottom = PAGE_HEIGHT - MARGIN_BOTTOM + 0.01;
  double first = row_height (1, size);
  guint rows_on_page = 0;

  for (guint c = 0; c < n_columns; c++)
    titles[c] = columns[c].title;
  header = wrap_cells (self, columns, n_columns, titles, size, &header_lines);

  /* the header never stands alone at the foot of a page, nor above a
   * single row that must go with what follows */
  if (rows->len == 1 && following > 0 && !self->collecting)
    {
      guint n_lines;

      free_cells (wrap_row (self, columns, n_columns, rows, 0, size, &n_lines), n_columns);
      first = row_height (n_lines, size) + following;
    }
  fg_pdf_keep (self, row_height (header_lines, size) + first);
  draw_row (self, columns, n_columns, header, 0, header_lines, size, TRUE);

  for (guint r = 0; r < rows->len; r++)
    {
      guint n_lines;
      GPtrArray **cells = wrap_row (self, columns, n_columns, rows, r, size, &n_lines);
      guint done = 0;

      if (r + 1 == rows->len && following > 0 && rows_on_page > 0 && !self->collecting && !self->measuring &&
          self->y + row_height (n_lines, size) + following > bottom)
        {
          fg_pdf_new_page (self);
          draw_row (self, columns, n_columns, header, 0, header_lines, size, TRUE);
        }

      while (done < n_lines)
        {
          double room = PAGE_HEIGHT - MARGIN_BOTTOM - self->y - 2 * CELL_PADDING;
          guint fit = room > 0 ? (guint) (room / line_height) : 0;

          if (self->collecting || self->measuring)
            fit = n_lines;
          /* a short row moves whole to the next page; a long one is split */
          if (fit < MIN (n_lines - done, 3))
            {
              fg_pdf_new_page (self);
              draw_row (self, columns, n_columns, header, 0, header_lines, size, TRUE);
              rows_on_page = 0;
              continue;
            }
          fit = MIN (fit, n_lines - done);
          draw_row (self, columns, n_columns, cells, done, fit, size, FALSE);
          done += fit;
          rows_on_page++;
        }

      free_cells (cells, n_columns);
    }

  free_cells (header, n_columns);
}

/**
 * fg_pdf_table:
 * @columns: the columns, their titles and shares of the width
 * @rows: (element-type GStrv): the cells, a row at a time
 *
 * A ruled table whose header row is repeated at the top of every page it
 * flows onto; a row taller than what is left of a page continues on the
 * next one.
 */
void
fg_pdf_table (FgPdf             *self,
              const FgPdfColumn *columns,
              guint              n_columns,
              GPtrArray         *rows,
              double             size)
{
  fg_pdf_table_before (self, columns, n_columns, rows, size, 0);
}

/**
 * fg_pdf_measure:
 * @block: draws the block, with the fg_pdf calls it will be drawn with
 * @data: for @block
 *
 * Lays @block out without drawing it, to learn how tall it is, as if it
 * started at the top of a page.
 *
 * Returns: the block's height, in points; 0 while collecting characters
 */
double
fg_pdf_measure (FgPdf          *self,
                FgPdfBlockFunc  block,
                gpointer        data)
{
  double y = self->y;
  double height;

  if (self->collecting)
    return 0;

  self->measuring = TRUE;
  self->y = MARGIN_TOP;
  block (self, data);
  height = self->y - MARGIN_TOP;
  self->y = y;
  self->measuring = FALSE;

  return height;
}

/**
 * fg_pdf_rule:
 * @width: the rule's length, centred; the text width when 0
 * @dashed: a cut line (for a tear-off part) rather than a rule
 */
void
fg_pdf_rule (FgPdf    *self,
             double    width,
             gboolean  dashed)
{
  double x;

  if (width <= 0)
    width = TEXT_WIDTH;
  x = MARGIN_LEFT + (TEXT_WIDTH - width) / 2;

  if (!self->collecting && !self->measuring)
    {
      const HPDF_UINT16 dash[] = { 4, 3 };

      HPDF_Page_SetLineWidth (self->page, dashed ? 0.5 : 1.0);
      if (dashed)
        HPDF_Page_SetDash (self->page, dash, 2, 0);
      HPDF_Page_MoveTo (self->page, x, PAGE_HEIGHT - self->y);
      HPDF_Page_LineTo (self->page, x + width, PAGE_HEIGHT - self->y);
      HPDF_Page_Stroke (self->page);
      if (dashed)
        HPDF_Page_SetDash (self->page, NULL, 0, 0);
    }
}

/**
 * fg_pdf_qr:
 * @payload: what the code holds
 * @caption: (nullable): a line under the code, for reading it by eye
 * @side: the code's width and height
 *
 * A QR code in the top right corner of the current page, in the margin
 * above the text.
 */
void
fg_pdf_qr (FgPdf      *self,
           const char *payload,
           const char *caption,
           double      side)
{
  QRcode *code;
  double module;
  double left = PAGE_WIDTH - MARGIN_RIGHT - side;
  double top = 8 * MM;
  double caption_size = 7.5;

  if (self->collecting)
    {
      if (caption != NULL)
        collect (self, caption);
      return;
    }

  code = QRcode_encodeString8bit (payload, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      if (self->status == HPDF_OK)
        self->status = HPDF_FAILD_TO_ALLOC_MEM;
      return;
    }

  module = side / code->width;
  for (int row = 0; row < code->width; row++)
    {
      /* one rectangle for each run of dark modules */
      for (int col = 0; col < code->width;)
        {
          int run = 0;

          while (col + run < code->width && (code->data[row * code->width + col + run] & 1))
            run++;
          if (run > 0)
            HPDF_Page_Rectangle (self->page, left + col * module, PAGE_HEIGHT - top - (row + 1) * module,
                                 run * module, module);
          col += MAX (run, 1);
        }
    }
  HPDF_Page_Fill (self->page);
  QRcode_free (code);

  /* below the code's quiet zone of four modules */
  if (caption != NULL)
    draw_text (self, left + (side - text_width (self, caption, -1, caption_size)) / 2,
               top + side + 4 * module, caption_size, caption, FALSE);
}

/* Drawing at a place: charts. @x counts from the left edge of the text,
 * @top from the cursor (fg_pdf_get_y()); nothing moves the cursor, which
 * the caller advances past what it drew (fg_pdf_skip()). */

/**
 * fg_pdf_measure_text:
 *
 * Returns: how wide @text is set at @size; 0 while collecting characters
 */
double
fg_pdf_measure_text (FgPdf      *self,
                     const char *text,
                     double      size)
{
  if (self->collecting)
    {
      collect (self, text);
      return 0;
    }
  return text_width (self, text, -1, size);
}

/**
 * fg_pdf_text_at:
 * @x: where the text starts (left), is centred (center) or ends (right)
 * @top: the top of its line
 *
 * One line of text at a place, not wrapped.
 */
void
fg_pdf_text_at (FgPdf      *self,
                double      x,
                double      top,
                double      size,
                const char *text,
                FgPdfAlign  align)
{
  double left = MARGIN_LEFT + x;

  if (!self->collecting && align == FG_PDF_ALIGN_CENTER)
    left -= text_width (self, text, -1, size) / 2;
  else if (!self->collecting && align == FG_PDF_ALIGN_RIGHT)
    left -= text_width (self, text, -1, size);
  draw_text (self, left, self->y + top, size, text, FALSE);
}

/**
 * fg_pdf_box:
 * @gray: the fill, from 0 (black) to 1 (white); below 0 for none
 * @outline: whether a thin black line goes round it
 *
 * A rectangle: a bar of a chart, a key to its colours.
 */
void
fg_pdf_box (FgPdf    *self,
            double    x,
            double    top,
            double    width,
            double    height,
            double    gray,
            gboolean  outline)
{
  double bottom;

  if (self->collecting || self->measuring || width <= 0 || height <= 0)
    return;
  bottom = PAGE_HEIGHT - self->y - top - height;
  if (gray >= 0)
    {
      HPDF_Page_SetGrayFill (self->page, CLAMP (gray, 0, 1));
      HPDF_Page_Rectangle (self->page, MARGIN_LEFT + x, bottom, width, height);
      HPDF_Page_Fill (self->page);
      HPDF_Page_SetGrayFill (self->page, 0);
    }
  if (outline)
    {
      HPDF_Page_SetLineWidth (self->page, 0.5);
      HPDF_Page_Rectangle (self->page, MARGIN_LEFT + x, bottom, width, height);
      HPDF_Page_Stroke (self->page);
    }
}

/**
 * fg_pdf_segment:
 * @width: the line's width, in points
 *
 * A straight line: an axis, a tick.
 */
void
fg_pdf_segment (FgPdf  *self,
                double  x1,
                double  top1,
                double  x2,
                double  top2,
                double  width)
{
  if (self->collecting || self->measuring)
    return;
  HPDF_Page_SetLineWidth (self->page, width);
  HPDF_Page_MoveTo (self->page, MARGIN_LEFT + x1, PAGE_HEIGHT - self->y - top1);
  HPDF_Page_LineTo (self->page, MARGIN_LEFT + x2, PAGE_HEIGHT - self->y - top2);
  HPDF_Page_Stroke (self->page);
}
