/* fg-xml.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every XML file the program reads goes through one reader: no DTDs, no
 * entity expansion, nothing from the network, a size limit, and the XML
 * Schema of its format. A refusal names the first bad line and why.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "fg-xml-private.h"

#define MAX_SIZE (4 * 1024 * 1024)

typedef struct
{
  int line;
  char *message;
} FirstError;

/* libxml2 names elements with their namespace, "{urn:firegrid:checklist:1}finding":
 * in a file of one format the bare name says it. */
static char *
without_namespaces (const char *message)
{
  GString *out = g_string_new (NULL);

  for (const char *p = message; *p != '\0'; p++)
    {
      const char *end;

      if (*p == '{' && (end = strchr (p, '}')) != NULL && g_str_has_prefix (p + 1, "urn:"))
        p = end;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
remember_first_error (void     *user_data,
                      xmlError *error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL)
    return;

  first->line = error->line;
  first->message = g_strstrip (without_namespaces (error->message != NULL ? error->message : ""));
}

/* Schemas are parsed once and kept: they are part of the program. */
static xmlSchemaPtr
get_schema (const char *resource)
{
  static GHashTable *schemas;
  static GMutex mutex;
  xmlSchemaPtr schema;

  g_mutex_lock (&mutex);

  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);

  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      xmlSchemaParserCtxtPtr parser;
      gsize size;
      const char *data;

      if (bytes == NULL)
        g_error ("The XML Schema %s is missing from the program", resource);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlSchemaNewMemParserCtxt (data, (int) size);
      schema = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
      if (schema == NULL)
        g_error ("The XML Schema %s cannot be read", resource);
      g_hash_table_insert (schemas, g_strdup (resource), schema);
    }

  g_mutex_unlock (&mutex);
  return schema;
}

/**
 * fg_xml_read_valid: (skip)
 * @bytes: the document
 * @name: its file name, for messages
 * @schema_resource: the GResource path of its XML Schema
 * @what: what the document should be, for messages ("a checklist")
 * @domain: the error domain to report in
 * @code: the error code to report with
 * @error: return location for an error
 *
 * Returns: (transfer full): the document, valid against its schema, or
 *   %NULL with @error set
 */
xmlDoc *
fg_xml_read_valid (GBytes      *bytes,
                   const char  *name,
                   const char  *schema_resource,
                   const char  *what,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  FirstError first = { 0 };
  xmlParserCtxtPtr parser;
  xmlSchemaValidCtxtPtr validator;
  xmlDoc *doc;
  gsize size;
  const char *data;
  int valid;

  data = g_bytes_get_data (bytes, &size);
  if (size > MAX_SIZE)
    {
      g_set_error (error, domain, code,
                   _("“%s” is too large for %s (more than 4 MB)."), name, what);
      return NULL;
    }

  /* no DTD loading, no entity substitution, nothing from the network */
  parser = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (parser, data, (int) size, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    remember_first_error (&first, xmlCtxtGetLastError (parser));
  xmlFreeParserCtxt (parser);

  if (doc == NULL)
    {
      g_set_error (error, domain, code,
                   _("“%s” is not %s. Line %d: %s"),
                   name, what, first.line, first.message != NULL ? first.message : _("not XML"));
      g_free (first.message);
      return NULL;
    }

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, domain, code,
                   _("“%s” is not %s: a document type declaration (<!DOCTYPE …>) is not allowed."),
                   name, what);
      xmlFreeDoc (doc);
      return NULL;
    }

  validator = xmlSchemaNewValidCtxt (get_schema (schema_resource));
  xmlSchemaSetValidStructuredErrors (validator, remember_first_error, &first);
  valid = xmlSchemaValidateDoc (validator, doc);
  xmlSchemaFreeValidCtxt (validator);

  if (valid != 0)
    {
      g_set_error (error, domain, code,
                   _("“%s” is not %s. Line %d: %s"),
                   name, what, first.line, first.message != NULL ? first.message : "");
      g_free (first.message);
      xmlFreeDoc (doc);
      return NULL;
    }

  return doc;
}

gboolean
fg_xml_is_element (xmlNode    *node,
                   const char *name,
                   const char *ns)
{
  return node->type == XML_ELEMENT_NODE &&
         xmlStrEqual (node->name, (const xmlChar *) name) &&
         node->ns != NULL && xmlStrEqual (node->ns->href, (const xmlChar *) ns);
}

char *
fg_xml_dup_prop (xmlNode    *node,
                 const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}
