/* fg-inspection.h — inspecting a venue against its checklists
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-checklist.h"
#include "fg-store.h"

G_BEGIN_DECLS

/* The items whose answers the venue's record of the 2026 target follows
 * (data/checklists; 河南 opinion 十八) */
#define FG_ITEM_SMOKE_ALARM "C-ALARM-01"
#define FG_ITEM_SIMPLE_EXTINGUISHING "C-SIMPLE-01"

#define FG_INSPECTION_ERROR (fg_inspection_error_quark ())

typedef enum
{
  FG_INSPECTION_ERROR_NOT_FOUND,
  FG_INSPECTION_ERROR_FINISHED,       /* a finished inspection is immutable */
  FG_INSPECTION_ERROR_DRAFT_EXISTS,   /* continue the draft, or discard it */
  FG_INSPECTION_ERROR_NOT_INSPECTOR,  /* a draft belongs to its inspector */
  FG_INSPECTION_ERROR_UNKNOWN_ITEM,
  FG_INSPECTION_ERROR_INCOMPLETE,     /* items without an outcome */
  FG_INSPECTION_ERROR_NOT_AN_IMAGE,
  FG_INSPECTION_ERROR_TOO_LARGE,
  FG_INSPECTION_ERROR_INVALID_NOTE,
  FG_INSPECTION_ERROR_INVALID_CAMPAIGN,
  FG_INSPECTION_ERROR_INVALID_DATE,
  FG_INSPECTION_ERROR_INVALID_INSPECTOR,  /* not an officer, or no certificate number */
  FG_INSPECTION_ERROR_NOT_APPLICABLE_REFUSED,  /* a duty of every venue always applies */
  FG_INSPECTION_ERROR_INVALID_TIME,   /* a start or end typed in that cannot be */
  FG_INSPECTION_ERROR_NO_CERTIFICATE, /* an officer's enforcement certificate number is not known */
} FgInspectionError;

/* How many days after it took place an inspection may be typed in. */
#define FG_INSPECTION_MAX_DAYS_BACK 30

typedef enum
{
  FG_INSPECTION_KIND_ROUTINE,       /* 日常检查 */
  FG_INSPECTION_KIND_CAMPAIGN,      /* 专项行动 */
  FG_INSPECTION_KIND_REINSPECTION,  /* 复查 */
  FG_INSPECTION_KIND_REPORT,        /* triggered by a public report (举报) */
} FgInspectionKind;

typedef enum
{
  FG_OUTCOME_NONE,  /* not yet answered */
  FG_OUTCOME_PASS,  /* 合格 */
  FG_OUTCOME_FAIL,  /* 不合格 */
  FG_OUTCOME_NA,    /* 不适用 */
} FgOutcome;

#define FG_INSPECTION_MAX_PHOTO_SIZE (10 * 1024 * 1024)
#define FG_INSPECTION_MAX_NOTE_LENGTH 500

#define FG_TYPE_INSPECTION (fg_inspection_get_type ())

G_DECLARE_FINAL_TYPE (FgInspection, fg_inspection, FG, INSPECTION, GObject)

GQuark              fg_inspection_error_quark      (void);
const char         *fg_inspection_kind_to_string   (FgInspectionKind  kind);
gboolean            fg_inspection_kind_from_string (const char       *text,
                                                    FgInspectionKind *kind);
const char         *fg_inspection_kind_get_label   (FgInspectionKind  kind);
const char         *fg_outcome_get_label           (FgOutcome         outcome);

const char         *fg_inspection_get_id           (FgInspection     *self);
const char         *fg_inspection_get_venue_id     (FgInspection     *self);
FgInspectionKind    fg_inspection_get_kind         (FgInspection     *self);
const char         *fg_inspection_get_campaign_id  (FgInspection     *self);
const char         *fg_inspection_get_inspector    (FgInspection     *self);
const char         *fg_inspection_get_inspector_name (FgInspection   *self);
const char         *fg_inspection_get_started_at   (FgInspection     *self);
const char         *fg_inspection_get_finished_at  (FgInspection     *self);
gboolean            fg_inspection_is_finished      (FgInspection     *self);
const char         *fg_inspection_get_inspector_certificate (FgInspection *self);
const char         *fg_inspection_get_second_inspector (FgInspection *self);
const char         *fg_inspection_get_second_inspector_name (FgInspection *self);
const char         *fg_inspection_get_second_inspector_certificate (FgInspection *self);
GListModel         *fg_inspection_get_items        (FgInspection     *self);
FgChecklistItem    *fg_inspection_find_item        (FgInspection     *self,
                                                    const char       *code);
char               *fg_inspection_dup_templates    (FgInspection     *self);
GPtrArray          *fg_inspection_get_checklists   (FgInspection     *self);
FgOutcome           fg_inspection_get_outcome      (FgInspection     *self,
                                                    const char       *code);
const char         *fg_inspection_get_note         (FgInspection     *self,
                                                    const char       *code);
const char * const *fg_inspection_get_photos       (FgInspection     *self,
                                                    const char       *code);
guint               fg_inspection_get_n_answered   (FgInspection     *self);
GPtrArray          *fg_inspection_get_failed_items (FgInspection     *self);
GPtrArray          *fg_inspection_get_township_tasks (FgInspection   *self);

FgInspection       *fg_inspection_start            (FgStore          *store,
                                                    FgActor          *actor,
                                                    const char       *venue_id,
                                                    FgInspectionKind  kind,
                                                    const char       *campaign_id,
                                                    GError          **error);
FgInspection       *fg_inspection_find_draft       (FgStore          *store,
                                                    FgActor          *actor,
                                                    const char       *venue_id,
                                                    GError          **error);
FgInspection       *fg_inspection_load             (FgStore          *store,
                                                    FgActor          *actor,
                                                    const char       *id,
                                                    GError          **error);
GPtrArray          *fg_inspection_list_for_venue   (FgStore          *store,
                                                    FgActor          *actor,
                                                    const char       *venue_id,
                                                    GError          **error);
gboolean            fg_inspection_record           (FgStore          *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    const char       *code,
                                                    FgOutcome         outcome,
                                                    const char       *note,
                                                    GError          **error);
char               *fg_inspection_attach_photo     (FgStore          *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    const char       *code,
                                                    GBytes           *image,
                                                    GError          **error);
GBytes             *fg_inspection_load_photo       (FgStore          *store,
                                                    const char       *sha256,
                                                    char            **mime_type,
                                                    GError          **error);
gboolean            fg_inspection_set_second_inspector (FgStore      *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    const char       *login,
                                                    GError          **error);
gboolean            fg_inspection_finish           (FgStore          *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    GError          **error);
gboolean            fg_inspection_finish_at        (FgStore          *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    const char       *started,
                                                    const char       *ended,
                                                    GError          **error);
gboolean            fg_inspection_discard          (FgStore          *store,
                                                    FgActor          *actor,
                                                    FgInspection     *self,
                                                    GError          **error);

G_END_DECLS
