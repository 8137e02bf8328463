/* fg-ledger.h — the ledgers (台账) and monthly tables an office hands up,
 * written as spreadsheets (.xlsx) or CSV
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_LEDGER_ERROR (fg_ledger_error_quark ())

typedef enum
{
  FG_LEDGER_ERROR_INVALID_DATE,    /* not a day of the calendar */
  FG_LEDGER_ERROR_INVALID_PERIOD,  /* the period starts after it ends */
  FG_LEDGER_ERROR_UNKNOWN_REGION,  /* no region of the reader's has that code */
  FG_LEDGER_ERROR_WRITE,           /* the file could not be written: nothing was left behind */
} FgLedgerError;

/* What is exported. */
typedef enum
{
  FG_LEDGER_VENUES,       /* 场所台账: the venue registry */
  FG_LEDGER_INSPECTIONS,  /* 检查记录台账 */
  FG_LEDGER_HAZARDS,      /* 隐患整改台账 */
  FG_LEDGER_DOCUMENTS,    /* 文书台账: documents issued */
  FG_LEDGER_VILLAGES,     /* the summary by village (村(社区)汇总) */
  FG_LEDGER_TOWNSHIPS,    /* the county's ranking of townships (乡镇排名) */
  FG_LEDGER_N_KINDS
} FgLedgerKind;

typedef enum
{
  FG_LEDGER_FORMAT_XLSX,  /* a workbook laid out for printing */
  FG_LEDGER_FORMAT_CSV,   /* UTF-8 with a byte order mark, a header line, one line per row;
                           * text a spreadsheet would run as a formula starts with ' */
} FgLedgerFormat;

typedef struct
{
  FgLedgerKind  kind;
  const char   *region;  /* nullable: a region's id or code; NULL for the reader's whole area */
  const char   *from;    /* nullable: YYYY-MM-DD, the period's first day */
  const char   *to;      /* nullable: YYYY-MM-DD, its last day */
  const GDate  *today;   /* nullable: the day it is */
} FgLedgerQuery;

GQuark       fg_ledger_error_quark        (void);

const char  *fg_ledger_kind_to_string     (FgLedgerKind     kind);
gboolean     fg_ledger_kind_from_string   (const char      *text,
                                           FgLedgerKind    *kind);
const char  *fg_ledger_kind_get_title     (FgLedgerKind     kind);
gboolean     fg_ledger_format_for_path    (const char      *path,
                                           FgLedgerFormat  *format);
const char  *fg_ledger_format_get_extension (FgLedgerFormat format);

gboolean     fg_ledger_export             (FgStore             *store,
                                           FgActor             *actor,
                                           const FgLedgerQuery *query,
                                           FgLedgerFormat       format,
                                           const char          *path,
                                           guint               *n_rows,
                                           GError             **error);
void         fg_ledger_export_async       (FgStore             *store,
                                           FgActor             *actor,
                                           const FgLedgerQuery *query,
                                           FgLedgerFormat       format,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     fg_ledger_export_finish      (GAsyncResult        *result,
                                           guint               *n_rows,
                                           GError             **error);

G_END_DECLS
