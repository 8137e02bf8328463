/* fg-checklist.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Templates are XML (data/schema/checklist-1.xsd), read with a parser that
 * never loads DTDs, entities or anything from the network, and checked
 * against the schema. Installed versions are copied into the database and
 * never change: an inspection keeps the wording it was made with.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "fg-category.h"
#include "fg-checklist-private.h"
#include "fg-store-private.h"
#include "fg-xml-private.h"

#define SCHEMA_RESOURCE "/io/github/firegrid/core/schema/checklist-1.xsd"
#define SHIPPED_PATH "/io/github/firegrid/core/checklists"
#define CHECKLIST_NS "urn:firegrid:checklist:1"

G_DEFINE_QUARK (fg-checklist-error-quark, fg_checklist_error)

struct _FgChecklistItem
{
  GObject parent_instance;

  char *code;
  char *section_id;
  char *section_zh;
  char *section_en;
  char *text_zh;
  char *text_en;
  char *finding_zh;
  char *finding_en;
  char *action_zh;
  char *action_en;
  GStrv bases;       /* confirmed: what a notice prints */
  GStrv unverified;  /* not confirmed against the primary text: never printed */
  GStrv references;  /* background: standards, procedural rules, policies */
  FgChecklistItemKind kind;
  gboolean na_allowed;
  gboolean on_spot;
  gboolean major;
  guint deadline_days;
  char *template_id;
  guint template_version;
};

enum {
  ITEM_PROP_0,
  ITEM_PROP_CODE,
  ITEM_PROP_SECTION,
  ITEM_PROP_TEXT,
  ITEM_PROP_FINDING,
  ITEM_PROP_ACTION,
  ITEM_PROP_ON_SPOT,
  ITEM_PROP_MAJOR,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (FgChecklistItem, fg_checklist_item, G_TYPE_OBJECT)

static void
fg_checklist_item_finalize (GObject *object)
{
  FgChecklistItem *self = (FgChecklistItem *)object;

  g_free (self->code);
  g_free (self->section_id);
  g_free (self->section_zh);
  g_free (self->section_en);
  g_free (self->text_zh);
  g_free (self->text_en);
  g_free (self->finding_zh);
  g_free (self->finding_en);
  g_free (self->action_zh);
  g_free (self->action_en);
  g_strfreev (self->bases);
  g_strfreev (self->unverified);
  g_strfreev (self->references);
  g_free (self->template_id);

  G_OBJECT_CLASS (fg_checklist_item_parent_class)->finalize (object);
}

static void
fg_checklist_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FgChecklistItem *self = FG_CHECKLIST_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case ITEM_PROP_SECTION:
      g_value_set_string (value, fg_checklist_item_get_section (self));
      break;

    case ITEM_PROP_TEXT:
      g_value_set_string (value, fg_checklist_item_get_text (self));
      break;

    case ITEM_PROP_FINDING:
      g_value_set_string (value, fg_checklist_item_get_finding (self));
      break;

    case ITEM_PROP_ACTION:
      g_value_set_string (value, fg_checklist_item_get_action (self));
      break;

    case ITEM_PROP_ON_SPOT:
      g_value_set_boolean (value, self->on_spot);
      break;

    case ITEM_PROP_MAJOR:
      g_value_set_boolean (value, self->major);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_checklist_item_class_init (FgChecklistItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fg_checklist_item_finalize;
  object_class->get_property = fg_checklist_item_get_property;

  item_properties[ITEM_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_FINDING] = g_param_spec_string ("finding", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  item_properties[ITEM_PROP_ON_SPOT] = g_param_spec_boolean ("on-spot", NULL, NULL, FALSE, flags);
  item_properties[ITEM_PROP_MAJOR] = g_param_spec_boolean ("major", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
fg_checklist_item_init (FgChecklistItem *self)
{
  self->na_allowed = TRUE;
}

const char *
fg_checklist_item_get_code (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->code;
}

const char *
fg_checklist_item_get_section_id (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->section_id;
}

/**
 * fg_checklist_item_get_section:
 *
 * Returns: the title of the item's section in the user's language
 */
const char *
fg_checklist_item_get_section (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return fg_locale_prefers_chinese () ? self->section_zh : self->section_en;
}

const char *
fg_checklist_item_get_section_zh (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->section_zh;
}

/**
 * fg_checklist_item_get_text:
 *
 * Returns: what is checked, in the user's language (the Chinese text, or
 *   its English gloss)
 */
const char *
fg_checklist_item_get_text (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return fg_locale_prefers_chinese () ? self->text_zh : self->text_en;
}

const char *
fg_checklist_item_get_text_zh (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->text_zh;
}

const char *
fg_checklist_item_get_text_en (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->text_en;
}

/**
 * fg_checklist_item_get_finding:
 *
 * What an inspector records when the item fails: the violation as found
 * ("营业期间安全出口上锁"), which documents and the ledger print, not the
 * requirement of fg_checklist_item_get_text(). An item installed before
 * templates had findings takes the newest installed finding of its code,
 * or reads as not meeting its requirement (migration 0017).
 *
 * Returns: the finding in the user's language
 */
const char *
fg_checklist_item_get_finding (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return fg_locale_prefers_chinese () ? self->finding_zh : self->finding_en;
}

/**
 * fg_checklist_item_get_finding_zh:
 *
 * Returns: the finding in Chinese, as documents print it
 */
const char *
fg_checklist_item_get_finding_zh (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->finding_zh;
}

const char *
fg_checklist_item_get_finding_en (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->finding_en;
}

/**
 * fg_checklist_item_get_action:
 *
 * Returns: the required action, as a notice prints it, in the user's
 *   language
 */
const char *
fg_checklist_item_get_action (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return fg_locale_prefers_chinese () ? self->action_zh : self->action_en;
}

const char *
fg_checklist_item_get_action_zh (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->action_zh;
}

/**
 * fg_checklist_item_get_bases:
 *
 * The norms a venue breaches when the item fails, as notices print them
 * under 违反的规定. Bases marked unverified and background references are
 * not among them.
 *
 * Returns: (transfer none) (array zero-terminated=1): the confirmed legal
 *   bases, e.g. "《中华人民共和国消防法》第二十八条"
 */
const char * const *
fg_checklist_item_get_bases (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return (const char * const *) self->bases;
}

/**
 * fg_checklist_item_get_unverified_bases:
 *
 * Returns: (transfer none) (array zero-terminated=1): the legal bases that
 *   could not be confirmed against the primary text; never printed
 */
const char * const *
fg_checklist_item_get_unverified_bases (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return (const char * const *) self->unverified;
}

/**
 * fg_checklist_item_get_references:
 *
 * Returns: (transfer none) (array zero-terminated=1): background to the
 *   item (technical standards, determination rules, procedural rules,
 *   policies): shown with the item, never printed as a violated provision
 */
const char * const *
fg_checklist_item_get_references (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return (const char * const *) self->references;
}

/**
 * fg_checklist_item_get_kind:
 *
 * Returns: whether a failure is an order to the venue, or a task of the
 *   township (never a hazard, an order or a notice)
 */
FgChecklistItemKind
fg_checklist_item_get_kind (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), FG_CHECKLIST_ITEM_KIND_ORDER);
  return self->kind;
}

/**
 * fg_checklist_item_get_na_allowed:
 *
 * Returns: %FALSE for a legal duty of every venue, which cannot be marked
 *   not applicable
 */
gboolean
fg_checklist_item_get_na_allowed (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), TRUE);
  return self->na_allowed;
}

/**
 * fg_checklist_basis_is_printable:
 * @basis: a legal basis
 *
 * Templates before bases carried a verified flag marked an unconfirmed
 * one in its text (“（待核实）”); such a basis, wherever it comes from, is
 * never printed.
 *
 * Returns: whether @basis may be printed on a document
 */
gboolean
fg_checklist_basis_is_printable (const char *basis)
{
  return basis != NULL && *basis != '\0' && strstr (basis, "待核实") == NULL;
}

gboolean
fg_checklist_item_get_on_spot (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), FALSE);
  return self->on_spot;
}

gboolean
fg_checklist_item_get_major (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), FALSE);
  return self->major;
}

guint
fg_checklist_item_get_deadline_days (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), 0);
  return self->deadline_days;
}

const char *
fg_checklist_item_get_template_id (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), NULL);
  return self->template_id;
}

guint
fg_checklist_item_get_template_version (FgChecklistItem *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST_ITEM (self), 0);
  return self->template_version;
}

struct _FgChecklist
{
  GObject parent_instance;

  char *id;
  guint version;
  char *category;
  char *title_zh;
  char *title_en;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (FgChecklist, fg_checklist, G_TYPE_OBJECT)

static void
fg_checklist_finalize (GObject *object)
{
  FgChecklist *self = (FgChecklist *)object;

  g_free (self->id);
  g_free (self->category);
  g_free (self->title_zh);
  g_free (self->title_en);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (fg_checklist_parent_class)->finalize (object);
}

static void
fg_checklist_class_init (FgChecklistClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_checklist_finalize;
}

static void
fg_checklist_init (FgChecklist *self)
{
  self->items = g_list_store_new (FG_TYPE_CHECKLIST_ITEM);
}

const char *
fg_checklist_get_id (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), NULL);
  return self->id;
}

guint
fg_checklist_get_version (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), 0);
  return self->version;
}

const char *
fg_checklist_get_category (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), NULL);
  return self->category;
}

const char *
fg_checklist_get_title (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), NULL);
  return fg_locale_prefers_chinese () ? self->title_zh : self->title_en;
}

const char *
fg_checklist_get_title_zh (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), NULL);
  return self->title_zh;
}

/**
 * fg_checklist_get_items:
 *
 * Returns: (transfer none): the items (#FgChecklistItem), in order
 */
GListModel *
fg_checklist_get_items (FgChecklist *self)
{
  g_return_val_if_fail (FG_IS_CHECKLIST (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Reading the XML */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return fg_xml_is_element (node, name, CHECKLIST_NS);
}

#define prop fg_xml_dup_prop

static gboolean
prop_boolean (xmlNode    *node,
              const char *name)
{
  g_autofree char *value = prop (node, name);
  return g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "1") == 0;
}

/* The zh and en children named @name of @node. */
static void
texts (xmlNode     *node,
       const char  *name,
       char       **zh,
       char       **en)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *lang = NULL;
      xmlChar *content;

      if (!is_element (child, name))
        continue;

      lang = prop (child, "lang");
      content = xmlNodeGetContent (child);
      if (g_strcmp0 (lang, "zh") == 0)
        {
          g_free (*zh);
          *zh = g_strstrip (g_strdup ((const char *) content));
        }
      else
        {
          g_free (*en);
          *en = g_strstrip (g_strdup ((const char *) content));
        }
      xmlFree (content);
    }
}

/* The schema wants two of each text; this, one in each language. */
static gboolean
item_complete (xmlNode          *node,
               FgChecklistItem  *item,
               GError          **error)
{
  const struct { const char *zh, *en, *element; } texts[] = {
    { item->text_zh, item->text_en, "text" },
    { item->finding_zh, item->finding_en, "finding" },
    { item->action_zh, item->action_en, "action" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].zh == NULL || texts[i].en == NULL)
      {
        /* TRANSLATORS: the last %s is an element of the file, e.g. <finding> */
        g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                     _("Line %d: the item “%s” needs its <%s> once in Chinese (lang=\"zh\") "
                       "and once in English (lang=\"en\")."),
                     (int) xmlGetLineNo (node), item->code, texts[i].element);
        return FALSE;
      }
  return TRUE;
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_steal (array, NULL);
}

/* The item's bases, by whether they are confirmed, its references, and
 * the flags that go with them; what the schema cannot say is checked
 * here. */
static gboolean
item_read_bases (FgChecklistItem  *item,
                 xmlNode          *node,
                 GError          **error)
{
  g_autoptr(GPtrArray) bases = g_ptr_array_new ();
  g_autoptr(GPtrArray) unverified = g_ptr_array_new ();
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autofree char *kind = prop (node, "kind");
  g_autofree char *na_allowed = prop (node, "na-allowed");
  const int line = (int) xmlGetLineNo (node);

  item->kind = g_strcmp0 (kind, "township-task") == 0 ? FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK
                                                       : FG_CHECKLIST_ITEM_KIND_ORDER;
  item->na_allowed = na_allowed == NULL || prop_boolean (node, "na-allowed");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      gboolean is_basis = is_element (child, "basis");
      xmlChar *content;
      char *text;

      if (!is_basis && !is_element (child, "reference"))
        continue;

      content = xmlNodeGetContent (child);
      text = g_strstrip (g_strdup ((const char *) content));
      xmlFree (content);
      if (!is_basis)
        g_ptr_array_add (references, text);
      else
        {
          g_autofree char *verified = prop (child, "verified");
          gboolean confirmed = verified == NULL || prop_boolean (child, "verified");

          g_ptr_array_add (confirmed && fg_checklist_basis_is_printable (text) ? bases : unverified, text);
        }
    }

  item->bases = steal_strv (bases);
  item->unverified = steal_strv (unverified);
  item->references = steal_strv (references);

  if (item->kind == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK && (item->bases[0] != NULL || item->unverified[0] != NULL))
    {
      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                   _("Line %d: the item %s is a task of the township, not an order to the venue: "
                     "it has no legal basis a venue breaches. Move its bases to references."),
                   line, item->code);
      return FALSE;
    }
  if (item->kind == FG_CHECKLIST_ITEM_KIND_ORDER && item->bases[0] == NULL && item->unverified[0] == NULL)
    {
      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                   _("Line %d: the item %s has no legal basis."), line, item->code);
      return FALSE;
    }
  if (item->major && (item->on_spot || item->deadline_days == 0 ||
                      item->kind == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK))
    {
      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                   _("Line %d: the item %s may be a major hazard, which is corrected by a deadline "
                     "of at least one day: it cannot be fixable on the spot or a task of the township."),
                   line, item->code);
      return FALSE;
    }

  return TRUE;
}

static FgChecklist *
checklist_from_doc (xmlDoc   *doc,
                    GError  **error)
{
  g_autoptr(FgChecklist) self = g_object_new (FG_TYPE_CHECKLIST, NULL);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = prop (root, "version");

  self->id = prop (root, "id");
  self->category = prop (root, "category");
  self->version = (guint) g_ascii_strtoull (version, NULL, 10);
  texts (root, "title", &self->title_zh, &self->title_en);

  if (fg_category_lookup (self->category) == NULL)
    {
      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                   _("Line %d: “%s” is not a venue category."),
                   (int) xmlGetLineNo (root), self->category);
      return NULL;
    }

  for (xmlNode *section = root->children; section != NULL; section = section->next)
    {
      g_autofree char *section_id = NULL;
      g_autofree char *section_zh = NULL;
      g_autofree char *section_en = NULL;

      if (!is_element (section, "section"))
        continue;

      section_id = prop (section, "id");
      texts (section, "title", &section_zh, &section_en);

      for (xmlNode *node = section->children; node != NULL; node = node->next)
        {
          g_autoptr(FgChecklistItem) item = NULL;
          g_autofree char *deadline = NULL;

          if (!is_element (node, "item"))
            continue;

          item = g_object_new (FG_TYPE_CHECKLIST_ITEM, NULL);
          item->code = prop (node, "code");
          item->section_id = g_strdup (section_id);
          item->section_zh = g_strdup (section_zh);
          item->section_en = g_strdup (section_en);
          item->on_spot = prop_boolean (node, "on-spot");
          item->major = prop_boolean (node, "major");
          deadline = prop (node, "deadline-days");
          item->deadline_days = (guint) g_ascii_strtoull (deadline, NULL, 10);
          item->template_id = g_strdup (self->id);
          item->template_version = self->version;
          texts (node, "text", &item->text_zh, &item->text_en);
          texts (node, "finding", &item->finding_zh, &item->finding_en);
          texts (node, "action", &item->action_zh, &item->action_en);
          if (!item_complete (node, item, error))
            return NULL;

          if (!item_read_bases (item, node, error))
            return NULL;

          g_list_store_append (self->items, item);
        }
    }

  return g_steal_pointer (&self);
}

/**
 * fg_checklist_parse:
 * @bytes: the template's XML
 * @name: the file's name, for messages
 * @error: return location for an error
 *
 * Reads and checks a template. DTDs and entities are refused, nothing is
 * fetched from the network, and the document must follow the checklist
 * schema; %FG_CHECKLIST_ERROR_INVALID names the first bad line and why.
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
FgChecklist *
fg_checklist_parse (GBytes      *bytes,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FgChecklist *checklist;
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = fg_xml_read_valid (bytes, name, SCHEMA_RESOURCE, _("a valid checklist"),
                           FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID, error);
  if (doc == NULL)
    return NULL;

  checklist = checklist_from_doc (doc, &local_error);
  if (checklist == NULL)
    g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_INVALID,
                 _("“%s” is not a valid checklist. %s"), name, local_error->message);

  xmlFreeDoc (doc);
  return checklist;
}

/**
 * fg_checklist_parse_file:
 * @file: a template file
 * @error: return location for an error
 *
 * Returns: (transfer full): the template, or %NULL with @error set
 */
FgChecklist *
fg_checklist_parse_file (GFile   *file,
                         GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return fg_checklist_parse (bytes, name, error);
}

/* The store */

static char *
items_digest (FgChecklist *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

#define FEED(s) G_STMT_START { const char *_s = (s); \
    g_checksum_update (checksum, (const guchar *) _s, strlen (_s) + 1); } G_STMT_END

  FEED (self->category);
  FEED (self->title_zh);
  FEED (self->title_en);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      char flags[64];

      FEED (item->code);
      FEED (item->section_id);
      FEED (item->section_zh);
      FEED (item->section_en);
      FEED (item->text_zh);
      FEED (item->text_en);
      FEED (item->finding_zh);
      FEED (item->finding_en);
      FEED (item->action_zh);
      FEED (item->action_en);
      for (guint j = 0; item->bases[j] != NULL; j++)
        FEED (item->bases[j]);
      /* what templates before these had not adds nothing, so that their
       * digests stay what they were */
      for (guint j = 0; item->unverified[j] != NULL; j++)
        {
          FEED ("unverified");
          FEED (item->unverified[j]);
        }
      for (guint j = 0; item->references[j] != NULL; j++)
        {
          FEED ("reference");
          FEED (item->references[j]);
        }
      if (item->kind == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK)
        FEED ("township-task");
      if (!item->na_allowed)
        FEED ("na-refused");
      g_snprintf (flags, sizeof flags, "%d/%d/%u", item->on_spot, item->major, item->deadline_days);
      FEED (flags);
    }
#undef FEED

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
bases_to_json (const char * const *bases)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; bases[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *p = bases[i]; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (json, '\\');
          g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/**
 * fg_checklist_install:
 * @store: the store
 * @checklist: a template
 * @error: return location for an error
 *
 * Copies a template version into the database, where it never changes.
 * Installing a version that is there already with the same content does
 * nothing; with other content it is refused: a changed template needs a
 * higher version.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_checklist_install (FgStore      *store,
                      FgChecklist  *checklist,
                      GError      **error)
{
  g_autofree char *digest = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint n;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (FG_IS_CHECKLIST (checklist), FALSE);

  digest = items_digest (checklist);

  exists = fg_store_prepare (store,
                             "SELECT digest FROM checklist_template WHERE template_id = ?1 AND version = ?2",
                             error);
  if (exists == NULL)
    return FALSE;
  sqlite3_bind_text (exists, 1, checklist->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (exists, 2, (int) checklist->version);
  if (sqlite3_step (exists) == SQLITE_ROW)
    {
      if (g_str_equal (fg_stmt_text (exists, 0), digest))
        return TRUE;

      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_VERSION_CLASH,
                   _("Version %u of the checklist “%s” is installed already with other items. "
                     "Give the changed checklist a higher version."),
                   checklist->version, checklist->id);
      return FALSE;
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  insert = fg_store_prepare (store,
                             "INSERT INTO checklist_template (template_id, version, category,"
                             "  title_zh, title_en, digest, installed_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_text (insert, 1, checklist->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, (int) checklist->version);
  sqlite3_bind_text (insert, 3, checklist->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, checklist->title_zh, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, checklist->title_en, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, now, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, insert, error))
    goto failed;

  n = g_list_model_get_n_items (G_LIST_MODEL (checklist->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist->items), i);
      g_autofree char *bases = bases_to_json ((const char * const *) item->bases);
      g_autofree char *unverified = bases_to_json ((const char * const *) item->unverified);
      g_autofree char *references = bases_to_json ((const char * const *) item->references);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = fg_store_prepare (store,
                               "INSERT INTO checklist_item (template_id, version, position, code,"
                               "  section_id, section_zh, section_en, text_zh, text_en, action_zh,"
                               "  action_en, basis, on_spot, major, deadline_days, finding_zh, finding_en,"
                               "  basis_unverified, reference, kind, na_allowed)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                               "  ?16, ?17, ?18, ?19, ?20, ?21)",
                               error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, checklist->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, (int) checklist->version);
      sqlite3_bind_int (stmt, 3, (int) i);
      sqlite3_bind_text (stmt, 4, item->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, item->section_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, item->section_zh, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, item->section_en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, item->text_zh, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, item->text_en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, item->action_zh, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, item->action_en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, bases, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 13, item->on_spot);
      sqlite3_bind_int (stmt, 14, item->major);
      sqlite3_bind_int (stmt, 15, (int) item->deadline_days);
      sqlite3_bind_text (stmt, 16, item->finding_zh, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 17, item->finding_en, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 18, unverified, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 19, references, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 20, item->kind == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK ? "township-task" : "order",
                         -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 21, item->na_allowed);
      if (!fg_store_step_done (store, stmt, error))
        goto failed;
    }

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

static GStrv
bases_from_json (const char *json)
{
  g_autoptr(GPtrArray) bases = g_ptr_array_new ();
  g_autoptr(GString) current = NULL;
  gboolean escaped = FALSE;

  /* the stored form is what bases_to_json() wrote */
  for (const char *p = json; *p != '\0'; p++)
    {
      if (current == NULL)
        {
          if (*p == '"')
            current = g_string_new (NULL);
          continue;
        }
      if (escaped)
        {
          g_string_append_c (current, *p);
          escaped = FALSE;
        }
      else if (*p == '\\')
        escaped = TRUE;
      else if (*p == '"')
        {
          g_ptr_array_add (bases, g_string_free (g_steal_pointer (&current), FALSE));
        }
      else
        g_string_append_c (current, *p);
    }

  g_ptr_array_add (bases, NULL);
  return (GStrv) g_ptr_array_steal (bases, NULL);
}

/* A basis of a row stored before bases were sorted: a technical standard
 * (GB, GA), an inspectors' procedural rule or a policy opinion is
 * background, not a norm a venue breaches. */
static gboolean
legacy_basis_is_reference (const char *basis)
{
  return g_str_has_prefix (basis, "GB") || g_str_has_prefix (basis, "GA") ||
         strstr (basis, "公安部令第120号") != NULL || strstr (basis, "意见》") != NULL ||
         strstr (basis, "通告》") != NULL;
}

/* The bases of a stored item. Rows from before version 21 of the schema
 * hold every basis in one array, unconfirmed ones marked in their text:
 * they are sorted by the same rule the templates now follow. */
static void
item_load_bases (FgChecklistItem *item,
                 sqlite3_stmt    *stmt,
                 int              basis_column)
{
  g_auto(GStrv) all = bases_from_json (fg_stmt_text (stmt, basis_column));
  g_autoptr(GPtrArray) bases = NULL;
  g_autoptr(GPtrArray) unverified = NULL;
  g_autoptr(GPtrArray) references = NULL;

  if (sqlite3_column_type (stmt, basis_column + 1) != SQLITE_NULL)
    {
      item->bases = g_steal_pointer (&all);
      item->unverified = bases_from_json (fg_stmt_text (stmt, basis_column + 1));
      item->references = bases_from_json (fg_stmt_text (stmt, basis_column + 2));
      return;
    }

  bases = g_ptr_array_new ();
  unverified = g_ptr_array_new ();
  references = g_ptr_array_new ();
  for (guint i = 0; all[i] != NULL; i++)
    {
      char *basis = g_strdup (all[i]);

      if (!fg_checklist_basis_is_printable (basis))
        g_ptr_array_add (unverified, basis);
      else if (legacy_basis_is_reference (basis))
        g_ptr_array_add (references, basis);
      else
        g_ptr_array_add (bases, basis);
    }
  item->bases = steal_strv (bases);
  item->unverified = steal_strv (unverified);
  item->references = steal_strv (references);
}

/**
 * fg_checklist_load:
 * @store: the store
 * @template_id: a template id, e.g. "restaurant"
 * @version: the version, or 0 for the newest installed
 * @error: return location for an error
 *
 * Returns: (transfer full): the template version as installed, or %NULL
 *   with @error set
 */
FgChecklist *
fg_checklist_load (FgStore     *store,
                   const char  *template_id,
                   guint        version,
                   GError     **error)
{
  g_autoptr(FgChecklist) self = NULL;
  g_autoptr(sqlite3_stmt) head = NULL;
  g_autoptr(sqlite3_stmt) items = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);

  head = fg_store_prepare (store,
                           "SELECT version, category, title_zh, title_en FROM checklist_template"
                           " WHERE template_id = ?1 AND (?2 = 0 OR version = ?2)"
                           " ORDER BY version DESC LIMIT 1",
                           error);
  if (head == NULL)
    return NULL;
  sqlite3_bind_text (head, 1, template_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (head, 2, (int) version);
  rc = sqlite3_step (head);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        fg_store_set_error (store, rc, error);
      else if (version == 0)
        g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_NOT_FOUND,
                     _("There is no checklist “%s”."), template_id);
      else
        g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_NOT_FOUND,
                     _("Version %u of the checklist “%s” is not installed."), version, template_id);
      return NULL;
    }

  self = g_object_new (FG_TYPE_CHECKLIST, NULL);
  self->id = g_strdup (template_id);
  self->version = (guint) sqlite3_column_int (head, 0);
  self->category = g_strdup (fg_stmt_text (head, 1));
  self->title_zh = g_strdup (fg_stmt_text (head, 2));
  self->title_en = g_strdup (fg_stmt_text (head, 3));

  items = fg_store_prepare (store,
                            "SELECT ci.code, section_id, section_zh, section_en, ci.text_zh, ci.text_en,"
                            "  action_zh, action_en, basis, basis_unverified, reference, on_spot,"
                            "  major, deadline_days, kind, na_allowed, f.finding_zh, f.finding_en"
                            " FROM checklist_item ci JOIN checklist_item_finding f"
                            "   ON f.template_id = ci.template_id AND f.version = ci.version AND f.code = ci.code"
                            " WHERE ci.template_id = ?1 AND ci.version = ?2"
                            " ORDER BY position",
                            error);
  if (items == NULL)
    return NULL;
  sqlite3_bind_text (items, 1, template_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (items, 2, (int) self->version);

  while ((rc = sqlite3_step (items)) == SQLITE_ROW)
    {
      g_autoptr(FgChecklistItem) item = g_object_new (FG_TYPE_CHECKLIST_ITEM, NULL);

      item->code = g_strdup (fg_stmt_text (items, 0));
      item->section_id = g_strdup (fg_stmt_text (items, 1));
      item->section_zh = g_strdup (fg_stmt_text (items, 2));
      item->section_en = g_strdup (fg_stmt_text (items, 3));
      item->text_zh = g_strdup (fg_stmt_text (items, 4));
      item->text_en = g_strdup (fg_stmt_text (items, 5));
      item->action_zh = g_strdup (fg_stmt_text (items, 6));
      item->action_en = g_strdup (fg_stmt_text (items, 7));
      item_load_bases (item, items, 8);
      item->on_spot = sqlite3_column_int (items, 11) != 0;
      item->major = sqlite3_column_int (items, 12) != 0;
      item->deadline_days = (guint) sqlite3_column_int (items, 13);
      item->kind = g_strcmp0 (fg_stmt_text (items, 14), "township-task") == 0 ? FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK
                                                                               : FG_CHECKLIST_ITEM_KIND_ORDER;
      item->na_allowed = sqlite3_column_int (items, 15) != 0;
      /* for an item installed without one, the finding of its code
       * (checklist_item_finding) */
      item->finding_zh = g_strdup (fg_stmt_text (items, 16));
      item->finding_en = g_strdup (fg_stmt_text (items, 17));
      item->template_id = g_strdup (template_id);
      item->template_version = self->version;
      g_list_store_append (self->items, item);
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * fg_checklist_list:
 * @store: the store
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgChecklist): the newest version
 *   of each installed template, by id
 */
GPtrArray *
fg_checklist_list (FgStore  *store,
                   GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  stmt = fg_store_prepare (store,
                           "SELECT DISTINCT template_id FROM checklist_template ORDER BY template_id",
                           error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (fg_stmt_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      FgChecklist *checklist = fg_checklist_load (store, g_ptr_array_index (ids, i), 0, error);

      if (checklist == NULL)
        return NULL;
      g_ptr_array_add (list, checklist);
    }

  return g_steal_pointer (&list);
}

/* The newest template for a category, or NULL with @error set. */
FgChecklist *
fg_checklist_load_for_category (FgStore     *store,
                                const char  *category,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *template_id = NULL;

  stmt = fg_store_prepare (store,
                           "SELECT template_id FROM checklist_template WHERE category = ?1"
                           " ORDER BY version DESC, template_id LIMIT 1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, category, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      const FgCategory *known = fg_category_lookup (category);

      g_set_error (error, FG_CHECKLIST_ERROR, FG_CHECKLIST_ERROR_NOT_FOUND,
                   _("There is no checklist for the category “%s”."),
                   known != NULL ? fg_category_get_name (known) : category);
      return NULL;
    }

  template_id = g_strdup (fg_stmt_text (stmt, 0));
  g_clear_pointer (&stmt, fg_stmt_release);
  return fg_checklist_load (store, template_id, 0, error);
}

/**
 * fg_checklist_union:
 * @checklists: (element-type FgChecklist): templates, the main category's
 *   first
 *
 * The items of a mixed-use venue: every item of every template, each code
 * once (the first template's wording wins), grouped by section in the order
 * the sections first appear.
 *
 * Returns: (transfer full): a list of #FgChecklistItem
 */
GListModel *
fg_checklist_union (GPtrArray *checklists)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GHashTable) by_section = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  GListStore *items = g_list_store_new (FG_TYPE_CHECKLIST_ITEM);

  g_return_val_if_fail (checklists != NULL, NULL);

  for (guint i = 0; i < checklists->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (checklists, i);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (checklist->items));

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(FgChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (checklist->items), j);
          GPtrArray *section;

          if (g_hash_table_contains (seen, item->code))
            continue;
          g_hash_table_add (seen, item->code);

          section = g_hash_table_lookup (by_section, item->section_id);
          if (section == NULL)
            {
              section = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_section, item->section_id, section);
              g_ptr_array_add (sections, item->section_id);
            }
          g_ptr_array_add (section, g_object_ref (item));
        }
    }

  for (guint i = 0; i < sections->len; i++)
    {
      GPtrArray *section = g_hash_table_lookup (by_section, g_ptr_array_index (sections, i));
      g_list_store_splice (items, g_list_model_get_n_items (G_LIST_MODEL (items)), 0,
                           section->pdata, section->len);
    }

  return G_LIST_MODEL (items);
}

/* Installs every template shipped with the program that the database
 * does not have yet. They are tested against their schema; a failure here
 * is a defect of the program, reported and skipped. A digest of the
 * shipped files, kept in the database, spares reading them again at every
 * start when nothing changed. */
void
fg_checklist_install_shipped (FgStore *store)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SHIPPED_PATH, 0, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *installed = NULL;
  gboolean all_installed = TRUE;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SHIPPED_PATH "/", names[i], NULL);
      GBytes *bytes = g_resources_lookup_data (path, 0, NULL);

      g_ptr_array_add (files, bytes);
      g_checksum_update (checksum, (const guchar *) names[i], strlen (names[i]) + 1);
      if (bytes != NULL)
        g_checksum_update (checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  installed = fg_store_dup_setting (store, "shipped-checklists");
  if (g_strcmp0 (installed, g_checksum_get_string (checksum)) == 0)
    return;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      GBytes *bytes = g_ptr_array_index (files, i);
      g_autoptr(FgChecklist) checklist = NULL;
      g_autoptr(GError) error = NULL;

      if (bytes == NULL)
        continue;

      checklist = fg_checklist_parse (bytes, names[i], &error);
      if (checklist == NULL || !fg_checklist_install (store, checklist, &error))
        {
          g_warning ("The shipped checklist %s could not be installed: %s", names[i], error->message);
          all_installed = FALSE;
        }
    }

  if (all_installed && fg_store_begin (store, NULL))
    {
      if (fg_store_set_setting (store, "shipped-checklists", g_checksum_get_string (checksum), NULL))
        fg_store_commit (store, NULL);
      else
        fg_store_rollback (store);
    }
}
