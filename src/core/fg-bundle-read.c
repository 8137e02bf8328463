/* fg-bundle-read.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a bundle: the reader checks the signature in one pass over the
 * file, then reads it with xmlTextReader against the schema, handing each
 * row to the merge (fg-bundle-merge.c), all in one transaction: all of
 * it, or nothing.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <sodium.h>

#include "fg-audit-private.h"
#include "fg-bundle-private.h"
#include "fg-hazard-private.h"
#include "fg-inspection.h"
#include "fg-permission-private.h"
#include "fg-text-private.h"

#define BUNDLE_SCHEMA_RESOURCE "/io/github/firegrid/core/schema/bundle-1.xsd"
#define SIGNATURE_BASE64_LENGTH 88
#define MAX_VALUE_LENGTH 4096
#define CHUNK 65536

/* No network, no DTD loading, no entity substitution (none of those flags
 * is given); errors are not printed but read from the reader. */
static const int reader_options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                                  XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

void
fg_bundle_set_malformed (GError     **error,
                         const char  *detail)
{
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_MALFORMED,
               _("This file is not a Firegrid bundle, or it is damaged (%s). Nothing was imported."), detail);
}

char *
fg_bundle_dup_attribute (xmlTextReader *reader,
                         const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The bundle's own attributes, from its first element: a file that starts
 * with a document type declaration (the door to entity attacks) or
 * anything but a bundle is refused before anything else is read. */
static FgBundleInfo *
read_header (const char  *path,
             GError     **error)
{
  g_autoptr(FgBundleInfo) info = g_new0 (FgBundleInfo, 1);
  g_autofree char *sequence = NULL;
  guint64 number = 0;
  xmlTextReader *reader;
  int rc;

  xmlResetLastError ();
  reader = xmlReaderForFile (path, NULL, reader_options);
  if (reader == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file “%s” cannot be read."), path);
      return NULL;
    }

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          fg_bundle_set_malformed (error, _("it declares a document type, which bundles never do"));
          xmlFreeTextReader (reader);
          return NULL;
        }
      if (type == XML_READER_TYPE_ELEMENT)
        break;
    }

  if (rc < 0)
    {
      /* bytes that are no XML before the first element: a file cut short,
       * changed, or something else altogether */
      const xmlError *last = xmlGetLastError ();
      g_autofree char *detail = g_strdup_printf (_("it is damaged: it stops being XML at line %d"),
                                                 last != NULL ? MAX (last->line, 1) : 1);

      fg_bundle_set_malformed (error, detail);
      xmlFreeTextReader (reader);
      return NULL;
    }
  if (rc != 1 || g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "bundle") != 0 ||
      g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (reader), FG_BUNDLE_NS) != 0)
    {
      fg_bundle_set_malformed (error, _("it does not start with a bundle"));
      xmlFreeTextReader (reader);
      return NULL;
    }

  info->sender = fg_bundle_dup_attribute (reader, "sender");
  info->sender_name = fg_bundle_dup_attribute (reader, "sender-name");
  info->receiver = fg_bundle_dup_attribute (reader, "receiver");
  info->previous = fg_bundle_dup_attribute (reader, "previous");
  info->created_at = fg_bundle_dup_attribute (reader, "created");
  info->since = fg_bundle_dup_attribute (reader, "since");
  info->takes_over = fg_bundle_dup_attribute (reader, "takes-over");
  sequence = fg_bundle_dup_attribute (reader, "sequence");
  xmlFreeTextReader (reader);

  if (info->sender == NULL || info->receiver == NULL || sequence == NULL ||
      !g_utf8_validate (info->sender, -1, NULL) || strlen (info->sender) != 36 ||
      !g_utf8_validate (info->receiver, -1, NULL) || strlen (info->receiver) != 36)
    {
      fg_bundle_set_malformed (error, _("its sender or receiver is missing"));
      return NULL;
    }
  if (info->takes_over != NULL && !g_uuid_string_is_valid (info->takes_over))
    {
      fg_bundle_set_malformed (error, _("the office it says the receiver replaced is no node id"));
      return NULL;
    }
  /* counted here as a 32-bit number, as the peer's row keeps it: a number
   * past that would be cut to another one */
  if (!g_ascii_string_to_unsigned (sequence, 10, 1, G_MAXINT32, &number, NULL))
    {
      fg_bundle_set_malformed (error, _("its number in the sequence of bundles is out of range"));
      return NULL;
    }
  info->sequence = (guint) number;
  return g_steal_pointer (&info);
}

/* Checks the signature over every byte before <signature>, and the file's
 * SHA-256, in one pass over the file. */
static gboolean
check_signature (const char    *path,
                 const guint8  *public_key,
                 char         **digest,
                 GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *tail = NULL;
  g_autofree guint8 *signature = NULL;
  g_autofree char *chunk = g_malloc (CHUNK);
  crypto_sign_state state;
  GStatBuf info;
  gsize tail_length;
  gsize signature_length = 0;
  gint64 signed_length;
  gint64 done = 0;
  const char *open_tag;
  const char *value;
  const char *close_tag;
  FILE *file;

  file = g_fopen (path, "rb");
  if (file == NULL || fstat (fileno (file), &info) != 0)
    {
      if (file != NULL)
        fclose (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file “%s” cannot be read."), path);
      return FALSE;
    }

  /* the signature is the last element: find it in the file's tail */
  tail_length = (gsize) MIN (info.st_size, 1024);
  tail = g_malloc0 (tail_length + 1);
  if (fseeko (file, info.st_size - (off_t) tail_length, SEEK_SET) != 0 ||
      fread (tail, 1, tail_length, file) != tail_length)
    goto malformed;
  open_tag = g_strrstr (tail, FG_BUNDLE_SIGNATURE_OPEN);
  if (open_tag == NULL)
    goto malformed;
  value = open_tag + strlen (FG_BUNDLE_SIGNATURE_OPEN);
  close_tag = strstr (value, FG_BUNDLE_SIGNATURE_CLOSE);
  if (close_tag == NULL)
    goto malformed;
  {
    g_autofree char *text = g_strndup (value, close_tag - value);

    if (strlen (text) != SIGNATURE_BASE64_LENGTH ||
        strspn (text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != SIGNATURE_BASE64_LENGTH ||
        strcmp (close_tag, FG_BUNDLE_TRAILER) != 0)
      goto malformed;
    signature = g_base64_decode (text, &signature_length);
    if (signature_length != crypto_sign_BYTES)
      goto malformed;
  }
  signed_length = info.st_size - (gint64) tail_length + (open_tag - tail);

  fg_node_init_crypto ();
  crypto_sign_init (&state);
  if (fseeko (file, 0, SEEK_SET) != 0)
    goto malformed;
  while (!feof (file))
    {
      size_t n = fread (chunk, 1, CHUNK, file);

      if (n == 0)
        break;
      if (done < signed_length)
        crypto_sign_update (&state, (const guint8 *) chunk, (unsigned long long) MIN ((gint64) n, signed_length - done));
      g_checksum_update (checksum, (const guchar *) chunk, n);
      done += n;
    }
  fclose (file);

  if (crypto_sign_final_verify (&state, signature, public_key) != 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_BAD_SIGNATURE,
                   _("The bundle’s signature does not match: it was changed after it was written, or it was "
                     "not written by the office it names. Nothing was imported; ask for the bundle again."));
      return FALSE;
    }

  *digest = g_strdup (g_checksum_get_string (checksum));
  return TRUE;

malformed:
  fclose (file);
  fg_bundle_set_malformed (error, _("its signature is missing or damaged"));
  return FALSE;
}

/**
 * fg_bundle_verify:
 * @store: the store, whose peers' keys check the signature
 * @path: a bundle file
 * @error: return location for an error
 *
 * Checks that @path is a bundle signed by a peer of this installation,
 * unchanged since it was signed, without importing anything.
 *
 * Returns: (transfer full): what the bundle says of itself, or %NULL with
 *   @error set
 */
FgBundleInfo *
fg_bundle_verify (FgStore     *store,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(FgBundleInfo) info = NULL;
  g_autoptr(FgNodeInfo) peer = NULL;
  g_autofree guint8 *key = NULL;
  gsize key_length = 0;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  info = read_header (path, error);
  if (info == NULL)
    return NULL;

  peer = fg_node_lookup_peer (store, info->sender);
  if (peer == NULL)
    {
      g_autofree char *replaced = fg_node_describe_replaced (store, info->sender);

      if (replaced != NULL)
        {
          g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_REPLACED_SIGNER,
                       /* Translators: %s says which installation was replaced, and when */
                       _("%s Nothing was imported."), replaced);
          return NULL;
        }
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_UNKNOWN_SIGNER,
                   _("The bundle comes from an office this installation does not know (%s). Add its peer "
                     "file first; nothing was imported."),
                   info->sender_name != NULL && g_utf8_validate (info->sender_name, -1, NULL)
                   ? info->sender_name : info->sender);
      return NULL;
    }
  key = g_base64_decode (peer->public_key, &key_length);
  if (key_length != crypto_sign_PUBLICKEYBYTES || !check_signature (path, key, &info->digest, error))
    return NULL;

  /* the name it goes by here, not the one it gave itself */
  g_free (info->sender_name);
  info->sender_name = g_strdup (peer->scope_name);
  return g_steal_pointer (&info);
}

/* How far an import is: the signature checked (the first tenth), the
 * part of the file applied, the hazards folded again (the last tenth). */
static void
import_report (FgBundleImport *import,
               double          fraction)
{
  int permille = (int) CLAMP (fraction * 1000, 1, 999);

  if (import->progress != NULL && permille > import->reported)
    {
      import->reported = permille;
      import->progress (permille / 1000.0, import->progress_data);
    }
}

/* Every few dozen nodes read: stopped if asked to, and how far. */
static gboolean
import_step (FgBundleImport  *import,
             xmlTextReader   *reader,
             GError         **error)
{
  if (++import->n_read % 64 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (import->file_size > 0)
    import_report (import, 0.1 + 0.8 * (double) xmlTextReaderByteConsumed (reader) / (double) import->file_size);
  return TRUE;
}

/* Every row is written by statements that may abort halfway (a trigger
 * refuses, a check fails), so SQLite keeps the pages each one changes in a
 * statement journal, which it moves to a temporary file once it passes 64
 * KiB. A venue (its ten indexes, the search index, the region counts, the
 * change log) passes that every time, and each of its pages was written
 * out twice more: about 40 writes a venue, half the time of an import of
 * 20,000 venues (3.5 s in memory, 5.7 to 7.3 s with the file). Kept in
 * memory, a statement journal holds the pages of one row. The setting is
 * the connection's, taken up at the next transaction; it goes back when
 * the import ends. */
static int
keep_statement_journals_in_memory (FgStore *store)
{
  sqlite3 *db = fg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int previous = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA temp_store", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (previous >= 0 && sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    previous = -1;
  return previous;
}

static void
restore_temp_store (FgStore *store,
                    int      previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d", previous);

  if (previous >= 0)
    sqlite3_exec (fg_store_get_db (store), sql, NULL, NULL, NULL);
}

/* An import's page cache, in KiB. The store's (64 MiB) lets a large batch
 * of edits grow in memory; an import of a county's bundle filled all of
 * it, and the larger the bundle the more (the process took 40 MB more at
 * 100,000 venues than at 10,000). With this much, the pages an import
 * changes beyond it go to the write-ahead log before the commit, as they
 * would at the commit, and its memory stays that of a small bundle, for
 * about 5% more time. The store's own setting comes back after. */
#define IMPORT_CACHE_KIB 16384

static int
limit_page_cache (FgStore *store)
{
  sqlite3 *db = fg_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int previous = 0;
  g_autofree char *sql = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    previous = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);
  if (previous != 0 && sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    previous = 0;
  return previous;
}

static void
restore_page_cache (FgStore *store,
                    int      previous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", previous);

  if (previous != 0)
    sqlite3_exec (fg_store_get_db (store), sql, NULL, NULL, NULL);
}

/* The state of one import, before its transaction: the sender, the
 * merge's tables and batches, what progress is told to. */
static void
import_init (FgBundleImport       *import,
             FgStore              *store,
             FgActor              *actor,
             FgNodeInfo           *sender,
             const char           *path,
             FgBundleReport       *counts,
             FgBundleProgressFunc  progress,
             gpointer              progress_data,
             GCancellable         *cancellable)
{
  GStatBuf file_info;

  import->store = store;
  import->actor = actor;
  import->sender = sender;
  import->prefix = fg_node_scope_prefix (sender->scope_code);
  import->report = counts;
  fg_bundle_merge_init (import);
  import->column_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->temp_store = keep_statement_journals_in_memory (store);
  import->cache_size = limit_page_cache (store);
  import->cancellable = cancellable;
  import->progress = progress;
  import->progress_data = progress_data;
  import->file_size = g_stat (path, &file_info) == 0 ? (gint64) file_info.st_size : 0;
}

/* After the transaction, committed or not. */
static void
import_clear (FgBundleImport *import)
{
  restore_temp_store (import->store, import->temp_store);
  import->temp_store = -1;
  restore_page_cache (import->store, import->cache_size);
  import->cache_size = 0;
  g_clear_pointer (&import->prefix, g_free);
  g_clear_pointer (&import->latest_stamp, g_free);
  fg_bundle_merge_clear (import);
  /* after the rows, whose keys they are */
  g_clear_pointer (&import->column_names, g_hash_table_unref);
}

/* A hybrid logical clock moves past every stamp it sees: this office's next
 * change is stamped after what the bundle brought, even when the sender's
 * wall clock runs ahead. */
void
fg_bundle_observe_stamp (FgBundleImport *import,
                         const char     *stamp)
{
  if (stamp != NULL && strlen (stamp) > 21 &&
      (import->latest_stamp == NULL || strncmp (stamp, import->latest_stamp, 21) > 0))
    {
      g_free (import->latest_stamp);
      import->latest_stamp = g_strndup (stamp, 21);
    }
}

/* A row as a person would find it: its kind, and its name or id. */
static char *
row_label (const char *element,
           GHashTable *row)
{
  const char *name = attr (row, "name") != NULL ? attr (row, "name") : attr (row, "number");
  const char *id = attr (row, "id") != NULL ? attr (row, "id") : "";
  const char *kind;

  if (g_strcmp0 (element, "region") == 0)
    kind = _("the division");
  else if (g_strcmp0 (element, "campaign") == 0)
    kind = _("the campaign");
  else if (g_strcmp0 (element, "venue") == 0)
    kind = _("the venue");
  else if (g_strcmp0 (element, "inspection") == 0)
    kind = _("the inspection");
  else if (g_strcmp0 (element, "hazard") == 0)
    kind = _("the hazard");
  else if (g_strcmp0 (element, "event") == 0)
    kind = _("the hazard event");
  else if (g_strcmp0 (element, "notice") == 0)
    kind = _("the document");
  else
    kind = _("a row");

  /* Translators: a row of a bundle: its kind ("the venue"), its name
   * and its id */
  if (name != NULL)
    return g_strdup_printf (_("%s “%s” (%s)"), kind, name, id);
  return g_strdup_printf ("%s %s", kind, id);
}

/* Every stamp a row carries has the clock's form (fg_stamp_parse()) and
 * lies at most FG_STAMP_MAX_AHEAD ahead of this computer's clock: a stamp
 * from the far future would win every edit for good, move this office's
 * clock there and go on to every office it syncs with. */
static gboolean
check_stamps (const char  *element,
              GHashTable  *row,
              GError     **error)
{
  static const char * const columns[] = { "stamp", "base_stamp", "void_stamp", "service_stamp", NULL };
  gint64 limit = g_get_real_time () / 1000 + FG_STAMP_MAX_AHEAD;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *stamp = attr (row, columns[i]);
      g_autofree char *label = NULL;
      g_autofree char *detail = NULL;
      gint64 wall = 0;

      if (stamp == NULL)
        continue;
      if (fg_stamp_parse (stamp, &wall, NULL) && wall <= limit)
        continue;

      label = row_label (element, row);
      if (wall == 0)
        /* Translators: why a bundle is refused: a row ("the venue “老王烧烤”
         * (id)") and the stamp it carries */
        detail = g_strdup_printf (_("%s carries the update stamp “%.80s”, which is not one this program writes"),
                                  label, stamp);
      else
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (MIN (wall / 1000, G_GINT64_CONSTANT (253402300799)));
          g_autofree char *when = at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M UTC") : g_strdup (stamp);

          /* Translators: why a bundle is refused: a row ("the venue “老王烧烤”
           * (id)") and the time of its stamp */
          detail = g_strdup_printf (_("%s is stamped %s, more than a day ahead of this computer’s clock, so that it "
                                      "would win over every later edit: set the clock of the computer that sent it, "
                                      "or of this one, right"),
                                    label, when);
        }
      fg_bundle_set_malformed (error, detail);
      return FALSE;
    }
  return TRUE;
}

/* The names a row carries show what they hold, as a name typed here must
 * (fg_text_check_visible()). */
static gboolean
check_names (const char  *element,
             GHashTable  *row,
             GError     **error)
{
  /* a row's own names, and the names of the people who wrote it (an
   * account's name, which fg_account_check_display_name() holds to the same) */
  static const char * const columns[] = {
    "name", "address", "operator_name", "inspector_name", "second_inspector_name", "actor_name", NULL
  };

  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *why = fg_text_check_visible (attr (row, columns[i]));

      if (why != NULL)
        {
          g_autofree char *label = row_label (element, row);
          /* Translators: why a bundle is refused: a row ("the venue “…”
           * (id)") and why one of its names is refused here */
          g_autofree char *detail = g_strdup_printf (_("%s has a name this office would refuse: %s"), label, why);

          fg_bundle_set_malformed (error, detail);
          return FALSE;
        }
    }
  return TRUE;
}

/* A row of a bundle: column → value. The keys are never freed: a
 * column's name from fg_bundle_column_name(), or a string constant. */
GHashTable *
fg_bundle_row_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

/* The column an attribute holds ("parent-id" → "parent_id"), made once an
 * import: copying the name of every attribute of every row cost more than
 * reading it. */
const char *
fg_bundle_column_name (FgBundleImport *import,
                       const char     *attribute)
{
  char *column = g_hash_table_lookup (import->column_names, attribute);

  if (column == NULL)
    {
      column = g_strdelimit (g_strdup (attribute), "-", '_');
      g_hash_table_insert (import->column_names, g_strdup (attribute), column);
    }
  return column;
}

/* The attributes of the element the reader is on, by column name
 * ("parent-id" → "parent_id"), each checked for length and UTF-8. */
static GHashTable *
read_row (FgBundleImport  *import,
          xmlTextReader   *reader,
          GError         **error)
{
  g_autoptr(GHashTable) row = fg_bundle_row_new ();

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *value = (const char *) xmlTextReaderConstValue (reader);

      if (name == NULL || value == NULL || strlen (value) > MAX_VALUE_LENGTH || !g_utf8_validate (value, -1, NULL))
        {
          fg_bundle_set_malformed (error, _("a value is too long or not text"));
          return NULL;
        }
      if (xmlTextReaderConstPrefix (reader) != NULL)
        continue;  /* xmlns declarations */
      g_hash_table_insert (row, (gpointer) fg_bundle_column_name (import, name), g_strdup (value));
    }
  xmlTextReaderMoveToElement (reader);

  return g_steal_pointer (&row);
}

/* The first error libxml2 met while a bundle is read: libxml2 prints
 * nothing (its words would come before ours, on the terminal or in the
 * log); they go under the message instead. Kept per thread, as libxml2
 * keeps its error handler: imports run in worker threads. */
typedef struct
{
  int line;
  char *message;
} FirstError;

static _Thread_local FirstError *first_error;

static void
keep_first_error (void     *data,
                  xmlError *found)
{
  FirstError *first = data;

  if (first != NULL && first->message == NULL && found != NULL && found->message != NULL &&
      found->level >= XML_ERR_ERROR)
    {
      first->line = found->line;
      first->message = g_strstrip (g_strdup (found->message));
    }
}

/* From here to errors_restore(), libxml2's errors are kept in @first. */
static void
errors_keep (FirstError            *first,
             xmlStructuredErrorFunc *old_func,
             void                  **old_data)
{
  *old_func = xmlStructuredError;
  *old_data = xmlStructuredErrorContext;
  first->line = 0;
  first->message = NULL;
  first_error = first;
  xmlSetStructuredErrorFunc (first, keep_first_error);
  xmlResetLastError ();
}

static void
errors_restore (FirstError             *first,
                xmlStructuredErrorFunc  old_func,
                void                   *old_data)
{
  xmlSetStructuredErrorFunc (old_data, old_func);
  first_error = NULL;
  g_clear_pointer (&first->message, g_free);
}

/* The reader stopped before the end, or the file broke the schema: one
 * message, the line where it did, and under it the parser's own words,
 * which name elements and attributes. */
void
fg_bundle_set_invalid (GError **error)
{
  const xmlError *last = xmlGetLastError ();
  g_autofree char *message = NULL;
  g_autofree char *detail = NULL;
  int line = 0;

  if (first_error != NULL && first_error->message != NULL)
    {
      line = first_error->line;
      detail = g_strdup (first_error->message);
    }
  else if (last != NULL && last->message != NULL)
    {
      line = last->line;
      detail = g_strstrip (g_strdup (last->message));
    }
  if (detail != NULL)
    {
      g_debug ("The bundle broke off at line %d: %s", line, detail);
      message = g_strdup_printf (_("it does not follow the bundle format at line %d"), line);
    }
  fg_bundle_set_malformed (error, message != NULL ? message : _("it does not follow the bundle format"));
  if (detail != NULL && error != NULL && *error != NULL)
    {
      /* Translators: under the message that a bundle is damaged: what the
       * XML reader said, in its own (English) words */
      g_autofree char *under = g_strdup_printf (_("What the reader found: %s"), detail);
      char *both = g_strconcat ((*error)->message, "\n", under, NULL);

      g_free ((*error)->message);
      (*error)->message = both;
    }
}

static xmlSchema *
load_schema (GError **error)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  xmlSchemaParserCtxt *schema_parser;
  xmlSchema *schema;

  schema_bytes = g_resources_lookup_data (BUNDLE_SCHEMA_RESOURCE, 0, error);
  if (schema_bytes == NULL)
    return NULL;
  schema_parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (schema_bytes, NULL),
                                             (int) g_bytes_get_size (schema_bytes));
  schema = xmlSchemaParse (schema_parser);
  xmlSchemaFreeParserCtxt (schema_parser);
  if (schema == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "bundle-1.xsd does not parse");
  return schema;
}

/* One element, a row or a child row, to whatever merges it. */
static gboolean
apply_element (FgBundleImport  *import,
               xmlTextReader   *reader,
               int              depth,
               const char      *name,
               GHashTable      *row,
               GError         **error)
{
  /* what came, by kind, as a person counts it */
  if (depth == 1 && g_strcmp0 (name, "venue") == 0)
    import->report->venues++;
  else if (depth == 1 && g_strcmp0 (name, "inspection") == 0)
    import->report->inspections++;
  else if (depth == 1 && g_strcmp0 (name, "hazard") == 0)
    import->report->hazards++;
  else if (depth == 1 && g_strcmp0 (name, "notice") == 0)
    import->report->notices++;

  /* a campaign's venues follow it, inside its element */
  if (depth == 1)
    g_clear_pointer (&import->campaign_id, g_free);

  if (depth == 1 && g_strcmp0 (name, "region") == 0)
    return fg_bundle_apply_region (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "campaign") == 0)
    return fg_bundle_apply_campaign (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "venue") == 0)
    return fg_bundle_apply_venue (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "inspection") == 0)
    return fg_bundle_apply_inspection (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "hazard") == 0)
    return fg_bundle_apply_hazard (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "event") == 0)
    return fg_bundle_apply_event (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "notice") == 0)
    return fg_notice_bundle_apply (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "audit-node") == 0)
    return fg_audit_bundle_apply_node (import, row, error);
  if (depth == 1 && g_strcmp0 (name, "audit") == 0)
    return fg_audit_bundle_apply (import, reader, row, error);
  if (depth == 2 && import->notice_id != NULL && g_strcmp0 (name, "content") == 0)
    {
      g_autofree char *base64 = (char *) xmlTextReaderReadString (reader);

      return fg_notice_bundle_apply_content (import, base64, error);
    }
  if (depth == 2 && import->notice_id != NULL && g_strcmp0 (name, "hazard") == 0)
    return fg_notice_bundle_apply_hazard (import, row, error);
  if (depth == 2 && import->inspection_id != NULL)
    return fg_bundle_apply_inspection_child (import, name, row, error);
  if (depth == 2 && import->campaign_id != NULL && g_strcmp0 (name, "target") == 0)
    return fg_bundle_apply_campaign_venue (import, row, error);
  if (depth == 2 && g_strcmp0 (name, "photo") == 0)
    return fg_bundle_apply_event_photo (import, row, error);

  g_debug ("A bundle holds <%s> where it may not", name);
  fg_bundle_set_malformed (error, _("it holds a part the bundle format does not have"));
  return FALSE;
}

/* A photo's base64 so far, as the reader goes through its element: its
 * own text, or that of its <part> children, without the line breaks. */
typedef struct
{
  GHashTable *row;
  GString *text;
  gsize read;  /* with the line breaks */
} PhotoText;

static void
photo_text_clear (PhotoText *photo)
{
  g_clear_pointer (&photo->row, g_hash_table_unref);
  if (photo->text != NULL)
    g_string_free (photo->text, TRUE);
  photo->text = NULL;
  photo->read = 0;
}

/* The next piece of a photo's text, within what one photo may be. */
static gboolean
photo_text_add (PhotoText    *photo,
                const char   *text,
                GError      **error)
{
  gsize length = text != NULL ? strlen (text) : 0;

  photo->read += length;
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')
        continue;
      if (!g_ascii_isalnum (text[i]) && text[i] != '+' && text[i] != '/' && text[i] != '=')
        {
          fg_bundle_set_malformed (error, _("a photo whose bytes are not base64"));
          return FALSE;
        }
      g_string_append_c (photo->text, text[i]);
    }
  if (photo->text->len > FG_BUNDLE_MAX_PHOTO_BASE64 || photo->read > FG_BUNDLE_MAX_PHOTO_TEXT)
    {
      fg_bundle_set_malformed (error, _("a photo that is too large"));
      return FALSE;
    }
  return TRUE;
}

/* The photo's element ended: all of its text is in. */
static gboolean
photo_text_apply (FgBundleImport  *import,
                  PhotoText       *photo,
                  GError         **error)
{
  gboolean ok = fg_bundle_apply_photo (import, photo->row, photo->text->str, error);

  photo_text_clear (photo);
  return ok;
}

/* Reads the bundle against its schema and applies each row. */
static gboolean
apply_file (FgBundleImport  *import,
            const char      *path,
            GError         **error)
{
  xmlSchema *schema;
  xmlTextReader *reader = NULL;
  PhotoText photo = { NULL, NULL, 0 };
  FirstError first;
  xmlStructuredErrorFunc old_func;
  void *old_data;
  gboolean ok = FALSE;
  int rc;

  errors_keep (&first, &old_func, &old_data);
  schema = load_schema (error);
  if (schema == NULL)
    {
      errors_restore (&first, old_func, old_data);
      return FALSE;
    }
  reader = xmlReaderForFile (path, NULL, reader_options);
  if (reader == NULL || xmlTextReaderSetSchema (reader, schema) != 0)
    {
      fg_bundle_set_malformed (error, _("it cannot be read"));
      goto out;
    }
  /* No error handler is set on the reader: with a schema plugged in,
   * libxml2 2.9 hands it the wrong context for entity errors. The
   * thread's handler (errors_keep()) keeps them instead. */

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      g_autoptr(GHashTable) row = NULL;

      if (!import_step (import, reader, error))
        goto out;

      /* the schema is checked as the reader goes: a row it refuses is never applied */
      if (xmlTextReaderIsValid (reader) != 1)
        break;
      if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          fg_bundle_set_malformed (error, _("it declares a document type, which bundles never do"));
          goto out;
        }
      if (depth > FG_BUNDLE_MAX_DEPTH)
        {
          fg_bundle_set_malformed (error, _("it is nested too deep"));
          goto out;
        }
      /* a photo's text, which may be more than one node holds */
      if (photo.row != NULL && depth >= 2)
        {
          if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA) &&
              !photo_text_add (&photo, (const char *) xmlTextReaderConstValue (reader), error))
            goto out;
          continue;
        }
      if (photo.row != NULL && depth == 1 && type == XML_READER_TYPE_END_ELEMENT)
        {
          if (!photo_text_apply (import, &photo, error))
            goto out;
          continue;
        }

      if (type != XML_READER_TYPE_ELEMENT || depth == 0)
        continue;

      /* a row of another kind may lean on those waiting in a batch */
      if (depth == 1 && (!fg_bundle_merge_before_row (import, name, error) || !fg_notice_bundle_finish (import, error)))
        goto out;
      if (depth == 1 && g_strcmp0 (name, "signature") == 0)
        continue;

      row = read_row (import, reader, error);
      if (row == NULL)
        goto out;
      if (!check_stamps (name, row, error) || !check_names (name, row, error))
        goto out;
      fg_bundle_observe_stamp (import, attr (row, "stamp"));
      if (depth == 1 && g_strcmp0 (name, "photo") == 0)
        {
          photo.row = g_steal_pointer (&row);
          photo.text = g_string_new (NULL);
          if (xmlTextReaderIsEmptyElement (reader) && !photo_text_apply (import, &photo, error))
            goto out;
          continue;
        }
      if (!apply_element (import, reader, depth, name, row, error))
        goto out;
    }

  if (rc != 0 || xmlTextReaderIsValid (reader) != 1)
    {
      fg_bundle_set_invalid (error);
      goto out;
    }
  ok = fg_bundle_merge_finish (import, error) && fg_notice_bundle_finish (import, error);

out:
  photo_text_clear (&photo);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  xmlSchemaFree (schema);
  errors_restore (&first, old_func, old_data);
  return ok;
}

/**
 * fg_bundle_import:
 * @store: the store
 * @actor: who imports (someone who may sync)
 * @path: a bundle file
 * @dry_run: only count what would be added, changed, conflicted or refused
 * @report: (out) (optional): what was done, or would be
 * @cancellable: (nullable): to stop a long import (nothing is written)
 * @error: return location for an error
 *
 * See fg_bundle_import_full().
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_import (FgStore         *store,
                  FgActor         *actor,
                  const char      *path,
                  gboolean         dry_run,
                  FgBundleReport  *report,
                  GCancellable    *cancellable,
                  GError         **error)
{
  return fg_bundle_import_full (store, actor, path, dry_run, report, NULL, NULL, cancellable, error);
}

/* A bundle is imported here once: addressed here, and not seen before. */
static gboolean
check_addressed_here (FgStore             *store,
                      const FgBundleInfo  *info,
                      GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (info->receiver, fg_store_get_node_id (store)) != 0)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOT_FOR_US,
                   _("This bundle from %s is addressed to another installation. Nothing was imported."),
                   info->sender_name);
      return FALSE;
    }

  stmt = fg_store_prepare (store, "SELECT imported_at FROM bundle_in WHERE digest = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->digest, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_ALREADY_IMPORTED,
                   _("This bundle from %s (number %u) was imported on %.10s already; nothing was changed."),
                   info->sender_name, info->sequence, fg_stmt_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/* This office's clock moves past the latest stamp the bundle brought (see
 * fg_bundle_observe_stamp()). */
static gboolean
advance_clock (FgBundleImport  *import,
               GError         **error)
{
  FgStore *store = import->store;
  g_autofree char *seen = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (import->latest_stamp == NULL)
    return TRUE;
  seen = g_strconcat (import->latest_stamp, "-", fg_store_get_node_id (store), NULL);
  stmt = fg_store_prepare (store, "UPDATE node SET hlc = ?1 WHERE id = ?2 AND substr (hlc, 1, 21) < ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, seen, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, import->latest_stamp, -1, SQLITE_STATIC);
  return fg_store_step_done (store, stmt, error);
}

/* Where each hazard stands now that its histories are merged. */
static gboolean
refresh_hazards (FgBundleImport  *import,
                 GError         **error)
{
  GHashTableIter iter;
  gpointer hazard_id;

  gpointer event_id;

  g_hash_table_iter_init (&iter, import->decided);
  while (g_hash_table_iter_next (&iter, &event_id, &hazard_id))
    {
      g_autoptr(GError) refused = NULL;

      /* a decision that came by bundle is on a hazard the brigade was sent,
       * as one entered here is */
      if (!fg_hazard_check_decision_basis (import->store, hazard_id, event_id, &refused))
        {
          g_autofree char *detail = g_strdup_printf (_("a fire-rescue brigade’s decision: %s"), refused->message);

          fg_bundle_set_malformed (error, detail);
          return FALSE;
        }
    }
  g_hash_table_iter_init (&iter, import->replied);
  while (g_hash_table_iter_next (&iter, &event_id, &hazard_id))
    {
      g_autoptr(GError) refused = NULL;

      /* a reply that came by bundle answers an open instruction, as one
       * entered here does */
      if (!fg_hazard_check_supervision_reply_basis (import->store, hazard_id, event_id, &refused))
        {
          g_autofree char *detail = g_strdup_printf (_("a reply to the county’s supervision: %s"),
                                                     refused->message);

          fg_bundle_set_malformed (error, detail);
          return FALSE;
        }
    }
  /* what the ledger reads of each hazard, kept on its row: nothing a
   * check reads, and no check of the hazard's table refuses it, so a dry
   * run, which keeps none of it, does not write it */
  if (import->dry_run)
    return TRUE;
  g_hash_table_iter_init (&iter, import->touched);
  while (g_hash_table_iter_next (&iter, &hazard_id, NULL))
    if (!fg_hazard_refresh_cache (import->store, hazard_id, error))
      return FALSE;
  return TRUE;
}

/* The bundle is imported, at @now: never again, the sender's peer row moves on,
 * and the audit log says what it brought. */
static gboolean
record_import (FgStore               *store,
               FgActor               *actor,
               const FgBundleInfo    *info,
               const FgNodeInfo      *sender,
               const FgBundleReport  *counts,
               const char            *now,
               GError               **error)
{
  g_autofree char *after = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store,
                           "INSERT INTO bundle_in (digest, peer_id, sequence, imported_at, imported_by, whole)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, info->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sender->id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, (int) info->sequence);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, info->since == NULL);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, fg_stmt_release);

  stmt = fg_store_prepare (store,
                           "UPDATE peer SET last_received_seq = max (last_received_seq, ?1),"
                           "  last_received_digest = ?2, last_received_at = ?3 WHERE id = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) info->sequence);
  sqlite3_bind_text (stmt, 2, info->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sender->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    return FALSE;

  after = g_strdup_printf ("{\"peer\":\"%s\",\"sequence\":%u,\"digest\":\"%s\",\"added\":%u,"
                           "\"changed\":%u,\"conflicts\":%u,\"photos\":%u}",
                           sender->id, info->sequence, info->digest, counts->added,
                           counts->changed, counts->conflicts, counts->photos);
  return fg_audit_record_change (store, actor, "bundle-import", sender->id, NULL, after, error);
}

/**
 * fg_bundle_import_full:
 * @store: the store
 * @actor: who imports (someone who may sync); the changes are recorded in
 *   their name, and the audit names the sending office
 * @path: a bundle file
 * @dry_run: only count what would be added, changed, conflicted or refused
 * @report: (out) (optional): what was done, or would be
 * @progress: (nullable) (scope call): told how far the import is, from 0 to
 *   1, in the thread that runs it
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop a long import, within a few dozen
 *   rows (nothing is written)
 * @error: return location for an error
 *
 * Checks the bundle's signature, that it is addressed here and was not
 * imported before, and applies it in one transaction: every row, or none.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_bundle_import_full (FgStore               *store,
                       FgActor               *actor,
                       const char            *path,
                       gboolean               dry_run,
                       FgBundleReport        *report,
                       FgBundleProgressFunc   progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  return fg_bundle_import_checked (store, actor, path, dry_run, report, NULL, progress, progress_data, cancellable,
                                   error);
}

/* A row the database's own checks refused as it was written (a result
 * whose outcome is none of the three, a venue without its number of
 * floors): a row the checks before did not name, refused all the same.
 * That is the bundle's fault, and said so, instead of the database's
 * "reported an error", which tells the person nothing to do. */
static void
say_refused_value (FgBundleImport  *import,
                   GError         **error)
{
  if (error == NULL || !g_error_matches (*error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED) ||
      (sqlite3_errcode (fg_store_get_db (import->store)) & 0xff) != SQLITE_CONSTRAINT)
    return;
  g_clear_error (error);
  g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_INVALID_ROW,
               /* Translators: %s is an office */
               _("The bundle from %s holds a row with a value this office’s database does not take (one "
                 "missing, or one no such row may hold). The whole bundle was refused; nothing was imported. "
                 "Ask that office to correct the record and send a bundle again."),
               import->sender->scope_name);
}

/* A dry run writes every row as the import does: the checks after the
 * rows read them back, and the database's own checks hold each as it is
 * written. Then it rolls them back. What the rows' triggers keep besides,
 * for others to read later (the change log that the next bundle to a peer
 * is made of, a venue's categories, its search terms and the venue counts
 * of its regions), no check reads, and a dry run does not keep: their
 * triggers are dropped in its transaction, and the rollback puts them
 * back with everything else. A trigger that refuses a row (BEFORE …
 * RAISE) stays. */
static gboolean
drop_upkeep_triggers (FgStore  *store,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                           " AND (name GLOB '*_changed_*' OR name IN ('venue_after_insert', 'venue_after_update'))"
                           " AND sql NOT LIKE '%RAISE%'",
                           error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (fg_stmt_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, fg_stmt_release);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"", (const char *) g_ptr_array_index (names, i));

      if (!fg_store_exec (store, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* A bundle whose signature was checked (@info, from fg_bundle_verify()),
 * by someone who may sync: applied if it is addressed here and new. */
static gboolean
import_verified (FgStore               *store,
                 FgActor               *actor,
                 const char            *path,
                 FgBundleInfo          *verified,
                 gboolean               dry_run,
                 FgBundleReport        *report,
                 FgBundleInfo         **info_out,
                 FgBundleProgressFunc   progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(FgBundleInfo) info = verified;
  g_autoptr(FgNodeInfo) sender = NULL;
  g_autofree char *now = fg_store_now_iso8601 (store);
  FgBundleReport counts = { 0 };
  FgBundleImport import = { 0 };

  if (!check_addressed_here (store, info, error))
    return FALSE;

  sender = fg_node_lookup_peer (store, info->sender);
  import_init (&import, store, actor, sender, path, &counts, progress, progress_data, cancellable);
  import.info = info;
  import.dry_run = dry_run;
  import_report (&import, 0.1);

  if (!fg_store_begin (store, error))
    goto failed_early;
  if (dry_run && !drop_upkeep_triggers (store, error))
    goto failed;

  if (!apply_file (&import, path, error) || !fg_bundle_check_campaign_venues (&import, error) ||
      !fg_audit_bundle_finish (&import, info->sequence, error) ||
      (info->takes_over != NULL && !fg_node_take_over (store, actor, sender, info->takes_over, error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) || !advance_clock (&import, error))
    goto failed;
  import_report (&import, 0.9);
  if (!refresh_hazards (&import, error))
    goto failed;

  if (dry_run)
    {
      fg_store_rollback (store);
      import_clear (&import);
      if (report != NULL)
        *report = counts;
      if (info_out != NULL)
        *info_out = g_steal_pointer (&info);
      return TRUE;
    }

  if (!record_import (store, actor, info, sender, &counts, now, error))
    goto failed;
  if (!fg_store_commit (store, error))
    goto failed_early;

  /* A large bundle changes what the query planner should know of the
   * tables (a county's first bundle from a township multiplies them):
   * SQLite gathers its statistics again where they have gone stale, from
   * a sample of each index. */
  if (counts.added + counts.changed >= 1000)
    fg_store_exec (store, "PRAGMA analysis_limit = 400; PRAGMA optimize;", NULL);

  import_clear (&import);
  if (report != NULL)
    *report = counts;
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return TRUE;

failed:
  say_refused_value (&import, error);
  fg_store_rollback (store);
failed_early:
  import_clear (&import);
  return FALSE;
}

/* fg_bundle_import_checked(), but for the refusal's trace. */
static gboolean
import_checked (FgStore               *store,
                FgActor               *actor,
                const char            *path,
                gboolean               dry_run,
                FgBundleReport        *report,
                FgBundleInfo         **info_out,
                FgBundleProgressFunc   progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  FgBundleInfo *info;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report != NULL)
    *report = (FgBundleReport) { 0 };

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return FALSE;
  info = fg_bundle_verify (store, path, error);
  if (info == NULL)
    return FALSE;
  return import_verified (store, actor, path, info, dry_run, report, info_out, progress, progress_data,
                          cancellable, error);
}

#ifdef FG_FUZZING
/* Only in a build for fuzzing (meson -Dfuzzing=true, see
 * tests/fuzz/README.md): a dry run of a bundle whose signature is not
 * checked, so that a fuzzer's changes reach the reader and the merge
 * instead of stopping at the signature. Everything else is as an import
 * checks it: the header, the sender a peer here, addressed here, the
 * schema, every row. Nothing is written, and no refusal is recorded. */
gboolean
fg_bundle_import_unsigned (FgStore         *store,
                           FgActor         *actor,
                           const char      *path,
                           FgBundleReport  *report,
                           GError         **error)
{
  g_autoptr(FgBundleInfo) info = NULL;
  g_autoptr(FgNodeInfo) peer = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!fg_permission_check (store, actor, FG_ACTION_SYNC, NULL, NULL, error))
    return FALSE;
  info = read_header (path, error);
  if (info == NULL)
    return FALSE;
  peer = fg_node_lookup_peer (store, info->sender);
  if (peer == NULL)
    {
      g_set_error (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_UNKNOWN_SIGNER, "not from a peer");
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  info->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_free (info->sender_name);
  info->sender_name = g_strdup (peer->scope_name);
  return import_verified (store, actor, path, g_steal_pointer (&info), TRUE, report, NULL, NULL, NULL, NULL,
                          error);
}
#endif

/* fg_bundle_import_full(), also handing back what the bundle said of
 * itself once its signature was checked (@info_out, when it succeeds):
 * who sent it, by the name it goes by here. A bundle refused goes into
 * the audit log (fg_audit_bundle_record_refused()). */
gboolean
fg_bundle_import_checked (FgStore               *store,
                          FgActor               *actor,
                          const char            *path,
                          gboolean               dry_run,
                          FgBundleReport        *report,
                          FgBundleInfo         **info_out,
                          FgBundleProgressFunc   progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(GError) refusal = NULL;
  g_autoptr(FgBundleInfo) header = NULL;
  g_autoptr(FgNodeInfo) sender = NULL;

  if (import_checked (store, actor, path, dry_run, report, info_out, progress, progress_data, cancellable, &refusal))
    return TRUE;

  /* the sender it names, when that is a peer here */
  header = read_header (path, NULL);
  if (header != NULL)
    sender = fg_node_lookup_peer (store, header->sender);
  fg_audit_bundle_record_refused (store, actor, path, sender != NULL ? sender->id : NULL, refusal);
  g_propagate_error (error, g_steal_pointer (&refusal));
  return FALSE;
}
