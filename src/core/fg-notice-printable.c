/* fg-notice-printable.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a document can be printed, checked before it is issued: a
 * number is never used up, nor a hazard marked "notice issued", for a
 * document whose PDF cannot be made because no font for documents has
 * one of its characters (a rare character of a name, say). The error
 * names the character and the field it is in, so that the officer can
 * correct the text or have a font installed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fg-notice-private.h"

/* The fields of a document's content as an officer knows them; keys
 * not listed are "the document's text". */
static const struct
{
  const char *key;
  const char *label;
} fields[] = {
  { "venue", N_("venue name") },
  { "address", N_("venue’s address") },
  { "operator", N_("name of the person in charge") },
  { "phone", N_("phone number") },
  { "credit-code", N_("unified social credit code") },
  { "village", N_("village or community") },
  { "category", N_("venue category") },
  { "issuer", N_("issuer’s name") },
  { "self-name", N_("name the office calls itself") },
  { "review-body", N_("administrative review body") },
  { "court", N_("court") },
  { "number", N_("document number") },
  { "inspectors", N_("inspectors’ names") },
  { "problems", N_("problems found") },
  { "items", N_("inspection items and notes") },
  { "results", N_("re-inspection results") },
  { "template", N_("checklist") },
  { "follows", N_("number of the notice re-inspected") },
};

static const char *
field_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return _(fields[i].label);
  return _("document’s text");
}

/* “𠀀” (U+20000), “” (U+10FFFD) */
static char *
describe_characters (const char *characters)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (const char *p = characters; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append_printf (text, "“%.*s” (U+%04X)", (int) (g_utf8_next_char (p) - p), p, c);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
refuse (const char  *key,
        const char  *text,
        const char  *missing,
        GError     **error)
{
  g_autofree char *characters = describe_characters (missing);

  g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
               _("The %s “%s” has %s, which no font for documents has, so the document could not be "
                 "printed. Nothing was issued and no number was used: correct the text, or install a "
                 "font that has the character (the package fonts-hanazono has most rare Chinese "
                 "characters)."),
               field_label (key), text, characters);
  return FALSE;
}

/* Every string in @value, at any depth. */
static gboolean
check_value (FgPdf       *pdf,
             const char  *key,
             GVariant    *value,
             GError     **error)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      const char *text = g_variant_get_string (value, NULL);
      g_autofree char *missing = fg_pdf_dup_missing (pdf, text);

      return missing == NULL || refuse (key, text, missing, error);
    }

  if (g_variant_is_container (value))
    {
      GVariantIter iter;
      GVariant *child;

      g_variant_iter_init (&iter, value);
      while ((child = g_variant_iter_next_value (&iter)) != NULL)
        {
          gboolean printable = check_value (pdf, key, child, error);

          g_variant_unref (child);
          if (!printable)
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * fg_notice_check_printable:
 * @settings: the document settings (the font)
 * @kind: the kind of document
 * @content: what the document will say, its number written as any of
 *   its series
 * @error: return location for an error
 *
 * Checks that a face of the documents' chain of fonts has every character
 * the document will print: its content, field by field, then the wording
 * of its form.
 *
 * Returns: %TRUE when it can be printed; %FALSE with @error set
 *   (%FG_NOTICE_ERROR_FONT), naming the character and the field, when not
 */
gboolean
fg_notice_check_printable (const FgNoticeSettings  *settings,
                           FgNoticeKind             kind,
                           GVariant                *content,
                           GError                 **error)
{
  g_autoptr(FgPdf) pdf = fg_pdf_new (settings->font, error);
  g_autofree char *missing = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (pdf == NULL)
    return FALSE;

  g_variant_iter_init (&iter, content);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      gboolean printable = check_value (pdf, key, value, error);

      g_variant_unref (value);
      if (!printable)
        return FALSE;
    }

  missing = fg_notice_render_dup_missing (pdf, kind, content);
  if (missing != NULL)
    {
      g_autofree char *characters = describe_characters (missing);

      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_FONT,
                   _("The wording of the form has %s, which no font for documents has. Nothing was "
                     "issued and no number was used: choose another font in the document settings."),
                   characters);
      return FALSE;
    }

  return TRUE;
}
