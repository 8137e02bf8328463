/* fg-sheet.h — an office's spreadsheet as a table of strings
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FG_SHEET_ERROR (fg_sheet_error_quark ())

typedef enum
{
  FG_SHEET_ERROR_UNREADABLE,    /* not a spreadsheet, or a damaged one */
  FG_SHEET_ERROR_PASSWORD,      /* the workbook is protected by a password */
  FG_SHEET_ERROR_TOO_LARGE,     /* too big, or packed to unpack far bigger */
  FG_SHEET_ERROR_FORMULA,       /* a formula whose value was never computed */
  FG_SHEET_ERROR_ENCODING,      /* text in an encoding we do not know */
  FG_SHEET_ERROR_NO_SHEET,      /* no sheet of that name */
} FgSheetError;

typedef enum
{
  FG_SHEET_FORMAT_CSV,
  FG_SHEET_FORMAT_XLSX,
  FG_SHEET_FORMAT_XLS,
} FgSheetFormat;

/* A whole file is read at most this size (bytes) … */
#define FG_SHEET_MAX_FILE_SIZE (256 * 1024 * 1024)
/* … and a part of a workbook unpacks to at most this size, and at most
 * this many times its packed size. */
#define FG_SHEET_MAX_UNPACKED_SIZE (512 * 1024 * 1024)
#define FG_SHEET_MAX_PACK_RATIO 200

#define FG_TYPE_WORKBOOK (fg_workbook_get_type ())
G_DECLARE_FINAL_TYPE (FgWorkbook, fg_workbook, FG, WORKBOOK, GObject)

#define FG_TYPE_SHEET (fg_sheet_get_type ())
G_DECLARE_FINAL_TYPE (FgSheet, fg_sheet, FG, SHEET, GObject)

GQuark              fg_sheet_error_quark         (void);

FgWorkbook         *fg_workbook_open             (const char    *path,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
FgWorkbook         *fg_workbook_open_bytes       (const char    *path,
                                                  GBytes        *bytes,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
FgSheetFormat       fg_workbook_get_format       (FgWorkbook    *self);
const char         *fg_workbook_get_path         (FgWorkbook    *self);
const char         *fg_workbook_get_digest       (FgWorkbook    *self);
const char         *fg_workbook_get_encoding     (FgWorkbook    *self);
guint               fg_workbook_get_n_sheets     (FgWorkbook    *self);
const char         *fg_workbook_get_sheet_name   (FgWorkbook    *self,
                                                  guint          index);
gboolean            fg_workbook_find_sheet       (FgWorkbook    *self,
                                                  const char    *name,
                                                  guint         *index,
                                                  GError       **error);
FgSheet            *fg_workbook_read_sheet       (FgWorkbook    *self,
                                                  guint          index,
                                                  GCancellable  *cancellable,
                                                  GError       **error);

const char         *fg_sheet_get_name            (FgSheet       *self);
guint               fg_sheet_get_n_rows          (FgSheet       *self);
guint               fg_sheet_get_n_columns       (FgSheet       *self);
guint               fg_sheet_get_line            (FgSheet       *self,
                                                  guint          row);
guint               fg_sheet_get_row_length      (FgSheet       *self,
                                                  guint          row);
const char         *fg_sheet_get_cell            (FgSheet       *self,
                                                  guint          row,
                                                  guint          column);
guint               fg_sheet_get_n_formulas      (FgSheet       *self);
char               *fg_sheet_column_letters      (guint          column);

G_END_DECLS
