/* fg-venue-import.h — venues from an office's spreadsheet (场所批量导入)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-sheet.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_VENUE_IMPORT_ERROR (fg_venue_import_error_quark ())

typedef enum
{
  FG_VENUE_IMPORT_ERROR_NO_HEADER,    /* no row reads like a header of venues */
  FG_VENUE_IMPORT_ERROR_MAPPING,      /* a column mapping that cannot be */
  FG_VENUE_IMPORT_ERROR_NOT_CHECKED,  /* run before the rows were checked */
} FgVenueImportError;

/* What a column of the sheet holds. */
typedef enum
{
  FG_IMPORT_FIELD_NONE,         /* not imported */
  FG_IMPORT_FIELD_NAME,         /* 场所名称 */
  FG_IMPORT_FIELD_ADDRESS,      /* 地址 */
  FG_IMPORT_FIELD_OPERATOR,     /* 负责人 */
  FG_IMPORT_FIELD_PHONE,        /* 联系电话 */
  FG_IMPORT_FIELD_CREDIT_CODE,  /* 统一社会信用代码 */
  FG_IMPORT_FIELD_VILLAGE,      /* 所属村/社区 */
  FG_IMPORT_FIELD_GRID,         /* 网格 */
  FG_IMPORT_FIELD_CATEGORY,     /* 场所类型 */
  FG_IMPORT_FIELD_FLOOR_AREA,   /* 建筑面积 */
  FG_IMPORT_FIELD_FLOORS,       /* 层数 */
  FG_IMPORT_FIELD_SLEEPING,     /* 是否住人 / 住宿人数 */
  FG_IMPORT_FIELD_KEY_UNIT,     /* 是否重点单位 */
  FG_IMPORT_FIELD_SMOKE_ALARM,  /* 独立式烟感 */
  FG_IMPORT_N_FIELDS
} FgImportField;

typedef enum
{
  FG_IMPORT_ROW_NEW,        /* will be added */
  FG_IMPORT_ROW_REFUSED,    /* breaks a rule; not imported */
  FG_IMPORT_ROW_DUPLICATE,  /* likely the same venue as one registered or above */
} FgImportRowState;

typedef enum
{
  FG_IMPORT_DUPLICATE_SKIP,    /* leave the registered venue as it is */
  FG_IMPORT_DUPLICATE_UPDATE,  /* write the row's values over the registered venue */
  FG_IMPORT_DUPLICATE_ADD,     /* add it all the same */
} FgImportDuplicateChoice;

/* The words of a sheet that the import maps to ours. */
typedef enum
{
  FG_IMPORT_WORD_CATEGORY,  /* a category word → a category id */
  FG_IMPORT_WORD_REGION,    /* a village's (or grid's) name → its region id */
} FgImportWordKind;

typedef struct
{
  guint added;
  guint updated;
  guint skipped;   /* duplicates left as they were */
  guint refused;
} FgVenueImportResult;

/* Called with the rows done so far; from the thread that runs the job. */
typedef void (*FgVenueImportProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

#define FG_TYPE_VENUE_IMPORT (fg_venue_import_get_type ())
G_DECLARE_FINAL_TYPE (FgVenueImport, fg_venue_import, FG, VENUE_IMPORT, GObject)

GQuark            fg_venue_import_error_quark      (void);

const char       *fg_import_field_to_string        (FgImportField  field);
gboolean          fg_import_field_from_string      (const char    *text,
                                                    FgImportField *field);
const char       *fg_import_field_get_label        (FgImportField  field);
FgImportField     fg_import_field_guess            (const char    *header);

FgVenueImport    *fg_venue_import_new              (FgWorkbook    *workbook,
                                                    FgSheet       *sheet,
                                                    GError       **error);
FgSheet          *fg_venue_import_get_sheet        (FgVenueImport *self);
guint             fg_venue_import_get_header_row   (FgVenueImport *self);
void              fg_venue_import_set_header_row   (FgVenueImport *self,
                                                    guint          row);
guint             fg_venue_import_get_n_columns    (FgVenueImport *self);
const char       *fg_venue_import_get_header       (FgVenueImport *self,
                                                    guint          column);
FgImportField     fg_venue_import_get_field        (FgVenueImport *self,
                                                    guint          column);
void              fg_venue_import_set_field        (FgVenueImport *self,
                                                    guint          column,
                                                    FgImportField  field);
gboolean          fg_venue_import_apply_map        (FgVenueImport *self,
                                                    const char    *spec,
                                                    GError       **error);
void              fg_venue_import_set_word         (FgVenueImport    *self,
                                                    FgImportWordKind  kind,
                                                    const char       *word,
                                                    const char       *target);
GPtrArray        *fg_venue_import_list_unknown_words (FgVenueImport    *self,
                                                      FgImportWordKind  kind);

gboolean          fg_venue_import_check            (FgVenueImport         *self,
                                                    FgStore               *store,
                                                    FgActor               *actor,
                                                    GCancellable          *cancellable,
                                                    FgVenueImportProgress  progress,
                                                    gpointer               progress_data,
                                                    GError               **error);
void              fg_venue_import_check_async      (FgVenueImport         *self,
                                                    FgStore               *store,
                                                    FgActor               *actor,
                                                    GCancellable          *cancellable,
                                                    FgVenueImportProgress  progress,
                                                    gpointer               progress_data,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean          fg_venue_import_check_finish     (FgVenueImport         *self,
                                                    GAsyncResult          *result,
                                                    GError               **error);
guint             fg_venue_import_get_n_rows       (FgVenueImport *self);
guint             fg_venue_import_get_row_line     (FgVenueImport *self,
                                                    guint          row);
const char       *fg_venue_import_get_row_name     (FgVenueImport *self,
                                                    guint          row);
FgImportRowState  fg_venue_import_get_row_state    (FgVenueImport *self,
                                                    guint          row);
const char       *fg_venue_import_get_row_message  (FgVenueImport *self,
                                                    guint          row);
const char       *fg_venue_import_get_row_duplicate_id (FgVenueImport *self,
                                                        guint          row);
guint             fg_venue_import_get_row_duplicate_line (FgVenueImport *self,
                                                          guint          row);
void              fg_venue_import_set_row_choice   (FgVenueImport           *self,
                                                    guint                    row,
                                                    FgImportDuplicateChoice  choice);
void              fg_venue_import_set_duplicate_choice (FgVenueImport           *self,
                                                        FgImportDuplicateChoice  choice);

gboolean          fg_venue_import_run              (FgVenueImport         *self,
                                                    FgStore               *store,
                                                    FgActor               *actor,
                                                    GCancellable          *cancellable,
                                                    FgVenueImportProgress  progress,
                                                    gpointer               progress_data,
                                                    FgVenueImportResult   *result,
                                                    GError               **error);
void              fg_venue_import_run_async        (FgVenueImport         *self,
                                                    FgStore               *store,
                                                    FgActor               *actor,
                                                    GCancellable          *cancellable,
                                                    FgVenueImportProgress  progress,
                                                    gpointer               progress_data,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean          fg_venue_import_run_finish       (FgVenueImport         *self,
                                                    GAsyncResult          *result,
                                                    FgVenueImportResult   *import_result,
                                                    GError               **error);

G_END_DECLS
