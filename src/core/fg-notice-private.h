/* fg-notice-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "fg-inspection.h"
#include "fg-notice.h"
#include "fg-pdf-private.h"
#include "fg-text-private.h"
#include "fg-venue.h"

G_BEGIN_DECLS

/* The columns fg_notice_private_new_from_row() reads, in order, and the
 * joins that give them. */
#define NOTICE_COLUMNS \
  "n.id, n.kind, n.number, n.venue_id, ve.name, vi.name, r.code, n.inspection_id, n.follows_id," \
  " n.issued_on, n.actor_name, n.deadline, n.digest, n.content, n.voided_at, n.void_reason," \
  " n.service, n.served_at, tw.name"
#define NOTICE_FROM \
  "notice n JOIN venue ve ON ve.id = n.venue_id JOIN region r ON r.id = ve.region_id" \
  " JOIN region vi ON vi.id = ve.village_id LEFT JOIN region tw ON tw.id = n.township_id"

char       *fg_notice_settings_to_json        (const FgNoticeSettings *settings);
const char *fg_notice_private_get_region_code (FgNotice               *self);
FgNotice   *fg_notice_private_new_from_row    (sqlite3_stmt           *stmt);
gboolean    fg_notice_private_read_hazard_ids (FgStore                *store,
                                               FgNotice               *self,
                                               GError                **error);

/* What documents say: fg-notice-content.c */
char       *fg_notice_format_date             (const char             *iso);
void        fg_notice_content_add_common      (GVariantDict           *dict,
                                               const FgNoticeSettings *settings,
                                               FgNoticeKind            kind,
                                               const char             *number,
                                               const char             *issued_on,
                                               FgVenue                *venue);
/* The inspections that found a document's hazards, who made them and
 * from when: what orders and letters say of them. */
typedef struct
{
  GPtrArray *by_hazard;     /* (element-type FgInspection): each hazard's, in the hazards' order */
  GPtrArray *distinct;      /* (element-type FgInspection): each once, in the order first met */
  char      *inspected_on;  /* the day the earliest started, YYYY-MM-DD */
  char      *inspectors;    /* the inspector of each, joined with 、 */
  char      *officers;      /* both officers of each, each name once, joined with 、 */
} FgNoticeInspections;

FgNoticeInspections *fg_notice_inspections_gather (FgStore             *store,
                                                   FgActor             *actor,
                                                   GPtrArray           *hazards,
                                                   GError             **error);
void        fg_notice_inspections_free        (FgNoticeInspections    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgNoticeInspections, fg_notice_inspections_free)

gboolean    fg_notice_content_check_record    (FgInspection           *inspection,
                                               GError                **error);
gboolean    fg_notice_content_add_record      (FgStore                *store,
                                               FgActor                *actor,
                                               FgInspection           *inspection,
                                               GVariantDict           *dict,
                                               GError                **error);
gboolean    fg_notice_content_add_order       (FgStore                *store,
                                               FgActor                *actor,
                                               GPtrArray              *hazards,
                                               const char             *deadline,
                                               GVariantDict           *dict,
                                               GError                **error);
gboolean    fg_notice_content_add_reinspection (FgStore               *store,
                                               FgActor                *actor,
                                               FgNotice               *follows,
                                               GPtrArray              *hazards,
                                               GVariantDict           *dict,
                                               GError                **error);

/* Laying out: fg-notice-render.c */
char       *fg_notice_render_dup_missing      (FgPdf                  *pdf,
                                               FgNoticeKind            kind,
                                               GVariant               *content);

/* Whether every character can be printed: fg-notice-printable.c */
gboolean    fg_notice_check_printable         (const FgNoticeSettings *settings,
                                               FgNoticeKind            kind,
                                               GVariant               *content,
                                               GError                **error);

/* Letters to the brigade and transfers: fg-notice-transfer.c */
gboolean    fg_notice_transfer_gather         (FgStore                *store,
                                               FgActor                *actor,
                                               const FgNoticeRequest  *request,
                                               GPtrArray             **hazards,
                                               const char            **venue_id,
                                               GError                **error);
GPtrArray  *fg_notice_transfer_load_for_void  (FgStore                *store,
                                               FgActor                *actor,
                                               FgNotice               *notice,
                                               GError                **error);
gboolean    fg_notice_transfer_recheck        (FgStore                *store,
                                               FgActor                *actor,
                                               FgNoticeKind            kind,
                                               GPtrArray              *hazards,
                                               GError                **error);
gboolean    fg_notice_transfer_record_event   (FgStore                *store,
                                               FgActor                *actor,
                                               FgNoticeKind            kind,
                                               const char             *hazard_id,
                                               const char             *notice_id,
                                               const char             *number,
                                               const char             *recipient_kind,
                                               GError                **error);
gboolean    fg_notice_content_add_transfer    (FgStore                *store,
                                               FgActor                *actor,
                                               FgNoticeKind            kind,
                                               GPtrArray              *hazards,
                                               const FgNoticeSettings *settings,
                                               const char             *recipient_kind,
                                               const char             *recipient,
                                               GVariantDict           *dict,
                                               GError                **error);
void        fg_notice_transfer_draw           (FgPdf                  *pdf,
                                               FgNotice               *notice,
                                               GVariant               *content);

/* Layout shared with the kinds laid out in files of their own: fg-notice-render.c */
void        fg_notice_render_begin            (FgPdf                  *pdf,
                                               FgNotice               *notice,
                                               GVariant               *content);
void        fg_notice_render_signature        (FgPdf                  *pdf,
                                               const char             *issuer,
                                               const char             *issued_on);

/* On what authority orders are given: fg-notice-authority.c */
char       *fg_notice_authority_load          (FgStore                *store);
gboolean    fg_notice_authority_check         (const char             *basis,
                                               GError                **error);
gboolean    fg_notice_authority_store         (FgStore                *store,
                                               const char             *basis,
                                               GError                **error);

/* Numbering: fg-notice-number.c */
char       *fg_notice_number_allocate         (FgStore                *store,
                                               const FgNoticeSettings *settings,
                                               const char             *township_id,
                                               FgNoticeKind            kind,
                                               int                     year,
                                               int                    *seq,
                                               GError                **error);
char       *fg_notice_number_format           (const char             *issuer_short,
                                               const char             *code,
                                               int                     year,
                                               int                     seq);
char       *fg_notice_number_normalize        (const char             *text);
gboolean    fg_notice_number_check_part       (const char             *text,
                                               guint                   max_length,
                                               const char             *what,
                                               GError                **error);

G_END_DECLS
