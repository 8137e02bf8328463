/* fg-divisions.h — the list of the province's divisions that ships with the
 * program: cities, counties, townships and streets with their codes
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FG_DIVISIONS_ERROR (fg_divisions_error_quark ())

typedef enum
{
  FG_DIVISIONS_ERROR_INVALID_LINE,   /* a line of a list file is not "code<TAB>name" */
} FgDivisionsError;

typedef enum
{
  FG_DIVISION_LEVEL_CITY = 1,      /* 地级市 */
  FG_DIVISION_LEVEL_COUNTY = 2,    /* 县/县级市/区 */
  FG_DIVISION_LEVEL_TOWNSHIP = 3,  /* 乡/镇/街道 */
} FgDivisionLevel;

/* One division of the list; owned by its FgDivisions. */
typedef struct
{
  char *code;               /* 12 digits, e.g. "411081103000" */
  char *name;               /* as the list spells it, e.g. "神垕镇" */
  FgDivisionLevel level;
} FgDivision;

#define FG_TYPE_DIVISIONS (fg_divisions_get_type ())

G_DECLARE_FINAL_TYPE (FgDivisions, fg_divisions, FG, DIVISIONS, GObject)

GQuark             fg_divisions_error_quark     (void);

FgDivisions       *fg_divisions_load            (GError         **error);
FgDivisions       *fg_divisions_new_from_bytes  (GBytes          *bytes,
                                                 GError         **error);
gboolean           fg_divisions_merge_bytes     (FgDivisions     *self,
                                                 GBytes          *bytes,
                                                 GError         **error);

int                fg_divisions_get_year        (FgDivisions     *self);
guint              fg_divisions_count           (FgDivisions     *self,
                                                 FgDivisionLevel  level);
GPtrArray         *fg_divisions_list_cities     (FgDivisions     *self);
GPtrArray         *fg_divisions_list_children   (FgDivisions     *self,
                                                 const char      *parent_code);
const FgDivision  *fg_divisions_lookup          (FgDivisions     *self,
                                                 const char      *code);
const FgDivision  *fg_divisions_get_parent      (FgDivisions     *self,
                                                 const FgDivision *division);
GPtrArray         *fg_divisions_search          (FgDivisions     *self,
                                                 const char      *text,
                                                 guint            max_results);

G_END_DECLS
