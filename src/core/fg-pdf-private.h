/* fg-pdf-private.h — A4 pages of Chinese text, for the documents
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document is laid out twice: a first pass only collects the characters
 * it uses (nothing is measured or drawn), so that the font can be cut down
 * to them before it is embedded; the second pass lays out and draws.
 * The same code runs both passes: fg_pdf_is_collecting() tells which. */
typedef struct _FgPdf FgPdf;

typedef enum
{
  FG_PDF_ALIGN_LEFT,
  FG_PDF_ALIGN_CENTER,
  FG_PDF_ALIGN_RIGHT,
} FgPdfAlign;

typedef struct
{
  const char *title;
  double      width;  /* a share of the text width; the shares add up to 1 */
  FgPdfAlign  align;
} FgPdfColumn;

/* Type sizes of GB/T 9704 (党政机关公文格式), in points */
#define FG_PDF_SIZE_TITLE  22.0  /* 二号 */
#define FG_PDF_SIZE_BODY   16.0  /* 三号 */
#define FG_PDF_SIZE_SMALL  14.0  /* 四号 */
#define FG_PDF_SIZE_TABLE  12.0  /* 小四 */
#define FG_PDF_SIZE_FORM   10.5  /* 五号: the table of an order, so that one of two findings is one page */

/* Draws a block, for fg_pdf_measure() and then for good. */
typedef void (*FgPdfBlockFunc) (FgPdf    *self,
                                gpointer  data);

FgPdf      *fg_pdf_new              (const char   *font_family,
                                     GError      **error);
FgPdf      *fg_pdf_new_with_fallbacks (const char         *font_family,
                                       const char * const *fallbacks,
                                       GError            **error);
void        fg_pdf_free             (FgPdf        *self);
const char *fg_pdf_get_font_name    (FgPdf        *self);
char       *fg_pdf_dup_missing      (FgPdf        *self,
                                     const char   *text);
gboolean    fg_pdf_is_collecting    (FgPdf        *self);
gboolean    fg_pdf_start_drawing    (FgPdf        *self,
                                     GError      **error);
GBytes     *fg_pdf_finish           (FgPdf        *self,
                                     GError      **error);

void        fg_pdf_begin_document   (FgPdf        *self,
                                     const char   *running_head);
void        fg_pdf_end_document     (FgPdf        *self);
void        fg_pdf_new_page         (FgPdf        *self);
double      fg_pdf_get_text_width   (FgPdf        *self);
double      fg_pdf_get_y            (FgPdf        *self);
void        fg_pdf_skip             (FgPdf        *self,
                                     double        height);
void        fg_pdf_keep             (FgPdf        *self,
                                     double        height);
void        fg_pdf_line_text        (FgPdf        *self,
                                     const char   *text,
                                     double        size,
                                     FgPdfAlign    align,
                                     gboolean      bold);
void        fg_pdf_paragraph        (FgPdf        *self,
                                     const char   *text,
                                     double        size,
                                     double        first_indent);
void        fg_pdf_table            (FgPdf        *self,
                                     const FgPdfColumn *columns,
                                     guint         n_columns,
                                     GPtrArray    *rows,
                                     double        size);
void        fg_pdf_table_before     (FgPdf        *self,
                                     const FgPdfColumn *columns,
                                     guint         n_columns,
                                     GPtrArray    *rows,
                                     double        size,
                                     double        following);
double      fg_pdf_measure          (FgPdf        *self,
                                     FgPdfBlockFunc block,
                                     gpointer      data);
void        fg_pdf_rule             (FgPdf        *self,
                                     double        width,
                                     gboolean      dashed);
double      fg_pdf_measure_text     (FgPdf        *self,
                                     const char   *text,
                                     double        size);
void        fg_pdf_text_at          (FgPdf        *self,
                                     double        x,
                                     double        top,
                                     double        size,
                                     const char   *text,
                                     FgPdfAlign    align);
void        fg_pdf_box              (FgPdf        *self,
                                     double        x,
                                     double        top,
                                     double        width,
                                     double        height,
                                     double        gray,
                                     gboolean      outline);
void        fg_pdf_segment          (FgPdf        *self,
                                     double        x1,
                                     double        top1,
                                     double        x2,
                                     double        top2,
                                     double        width);
void        fg_pdf_qr               (FgPdf        *self,
                                     const char   *payload,
                                     const char   *caption,
                                     double        side);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgPdf, fg_pdf_free)

G_END_DECLS
