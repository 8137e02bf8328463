/* fg-notice-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fg-inspection.h"
#include "fg-notice.h"
#include "fg-pdf-private.h"
#include "fg-venue.h"

G_BEGIN_DECLS

char       *fg_notice_settings_to_json        (const FgNoticeSettings *settings);
const char *fg_notice_private_get_region_code (FgNotice               *self);

/* What documents say: fg-notice-content.c */
char       *fg_notice_format_date             (const char             *iso);
void        fg_notice_content_add_common      (GVariantDict           *dict,
                                               const FgNoticeSettings *settings,
                                               FgNoticeKind            kind,
                                               const char             *number,
                                               const char             *issued_on,
                                               FgVenue                *venue);
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
