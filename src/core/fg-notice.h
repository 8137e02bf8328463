/* fg-notice.h — documents (文书): numbering, issuing, service, verification
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_NOTICE_ERROR (fg_notice_error_quark ())

typedef enum
{
  FG_NOTICE_ERROR_NOT_FOUND,
  FG_NOTICE_ERROR_INVALID,      /* a request the document cannot be made from */
  FG_NOTICE_ERROR_VOID,         /* the document was voided */
  FG_NOTICE_ERROR_FONT,         /* no usable Chinese font, or a character it lacks */
  FG_NOTICE_ERROR_RENDER,       /* the PDF could not be made */
  FG_NOTICE_ERROR_AMBIGUOUS,    /* documents of two townships have the number given */
  FG_NOTICE_ERROR_NO_REVIEW_BODY, /* orders need the review body and court, unknown yet */
  FG_NOTICE_ERROR_NO_BRIGADE,   /* the county's fire-rescue brigade is not known */
  FG_NOTICE_ERROR_NO_RECIPIENT, /* a transfer names neither police station nor regulator */
  FG_NOTICE_ERROR_NO_FONT,      /* no Chinese TrueType font is installed at all */
} FgNoticeError;

/* The Debian package of the Chinese TrueType font documents use when no
 * other is chosen. */
#define FG_NOTICE_FONT_PACKAGE "fonts-arphic-uming"

/* The numbered documents. The proof of service (送达回证) is not a document
 * of its own: it is the last page of every notice, under its number. */
typedef enum
{
  FG_NOTICE_KIND_INSPECTION_RECORD,     /* 现场检查记录 */
  FG_NOTICE_KIND_CORRECT_NOW,           /* 责令立即改正通知书 */
  FG_NOTICE_KIND_CORRECT_BY_DEADLINE,   /* 责令限期改正通知书 */
  FG_NOTICE_KIND_REINSPECTION,          /* 复查意见书 */
  FG_NOTICE_KIND_MAJOR_HAZARD_LETTER,   /* 重大火灾隐患报告（移送）函, to the county brigade */
  FG_NOTICE_KIND_TRANSFER,              /* 移送书, to a police station or a regulator */
  FG_NOTICE_N_KINDS
} FgNoticeKind;

typedef enum
{
  FG_NOTICE_SERVICE_NONE,
  FG_NOTICE_SERVICE_SERVED,       /* 已送达: someone signed for it */
  FG_NOTICE_SERVICE_REFUSED,      /* 拒收 */
  FG_NOTICE_SERVICE_UNREACHABLE,  /* nobody to serve it on */
} FgNoticeService;

/* What a scanned or typed code says about a document. */
typedef enum
{
  FG_NOTICE_GENUINE,    /* the number is ours and the content is as issued */
  FG_NOTICE_VOIDED,     /* genuine, but voided since */
  FG_NOTICE_ALTERED,    /* the number is ours, the content is not what was issued */
  FG_NOTICE_UNKNOWN,    /* no such number here */
} FgNoticeVerdict;

/* What to issue. */
typedef struct
{
  FgNoticeKind         kind;
  const char          *inspection_id;  /* an inspection record: the finished inspection */
  const char * const  *hazard_ids;     /* a notice: the hazards, all of one venue */
  const char          *deadline;       /* correct by a deadline: YYYY-MM-DD */
  const char          *follows_id;     /* a re-inspection opinion: the notice re-inspected */
  const GDate         *today;          /* the day of issue; NULL for today */
  const char          *recipient_kind; /* a transfer: "police-station" or "regulator" */
  const char          *recipient;      /* a transfer: the recipient by name (冢头派出所) */
} FgNoticeRequest;

/* Settings: the issuer's names, each kind's code in the number, the font,
 * how the office names itself in the text, and who hears a challenge to
 * its orders. */
typedef struct
{
  char *issuer_name;                   /* 郏县冢头镇人民政府 */
  char *issuer_short;                  /* 冢头 */
  char *codes[FG_NOTICE_N_KINDS];      /* 消检, 消即, 消限, 消复, 消移, 消送 */
  char *font;                          /* a font family, or NULL to choose */
  char *self_name;                     /* 我镇, 我乡, 本机关 */
  char *review_body;                   /* 郏县人民政府; "" when not known */
  char *court;                         /* 郏县人民法院; "" when not known */
  char *brigade;                       /* 郏县消防救援大队; "" when not known */
  char *authority_basis;               /* what orders cite as the office's authority, printed after
                                        * "根据"; "" when the office set none: nothing is cited */
} FgNoticeSettings;

#define FG_TYPE_NOTICE (fg_notice_get_type ())

G_DECLARE_FINAL_TYPE (FgNotice, fg_notice, FG, NOTICE, GObject)

GQuark           fg_notice_error_quark        (void);
const char      *fg_notice_kind_to_string     (FgNoticeKind     kind);
gboolean         fg_notice_kind_from_string   (const char      *text,
                                               FgNoticeKind    *kind);
const char      *fg_notice_kind_get_label     (FgNoticeKind     kind);
const char      *fg_notice_kind_get_title     (FgNoticeKind     kind);
const char      *fg_notice_service_get_label  (FgNoticeService  service);
const char      *fg_notice_verdict_get_label  (FgNoticeVerdict  verdict);

const char      *fg_notice_get_id             (FgNotice        *self);
FgNoticeKind     fg_notice_get_kind           (FgNotice        *self);
const char      *fg_notice_get_number         (FgNotice        *self);
const char      *fg_notice_get_venue_id       (FgNotice        *self);
const char      *fg_notice_get_venue_name     (FgNotice        *self);
const char      *fg_notice_get_village_name   (FgNotice        *self);
const char      *fg_notice_get_township_name  (FgNotice        *self);
const char      *fg_notice_get_inspection_id  (FgNotice        *self);
const char      *fg_notice_get_follows_id     (FgNotice        *self);
const char      *fg_notice_get_issued_on      (FgNotice        *self);
const char      *fg_notice_get_actor_name     (FgNotice        *self);
const char      *fg_notice_get_deadline       (FgNotice        *self);
const char      *fg_notice_get_digest         (FgNotice        *self);
GVariant        *fg_notice_get_content        (FgNotice        *self);
gboolean         fg_notice_get_voided         (FgNotice        *self);
const char      *fg_notice_get_void_reason    (FgNotice        *self);
FgNoticeService  fg_notice_get_service        (FgNotice        *self);
const char      *fg_notice_get_served_at      (FgNotice        *self);
const char * const *fg_notice_get_hazard_ids  (FgNotice        *self);
char            *fg_notice_dup_code           (FgNotice        *self);
char            *fg_notice_dup_check_code     (FgNotice        *self);

guint            fg_notice_check_order_fields (FgStore                *store,
                                               const FgNoticeRequest  *request,
                                               GError                **deadline_error,
                                               GError                **hazards_error);
guint            fg_notice_check_service_fields (FgStore          *store,
                                                 FgNotice         *self,
                                                 FgNoticeService   service,
                                                 const char       *recipient,
                                                 const char       *served_on,
                                                 const char       *note,
                                                 GError          **recipient_error,
                                                 GError          **day_error,
                                                 GError          **note_error);
gboolean         fg_notice_check_recipient    (const char             *name,
                                               GError                **error);
gboolean         fg_notice_check_void_reason  (const char             *reason,
                                               GError                **error);
FgNotice        *fg_notice_issue              (FgStore                *store,
                                               FgActor                *actor,
                                               const FgNoticeRequest  *request,
                                               GError                **error);
FgNotice        *fg_notice_load               (FgStore                *store,
                                               FgActor                *actor,
                                               const char             *id_or_number,
                                               GError                **error);
GPtrArray       *fg_notice_list               (FgStore                *store,
                                               FgActor                *actor,
                                               const char             *region_id,
                                               const char             *venue_id,
                                               const char             *day,
                                               gboolean                open_only,
                                               GError                **error);
gboolean         fg_notice_void               (FgStore                *store,
                                               FgActor                *actor,
                                               FgNotice               *self,
                                               const char             *reason,
                                               GError                **error);
gboolean         fg_notice_record_service     (FgStore                *store,
                                               FgActor                *actor,
                                               FgNotice               *self,
                                               FgNoticeService         service,
                                               const char             *recipient,
                                               const char             *served_on,
                                               const char             *note,
                                               GError                **error);
char            *fg_notice_describe_lone_inspections (FgStore         *store,
                                               FgActor                *actor,
                                               const char * const     *hazard_ids,
                                               GError                **error);
char            *fg_notice_describe_missing_bases (FgStore            *store,
                                               FgActor                *actor,
                                               const char * const     *hazard_ids,
                                               GError                **error);
gboolean         fg_notice_awaits_check_on_spot (FgStore              *store,
                                                 FgActor              *actor,
                                                 FgNotice             *order);
gboolean         fg_notice_record_corrected_on_spot (FgStore          *store,
                                               FgActor                *actor,
                                               FgNotice               *order,
                                               const char             *time,
                                               GError                **error);
FgNoticeVerdict  fg_notice_verify             (FgStore                *store,
                                               FgActor                *actor,
                                               const char             *code,
                                               FgNotice              **notice,
                                               GError                **error);

GBytes          *fg_notice_render             (FgStore                *store,
                                               FgActor                *actor,
                                               GPtrArray              *notices,
                                               GError                **error);
GBytes          *fg_notice_render_blank_checklist (FgStore            *store,
                                               const char             *category,
                                               GError                **error);

FgNoticeSettings *fg_notice_settings_load     (FgStore                *store,
                                               GError                **error);
gboolean         fg_notice_settings_save      (FgStore                *store,
                                               FgActor                *actor,
                                               const FgNoticeSettings *settings,
                                               GError                **error);
void             fg_notice_settings_free      (FgNoticeSettings       *settings);
const char      *fg_notice_authority_suggestion (void);
gboolean         fg_notice_settings_check_orders (const FgNoticeSettings *settings,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgNoticeSettings, fg_notice_settings_free)

G_END_DECLS
