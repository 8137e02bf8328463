/* fg-region.h — the division tree: county → township → village → grid
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-store.h"

G_BEGIN_DECLS

#define FG_REGION_ERROR (fg_region_error_quark ())

typedef enum
{
  FG_REGION_ERROR_INVALID_CODE,
  FG_REGION_ERROR_INVALID_NAME,
  FG_REGION_ERROR_DUPLICATE_CODE,
  FG_REGION_ERROR_NOT_FOUND,
  FG_REGION_ERROR_WRONG_LEVEL,
  FG_REGION_ERROR_OUT_OF_SCOPE,
  FG_REGION_ERROR_RETIRED,
  FG_REGION_ERROR_NOT_EMPTY,
  FG_REGION_ERROR_ALREADY_SET_UP,
  FG_REGION_ERROR_DUPLICATE_NAME,
} FgRegionError;

typedef enum
{
  FG_REGION_LEVEL_COUNTY = 1,    /* 县/区 */
  FG_REGION_LEVEL_TOWNSHIP = 2,  /* 乡/镇/街道 */
  FG_REGION_LEVEL_VILLAGE = 3,   /* 村/社区 */
  FG_REGION_LEVEL_GRID = 4,      /* 网格 */
} FgRegionLevel;

#define FG_TYPE_REGION (fg_region_get_type ())

G_DECLARE_FINAL_TYPE (FgRegion, fg_region, FG, REGION, GObject)

GQuark         fg_region_error_quark       (void);

const char    *fg_region_get_id            (FgRegion      *self);
const char    *fg_region_get_parent_id     (FgRegion      *self);
FgRegionLevel  fg_region_get_level         (FgRegion      *self);
const char    *fg_region_get_code          (FgRegion      *self);
const char    *fg_region_get_name          (FgRegion      *self);
int            fg_region_get_code_year     (FgRegion      *self);
guint          fg_region_get_venue_count   (FgRegion      *self);
gboolean       fg_region_get_retired       (FgRegion      *self);
const char    *fg_region_level_to_string   (FgRegionLevel  level);

char          *fg_division_code_normalize  (const char    *text,
                                            FgRegionLevel  level,
                                            const char    *parent_code,
                                            GError       **error);
char          *fg_grid_code_normalize      (const char    *text,
                                            GError       **error);

FgRegion      *fg_region_lookup            (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *id_or_code,
                                            GError       **error);
GPtrArray     *fg_region_list_children     (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *parent_id,
                                            gboolean       include_retired,
                                            GError       **error);
FgRegion      *fg_region_add_village       (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *township_id,
                                            const char    *code,
                                            const char    *name,
                                            GError       **error);
FgRegion      *fg_region_add_grid          (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *village_id,
                                            const char    *name,
                                            GError       **error);
gboolean       fg_region_rename            (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *region_id,
                                            const char    *name,
                                            GError       **error);
gboolean       fg_region_move_grid         (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *grid_id,
                                            const char    *village_id,
                                            GError       **error);
gboolean       fg_region_retire            (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *region_id,
                                            GError       **error);
gboolean       fg_region_check_retire      (FgStore       *store,
                                            FgActor       *actor,
                                            const char    *region_id,
                                            guint         *n_venues_kept,
                                            GError       **error);
gboolean       fg_region_can_change        (FgStore       *store,
                                            FgActor       *actor,
                                            FgRegion      *region);
char          *fg_region_check_name        (const char    *name,
                                            GError       **error);
char          *fg_region_format_label      (FgRegionLevel  level,
                                            const char    *name,
                                            const char    *village_name);

gboolean       fg_region_name_has_digits   (const char    *name);

G_END_DECLS
