/* fg-venue.h — the venue registry (场所)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_VENUE_ERROR (fg_venue_error_quark ())

/* One code per field, so that a form can show the message next to it. */
typedef enum
{
  FG_VENUE_ERROR_NOT_FOUND,
  FG_VENUE_ERROR_INVALID_NAME,
  FG_VENUE_ERROR_INVALID_ADDRESS,
  FG_VENUE_ERROR_INVALID_REGION,
  FG_VENUE_ERROR_INVALID_CATEGORY,
  FG_VENUE_ERROR_INVALID_OPERATOR,
  FG_VENUE_ERROR_INVALID_PHONE,
  FG_VENUE_ERROR_INVALID_CREDIT_CODE,
  FG_VENUE_ERROR_INVALID_FLOOR_AREA,
  FG_VENUE_ERROR_INVALID_FLOORS,
  FG_VENUE_ERROR_INVALID_SLEEPING,
  FG_VENUE_ERROR_INVALID_SMOKE_ALARMS,
  FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING,
} FgVenueError;

typedef enum
{
  FG_VENUE_STATUS_ACTIVE,
  FG_VENUE_STATUS_CLOSED,  /* 停业 */
  FG_VENUE_STATUS_MOVED,   /* 迁出 */
} FgVenueStatus;

#define FG_TYPE_VENUE (fg_venue_get_type ())

G_DECLARE_FINAL_TYPE (FgVenue, fg_venue, FG, VENUE, GObject)

GQuark              fg_venue_error_quark      (void);
const char         *fg_venue_status_to_string (FgVenueStatus  status);
const char         *fg_venue_status_get_label (FgVenueStatus  status);
gboolean            fg_venue_status_from_string (const char   *text,
                                                 FgVenueStatus *status);

FgVenue            *fg_venue_new              (void);
FgVenue            *fg_venue_copy             (FgVenue       *self);

const char         *fg_venue_get_id           (FgVenue       *self);
const char         *fg_venue_get_name         (FgVenue       *self);
void                fg_venue_set_name         (FgVenue       *self,
                                               const char    *name);
const char         *fg_venue_get_address      (FgVenue       *self);
void                fg_venue_set_address      (FgVenue       *self,
                                               const char    *address);
const char         *fg_venue_get_region_id    (FgVenue       *self);
void                fg_venue_set_region_id    (FgVenue       *self,
                                               const char    *region_id);
const char * const *fg_venue_get_categories   (FgVenue       *self);
void                fg_venue_set_categories   (FgVenue       *self,
                                               const char * const *categories);
const char         *fg_venue_get_category_name (FgVenue      *self);
const char         *fg_venue_get_operator_name (FgVenue      *self);
void                fg_venue_set_operator_name (FgVenue      *self,
                                                const char   *operator_name);
const char         *fg_venue_get_phone        (FgVenue       *self);
void                fg_venue_set_phone        (FgVenue       *self,
                                               const char    *phone);
const char         *fg_venue_get_credit_code  (FgVenue       *self);
void                fg_venue_set_credit_code  (FgVenue       *self,
                                               const char    *credit_code);
double              fg_venue_get_floor_area   (FgVenue       *self);
void                fg_venue_set_floor_area   (FgVenue       *self,
                                               double         floor_area);
int                 fg_venue_get_floors       (FgVenue       *self);
void                fg_venue_set_floors       (FgVenue       *self,
                                               int            floors);
int                 fg_venue_get_sleeping     (FgVenue       *self);
void                fg_venue_set_sleeping     (FgVenue       *self,
                                               int            sleeping);
gboolean            fg_venue_get_key_unit     (FgVenue       *self);
void                fg_venue_set_key_unit     (FgVenue       *self,
                                               gboolean       key_unit);
gboolean            fg_venue_get_smoke_alarm  (FgVenue       *self);
void                fg_venue_set_smoke_alarm  (FgVenue       *self,
                                               gboolean       smoke_alarm);
int                 fg_venue_get_smoke_alarm_count (FgVenue  *self);
void                fg_venue_set_smoke_alarm_count (FgVenue  *self,
                                                    int       count);
const char         *fg_venue_get_smoke_alarm_checked_on (FgVenue    *self);
void                fg_venue_set_smoke_alarm_checked_on (FgVenue    *self,
                                                         const char *date);
gboolean            fg_venue_get_simple_extinguishing (FgVenue  *self);
void                fg_venue_set_simple_extinguishing (FgVenue  *self,
                                                       gboolean  present);
const char         *fg_venue_get_simple_extinguishing_checked_on (FgVenue    *self);
void                fg_venue_set_simple_extinguishing_checked_on (FgVenue    *self,
                                                                  const char *date);
gboolean            fg_venue_check_equipment  (int            smoke_alarm_count,
                                               gboolean       smoke_alarm,
                                               const char    *smoke_alarm_checked_on,
                                               const char    *simple_extinguishing_checked_on,
                                               GError       **error);
FgVenueStatus       fg_venue_get_status       (FgVenue       *self);
void                fg_venue_set_status       (FgVenue       *self,
                                               FgVenueStatus  status);
const char         *fg_venue_get_village_name (FgVenue       *self);
const char         *fg_venue_get_grid_name    (FgVenue       *self);
const char         *fg_venue_get_created_at   (FgVenue       *self);

gboolean            fg_venue_validate         (FgVenue       *self,
                                               GError       **error);
GPtrArray          *fg_venue_check_fields     (FgVenue       *self);
FgVenue            *fg_venue_load             (FgStore       *store,
                                               FgActor       *actor,
                                               const char    *id,
                                               GError       **error);
gboolean            fg_venue_save             (FgStore       *store,
                                               FgActor       *actor,
                                               FgVenue       *venue,
                                               GError       **error);

G_END_DECLS
