/* fg-notice-settings.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What documents say of their issuer, as the office sets it: the names,
 * each kind's code in the number, the font, how the office names itself,
 * who hears a challenge to its orders, the brigade its letters go to and
 * the authority its orders cite. Defaults come from the division tree.
 */

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>
#include "fg-audit-private.h"
#include "fg-calendar.h"
#include "fg-hazard-private.h"
#include "fg-inspection.h"
#include "fg-notice-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue.h"

static const char * const default_codes[FG_NOTICE_N_KINDS] = {
  "消检", "消即", "消限", "消复", "消移", "消送",
};


#define SETTING_ISSUER_NAME "notice.issuer-name"
#define SETTING_ISSUER_SHORT "notice.issuer-short"
#define SETTING_FONT "notice.font"
#define SETTING_SELF_NAME "notice.self-name"
#define SETTING_REVIEW_BODY "notice.review-body"
#define SETTING_COURT "notice.court"
#define SETTING_BRIGADE "notice.brigade"

static char *
code_key (FgNoticeKind kind)
{
  return g_strconcat ("notice.code.", fg_notice_kind_to_string (kind), NULL);
}

/* The township's name without 镇, 乡 or 街道: 冢头镇 → 冢头. */
static char *
short_name (const char *name)
{
  static const char * const suffixes[] = { "街道办事处", "街道", "镇", "乡", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (g_str_has_suffix (name, suffixes[i]) && strlen (name) > strlen (suffixes[i]))
      return g_strndup (name, strlen (name) - strlen (suffixes[i]));

  return g_strdup (name);
}

/* How a township's office names itself in its documents: 我镇 for a
 * town, 我乡 for a township, 本机关 for a sub-district office or any
 * other. */
static char *
default_self_name (const char *name)
{
  if (g_str_has_suffix (name, "镇"))
    return g_strdup ("我镇");
  if (g_str_has_suffix (name, "乡"))
    return g_strdup ("我乡");
  return g_strdup ("本机关");
}

/* A stored setting, or NULL when it was never set or set empty. */
static char *
dup_setting_or_null (FgStore    *store,
                     const char *key)
{
  char *value = fg_store_dup_setting (store, key);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* The defaults that come from the county: its name, when it is known
 * (a county set up without its name carries its code instead). The
 * county-level people's government reviews the acts of the townships
 * below it and of its street offices (行政复议法 2023, 第二十四条第一款
 * 第（二）项, 第（三）项); the court is the county's, where the office is
 * (行政诉讼法 第十八条第一款), unless the administrator names another. */
static void
settings_default_from_county (FgNoticeSettings *settings,
                              FgRegion         *township,
                              FgRegion         *county)
{
  const char *county_name = county != NULL ? fg_region_get_name (county) : NULL;
  const char *name = fg_region_get_name (township);

  if (county_name != NULL && (*county_name == '\0' || fg_region_name_has_digits (county_name)))
    county_name = NULL;

  if (settings->issuer_name == NULL)
    settings->issuer_name = g_strconcat (county_name != NULL ? county_name : "", name,
                                         g_str_has_suffix (name, "街道") ? "办事处" :
                                         g_str_has_suffix (name, "办事处") ? "" : "人民政府",
                                         NULL);
  if (settings->review_body == NULL)
    settings->review_body = county_name != NULL ? g_strconcat (county_name, "人民政府", NULL) : g_strdup ("");
  if (settings->court == NULL)
    settings->court = county_name != NULL ? g_strconcat (county_name, "人民法院", NULL) : g_strdup ("");
  if (settings->self_name == NULL)
    settings->self_name = default_self_name (name);
  /* the county's fire-rescue brigade determines major hazards */
  if (settings->brigade == NULL)
    settings->brigade = county_name != NULL ? g_strconcat (county_name, "消防救援大队", NULL) : g_strdup ("");
}

/**
 * fg_notice_settings_load:
 *
 * Returns: (transfer full): the township's document settings, with the
 *   defaults for what it has not set: the township's own names, the
 *   usual codes (消检, 消即, 消限, 消复), 我镇/我乡/本机关, and the
 *   county's government and court when the county's name is known
 *   (otherwise those two are empty, and no order can be issued)
 */
FgNoticeSettings *
fg_notice_settings_load (FgStore  *store,
                         GError  **error)
{
  g_autoptr(FgNoticeSettings) settings = g_new0 (FgNoticeSettings, 1);
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(FgRegion) county = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  if (fg_store_get_home_region_id (store) == NULL)
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_SET_UP,
                   _("No township has been set up yet."));
      return NULL;
    }
  township = fg_region_find (store, fg_store_get_home_region_id (store), error);
  if (township == NULL)
    return NULL;
  if (fg_region_get_parent_id (township) != NULL)
    county = fg_region_find (store, fg_region_get_parent_id (township), NULL);

  settings->issuer_name = fg_store_dup_setting (store, SETTING_ISSUER_NAME);
  settings->self_name = dup_setting_or_null (store, SETTING_SELF_NAME);
  settings->review_body = dup_setting_or_null (store, SETTING_REVIEW_BODY);
  settings->court = dup_setting_or_null (store, SETTING_COURT);
  settings->brigade = dup_setting_or_null (store, SETTING_BRIGADE);
  /* a county office records the decisions of its own brigade */
  if (settings->brigade == NULL && fg_region_get_level (township) == FG_REGION_LEVEL_COUNTY &&
      !fg_region_name_has_digits (fg_region_get_name (township)))
    settings->brigade = g_strconcat (fg_region_get_name (township), "消防救援大队", NULL);
  settings_default_from_county (settings, township, county);
  settings->issuer_short = fg_store_dup_setting (store, SETTING_ISSUER_SHORT);
  if (settings->issuer_short == NULL)
    settings->issuer_short = short_name (fg_region_get_name (township));
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    {
      g_autofree char *key = code_key (i);

      settings->codes[i] = fg_store_dup_setting (store, key);
      if (settings->codes[i] == NULL)
        settings->codes[i] = g_strdup (default_codes[i]);
    }
  settings->font = fg_store_dup_setting (store, SETTING_FONT);
  if (settings->font != NULL && *settings->font == '\0')
    g_clear_pointer (&settings->font, g_free);
  settings->authority_basis = fg_notice_authority_load (store);

  return g_steal_pointer (&settings);
}

void
fg_notice_settings_free (FgNoticeSettings *settings)
{
  if (settings == NULL)
    return;

  g_free (settings->issuer_name);
  g_free (settings->issuer_short);
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    g_free (settings->codes[i]);
  g_free (settings->font);
  g_free (settings->self_name);
  g_free (settings->review_body);
  g_free (settings->court);
  g_free (settings->brigade);
  g_free (settings->authority_basis);
  g_free (settings);
}

/* The name of an authority as a document prints it: 2 to 40 characters
 * and never a division code. @what names the setting in the message. */
static gboolean
check_authority_name (const char  *text,
                      const char  *what,
                      GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || fg_text_is_blank (text) ||
      g_utf8_strlen (text, -1) < 2 || g_utf8_strlen (text, -1) > 40)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The %s must have 2 to 40 characters."), what);
      return FALSE;
    }
  if (fg_region_name_has_digits (text))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The %s “%s” contains digits: a division code is not a name. "
                     "Enter the name as documents print it."), what, text);
      return FALSE;
    }
  return TRUE;
}

/* What documents print of the office's own voice and of who hears a
 * challenge: the review body and the court may stay empty while they
 * are not known (orders are refused until they are). */
static gboolean
check_voice (const FgNoticeSettings  *settings,
             GError                 **error)
{
  if (settings->self_name == NULL || !g_utf8_validate (settings->self_name, -1, NULL) ||
      fg_text_is_blank (settings->self_name) || g_utf8_strlen (settings->self_name, -1) < 2 ||
      g_utf8_strlen (settings->self_name, -1) > 10 || fg_region_name_has_digits (settings->self_name))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("How the office names itself in documents must have 2 to 10 characters and no digits, "
                     "e.g. 我镇 or 本机关."));
      return FALSE;
    }
  if (settings->review_body != NULL && *settings->review_body != '\0' &&
      !check_authority_name (settings->review_body, _("administrative review body"), error))
    return FALSE;
  if (settings->court != NULL && *settings->court != '\0' &&
      !check_authority_name (settings->court, _("court"), error))
    return FALSE;
  if (settings->brigade != NULL && *settings->brigade != '\0' &&
      !check_authority_name (settings->brigade, _("fire-rescue brigade"), error))
    return FALSE;
  return TRUE;
}

/**
 * fg_notice_settings_check_orders:
 * @settings: the document settings
 * @error: return location for an error
 *
 * An order to correct tells its addressee where to challenge it, naming
 * the administrative review body and the court; without them it cannot
 * be issued (a township whose county was set up without its name has no
 * default for either).
 *
 * Returns: %TRUE when both are set
 */
gboolean
fg_notice_settings_check_orders (const FgNoticeSettings  *settings,
                                 GError                 **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->review_body == NULL || *settings->review_body == '\0' ||
      settings->court == NULL || *settings->court == '\0')
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_REVIEW_BODY,
                   _("No order can be issued yet: it must name the administrative review body and the court "
                     "that hear a challenge to it, and the county’s name is not known. An administrator "
                     "enters both in Document Settings."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_notice_settings_save:
 * @actor: an administrator
 *
 * Stores the document settings, after checking them: names and codes
 * that make well-formed numbers, names of authorities that are names
 * and not division codes, and a font that is installed and has TrueType
 * outlines. An empty review body or court falls back to the county's.
 */
gboolean
fg_notice_settings_save (FgStore                 *store,
                         FgActor                 *actor,
                         const FgNoticeSettings  *settings,
                         GError                 **error)
{
  g_autoptr(FgNoticeSettings) before = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_SETTINGS, NULL, "notice-settings", error))
    return FALSE;

  if (settings->issuer_name == NULL || !g_utf8_validate (settings->issuer_name, -1, NULL) ||
      g_utf8_strlen (settings->issuer_name, -1) < 2 || fg_text_is_blank (settings->issuer_name) ||
      g_utf8_strlen (settings->issuer_name, -1) > 40)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The issuer’s name must have 2 to 40 characters."));
      return FALSE;
    }
  if (!check_authority_name (settings->issuer_name, _("issuer’s name"), error) || !check_voice (settings, error) ||
      !fg_notice_authority_check (settings->authority_basis, error))
    return FALSE;
  if (!fg_notice_number_check_part (settings->issuer_short, 10, _("issuer’s short name"), error))
    return FALSE;
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    if (!fg_notice_number_check_part (settings->codes[i], 6, _("document code"), error))
      return FALSE;
  if (settings->font != NULL && *settings->font != '\0')
    {
      g_autoptr(FgPdf) pdf = fg_pdf_new (settings->font, error);

      if (pdf == NULL)
        return FALSE;
    }

  before = fg_notice_settings_load (store, NULL);
  if (before != NULL)
    before_text = fg_notice_settings_to_json (before);
  after_text = fg_notice_settings_to_json (settings);

  if (!fg_store_begin (store, error))
    return FALSE;
  if (!fg_store_set_setting (store, SETTING_ISSUER_NAME, settings->issuer_name, error) ||
      !fg_store_set_setting (store, SETTING_ISSUER_SHORT, settings->issuer_short, error) ||
      !fg_store_set_setting (store, SETTING_FONT, settings->font != NULL ? settings->font : "", error) ||
      !fg_store_set_setting (store, SETTING_SELF_NAME, settings->self_name, error) ||
      !fg_store_set_setting (store, SETTING_REVIEW_BODY, settings->review_body != NULL ? settings->review_body : "",
                             error) ||
      !fg_store_set_setting (store, SETTING_COURT, settings->court != NULL ? settings->court : "", error) ||
      !fg_store_set_setting (store, SETTING_BRIGADE, settings->brigade != NULL ? settings->brigade : "", error) ||
      !fg_notice_authority_store (store, settings->authority_basis, error))
    goto failed;
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    {
      g_autofree char *key = code_key (i);

      if (!fg_store_set_setting (store, key, settings->codes[i], error))
        goto failed;
    }
  if (!fg_audit_record_change (store, actor, "notice-settings", "notice-settings", before_text, after_text, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

char *
fg_notice_settings_to_json (const FgNoticeSettings *settings)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) variant = NULL;

  g_variant_builder_add (builder, "{sv}", "issuer-name", g_variant_new_string (settings->issuer_name));
  g_variant_builder_add (builder, "{sv}", "issuer-short", g_variant_new_string (settings->issuer_short));
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    g_variant_builder_add (builder, "{sv}", fg_notice_kind_to_string (i), g_variant_new_string (settings->codes[i]));
  g_variant_builder_add (builder, "{sv}", "font", g_variant_new_string (settings->font != NULL ? settings->font : ""));
  g_variant_builder_add (builder, "{sv}", "self-name",
                         g_variant_new_string (settings->self_name != NULL ? settings->self_name : ""));
  g_variant_builder_add (builder, "{sv}", "review-body",
                         g_variant_new_string (settings->review_body != NULL ? settings->review_body : ""));
  g_variant_builder_add (builder, "{sv}", "court", g_variant_new_string (settings->court != NULL ? settings->court : ""));
  g_variant_builder_add (builder, "{sv}", "brigade",
                         g_variant_new_string (settings->brigade != NULL ? settings->brigade : ""));
  g_variant_builder_add (builder, "{sv}", "authority-basis",
                         g_variant_new_string (settings->authority_basis != NULL ? settings->authority_basis : ""));
  variant = g_variant_ref_sink (g_variant_builder_end (builder));
  return g_variant_print (variant, FALSE);
}
