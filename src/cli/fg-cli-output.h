/* fg-cli-output.h — tables for people, tab-separated values for programs
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FG_CLI_FORMAT_TABLE,
  FG_CLI_FORMAT_TSV,
} FgCliFormat;

typedef enum
{
  FG_CLI_ALIGN_LEFT,
  FG_CLI_ALIGN_RIGHT,
} FgCliAlign;

gboolean     fg_cli_format_from_string  (const char   *text,
                                         FgCliFormat  *format);

guint        fg_cli_text_width          (const char   *text);
char        *fg_cli_text_truncate       (const char   *text,
                                         guint         max_width);
void         fg_cli_append_padded       (GString      *out,
                                         const char   *text,
                                         guint         width);
guint        fg_cli_get_terminal_width  (void);
void         fg_cli_print               (const char   *text);

typedef struct _FgCliTable FgCliTable;

FgCliTable  *fg_cli_table_new           (void);
void         fg_cli_table_free          (FgCliTable   *self);
guint        fg_cli_table_add_column    (FgCliTable   *self,
                                         const char   *title,
                                         FgCliAlign    align,
                                         gboolean      shrinkable);
void         fg_cli_table_set_fit       (FgCliTable   *self,
                                         guint         column,
                                         guint         min_width,
                                         guint         drop_rank);
void         fg_cli_table_add_row       (FgCliTable   *self,
                                         ...);
void         fg_cli_table_render        (FgCliTable   *self,
                                         guint         max_width,
                                         GString      *out);
void         fg_cli_table_print         (FgCliTable   *self);

void         fg_cli_tsv_append_row      (GString      *out,
                                         guint         n_fields,
                                         ...);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgCliTable, fg_cli_table_free)

G_END_DECLS
