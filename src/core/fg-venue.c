/* fg-venue.c — the venue registry (场所): reading, checking and saving venues
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-category.h"
#include "fg-credit-code.h"
#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue-private.h"
#include "fg-text-private.h"

struct _FgVenue
{
  GObject parent_instance;

  char *id;
  char *name;
  char *address;
  char *region_id;
  GStrv categories;
  char *operator_name;
  char *phone;
  char *credit_code;
  double floor_area;  /* m²; negative when unknown */
  int floors;         /* 0 when unknown */
  int sleeping;
  gboolean key_unit;
  gboolean smoke_alarm;
  int smoke_alarm_count;  /* -1 when nobody counted */
  char *smoke_alarm_checked_on;  /* YYYY-MM-DD, or NULL */
  gboolean simple_extinguishing;
  char *simple_extinguishing_checked_on;
  FgVenueStatus status;

  /* read from the store, for display */
  char *village_name;
  char *grid_name;
  char *created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ADDRESS,
  PROP_REGION_ID,
  PROP_CATEGORY_NAME,
  PROP_OPERATOR_NAME,
  PROP_PHONE,
  PROP_CREDIT_CODE,
  PROP_STATUS_LABEL,
  PROP_VILLAGE_NAME,
  PROP_GRID_NAME,
  PROP_KEY_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgVenue, fg_venue, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-venue-error-quark, fg_venue_error)

static const char * const status_ids[] = { "active", "closed", "moved" };

const char *
fg_venue_status_to_string (FgVenueStatus status)
{
  g_return_val_if_fail (status <= FG_VENUE_STATUS_MOVED, NULL);
  return status_ids[status];
}

gboolean
fg_venue_status_from_string (const char    *text,
                             FgVenueStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    {
      if (g_strcmp0 (text, status_ids[i]) == 0)
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fg_venue_status_get_label:
 *
 * Returns: the status in words, in the user's language
 */
const char *
fg_venue_status_get_label (FgVenueStatus status)
{
  switch (status)
    {
    case FG_VENUE_STATUS_ACTIVE:
      return C_("venue status", "Open");
    case FG_VENUE_STATUS_CLOSED:
      return C_("venue status", "Closed");
    case FG_VENUE_STATUS_MOVED:
      return C_("venue status", "Moved away");
    default:
      return "";
    }
}

static void
fg_venue_finalize (GObject *object)
{
  FgVenue *self = (FgVenue *)object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->address);
  g_free (self->region_id);
  g_strfreev (self->categories);
  g_free (self->operator_name);
  g_free (self->phone);
  g_free (self->credit_code);
  g_free (self->smoke_alarm_checked_on);
  g_free (self->simple_extinguishing_checked_on);
  g_free (self->village_name);
  g_free (self->grid_name);
  g_free (self->created_at);

  G_OBJECT_CLASS (fg_venue_parent_class)->finalize (object);
}

static void
fg_venue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FgVenue *self = FG_VENUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_REGION_ID:
      g_value_set_string (value, self->region_id);
      break;

    case PROP_CATEGORY_NAME:
      g_value_set_string (value, fg_venue_get_category_name (self));
      break;

    case PROP_OPERATOR_NAME:
      g_value_set_string (value, self->operator_name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_CREDIT_CODE:
      g_value_set_string (value, self->credit_code);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, fg_venue_status_get_label (self->status));
      break;

    case PROP_VILLAGE_NAME:
      g_value_set_string (value, self->village_name);
      break;

    case PROP_GRID_NAME:
      g_value_set_string (value, self->grid_name);
      break;

    case PROP_KEY_UNIT:
      g_value_set_boolean (value, self->key_unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_venue_class_init (FgVenueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fg_venue_finalize;
  object_class->get_property = fg_venue_get_property;

  /* Read-only properties, for list views to bind; changes go through the
   * setters and are saved with fg_venue_save(). */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_REGION_ID] = g_param_spec_string ("region-id", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY_NAME] = g_param_spec_string ("category-name", NULL, NULL, NULL, flags);
  properties[PROP_OPERATOR_NAME] = g_param_spec_string ("operator-name", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_CREDIT_CODE] = g_param_spec_string ("credit-code", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_VILLAGE_NAME] = g_param_spec_string ("village-name", NULL, NULL, NULL, flags);
  properties[PROP_GRID_NAME] = g_param_spec_string ("grid-name", NULL, NULL, NULL, flags);
  properties[PROP_KEY_UNIT] = g_param_spec_boolean ("key-unit", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_venue_init (FgVenue *self)
{
  self->floor_area = -1;
  self->smoke_alarm_count = -1;
  self->status = FG_VENUE_STATUS_ACTIVE;
}

/**
 * fg_venue_new:
 *
 * Returns: (transfer full): an empty venue, to fill in and save
 */
FgVenue *
fg_venue_new (void)
{
  return g_object_new (FG_TYPE_VENUE, NULL);
}

/**
 * fg_venue_copy:
 *
 * Returns: (transfer full): a copy to edit without touching @self
 */
FgVenue *
fg_venue_copy (FgVenue *self)
{
  FgVenue *copy;

  g_return_val_if_fail (FG_IS_VENUE (self), NULL);

  copy = fg_venue_new ();
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  copy->address = g_strdup (self->address);
  copy->region_id = g_strdup (self->region_id);
  copy->categories = g_strdupv (self->categories);
  copy->operator_name = g_strdup (self->operator_name);
  copy->phone = g_strdup (self->phone);
  copy->credit_code = g_strdup (self->credit_code);
  copy->floor_area = self->floor_area;
  copy->floors = self->floors;
  copy->sleeping = self->sleeping;
  copy->key_unit = self->key_unit;
  copy->smoke_alarm = self->smoke_alarm;
  copy->smoke_alarm_count = self->smoke_alarm_count;
  copy->smoke_alarm_checked_on = g_strdup (self->smoke_alarm_checked_on);
  copy->simple_extinguishing = self->simple_extinguishing;
  copy->simple_extinguishing_checked_on = g_strdup (self->simple_extinguishing_checked_on);
  copy->status = self->status;
  copy->village_name = g_strdup (self->village_name);
  copy->grid_name = g_strdup (self->grid_name);
  copy->created_at = g_strdup (self->created_at);

  return copy;
}

static void
set_string (FgVenue     *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * fg_venue_get_id:
 *
 * Returns: (nullable): the venue's id, %NULL until it is first saved
 */
const char *
fg_venue_get_id (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->id;
}

const char *
fg_venue_get_name (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->name != NULL ? self->name : "";
}

void
fg_venue_set_name (FgVenue    *self,
                   const char *name)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
fg_venue_get_address (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->address != NULL ? self->address : "";
}

void
fg_venue_set_address (FgVenue    *self,
                      const char *address)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->address, address, PROP_ADDRESS);
}

/**
 * fg_venue_get_region_id:
 *
 * Returns: (nullable): the grid, or the village when the venue is not yet
 *   placed in a grid
 */
const char *
fg_venue_get_region_id (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->region_id;
}

void
fg_venue_set_region_id (FgVenue    *self,
                        const char *region_id)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->region_id, region_id, PROP_REGION_ID);
}

/**
 * fg_venue_get_categories:
 *
 * Returns: (transfer none) (array zero-terminated=1): the category ids,
 *   the main one first; more than one for a mixed-use venue
 */
const char * const *
fg_venue_get_categories (FgVenue *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->categories != NULL ? (const char * const *) self->categories : none;
}

void
fg_venue_set_categories (FgVenue            *self,
                         const char * const *categories)
{
  g_return_if_fail (FG_IS_VENUE (self));

  if (self->categories != NULL && categories != NULL &&
      g_strv_equal ((const char * const *) self->categories, categories))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **) categories);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_NAME]);
}

/**
 * fg_venue_get_category_name:
 *
 * Returns: the names of the venue's categories in the user's language,
 *   joined for display
 */
const char *
fg_venue_get_category_name (FgVenue *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (FG_IS_VENUE (self), NULL);

  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    {
      const FgCategory *category = fg_category_lookup (self->categories[i]);

      if (names->len > 0)
        g_string_append (names, fg_locale_prefers_chinese () ? "、" : ", ");
      g_string_append (names, category != NULL ? fg_category_get_name (category)
                                               : self->categories[i]);
    }

  /* interned: the set of names is small and bounded by the category list */
  return g_intern_string (names->str);
}

const char *
fg_venue_get_operator_name (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->operator_name != NULL ? self->operator_name : "";
}

void
fg_venue_set_operator_name (FgVenue    *self,
                            const char *operator_name)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->operator_name, operator_name, PROP_OPERATOR_NAME);
}

const char *
fg_venue_get_phone (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->phone != NULL ? self->phone : "";
}

void
fg_venue_set_phone (FgVenue    *self,
                    const char *phone)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->phone, phone, PROP_PHONE);
}

const char *
fg_venue_get_credit_code (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->credit_code != NULL ? self->credit_code : "";
}

void
fg_venue_set_credit_code (FgVenue    *self,
                          const char *credit_code)
{
  g_return_if_fail (FG_IS_VENUE (self));
  set_string (self, &self->credit_code, credit_code, PROP_CREDIT_CODE);
}

/**
 * fg_venue_get_floor_area:
 *
 * Returns: the floor area in square metres, or a negative number when it
 *   is not known
 */
double
fg_venue_get_floor_area (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), -1);
  return self->floor_area;
}

void
fg_venue_set_floor_area (FgVenue *self,
                         double   floor_area)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->floor_area = floor_area;
}

/**
 * fg_venue_get_floors:
 *
 * Returns: the number of floors the venue uses, 0 when not known
 */
int
fg_venue_get_floors (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), 0);
  return self->floors;
}

void
fg_venue_set_floors (FgVenue *self,
                     int      floors)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->floors = floors;
}

/**
 * fg_venue_get_sleeping:
 *
 * Returns: how many people sleep on the premises (住人)
 */
int
fg_venue_get_sleeping (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), 0);
  return self->sleeping;
}

void
fg_venue_set_sleeping (FgVenue *self,
                       int      sleeping)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->sleeping = sleeping;
}

/**
 * fg_venue_get_key_unit:
 *
 * Returns: whether the venue is a fire safety key unit (消防安全重点单位)
 */
gboolean
fg_venue_get_key_unit (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), FALSE);
  return self->key_unit;
}

void
fg_venue_set_key_unit (FgVenue  *self,
                       gboolean  key_unit)
{
  g_return_if_fail (FG_IS_VENUE (self));

  key_unit = !!key_unit;
  if (self->key_unit == key_unit)
    return;
  self->key_unit = key_unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_UNIT]);
}

/**
 * fg_venue_get_smoke_alarm:
 *
 * Returns: whether a standalone smoke alarm (独立式火灾报警) is installed
 */
gboolean
fg_venue_get_smoke_alarm (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), FALSE);
  return self->smoke_alarm;
}

/**
 * fg_venue_set_smoke_alarm:
 *
 * Says whether a working standalone smoke alarm is installed. A count of
 * alarms that says otherwise gives way: none makes the count 0, one or
 * more makes a count of 0 unknown.
 */
void
fg_venue_set_smoke_alarm (FgVenue  *self,
                          gboolean  smoke_alarm)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->smoke_alarm = !!smoke_alarm;
  if (!self->smoke_alarm && self->smoke_alarm_count > 0)
    self->smoke_alarm_count = 0;
  else if (self->smoke_alarm && self->smoke_alarm_count == 0)
    self->smoke_alarm_count = -1;
}

/**
 * fg_venue_get_smoke_alarm_count:
 *
 * Returns: how many working standalone smoke alarms were counted, or -1
 *   when nobody counted them
 */
int
fg_venue_get_smoke_alarm_count (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), -1);
  return self->smoke_alarm_count;
}

/**
 * fg_venue_set_smoke_alarm_count:
 * @count: how many, or -1 for not known
 *
 * Sets the count; a known count also sets fg_venue_get_smoke_alarm() (one
 * or more: the venue has one). fg_venue_save() holds it to 0 … 999, with
 * the day it was checked.
 */
void
fg_venue_set_smoke_alarm_count (FgVenue *self,
                                int      count)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->smoke_alarm_count = count < 0 ? -1 : count;
  if (count >= 0)
    self->smoke_alarm = count > 0;
}

/**
 * fg_venue_get_smoke_alarm_checked_on:
 *
 * Returns: (nullable): the day the smoke alarms were last checked,
 *   YYYY-MM-DD, or %NULL when never
 */
const char *
fg_venue_get_smoke_alarm_checked_on (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->smoke_alarm_checked_on;
}

void
fg_venue_set_smoke_alarm_checked_on (FgVenue    *self,
                                     const char *date)
{
  g_return_if_fail (FG_IS_VENUE (self));
  g_free (self->smoke_alarm_checked_on);
  /* white space around it is no part of it; none at all, no day */
  self->smoke_alarm_checked_on = g_strstrip (g_strdup (date != NULL ? date : ""));
  if (*self->smoke_alarm_checked_on == '\0')
    g_clear_pointer (&self->smoke_alarm_checked_on, g_free);
}

/**
 * fg_venue_get_simple_extinguishing:
 *
 * Returns: whether simple extinguishing equipment (简易喷淋、消防软管卷盘或
 *   灭火毯) is present and usable
 */
gboolean
fg_venue_get_simple_extinguishing (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), FALSE);
  return self->simple_extinguishing;
}

void
fg_venue_set_simple_extinguishing (FgVenue  *self,
                                   gboolean  present)
{
  g_return_if_fail (FG_IS_VENUE (self));
  self->simple_extinguishing = !!present;
}

/**
 * fg_venue_get_simple_extinguishing_checked_on:
 *
 * Returns: (nullable): the day the simple extinguishing equipment was
 *   last checked, YYYY-MM-DD, or %NULL when never
 */
const char *
fg_venue_get_simple_extinguishing_checked_on (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->simple_extinguishing_checked_on;
}

void
fg_venue_set_simple_extinguishing_checked_on (FgVenue    *self,
                                              const char *date)
{
  g_return_if_fail (FG_IS_VENUE (self));
  g_free (self->simple_extinguishing_checked_on);
  /* white space around it is no part of it; none at all, no day */
  self->simple_extinguishing_checked_on = g_strstrip (g_strdup (date != NULL ? date : ""));
  if (*self->simple_extinguishing_checked_on == '\0')
    g_clear_pointer (&self->simple_extinguishing_checked_on, g_free);
}

FgVenueStatus
fg_venue_get_status (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), FG_VENUE_STATUS_ACTIVE);
  return self->status;
}

void
fg_venue_set_status (FgVenue       *self,
                     FgVenueStatus  status)
{
  g_return_if_fail (FG_IS_VENUE (self));
  g_return_if_fail (status <= FG_VENUE_STATUS_MOVED);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

const char *
fg_venue_get_village_name (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->village_name != NULL ? self->village_name : "";
}

const char *
fg_venue_get_grid_name (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->grid_name != NULL ? self->grid_name : "";
}

/**
 * fg_venue_get_created_at:
 *
 * Returns: (nullable): when the venue was registered (ISO 8601), or %NULL
 *   before it is saved
 */
const char *
fg_venue_get_created_at (FgVenue *self)
{
  g_return_val_if_fail (FG_IS_VENUE (self), NULL);
  return self->created_at;
}

/* Trims a text field and checks its length; NULL counts as empty. */
static gboolean
check_text (const char    *value,
            gboolean       required,
            glong          max_chars,
            FgVenueError   code,
            const char    *empty_message,
            const char    *long_message,
            char         **out,
            GError       **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  glong length;

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error_literal (error, FG_VENUE_ERROR, code, empty_message);
      return FALSE;
    }

  if (fg_text_check_visible (trimmed) != NULL)
    {
      g_set_error_literal (error, FG_VENUE_ERROR, code, fg_text_check_visible (trimmed));
      return FALSE;
    }
  length = g_utf8_strlen (trimmed, -1);
  if (required && length == 0)
    {
      g_set_error_literal (error, FG_VENUE_ERROR, code, empty_message);
      return FALSE;
    }
  if (length > max_chars)
    {
      g_set_error_literal (error, FG_VENUE_ERROR, code, long_message);
      return FALSE;
    }

  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error_literal (error, FG_VENUE_ERROR, code,
                               _("Line breaks and control characters are not allowed here."));
          return FALSE;
        }
    }

  *out = g_steal_pointer (&trimmed);
  return TRUE;
}

/* Whether @digits (the number's digits alone) are a number one can call in
 * China: a mobile number (11 digits, 13x–19x), a landline with its area
 * code (0 + two or three digits, then 7 or 8 digits not starting with 0
 * or 1), or a landline of the county without it (7 or 8 digits). */
static gboolean
phone_digits_valid (const char *digits)
{
  size_t length = strlen (digits);

  if (g_str_has_prefix (digits, "86") && length == 13)
    {
      digits += 2;
      length -= 2;
    }

  if (digits[0] == '1')
    return length == 11 && digits[1] >= '3' && digits[1] <= '9';

  if (digits[0] == '0')
    {
      /* 010 and 02x have two digits after the 0, the rest three */
      size_t area = digits[1] == '1' || digits[1] == '2' ? 3 : 4;

      return length >= area + 7 && length <= area + 8 && digits[area] >= '2';
    }

  return length == 7 || length == 8;
}

static char *
normalize_phone (const char  *text,
                 GError     **error)
{
  g_autoptr(GString) phone = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != '-' && *p != ' ' && !(*p == '+' && phone->len == 0))
        {
          g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_PHONE,
                       _("A phone number has digits, with spaces, hyphens or a leading + if you like, "
                         "for example 13812345678 or 0371-12345678."));
          return NULL;
        }
      if (*p != ' ')
        g_string_append_c (phone, *p);
    }

  if (digits->len > 0 && !phone_digits_valid (digits->str))
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_PHONE,
                   _("“%s” is not a phone number: a mobile number has 11 digits and starts with 1 "
                     "(13812345678); a landline has its area code and 7 or 8 digits (0374-6123456), "
                     "or 7 or 8 digits without it."),
                   text);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&phone), FALSE);
}

/* Checks the categories: at least one, each known, none twice. */
static GError *
check_categories (const char * const *categories)
{
  guint n_categories = categories != NULL ? g_strv_length ((GStrv) categories) : 0;

  if (n_categories == 0)
    return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CATEGORY,
                        _("Choose at least one category for the venue."));
  for (guint i = 0; i < n_categories; i++)
    {
      if (fg_category_lookup (categories[i]) == NULL)
        return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CATEGORY,
                            _("“%s” is not one of the venue categories."),
                            categories[i]);
      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (categories[i], categories[j]))
            return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_CATEGORY,
                                _("The category “%s” is chosen twice."),
                                fg_category_get_name (fg_category_lookup (categories[i])));
        }
    }

  return NULL;
}

/* Checks the building's figures, adding an error per wrong one. */
static void
check_building (FgVenue   *self,
                GPtrArray *errors)
{
  if (isnan (self->floor_area) || self->floor_area > 1000000)
    g_ptr_array_add (errors, g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_FLOOR_AREA,
                                          _("Enter the floor area in square metres, up to 1,000,000.")));
  if (self->floors < 0 || self->floors > 200)
    g_ptr_array_add (errors, g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_FLOORS,
                                          _("Enter the number of floors the venue uses, from 1 to 200 (or leave it empty).")));
  if (self->sleeping < 0 || self->sleeping > 10000)
    g_ptr_array_add (errors, g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SLEEPING,
                                          _("Enter how many people sleep on the premises, from 0 to 10,000.")));
}

/* A day a check was made, YYYY-MM-DD: a real day of this century, not
 * after today. NULL when it is none, with @what (the thing checked, a
 * phrase) said in @error. */
static GError *
check_checked_on (const char   *date,
                  FgVenueError  code,
                  const char   *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int year, month, day;
  char end;

  if (strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      date[4] != '-' || date[7] != '-' || !g_date_valid_dmy (day, month, year) || year < 2000)
    return g_error_new (FG_VENUE_ERROR, code,
                        /* Translators: %s is what was checked, "the smoke alarms" */
                        _("Write the day %s were checked as year-month-day, for example 2026-12-08."),
                        what);
  /* the same form as today's, so that the texts compare as the days do */
  if (strcmp (date, today) > 0)
    return g_error_new (FG_VENUE_ERROR, code,
                        /* Translators: the first %s is what was checked, the second a day */
                        _("The day %s were checked, %s, is still to come. Enter the day of the check."),
                        what, date);
  return NULL;
}

static GError *
check_smoke_alarms (int          count,
                    gboolean     smoke_alarm,
                    const char  *checked_on)
{
  gboolean dated = checked_on != NULL && *checked_on != '\0';

  if (count < -1 || count > 999)
    return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS,
                        _("Enter how many standalone smoke alarms work at the venue, from 0 to 999, "
                          "or leave the number empty if nobody counted them."));
  if (count >= 0 && (count > 0) != !!smoke_alarm)
    return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS,
                        _("The number of smoke alarms (%d) does not agree with whether the venue has one."),
                        count);
  if (count >= 0 && !dated)
    return g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS,
                        _("Enter the day the smoke alarms were counted."));
  if (dated)
    return check_checked_on (checked_on, FG_VENUE_ERROR_INVALID_SMOKE_ALARMS, _("the smoke alarms"));
  return NULL;
}

static GError *
check_simple_extinguishing (const char *checked_on)
{
  if (checked_on != NULL && *checked_on != '\0')
    return check_checked_on (checked_on, FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING,
                             _("the simple extinguishing equipment"));
  return NULL;
}

/**
 * fg_venue_check_equipment:
 * @smoke_alarm_count: how many smoke alarms work, -1 when not known
 * @smoke_alarm: whether the venue has a working standalone smoke alarm
 * @smoke_alarm_checked_on: (nullable): the day they were checked
 * @simple_extinguishing_checked_on: (nullable): the day the simple
 *   extinguishing equipment was checked
 * @error: return location for an error
 *
 * The rule on what the 2026 target's fields of a venue may hold, as a
 * person types them and as a bundle brings them (fg_venue_save() and the
 * merge both hold a venue to it): a count from 0 to 999 that agrees with
 * @smoke_alarm (more than none exactly when it is set) and has the day it
 * was made; each day a real one, YYYY-MM-DD, not after today.
 *
 * Returns: %TRUE if the values may be stored; otherwise @error says
 *   which (FG_VENUE_ERROR_INVALID_SMOKE_ALARMS or
 *   FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING) and what to do
 */
gboolean
fg_venue_check_equipment (int          smoke_alarm_count,
                          gboolean     smoke_alarm,
                          const char  *smoke_alarm_checked_on,
                          const char  *simple_extinguishing_checked_on,
                          GError     **error)
{
  GError *fault = check_smoke_alarms (smoke_alarm_count, smoke_alarm, smoke_alarm_checked_on);

  if (fault == NULL)
    fault = check_simple_extinguishing (simple_extinguishing_checked_on);
  if (fault == NULL)
    return TRUE;
  g_propagate_error (error, fault);
  return FALSE;
}

static int
compare_error_codes (gconstpointer a,
                     gconstpointer b)
{
  const GError *error_a = *(const GError * const *) a;
  const GError *error_b = *(const GError * const *) b;

  return error_a->code - error_b->code;
}

/* Adds @error to @errors, if there is one. */
static void
collect (GPtrArray *errors,
         GError    *error)
{
  if (error != NULL)
    g_ptr_array_add (errors, error);
}

/* Checks every field and, when all are right, puts the venue in its
 * stored form: trimmed texts, an upper-case credit code, a phone number
 * without spaces. Returns the errors, one per wrong field, in the order
 * of their codes, which is a form's order; empty when the venue is right. */
static GPtrArray *
venue_normalize_all (FgVenue *self)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *credit_code = NULL;
  GError *error = NULL;

  check_text (self->name, TRUE, 200, FG_VENUE_ERROR_INVALID_NAME,
              _("Enter the venue’s name, as on its sign or licence."),
              _("A venue name can have at most 200 characters."),
              &name, &error);
  collect (errors, g_steal_pointer (&error));
  check_text (self->address, TRUE, 300, FG_VENUE_ERROR_INVALID_ADDRESS,
              _("Enter the venue’s address."),
              _("An address can have at most 300 characters."),
              &address, &error);
  collect (errors, g_steal_pointer (&error));
  check_text (self->operator_name, FALSE, 100, FG_VENUE_ERROR_INVALID_OPERATOR,
              _("The operator’s name is not valid text."),
              _("The operator’s name can have at most 100 characters."),
              &operator_name, &error);
  collect (errors, g_steal_pointer (&error));

  if (self->region_id == NULL || *self->region_id == '\0')
    g_ptr_array_add (errors, g_error_new (FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                                          _("Choose the village or grid the venue belongs to.")));

  collect (errors, check_categories ((const char * const *) self->categories));

  phone = normalize_phone (self->phone, &error);
  collect (errors, g_steal_pointer (&error));

  /* Optional: individual businesses (个体户) may have none. */
  if (self->credit_code != NULL && *g_strstrip (self->credit_code) != '\0')
    {
      credit_code = fg_credit_code_normalize (self->credit_code, &error);
      collect (errors, g_steal_pointer (&error));
    }

  check_building (self, errors);
  /* the 2026 target's fields: fg_venue_check_equipment()'s two halves */
  collect (errors, check_smoke_alarms (self->smoke_alarm_count, self->smoke_alarm,
                                       self->smoke_alarm_checked_on));
  collect (errors, check_simple_extinguishing (self->simple_extinguishing_checked_on));

  if (errors->len > 0)
    {
      g_ptr_array_sort (errors, compare_error_codes);
      return errors;
    }

  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_free (self->address);
  self->address = g_steal_pointer (&address);
  g_free (self->operator_name);
  self->operator_name = g_steal_pointer (&operator_name);
  g_free (self->phone);
  self->phone = g_steal_pointer (&phone);
  g_free (self->credit_code);
  self->credit_code = credit_code != NULL ? g_steal_pointer (&credit_code) : g_strdup ("");

  return errors;
}

/**
 * fg_venue_normalize: (skip)
 *
 * Checks every field of @self and, when all are right, puts it in its
 * stored form, as fg_venue_save() stores it.
 *
 * Returns: (transfer full) (element-type GError): one error per wrong field
 */
GPtrArray *
fg_venue_normalize (FgVenue *self)
{
  return venue_normalize_all (self);
}

/* As venue_normalize_all(), reporting the first wrong field only. */
static gboolean
venue_normalize (FgVenue  *self,
                 GError  **error)
{
  g_autoptr(GPtrArray) errors = venue_normalize_all (self);

  if (errors->len == 0)
    return TRUE;

  g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
  return FALSE;
}

/**
 * fg_venue_validate:
 * @self: a venue
 * @error: return location for an error
 *
 * Checks the fields a person filled in, without touching the store. The
 * error code names the field that is wrong (#FgVenueError). Does not
 * change @self.
 *
 * Returns: %TRUE if the venue can be saved as far as its own fields go
 */
gboolean
fg_venue_validate (FgVenue  *self,
                   GError  **error)
{
  g_autoptr(FgVenue) copy = NULL;

  g_return_val_if_fail (FG_IS_VENUE (self), FALSE);

  copy = fg_venue_copy (self);
  return venue_normalize (copy, error);
}

/**
 * fg_venue_check_fields:
 * @self: a venue
 *
 * Makes the checks of fg_venue_validate(), all of them: a form can mark
 * every wrong field at once. Does not change @self.
 *
 * Returns: (transfer full) (element-type GError): one error per wrong
 *   field, in %FG_VENUE_ERROR with the field's code and its message, in
 *   the order of the codes (name, address, region … as a form has them);
 *   empty when the venue can be saved as far as its own fields go
 */
GPtrArray *
fg_venue_check_fields (FgVenue *self)
{
  g_autoptr(FgVenue) copy = NULL;

  g_return_val_if_fail (FG_IS_VENUE (self), NULL);

  copy = fg_venue_copy (self);
  return venue_normalize_all (copy);
}

/* The categories of their stored form, a JSON array of ids, which never
 * hold quotes. */
static GStrv
parse_categories (const char *json)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit_set (json != NULL ? json : "", "[\",] ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (categories, g_strdup (parts[i]));
  g_ptr_array_add (categories, NULL);
  return (GStrv) g_ptr_array_steal (categories, NULL);
}

FgVenue *
fg_venue_new_from_row (sqlite3_stmt *stmt)
{
  FgVenue *self = fg_venue_new ();

  /* Column order: FG_VENUE_COLUMNS */
  self->id = g_strdup (fg_stmt_text (stmt, 0));
  self->name = g_strdup (fg_stmt_text (stmt, 1));
  self->address = g_strdup (fg_stmt_text (stmt, 2));
  self->region_id = g_strdup (fg_stmt_text (stmt, 3));
  self->categories = parse_categories (fg_stmt_text (stmt, 4));

  self->operator_name = g_strdup (fg_stmt_text (stmt, 5));
  self->phone = g_strdup (fg_stmt_text (stmt, 6));
  self->credit_code = g_strdup (fg_stmt_text (stmt, 7));
  self->floor_area = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_double (stmt, 8);
  self->floors = sqlite3_column_int (stmt, 9);
  self->sleeping = sqlite3_column_int (stmt, 10);
  self->key_unit = sqlite3_column_int (stmt, 11) != 0;
  self->smoke_alarm = sqlite3_column_int (stmt, 12) != 0;
  if (!fg_venue_status_from_string (fg_stmt_text (stmt, 13), &self->status))
    self->status = FG_VENUE_STATUS_ACTIVE;
  self->created_at = g_strdup (fg_stmt_text (stmt, 14));
  self->village_name = g_strdup (fg_stmt_text (stmt, 15));
  self->grid_name = g_strdup (fg_stmt_text (stmt, 16));
  self->smoke_alarm_count = sqlite3_column_type (stmt, 18) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 18);
  self->smoke_alarm_checked_on = g_strdup ((const char *) sqlite3_column_text (stmt, 19));
  self->simple_extinguishing = sqlite3_column_int (stmt, 20) != 0;
  self->simple_extinguishing_checked_on = g_strdup ((const char *) sqlite3_column_text (stmt, 21));

  return self;
}

/* A number of @text, the whole of it: @unknown when there is none,
 * @wrong when it is not one. */
static double
parse_number (const char *text,
              double      unknown,
              double      wrong)
{
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    return unknown;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return wrong;
  return value;
}

/**
 * fg_venue_check_values: (skip)
 * @values: (element-type utf8 utf8): a venue's columns, as text, by name
 *   (the columns of the venue table; a column left out is empty)
 * @error: return location for an error
 *
 * Holds a venue that came as text (a bundle's row) to the checks a venue
 * typed here is held to, fg_venue_validate(): a number that is not one
 * is a wrong figure. The error's code names the wrong field
 * (fg_venue_field_label()).
 *
 * Returns: %TRUE if the venue could be saved here as far as its own
 *   fields go
 */
gboolean
fg_venue_check_values (GHashTable  *values,
                       GError     **error)
{
  g_autoptr(FgVenue) venue = fg_venue_new ();
  double floors;
  double sleeping;
  double alarms;

  venue->name = g_strdup (g_hash_table_lookup (values, "name"));
  venue->address = g_strdup (g_hash_table_lookup (values, "address"));
  venue->region_id = g_strdup (g_hash_table_lookup (values, "region_id"));
  venue->categories = parse_categories (g_hash_table_lookup (values, "categories"));
  venue->operator_name = g_strdup (g_hash_table_lookup (values, "operator_name"));
  venue->phone = g_strdup (g_hash_table_lookup (values, "phone"));
  venue->credit_code = g_strdup (g_hash_table_lookup (values, "credit_code"));
  venue->floor_area = parse_number (g_hash_table_lookup (values, "floor_area"), -1, NAN);
  /* a count that is not a whole number is out of range */
  floors = parse_number (g_hash_table_lookup (values, "floors"), 0, -1);
  venue->floors = floors == floor (floors) && floors >= 0 && floors <= 200 ? (int) floors : -1;
  sleeping = parse_number (g_hash_table_lookup (values, "sleeping"), 0, -1);
  venue->sleeping = sleeping == floor (sleeping) && sleeping >= 0 && sleeping <= 10000 ? (int) sleeping : -1;
  venue->smoke_alarm = g_strcmp0 (g_hash_table_lookup (values, "smoke_alarm"), "1") == 0;
  alarms = parse_number (g_hash_table_lookup (values, "smoke_alarm_count"), -1, -2);
  venue->smoke_alarm_count = alarms == floor (alarms) && alarms >= -1 && alarms <= 999 ? (int) alarms : -2;
  venue->smoke_alarm_checked_on = g_strdup (g_hash_table_lookup (values, "smoke_alarm_checked_on"));
  venue->simple_extinguishing_checked_on = g_strdup (g_hash_table_lookup (values, "simple_extinguishing_checked_on"));
  return venue_normalize (venue, error);
}

/**
 * fg_venue_field_label: (skip)
 * @code: a #FgVenueError
 *
 * Returns: the name of the field @code is about, translated ("phone
 *   number")
 */
const char *
fg_venue_field_label (int code)
{
  switch (code)
    {
    case FG_VENUE_ERROR_INVALID_NAME:
      return C_("venue field", "name");
    case FG_VENUE_ERROR_INVALID_ADDRESS:
      return C_("venue field", "address");
    case FG_VENUE_ERROR_INVALID_REGION:
      return C_("venue field", "village or grid");
    case FG_VENUE_ERROR_INVALID_CATEGORY:
      return C_("venue field", "categories");
    case FG_VENUE_ERROR_INVALID_OPERATOR:
      return C_("venue field", "operator’s name");
    case FG_VENUE_ERROR_INVALID_PHONE:
      return C_("venue field", "phone number");
    case FG_VENUE_ERROR_INVALID_CREDIT_CODE:
      return C_("venue field", "unified social credit code");
    case FG_VENUE_ERROR_INVALID_FLOOR_AREA:
      return C_("venue field", "floor area");
    case FG_VENUE_ERROR_INVALID_FLOORS:
      return C_("venue field", "number of floors");
    case FG_VENUE_ERROR_INVALID_SLEEPING:
      return C_("venue field", "number of people sleeping on the premises");
    case FG_VENUE_ERROR_INVALID_SMOKE_ALARMS:
      return C_("venue field", "smoke alarms");
    case FG_VENUE_ERROR_INVALID_SIMPLE_EXTINGUISHING:
      return C_("venue field", "simple extinguishing equipment");
    default:
      return C_("venue field", "venue");
    }
}

/* Reads a venue for @action: the actor must be allowed it where the venue
 * lies. A refusal names the venue in the audit log. */
static FgVenue *
load_venue_for (FgStore     *store,
                FgActor     *actor,
                FgAction     action,
                const char  *id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT " FG_VENUE_COLUMNS " FROM " FG_VENUE_FROM
                           " WHERE v.id = ?1 AND v.deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (!fg_permission_check (store, actor, action,
                                fg_stmt_text (stmt, FG_VENUE_COLUMN_REGION_CODE), id, error))
        return NULL;
      return fg_venue_new_from_row (stmt);
    }

  if (rc != SQLITE_DONE)
    fg_store_set_error (store, rc, error);
  else
    g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_NOT_FOUND,
                 _("The venue was not found. It may have been removed by another office."));
  return NULL;
}

/**
 * fg_venue_load:
 * @store: the store
 * @actor: who reads it
 * @id: the venue's id
 * @error: return location for an error
 *
 * Returns: (transfer full): the venue, or %NULL with @error set
 */
FgVenue *
fg_venue_load (FgStore     *store,
               FgActor     *actor,
               const char  *id,
               GError     **error)
{
  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_venue_for (store, actor, FG_ACTION_VENUE_READ, id, error);
}

static char *
categories_to_json (const char * const *categories)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; categories[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", categories[i]);
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Resolves the venue's region to the path stored with it. */
static gboolean
resolve_region (FgStore      *store,
                FgActor      *actor,
                const char   *region_id,
                FgRegion    **out_region,
                char        **county_id,
                char        **township_id,
                char        **village_id,
                char        **grid_id,
                GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autoptr(FgRegion) village = NULL;
  g_autoptr(FgRegion) township = NULL;

  region = fg_region_load_for_change (store, actor, FG_ACTION_VENUE_EDIT, region_id, 0, &local_error);
  if (region == NULL)
    {
      /* a refusal stays one; a region that is wrong is the form's field */
      if (local_error->domain == FG_PERMISSION_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                             local_error->message);
      return FALSE;
    }

  if (fg_region_get_level (region) < FG_REGION_LEVEL_VILLAGE)
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                   _("Choose the village or grid the venue belongs to, not the whole %s."),
                   fg_region_get_name (region));
      return FALSE;
    }
  if (fg_region_get_retired (region))
    {
      g_set_error (error, FG_VENUE_ERROR, FG_VENUE_ERROR_INVALID_REGION,
                   _("%s has been retired. Choose a current village or grid."),
                   fg_region_get_name (region));
      return FALSE;
    }

  if (fg_region_get_level (region) == FG_REGION_LEVEL_GRID)
    {
      village = fg_region_find (store, fg_region_get_parent_id (region), error);
      if (village == NULL)
        return FALSE;
      *grid_id = g_strdup (fg_region_get_id (region));
    }
  else
    {
      village = g_object_ref (region);
      *grid_id = NULL;
    }

  township = fg_region_find (store, fg_region_get_parent_id (village), error);
  if (township == NULL)
    return FALSE;

  *village_id = g_strdup (fg_region_get_id (village));
  *township_id = g_strdup (fg_region_get_id (township));
  *county_id = g_strdup (fg_region_get_parent_id (township));
  *out_region = g_steal_pointer (&region);
  return TRUE;
}

/**
 * fg_venue_write: (skip)
 * @store: the store, inside a transaction
 * @clean: a venue in its stored form (fg_venue_normalize() found no fault)
 * @path: where it lies: its region and that region's county, township,
 *   village and grid (%NULL when it lies in no grid)
 * @error: return location for an error
 *
 * Writes @clean as it is: a new venue (no id) gets its id and creation
 * time in @clean. Checks no permission and records nothing in the audit
 * log; the caller does both.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_write (FgStore            *store,
                FgVenue            *clean,
                const FgVenuePath  *path,
                GError            **error)
{
  g_autofree char *categories = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_new = clean->id == NULL;

  categories = categories_to_json ((const char * const *) clean->categories);
  stamp = fg_store_next_stamp (store);

  if (is_new)
    {
      new_id = fg_uuid_new ();
      g_free (clean->created_at);
      clean->created_at = fg_store_now_iso8601 (store);
      stmt = fg_store_prepare (store,
                               "INSERT INTO venue (region_id, county_id, township_id, village_id,"
                               "  grid_id, name, address, categories, operator_name, phone,"
                               "  credit_code, floor_area, floors, sleeping, key_unit, smoke_alarm,"
                               "  status, stamp, id, created_at, origin_node,"
                               "  smoke_alarm_count, smoke_alarm_checked_on, simple_extinguishing,"
                               "  simple_extinguishing_checked_on,"
                               "  name_key, address_key, operator_key)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                               "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
                               "  fg_collate_key (?6), fg_collate_key (?7), fg_collate_key (?9))",
                               error);
    }
  else
    {
      stmt = fg_store_prepare (store,
                               "UPDATE venue SET region_id = ?1, county_id = ?2, township_id = ?3,"
                               "  village_id = ?4, grid_id = ?5, name = ?6, address = ?7,"
                               "  categories = ?8, operator_name = ?9, phone = ?10,"
                               "  credit_code = ?11, floor_area = ?12, floors = ?13,"
                               "  sleeping = ?14, key_unit = ?15, smoke_alarm = ?16,"
                               "  status = ?17, base_stamp = stamp, stamp = ?18,"
                               "  smoke_alarm_count = ?22, smoke_alarm_checked_on = ?23,"
                               "  simple_extinguishing = ?24, simple_extinguishing_checked_on = ?25,"
                               "  name_key = fg_collate_key (?6), address_key = fg_collate_key (?7),"
                               "  operator_key = fg_collate_key (?9)"
                               " WHERE id = ?19",
                               error);
    }
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, path->region_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, path->county_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, path->township_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, path->village_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, path->grid_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, clean->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, clean->address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, categories, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, clean->operator_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, clean->phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, clean->credit_code, -1, SQLITE_STATIC);
  if (clean->floor_area >= 0)
    sqlite3_bind_double (stmt, 12, clean->floor_area);
  if (clean->floors > 0)
    sqlite3_bind_int (stmt, 13, clean->floors);
  sqlite3_bind_int (stmt, 14, clean->sleeping);
  sqlite3_bind_int (stmt, 15, clean->key_unit);
  sqlite3_bind_int (stmt, 16, clean->smoke_alarm);
  sqlite3_bind_text (stmt, 17, fg_venue_status_to_string (clean->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 19, is_new ? new_id : clean->id, -1, SQLITE_STATIC);
  if (is_new)
    {
      sqlite3_bind_text (stmt, 20, clean->created_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 21, fg_store_get_node_id (store), -1, SQLITE_STATIC);
    }
  if (clean->smoke_alarm_count >= 0)
    sqlite3_bind_int (stmt, 22, clean->smoke_alarm_count);
  sqlite3_bind_text (stmt, 23, clean->smoke_alarm_checked_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 24, clean->simple_extinguishing);
  sqlite3_bind_text (stmt, 25, clean->simple_extinguishing_checked_on, -1, SQLITE_STATIC);

  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  if (is_new)
    clean->id = g_steal_pointer (&new_id);
  return TRUE;
}

/* The columns of a new venue as fg_venue_write() inserts it, and each
 * row's values: its parameters counted from @base. */
#define NEW_VENUE_COLUMNS \
  "region_id, county_id, township_id, village_id, grid_id, name, address, categories," \
  " operator_name, phone, credit_code, floor_area, floors, sleeping, key_unit, smoke_alarm," \
  " status, stamp, id, created_at, origin_node, smoke_alarm_count, smoke_alarm_checked_on," \
  " simple_extinguishing, simple_extinguishing_checked_on, name_key, address_key, operator_key"
#define NEW_VENUE_PARAMETERS 25

static void
append_new_venue_values (GString *sql,
                         guint    base)
{
  g_string_append_c (sql, '(');
  for (guint i = 1; i <= NEW_VENUE_PARAMETERS; i++)
    g_string_append_printf (sql, "?%u, ", base + i);
  /* the sort keys of name, address and operator */
  g_string_append_printf (sql, "fg_collate_key (?%u), fg_collate_key (?%u), fg_collate_key (?%u))",
                          base + 6, base + 7, base + 9);
}

/**
 * fg_venue_write_new: (skip)
 * @store: the store, inside a transaction
 * @cleans: (array length=n): new venues (no id) in their stored form
 * @paths: (array length=n): where each lies
 * @n: how many, at most FG_VENUE_WRITE_MAX
 * @error: return location for an error
 *
 * Writes @n new venues as fg_venue_write() writes each, in one statement:
 * each gets its id and creation time, and its stamp, in the order given.
 * Checks no permission and records nothing in the audit log.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_write_new (FgStore            *store,
                    FgVenue           **cleans,
                    const FgVenuePath  *paths,
                    guint               n,
                    GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO venue (" NEW_VENUE_COLUMNS ") VALUES ");
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) ids = g_new0 (char *, n + 1);

  g_return_val_if_fail (n > 0 && n <= FG_VENUE_WRITE_MAX, FALSE);

  for (guint r = 0; r < n; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      append_new_venue_values (sql, r * NEW_VENUE_PARAMETERS);
    }
  stmt = fg_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < n; r++)
    {
      FgVenue *clean = cleans[r];
      const FgVenuePath *path = &paths[r];
      int base = (int) (r * NEW_VENUE_PARAMETERS);
      char *categories = categories_to_json ((const char * const *) clean->categories);
      char *stamp = fg_store_next_stamp (store);

      g_return_val_if_fail (clean->id == NULL, FALSE);
      g_ptr_array_add (held, categories);
      g_ptr_array_add (held, stamp);
      ids[r] = fg_uuid_new ();
      g_free (clean->created_at);
      clean->created_at = fg_store_now_iso8601 (store);

      sqlite3_bind_text (stmt, base + 1, path->region_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 2, path->county_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 3, path->township_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 4, path->village_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 5, path->grid_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 6, clean->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 7, clean->address, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 8, categories, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 9, clean->operator_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 10, clean->phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 11, clean->credit_code, -1, SQLITE_STATIC);
      if (clean->floor_area >= 0)
        sqlite3_bind_double (stmt, base + 12, clean->floor_area);
      if (clean->floors > 0)
        sqlite3_bind_int (stmt, base + 13, clean->floors);
      sqlite3_bind_int (stmt, base + 14, clean->sleeping);
      sqlite3_bind_int (stmt, base + 15, clean->key_unit);
      sqlite3_bind_int (stmt, base + 16, clean->smoke_alarm);
      sqlite3_bind_text (stmt, base + 17, fg_venue_status_to_string (clean->status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 18, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 19, ids[r], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 20, clean->created_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 21, fg_store_get_node_id (store), -1, SQLITE_STATIC);
      if (clean->smoke_alarm_count >= 0)
        sqlite3_bind_int (stmt, base + 22, clean->smoke_alarm_count);
      sqlite3_bind_text (stmt, base + 23, clean->smoke_alarm_checked_on, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, base + 24, clean->simple_extinguishing);
      sqlite3_bind_text (stmt, base + 25, clean->simple_extinguishing_checked_on, -1, SQLITE_STATIC);
    }

  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  for (guint r = 0; r < n; r++)
    cleans[r]->id = g_steal_pointer (&ids[r]);
  return TRUE;
}

/**
 * fg_venue_save:
 * @store: the store
 * @actor: who records the change
 * @venue: the venue; a new one (no id) is added, a loaded one updated
 * @error: return location for an error
 *
 * Checks and stores a venue in one transaction. On success @venue holds
 * the stored form (trimmed texts, its new id); on failure the store is
 * unchanged and the error code names the field that is wrong.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_venue_save (FgStore  *store,
               FgActor  *actor,
               FgVenue  *venue,
               GError  **error)
{
  g_autoptr(FgVenue) clean = NULL;
  g_autoptr(FgRegion) region = NULL;
  g_autofree char *county_id = NULL;
  g_autofree char *township_id = NULL;
  g_autofree char *village_id = NULL;
  g_autofree char *grid_id = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean is_new;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_VENUE (venue), FALSE);

  /* a role that may not edit venues hears so before any field is checked */
  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT, NULL, fg_venue_get_id (venue), error))
    return FALSE;

  clean = fg_venue_copy (venue);
  if (!venue_normalize (clean, error))
    return FALSE;

  is_new = clean->id == NULL;
  if (!is_new)
    {
      /* the venue must still exist, and the actor may change it where it
       * is now as well as where it goes */
      g_autoptr(FgVenue) stored = load_venue_for (store, actor, FG_ACTION_VENUE_EDIT,
                                                  clean->id, error);

      if (stored == NULL)
        return FALSE;
    }

  if (!resolve_region (store, actor, clean->region_id, &region,
                       &county_id, &township_id, &village_id, &grid_id, error))
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  if (!is_new)
    before = fg_audit_dup_row (store, "venue", clean->id);

  {
    FgVenuePath path = { fg_region_get_id (region), county_id, township_id, village_id, grid_id };

    if (!fg_venue_write (store, clean, &path, error))
      goto failed;
  }
  if (is_new)
    new_id = g_strdup (clean->id);

  after = fg_audit_dup_row (store, "venue", is_new ? new_id : clean->id);
  if (!fg_audit_record_change (store, actor, is_new ? "venue-add" : "venue-edit",
                               is_new ? new_id : clean->id, before, after, error))
    goto failed;

  if (!fg_store_commit (store, error))
    return FALSE;

  /* Only now, with everything stored, does the caller's object change. */
  if (is_new)
    set_string (venue, &venue->id, new_id, PROP_ID);
  set_string (venue, &venue->name, clean->name, PROP_NAME);
  set_string (venue, &venue->address, clean->address, PROP_ADDRESS);
  set_string (venue, &venue->operator_name, clean->operator_name, PROP_OPERATOR_NAME);
  set_string (venue, &venue->phone, clean->phone, PROP_PHONE);
  set_string (venue, &venue->credit_code, clean->credit_code, PROP_CREDIT_CODE);
  set_string (venue, &venue->region_id, fg_region_get_id (region), PROP_REGION_ID);
  if (venue->created_at == NULL)
    venue->created_at = g_strdup (clean->created_at);

  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}
