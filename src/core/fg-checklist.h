/* fg-checklist.h — checklist templates (检查表), versioned data
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-store.h"

G_BEGIN_DECLS

#define FG_CHECKLIST_ERROR (fg_checklist_error_quark ())

typedef enum
{
  FG_CHECKLIST_ERROR_INVALID,        /* not a valid template: the message has line and reason */
  FG_CHECKLIST_ERROR_NOT_FOUND,
  FG_CHECKLIST_ERROR_VERSION_CLASH,  /* same id and version, other content */
} FgChecklistError;

/* What a failed item becomes. */
typedef enum
{
  FG_CHECKLIST_ITEM_KIND_ORDER,          /* a hazard the venue is ordered to correct */
  FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK,  /* a duty of the government, taken up by the township */
} FgChecklistItemKind;

#define FG_TYPE_CHECKLIST_ITEM (fg_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (FgChecklistItem, fg_checklist_item, FG, CHECKLIST_ITEM, GObject)

#define FG_TYPE_CHECKLIST (fg_checklist_get_type ())

G_DECLARE_FINAL_TYPE (FgChecklist, fg_checklist, FG, CHECKLIST, GObject)

GQuark              fg_checklist_error_quark           (void);
gboolean            fg_checklist_basis_is_printable    (const char      *basis);

const char         *fg_checklist_item_get_code         (FgChecklistItem *self);
const char         *fg_checklist_item_get_section_id   (FgChecklistItem *self);
const char         *fg_checklist_item_get_section      (FgChecklistItem *self);
const char         *fg_checklist_item_get_section_zh   (FgChecklistItem *self);
const char         *fg_checklist_item_get_text         (FgChecklistItem *self);
const char         *fg_checklist_item_get_text_zh      (FgChecklistItem *self);
const char         *fg_checklist_item_get_text_en      (FgChecklistItem *self);
const char         *fg_checklist_item_get_finding      (FgChecklistItem *self);
const char         *fg_checklist_item_get_finding_zh   (FgChecklistItem *self);
const char         *fg_checklist_item_get_finding_en   (FgChecklistItem *self);
const char         *fg_checklist_item_get_action       (FgChecklistItem *self);
const char         *fg_checklist_item_get_action_zh    (FgChecklistItem *self);
const char * const *fg_checklist_item_get_bases        (FgChecklistItem *self);
const char * const *fg_checklist_item_get_unverified_bases (FgChecklistItem *self);
const char * const *fg_checklist_item_get_references   (FgChecklistItem *self);
FgChecklistItemKind fg_checklist_item_get_kind         (FgChecklistItem *self);
gboolean            fg_checklist_item_get_na_allowed   (FgChecklistItem *self);
gboolean            fg_checklist_item_get_on_spot      (FgChecklistItem *self);
gboolean            fg_checklist_item_get_major        (FgChecklistItem *self);
guint               fg_checklist_item_get_deadline_days (FgChecklistItem *self);
const char         *fg_checklist_item_get_template_id  (FgChecklistItem *self);
guint               fg_checklist_item_get_template_version (FgChecklistItem *self);

const char         *fg_checklist_get_id                (FgChecklist     *self);
guint               fg_checklist_get_version           (FgChecklist     *self);
const char         *fg_checklist_get_category          (FgChecklist     *self);
const char         *fg_checklist_get_title             (FgChecklist     *self);
const char         *fg_checklist_get_title_zh          (FgChecklist     *self);
GListModel         *fg_checklist_get_items             (FgChecklist     *self);

FgChecklist        *fg_checklist_parse                 (GBytes          *bytes,
                                                        const char      *name,
                                                        GError         **error);
FgChecklist        *fg_checklist_parse_file            (GFile           *file,
                                                        GError         **error);
FgChecklist        *fg_checklist_load                  (FgStore         *store,
                                                        const char      *template_id,
                                                        guint            version,
                                                        GError         **error);
GPtrArray          *fg_checklist_list                  (FgStore         *store,
                                                        GError         **error);
gboolean            fg_checklist_install               (FgStore         *store,
                                                        FgChecklist     *checklist,
                                                        GError         **error);
GListModel         *fg_checklist_union                 (GPtrArray       *checklists);

G_END_DECLS
