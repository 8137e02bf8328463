/* fg-township-item.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A township's figures as properties, for the ranking's column view: the
 * counts to show and sort by, the shares as numbers (to sort) and as
 * text (to show), and the time of the last bundle.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-township-item.h"

struct _FgTownshipItem
{
  GObject parent_instance;

  FgTownshipFigures *figures;
};

enum {
  PROP_0,
  PROP_RANK,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_KEY,
  PROP_VENUES,
  PROP_INSPECTED,
  PROP_COVERAGE,
  PROP_COVERAGE_TEXT,
  PROP_INSPECTIONS,
  PROP_FOUND,
  PROP_CLOSED,
  PROP_RATE,
  PROP_RATE_TEXT,
  PROP_OPEN,
  PROP_OVERDUE,
  PROP_MAJOR,
  PROP_ESCALATED,
  PROP_LAST_BUNDLE_AT,
  PROP_LAST_BUNDLE_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgTownshipItem, fg_township_item, G_TYPE_OBJECT)

/* 0.5 → "50.0%"; nothing to take a share of → "—" */
static char *
format_share (double share)
{
  if (share < 0)
    return g_strdup ("—");
  /* Translators: a percentage in the township ranking, e.g. 66.7% */
  return g_strdup_printf (_("%.1f%%"), share * 100);
}

static void
fg_township_item_finalize (GObject *object)
{
  FgTownshipItem *self = (FgTownshipItem *)object;

  g_clear_pointer (&self->figures, fg_township_figures_free);

  G_OBJECT_CLASS (fg_township_item_parent_class)->finalize (object);
}

static void
fg_township_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FgTownshipItem *self = FG_TOWNSHIP_ITEM (object);
  const FgTownshipFigures *t = self->figures;

  switch (prop_id)
    {
    case PROP_RANK:
      g_value_set_uint (value, t->rank);
      break;

    case PROP_CODE:
      g_value_set_string (value, t->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, t->name);
      break;

    case PROP_NAME_KEY:
      g_value_set_string (value, t->name_key);
      break;

    case PROP_VENUES:
      g_value_set_uint (value, t->n_venues);
      break;

    case PROP_INSPECTED:
      g_value_set_uint (value, t->n_venues_inspected);
      break;

    case PROP_COVERAGE:
      g_value_set_double (value, fg_township_figures_get_coverage (t));
      break;

    case PROP_COVERAGE_TEXT:
      g_value_take_string (value, format_share (fg_township_figures_get_coverage (t)));
      break;

    case PROP_INSPECTIONS:
      g_value_set_uint (value, t->n_inspections);
      break;

    case PROP_FOUND:
      g_value_set_uint (value, t->n_found);
      break;

    case PROP_CLOSED:
      g_value_set_uint (value, t->n_closed);
      break;

    case PROP_RATE:
      g_value_set_double (value, fg_township_figures_get_rectification_rate (t));
      break;

    case PROP_RATE_TEXT:
      g_value_take_string (value, format_share (fg_township_figures_get_rectification_rate (t)));
      break;

    case PROP_OPEN:
      g_value_set_uint (value, t->n_open);
      break;

    case PROP_OVERDUE:
      g_value_set_uint (value, t->n_overdue);
      break;

    case PROP_MAJOR:
      g_value_set_uint (value, t->n_major);
      break;

    case PROP_ESCALATED:
      g_value_set_uint (value, t->n_escalated);
      break;

    case PROP_LAST_BUNDLE_AT:
      g_value_set_string (value, t->last_bundle_at != NULL ? t->last_bundle_at : "");
      break;

    case PROP_LAST_BUNDLE_DATE:
      /* the day, as dates are shown everywhere; the time is in the tooltip */
      g_value_take_string (value, t->last_bundle_at != NULL ? g_strndup (t->last_bundle_at, 10) : g_strdup ("—"));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_township_item_class_init (FgTownshipItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fg_township_item_finalize;
  object_class->get_property = fg_township_item_get_property;

#define FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define UINT_PROP(id, name) \
  properties[id] = g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, FLAGS)
#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, FLAGS)
#define SHARE_PROP(id, name) \
  properties[id] = g_param_spec_double (name, NULL, NULL, -1, 1, -1, FLAGS)

  UINT_PROP (PROP_RANK, "rank");
  STRING_PROP (PROP_CODE, "code");
  STRING_PROP (PROP_NAME, "name");
  /* what the township header sorts by: the names in pinyin order */
  STRING_PROP (PROP_NAME_KEY, "name-key");
  UINT_PROP (PROP_VENUES, "venues");
  UINT_PROP (PROP_INSPECTED, "inspected");
  /* -1 when there is nothing to take a share of */
  SHARE_PROP (PROP_COVERAGE, "coverage");
  STRING_PROP (PROP_COVERAGE_TEXT, "coverage-text");
  UINT_PROP (PROP_INSPECTIONS, "inspections");
  UINT_PROP (PROP_FOUND, "found");
  UINT_PROP (PROP_CLOSED, "closed");
  SHARE_PROP (PROP_RATE, "rate");
  STRING_PROP (PROP_RATE_TEXT, "rate-text");
  UINT_PROP (PROP_OPEN, "open");
  UINT_PROP (PROP_OVERDUE, "overdue");
  UINT_PROP (PROP_MAJOR, "major");
  UINT_PROP (PROP_ESCALATED, "escalated");
  /* ISO 8601, "" when no bundle came */
  STRING_PROP (PROP_LAST_BUNDLE_AT, "last-bundle-at");
  STRING_PROP (PROP_LAST_BUNDLE_DATE, "last-bundle-date");

#undef SHARE_PROP
#undef STRING_PROP
#undef UINT_PROP
#undef FLAGS

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_township_item_init (FgTownshipItem *self)
{
}

/**
 * fg_township_item_new:
 * @figures: a township's figures, copied
 *
 * Returns: (transfer full): a new row
 */
FgTownshipItem *
fg_township_item_new (const FgTownshipFigures *figures)
{
  FgTownshipItem *self;

  g_return_val_if_fail (figures != NULL, NULL);

  self = g_object_new (FG_TYPE_TOWNSHIP_ITEM, NULL);
  self->figures = fg_township_figures_copy (figures);
  return self;
}

const FgTownshipFigures *
fg_township_item_get_figures (FgTownshipItem *self)
{
  g_return_val_if_fail (FG_IS_TOWNSHIP_ITEM (self), NULL);
  return self->figures;
}
