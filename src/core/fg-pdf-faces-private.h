/* fg-pdf-faces-private.h — the chain of faces documents are set in
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <hpdf.h>

G_BEGIN_DECLS

typedef struct _FgPdfFaces FgPdfFaces;

/* The Ming faces of fonts-hanazono, which have the rare characters of
 * CJK Extensions A to F that the common Ming faces lack. */
#define FG_PDF_FALLBACK_FAMILIES "HanaMinA", "HanaMinB"

FgPdfFaces *fg_pdf_faces_new        (const char          *family,
                                     const char * const  *fallbacks,
                                     GError             **error);
void        fg_pdf_faces_free       (FgPdfFaces          *self);
const char *fg_pdf_faces_get_family (FgPdfFaces          *self,
                                     int                  face);
int         fg_pdf_faces_lookup     (FgPdfFaces          *self,
                                     gunichar             c);
double      fg_pdf_faces_advance    (FgPdfFaces          *self,
                                     gunichar             c);
gboolean    fg_pdf_faces_embed      (FgPdfFaces          *self,
                                     HPDF_Doc             doc,
                                     GHashTable          *used,
                                     GError             **error);
HPDF_Font   fg_pdf_faces_get_font   (FgPdfFaces          *self,
                                     int                  face);
char       *fg_pdf_faces_encode     (FgPdfFaces          *self,
                                     int                  face,
                                     const char          *text,
                                     const char          *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgPdfFaces, fg_pdf_faces_free)

G_END_DECLS
