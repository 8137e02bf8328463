/* fg-hazard-private.h
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "fg-hazard.h"

G_BEGIN_DECLS

/* What a hazard is read with: its row, its place, its venue and the text
 * and finding of its checklist item. */
#define HAZARD_COLUMNS \
  "h.id, h.venue_id, h.inspection_id, h.item_code, h.grade, h.deadline_days, h.note, h.found_at," \
  " coalesce (g.code, v.code), h.state, h.current_deadline, h.major_confirmed, h.escalation_level," \
  " ve.name, v.name, g.name, ci.text_zh, ci.text_en, h.village_id, h.grid_id, i.campaign_id," \
  " h.service_failed, h.escalated_on, h.reported_fixed_on, ci.finding_zh, ci.finding_en, tw.name"
#define HAZARD_FROM \
  "hazard h JOIN region v ON v.id = h.village_id LEFT JOIN region g ON g.id = h.grid_id" \
  " LEFT JOIN inspection i ON i.id = h.inspection_id" \
  " JOIN venue ve ON ve.id = h.venue_id" \
  " LEFT JOIN checklist_item_finding ci ON ci.template_id = h.template_id" \
  "   AND ci.version = h.template_version AND ci.code = h.item_code" \
  " LEFT JOIN region tw ON tw.id = h.township_id"

FgHazard *fg_hazard_new_from_row (sqlite3_stmt *stmt);

gboolean fg_hazard_check_decision (FgStore                     *store,
                                   const char                  *found_at,
                                   const FgHazardEventDetails  *details,
                                   GError                     **error);

gboolean fg_hazard_check_decision_basis (FgStore     *store,
                                         const char  *hazard_id,
                                         const char  *event_id,
                                         GError     **error);

/* The county's supervision and the township's reply (fg-hazard-supervision.c):
 * what each must carry, held the same from the keyboard and from a bundle. */
gboolean fg_hazard_check_supervision (const char                  *given_on,
                                      const FgHazardEventDetails  *details,
                                      GError                     **error);

gboolean fg_hazard_check_supervision_note (const char  *note,
                                           GError     **error);
gboolean fg_hazard_check_supervision_deadline (const char  *given_on,
                                               const char  *deadline,
                                               GError     **error);

gboolean fg_hazard_check_supervision_reply (const FgHazardEventDetails  *details,
                                            GError                     **error);

gboolean fg_hazard_check_supervision_reply_basis (FgStore     *store,
                                                  const char  *hazard_id,
                                                  const char  *event_id,
                                                  GError     **error);

/* What an event must carry and where it may stand, held the same from the
 * keyboard and from a bundle (fg-hazard.c). */

/* A deadline lies at most this many years after the day it is set (or,
 * for an extension, after the deadline it extends): the rules set no
 * number of days, the difficulty of the work does, but a date years ahead
 * is a slip of the keyboard, and a hazard would never come due. */
#define FG_HAZARD_DEADLINE_MAX_YEARS 1

gboolean fg_hazard_check_deadline_reach (const char  *from,
                                         const char  *deadline,
                                         GError     **error);

gboolean fg_hazard_check_deadline (FgStore            *store,
                                   FgHazardEventKind   kind,
                                   const char         *found_at,
                                   const char         *current_deadline,
                                   const char         *given_on,
                                   const char         *deadline,
                                   GError            **error);

gboolean fg_hazard_check_arrived_events (FgStore      *store,
                                         const char   *hazard_id,
                                         GPtrArray    *arrived_ids,
                                         const char   *sender_id,
                                         GHashTable   *in_bundle,
                                         gboolean      complete,
                                         GHashTable   *unsure,
                                         const char  **refused_id,
                                         GError      **error);

/* Who writes an event, as the lifecycle's table says: a county office or
 * a township's (fg-hazard.c). */
gboolean fg_hazard_event_office_writes (FgHazardEventKind  kind,
                                        gboolean           county,
                                        const char        *level);

/* A hazard's events, in no order; with their photos' digests if @photos. */
GPtrArray *fg_hazard_read_events (FgStore     *store,
                                  const char  *hazard_id,
                                  gboolean     photos,
                                  GError     **error);

gboolean fg_hazard_append_event (FgStore                     *store,
                                 FgActor                     *actor,
                                 const char                  *hazard_id,
                                 FgHazardEventKind            kind,
                                 const FgHazardEventDetails  *details,
                                 GError                     **error);

gboolean fg_hazard_refresh_cache (FgStore                     *store,
                                  const char                  *hazard_id,
                                  GError                     **error);

gboolean fg_hazard_cache_agrees  (FgStore                     *store,
                                  const char                  *hazard_id,
                                  char                       **differences,
                                  GError                     **error);

const char          *fg_hazard_get_sent_by    (FgHazard *self);
const FgHazardEvent *fg_hazard_get_last_event (FgHazard *self);

G_END_DECLS
