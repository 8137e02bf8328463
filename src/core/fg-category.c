/* fg-category.c — the kinds of venue (九小场所 and the added kinds)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fg-category.h"

#define CATEGORIES_RESOURCE "/io/github/firegrid/core/venue-categories.xml"

struct _FgCategory
{
  char *id;
  char *name_zh;
  char *name_en;
  FgCategoryGroup group;
};

static GPtrArray *categories;  /* the list shipped with the program, read once */

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static char *
dup_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static GPtrArray *
load_categories (void)
{
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *list = g_ptr_array_new ();
  xmlDoc *doc;
  xmlNode *root;
  gsize size;
  const char *data;

  /* The file is part of the program (a GResource) and validated by the
   * test suite against its schema; a failure here is a build defect. */
  bytes = g_resources_lookup_data (CATEGORIES_RESOURCE, 0, NULL);
  if (bytes == NULL)
    g_error ("The venue category list is missing from the program");

  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int) size, CATEGORIES_RESOURCE, "UTF-8", XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("The venue category list cannot be read");

  root = xmlDocGetRootElement (doc);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      FgCategory *category;
      g_autofree char *group = NULL;

      if (!node_is (node, "category"))
        continue;

      category = g_new0 (FgCategory, 1);
      category->id = dup_prop (node, "id");
      group = dup_prop (node, "group");
      category->group = g_strcmp0 (group, "nine-small") == 0 ? FG_CATEGORY_GROUP_NINE_SMALL
                                                              : FG_CATEGORY_GROUP_ADDED;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *lang = NULL;
          xmlChar *text;

          if (!node_is (child, "name"))
            continue;

          lang = dup_prop (child, "lang");
          text = xmlNodeGetContent (child);
          if (g_strcmp0 (lang, "zh") == 0)
            category->name_zh = g_strdup ((const char *) text);
          else if (g_strcmp0 (lang, "en") == 0)
            category->name_en = g_strdup ((const char *) text);
          xmlFree (text);
        }

      g_ptr_array_add (list, category);
    }

  xmlFreeDoc (doc);
  return list;
}

static GPtrArray *
get_categories (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      categories = load_categories ();
      g_once_init_leave (&initialized, 1);
    }

  return categories;
}

guint
fg_category_get_n_categories (void)
{
  return get_categories ()->len;
}

/**
 * fg_category_get_nth:
 *
 * Returns: (transfer none) (nullable): the category at @position, in the
 *   order of the shipped list (the nine small kinds first)
 */
const FgCategory *
fg_category_get_nth (guint position)
{
  GPtrArray *list = get_categories ();

  if (position >= list->len)
    return NULL;

  return g_ptr_array_index (list, position);
}

/**
 * fg_category_lookup:
 * @id: a category id such as "restaurant"
 *
 * Returns: (transfer none) (nullable): the category, or %NULL if @id is
 *   not a known category
 */
const FgCategory *
fg_category_lookup (const char *id)
{
  GPtrArray *list = get_categories ();

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const FgCategory *category = g_ptr_array_index (list, i);

      if (g_strcmp0 (category->id, id) == 0)
        return category;
    }

  return NULL;
}

const char *
fg_category_get_id (const FgCategory *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

/**
 * fg_locale_prefers_chinese:
 *
 * Data files carry Chinese and English text side by side; this tells which
 * one the user's language settings ask for.
 */
gboolean
fg_locale_prefers_chinese (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return TRUE;
      if (g_str_has_prefix (names[i], "en") || g_str_has_prefix (names[i], "C") ||
          g_str_equal (names[i], "POSIX"))
        return FALSE;
    }

  return FALSE;
}

/**
 * fg_category_get_name:
 *
 * Returns: (transfer none): the name in the user's language (Chinese or
 *   English)
 */
const char *
fg_category_get_name (const FgCategory *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return fg_locale_prefers_chinese () ? self->name_zh : self->name_en;
}

const char *
fg_category_get_name_zh (const FgCategory *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_zh;
}

const char *
fg_category_get_name_en (const FgCategory *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_en;
}

FgCategoryGroup
fg_category_get_group (const FgCategory *self)
{
  g_return_val_if_fail (self != NULL, FG_CATEGORY_GROUP_ADDED);
  return self->group;
}
