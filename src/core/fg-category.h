/* fg-category.h — the kinds of venue (九小场所 and the added kinds)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FG_CATEGORY_GROUP_NINE_SMALL,  /* 九小场所 */
  FG_CATEGORY_GROUP_ADDED,       /* kinds each township adds to the check */
} FgCategoryGroup;

typedef struct _FgCategory FgCategory;

guint             fg_category_get_n_categories (void);
const FgCategory *fg_category_get_nth          (guint             position);
const FgCategory *fg_category_lookup           (const char       *id);
const char       *fg_category_get_id           (const FgCategory *self);
const char       *fg_category_get_name         (const FgCategory *self);
const char       *fg_category_get_name_zh      (const FgCategory *self);
const char       *fg_category_get_name_en      (const FgCategory *self);
FgCategoryGroup   fg_category_get_group        (const FgCategory *self);
gboolean          fg_locale_prefers_chinese    (void);

G_END_DECLS
