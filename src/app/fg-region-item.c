/* fg-region-item.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An FgRegion is a snapshot of one row and never changes. The sidebar
 * keeps its rows (and so their expanded state) while venues are added,
 * so it wraps each region in an item whose snapshot can be replaced and
 * whose properties tell the row widgets when that happened.
 */
#include "config.h"

#include "fg-region-item.h"

struct _FgRegionItem
{
  GObject parent_instance;

  FgRegion *region;
  char *village_name;  /* a grid at the top of the tree: its village */
};

enum {
  PROP_0,
  PROP_REGION,
  PROP_NAME,
  PROP_LABEL,
  PROP_LEVEL,
  PROP_VENUE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgRegionItem, fg_region_item, G_TYPE_OBJECT)

static void
fg_region_item_finalize (GObject *object)
{
  FgRegionItem *self = (FgRegionItem *)object;

  g_clear_object (&self->region);
  g_clear_pointer (&self->village_name, g_free);

  G_OBJECT_CLASS (fg_region_item_parent_class)->finalize (object);
}

static void
fg_region_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FgRegionItem *self = FG_REGION_ITEM (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_object (value, self->region);
      break;

    case PROP_NAME:
      g_value_set_string (value, fg_region_get_name (self->region));
      break;

    case PROP_LABEL:
      g_value_take_string (value, fg_region_format_label (fg_region_get_level (self->region),
                                                          fg_region_get_name (self->region),
                                                          self->village_name));
      break;

    case PROP_LEVEL:
      g_value_set_int (value, fg_region_get_level (self->region));
      break;

    case PROP_VENUE_COUNT:
      g_value_set_uint (value, fg_region_get_venue_count (self->region));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FgRegionItem *self = FG_REGION_ITEM (object);

  switch (prop_id)
    {
    case PROP_REGION:
      fg_region_item_set_region (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_region_item_class_init (FgRegionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fg_region_item_finalize;
  object_class->get_property = fg_region_item_get_property;
  object_class->set_property = fg_region_item_set_property;

  properties[PROP_REGION] =
    g_param_spec_object ("region", NULL, NULL, FG_TYPE_REGION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL,
                      FG_REGION_LEVEL_COUNTY, FG_REGION_LEVEL_GRID, FG_REGION_LEVEL_COUNTY,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE_COUNT] =
    g_param_spec_uint ("venue-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_region_item_init (FgRegionItem *self)
{
}

FgRegionItem *
fg_region_item_new (FgRegion *region)
{
  g_return_val_if_fail (FG_IS_REGION (region), NULL);

  return g_object_new (FG_TYPE_REGION_ITEM, "region", region, NULL);
}

FgRegion *
fg_region_item_get_region (FgRegionItem *self)
{
  g_return_val_if_fail (FG_IS_REGION_ITEM (self), NULL);
  return self->region;
}

const char *
fg_region_item_get_id (FgRegionItem *self)
{
  g_return_val_if_fail (FG_IS_REGION_ITEM (self), NULL);
  return fg_region_get_id (self->region);
}

/**
 * fg_region_item_set_region:
 * @self: an item
 * @region: a newer snapshot of the same region
 *
 * Replaces the snapshot, e.g. after a venue was added below the region,
 * and notifies only what changed, so rows redraw no more than needed.
 */
void
fg_region_item_set_region (FgRegionItem *self,
                           FgRegion     *region)
{
  FgRegion *old;

  g_return_if_fail (FG_IS_REGION_ITEM (self));
  g_return_if_fail (FG_IS_REGION (region));

  if (self->region == region)
    return;

  old = g_steal_pointer (&self->region);
  self->region = g_object_ref (region);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
  if (old == NULL || g_strcmp0 (fg_region_get_name (old), fg_region_get_name (region)) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
  if (old == NULL || fg_region_get_level (old) != fg_region_get_level (region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
  if (old == NULL || fg_region_get_venue_count (old) != fg_region_get_venue_count (region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE_COUNT]);
  g_object_thaw_notify (G_OBJECT (self));

  g_clear_object (&old);
}

/**
 * fg_region_item_set_village_name:
 * @self: an item
 * @village_name: (nullable): the name of the village of the item's grid
 *
 * A grid standing alone at the top of the tree (a grid worker's) is
 * labelled with its village, "神垕村 › 第一网格": each village has its
 * 第一网格.
 */
void
fg_region_item_set_village_name (FgRegionItem *self,
                                 const char   *village_name)
{
  g_return_if_fail (FG_IS_REGION_ITEM (self));

  if (g_strcmp0 (self->village_name, village_name) == 0)
    return;

  g_free (self->village_name);
  self->village_name = g_strdup (village_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
