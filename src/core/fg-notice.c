/* fg-notice.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is issued in one transaction: its number is allocated (the
 * rule is in fg-notice-number.c), what it says is frozen as a GVariant
 * with its SHA-256, and the hazards it orders corrected get their "notice
 * issued" events. Rendering reads only the frozen content, so a reprint
 * says exactly what the original said, whatever has changed in the
 * registry since.
 *
 * Documents are official Chinese documents whatever the language of the
 * interface: their content (fg-notice-content.c) is built from the
 * Chinese texts.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-audit-private.h"
#include "fg-calendar.h"
#include "fg-hazard-private.h"
#include "fg-inspection.h"
#include "fg-node.h"
#include "fg-notice-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue.h"

#define PAYLOAD_PREFIX "FGDOC/1/"

struct _FgNotice
{
  GObject parent_instance;

  char *id;
  FgNoticeKind kind;
  char *number;
  char *venue_id;
  char *venue_name;
  char *village_name;
  char *township_name;
  char *region_code;
  char *inspection_id;
  char *follows_id;
  char *issued_on;
  char *actor_name;
  char *deadline;
  char *digest;
  GVariant *content;
  gboolean content_intact;  /* the stored content still hashes to the digest */
  char *voided_at;
  char *void_reason;
  FgNoticeService service;
  char *served_at;
  GStrv hazard_ids;
};

G_DEFINE_FINAL_TYPE (FgNotice, fg_notice, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-notice-error-quark, fg_notice_error)

static const char * const kind_ids[FG_NOTICE_N_KINDS] = {
  "inspection-record", "correct-now", "correct-by-deadline", "reinspection", "major-hazard-letter", "transfer",
};

/* The titles printed on the documents. */
static const char * const kind_titles[FG_NOTICE_N_KINDS] = {
  "现场检查记录", "责令立即改正通知书", "责令限期改正通知书", "复查意见书", "重大火灾隐患报告（移送）函", "移送书",
};

/* The codes in their numbers, until the township sets its own. */
static const char * const service_ids[] = { NULL, "served", "refused", "unreachable" };

static void
fg_notice_finalize (GObject *object)
{
  FgNotice *self = (FgNotice *)object;

  g_free (self->id);
  g_free (self->number);
  g_free (self->venue_id);
  g_free (self->venue_name);
  g_free (self->village_name);
  g_free (self->township_name);
  g_free (self->region_code);
  g_free (self->inspection_id);
  g_free (self->follows_id);
  g_free (self->issued_on);
  g_free (self->actor_name);
  g_free (self->deadline);
  g_free (self->digest);
  g_clear_pointer (&self->content, g_variant_unref);
  g_free (self->voided_at);
  g_free (self->void_reason);
  g_free (self->served_at);
  g_strfreev (self->hazard_ids);

  G_OBJECT_CLASS (fg_notice_parent_class)->finalize (object);
}

static void
fg_notice_class_init (FgNoticeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fg_notice_finalize;
}

static void
fg_notice_init (FgNotice *self)
{
}

const char *
fg_notice_kind_to_string (FgNoticeKind kind)
{
  g_return_val_if_fail (kind < FG_NOTICE_N_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
fg_notice_kind_from_string (const char   *text,
                            FgNoticeKind *kind)
{
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    {
      if (g_strcmp0 (text, kind_ids[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * fg_notice_kind_get_label:
 *
 * Returns: the kind's name in the user's language
 */
const char *
fg_notice_kind_get_label (FgNoticeKind kind)
{
  switch (kind)
    {
    case FG_NOTICE_KIND_INSPECTION_RECORD:
      return _("Inspection record");
    case FG_NOTICE_KIND_CORRECT_NOW:
      return _("Order to correct at once");
    case FG_NOTICE_KIND_CORRECT_BY_DEADLINE:
      return _("Order to correct by a deadline");
    case FG_NOTICE_KIND_REINSPECTION:
      return _("Re-inspection opinion");
    case FG_NOTICE_KIND_MAJOR_HAZARD_LETTER:
      return _("Letter on a possibly major hazard to the fire brigade");
    case FG_NOTICE_KIND_TRANSFER:
      return _("Transfer to a police station or regulator");
    case FG_NOTICE_N_KINDS:
    default:
      return "";
    }
}

/**
 * fg_notice_kind_get_title:
 *
 * Returns: the title printed on the document (in Chinese)
 */
const char *
fg_notice_kind_get_title (FgNoticeKind kind)
{
  g_return_val_if_fail (kind < FG_NOTICE_N_KINDS, NULL);
  return kind_titles[kind];
}

const char *
fg_notice_service_get_label (FgNoticeService service)
{
  switch (service)
    {
    case FG_NOTICE_SERVICE_NONE:
      return _("Not served yet");
    case FG_NOTICE_SERVICE_SERVED:
      return _("Served");
    case FG_NOTICE_SERVICE_REFUSED:
      return C_("document service", "Refused to sign, left at the venue");
    case FG_NOTICE_SERVICE_UNREACHABLE:
      return _("Nobody to serve it on");
    default:
      return "";
    }
}

const char *
fg_notice_verdict_get_label (FgNoticeVerdict verdict)
{
  switch (verdict)
    {
    case FG_NOTICE_GENUINE:
      return _("Genuine: the document is as it was issued.");
    case FG_NOTICE_VOIDED:
      return _("Genuine, but the document has been voided.");
    case FG_NOTICE_ALTERED:
      return _("Altered: the number is ours, but the content is not what was issued.");
    case FG_NOTICE_UNKNOWN:
      return _("Unknown: no document with this number was issued here.");
    default:
      return "";
    }
}

const char *
fg_notice_get_id (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->id;
}

FgNoticeKind
fg_notice_get_kind (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), FG_NOTICE_KIND_INSPECTION_RECORD);
  return self->kind;
}

const char *
fg_notice_get_number (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->number;
}

const char *
fg_notice_get_venue_id (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->venue_id;
}

const char *
fg_notice_get_venue_name (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->venue_name;
}

const char *
fg_notice_get_village_name (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->village_name;
}

/**
 * fg_notice_get_township_name:
 *
 * Returns: the name of the township that issued the document, which tells
 *   one township's documents from another's in a county's list
 */
const char *
fg_notice_get_township_name (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->township_name;
}

/**
 * fg_notice_get_inspection_id:
 *
 * Returns: (nullable): the inspection the document comes from
 */
const char *
fg_notice_get_inspection_id (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->inspection_id;
}

/**
 * fg_notice_get_follows_id:
 *
 * Returns: (nullable): for a re-inspection opinion, the notice re-inspected
 */
const char *
fg_notice_get_follows_id (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->follows_id;
}

const char *
fg_notice_get_issued_on (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->issued_on;
}

const char *
fg_notice_get_actor_name (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->actor_name;
}

/**
 * fg_notice_get_deadline:
 *
 * Returns: (nullable): the deadline it sets, YYYY-MM-DD
 */
const char *
fg_notice_get_deadline (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->deadline;
}

const char *
fg_notice_get_digest (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->digest;
}

/**
 * fg_notice_get_content:
 *
 * Returns: (transfer none): what the document says, as issued (a{sv})
 */
GVariant *
fg_notice_get_content (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->content;
}

gboolean
fg_notice_get_voided (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), FALSE);
  return self->voided_at != NULL;
}

const char *
fg_notice_get_void_reason (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->void_reason;
}

FgNoticeService
fg_notice_get_service (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), FG_NOTICE_SERVICE_NONE);
  return self->service;
}

/**
 * fg_notice_get_served_at:
 *
 * Returns: (nullable): the day of the last service recorded
 */
const char *
fg_notice_get_served_at (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return self->served_at;
}

/**
 * fg_notice_get_hazard_ids:
 *
 * Returns: (transfer none): the hazards the document names, in its order
 */
const char * const *
fg_notice_get_hazard_ids (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return (const char * const *) self->hazard_ids;
}

/**
 * fg_notice_dup_code:
 *
 * Returns: (transfer full): what the document's QR code holds: its number
 *   and the SHA-256 of its content
 */
char *
fg_notice_dup_code (FgNotice *self)
{
  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);
  return g_strconcat (PAYLOAD_PREFIX, self->number, "/", self->digest, NULL);
}

/**
 * fg_notice_dup_check_code:
 *
 * Returns: (transfer full): the start of the digest, printed under the QR
 *   code for reading out or typing: "3F2A-91C0-7B1E"
 */
char *
fg_notice_dup_check_code (FgNotice *self)
{
  g_autofree char *check = NULL;

  g_return_val_if_fail (FG_IS_NOTICE (self), NULL);

  check = g_strdup_printf ("%.4s-%.4s-%.4s", self->digest, self->digest + 4, self->digest + 8);
  return g_ascii_strup (check, -1);
}

/* Reading */

static char *
dup_nullable (sqlite3_stmt *stmt,
              int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static char *
digest_of (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

FgNotice *
fg_notice_private_new_from_row (sqlite3_stmt *stmt)
{
  FgNotice *self = g_object_new (FG_TYPE_NOTICE, NULL);
  g_autofree char *computed = NULL;
  const char *content = fg_stmt_text (stmt, 13);

  self->id = g_strdup (fg_stmt_text (stmt, 0));
  fg_notice_kind_from_string (fg_stmt_text (stmt, 1), &self->kind);
  self->number = g_strdup (fg_stmt_text (stmt, 2));
  self->venue_id = g_strdup (fg_stmt_text (stmt, 3));
  self->venue_name = g_strdup (fg_stmt_text (stmt, 4));
  self->village_name = g_strdup (fg_stmt_text (stmt, 5));
  self->region_code = g_strdup (fg_stmt_text (stmt, 6));
  self->inspection_id = dup_nullable (stmt, 7);
  self->follows_id = dup_nullable (stmt, 8);
  self->issued_on = g_strdup (fg_stmt_text (stmt, 9));
  self->actor_name = g_strdup (fg_stmt_text (stmt, 10));
  self->deadline = dup_nullable (stmt, 11);
  self->digest = g_strdup (fg_stmt_text (stmt, 12));

  computed = digest_of (content);
  self->content_intact = g_str_equal (computed, self->digest);
  self->content = g_variant_parse (G_VARIANT_TYPE_VARDICT, content, NULL, NULL, NULL);
  if (self->content == NULL)
    {
      self->content_intact = FALSE;
      self->content = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
    }

  self->voided_at = dup_nullable (stmt, 14);
  self->void_reason = dup_nullable (stmt, 15);
  self->service = FG_NOTICE_SERVICE_NONE;
  for (guint i = 1; i < G_N_ELEMENTS (service_ids); i++)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 16), service_ids[i]) == 0)
      self->service = i;
  self->served_at = dup_nullable (stmt, 17);
  self->township_name = g_strdup (fg_stmt_text (stmt, 18));

  return self;
}

gboolean
fg_notice_private_read_hazard_ids (FgStore   *store,
                                   FgNotice  *self,
                                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT hazard_id FROM notice_hazard WHERE notice_id = ?1 ORDER BY position",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, fg_stmt_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }

  g_strfreev (self->hazard_ids);
  self->hazard_ids = g_strv_builder_end (ids);
  return TRUE;
}

/* A document by id or number. A county office holds every township's
 * documents, and two townships may print the same number: the check code
 * (@digest, a prefix of the SHA-256) tells theirs apart, and without it
 * a number two documents have is refused. */
static FgNotice *
find_notice (FgStore     *store,
             const char  *id_or_number,
             const char  *digest,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = fg_notice_number_normalize (id_or_number);
  FgNotice *self;

  stmt = fg_store_prepare (store,
                           "SELECT " NOTICE_COLUMNS " FROM " NOTICE_FROM " WHERE n.id = ?1 OR n.number = ?2"
                           " ORDER BY n.id = ?1 DESC, substr (n.digest, 1, length (?3)) = ?3 DESC, n.seq",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id_or_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND,
                   _("No document “%s” was found."), id_or_number);
      return NULL;
    }
  self = fg_notice_private_new_from_row (stmt);
  if (digest == NULL && !g_str_equal (self->id, id_or_number) && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_AMBIGUOUS,
                   _("Documents of two townships have the number %s. Give the check code printed under "
                     "the QR code of the one you mean."),
                   self->number);
      g_object_unref (self);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  if (!fg_notice_private_read_hazard_ids (store, self, error))
    {
      g_object_unref (self);
      return NULL;
    }

  return self;
}

/**
 * fg_notice_load:
 * @id_or_number: the document's id, or its number as printed
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
FgNotice *
fg_notice_load (FgStore     *store,
                FgActor     *actor,
                const char  *id_or_number,
                GError     **error)
{
  g_autoptr(FgNotice) self = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (id_or_number != NULL, NULL);

  self = find_notice (store, id_or_number, NULL, error);
  if (self == NULL)
    return NULL;
  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, self->region_code, self->id, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fg_notice_list:
 * @region_id: (nullable): only documents for venues in this region
 * @venue_id: (nullable): only this venue's
 * @day: (nullable): only those issued on this day, YYYY-MM-DD
 * @open_only: only notices whose hazards are still being corrected
 *
 * Returns: (transfer full) (element-type FgNotice): the documents in the
 *   actor's scope, the latest first
 */
GPtrArray *
fg_notice_list (FgStore     *store,
                FgActor     *actor,
                const char  *region_id,
                const char  *venue_id,
                const char  *day,
                gboolean     open_only,
                GError     **error)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *scope = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " NOTICE_COLUMNS " FROM " NOTICE_FROM
                           " WHERE (?1 IS NULL OR ?1 IN (ve.region_id, ve.village_id, ve.township_id,"
                           "                              ve.county_id, ve.grid_id))"
                           "   AND (?2 IS NULL OR n.venue_id = ?2)"
                           "   AND (?3 IS NULL OR n.issued_on = ?3)"
                           "   AND (?4 = 0 OR (n.voided_at IS NULL AND n.kind IN ('correct-now', 'correct-by-deadline')"
                           "        AND EXISTS (SELECT 1 FROM notice_hazard nh JOIN hazard h ON h.id = nh.hazard_id"
                           "                    WHERE nh.notice_id = n.id AND h.state = 'rectifying')))"
                           "   AND (?5 IS NULL OR substr (r.code, 1, length (?5)) = ?5)"
                           " ORDER BY n.issued_on DESC, n.seq DESC",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, venue_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, open_only);
  scope = fg_actor_dup_scope_prefix (actor);
  sqlite3_bind_text (stmt, 5, scope, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (fg_actor_covers_code (actor, fg_stmt_text (stmt, 6)))
        g_ptr_array_add (notices, fg_notice_private_new_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }
  g_clear_pointer (&stmt, fg_stmt_release);

  for (guint i = 0; i < notices->len; i++)
    if (!fg_notice_private_read_hazard_ids (store, g_ptr_array_index (notices, i), error))
      return NULL;

  return g_steal_pointer (&notices);
}

/* Issuing */

/* The township a venue belongs to, and the code of its grid or village,
 * for the scope. */
static gboolean
venue_place (FgStore     *store,
             const char  *venue_id,
             char       **township_id,
             char       **region_code,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = fg_store_prepare (store,
                           "SELECT ve.township_id, r.code FROM venue ve JOIN region r ON r.id = ve.region_id"
                           " WHERE ve.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, venue_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND, _("The venue was not found."));
      return FALSE;
    }
  *township_id = g_strdup (fg_stmt_text (stmt, 0));
  *region_code = g_strdup (fg_stmt_text (stmt, 1));
  return TRUE;
}

static GPtrArray *
load_hazards (FgStore             *store,
              FgActor             *actor,
              const char * const  *ids,
              GError             **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      FgHazard *hazard = fg_hazard_load (store, actor, ids[i], error);

      if (hazard == NULL)
        return NULL;
      for (guint j = 0; j < hazards->len; j++)
        if (g_str_equal (fg_hazard_get_id (g_ptr_array_index (hazards, j)), ids[i]))
          {
            g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                         _("A hazard is named twice."));
            g_object_unref (hazard);
            return NULL;
          }
      g_ptr_array_add (hazards, hazard);
    }

  return g_steal_pointer (&hazards);
}

/* A document being issued: what its request names, once checked, and
 * what is made of it inside the write transaction. */
typedef struct
{
  FgNoticeKind kind;
  GDate *today;
  char *issued_on;
  char *deadline;               /* an order's: the request's, or the day of issue */
  FgInspection *inspection;     /* an inspection record's */
  GPtrArray *hazards;           /* an order's, or those of the notice re-inspected */
  FgNotice *follows;            /* the notice a re-inspection opinion follows */
  const char *recipient_kind;   /* a transfer's, from the request */
  const char *recipient;
  FgVenue *venue;
  FgNoticeSettings *settings;
  char *township_id;            /* the issuer, whose series the number is of */
  char *region_code;            /* the venue's grid or village, for the scope */
  int seq;
  char *number;
  char *content;                /* what it says, frozen and printed */
  char *digest;
  char *id;
} Draft;

static void
draft_clear (Draft *draft)
{
  g_clear_pointer (&draft->today, g_date_free);
  g_clear_pointer (&draft->issued_on, g_free);
  g_clear_pointer (&draft->deadline, g_free);
  g_clear_object (&draft->inspection);
  g_clear_pointer (&draft->hazards, g_ptr_array_unref);
  g_clear_object (&draft->follows);
  g_clear_object (&draft->venue);
  g_clear_pointer (&draft->settings, fg_notice_settings_free);
  g_clear_pointer (&draft->township_id, g_free);
  g_clear_pointer (&draft->region_code, g_free);
  g_clear_pointer (&draft->number, g_free);
  g_clear_pointer (&draft->content, g_free);
  g_clear_pointer (&draft->digest, g_free);
  g_clear_pointer (&draft->id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Draft, draft_clear)

static gboolean
check_notice_allowed (FgHazard  *hazard,
                      GError   **error)
{
  if (fg_hazard_event_allowed (fg_hazard_get_state (hazard), FG_HAZARD_EVENT_NOTICE_ISSUED))
    return TRUE;

  g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
               _("No notice can be issued for “%s” now: the hazard is “%s”."),
               fg_hazard_get_finding (hazard),
               fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
  return FALSE;
}

/* An inspection record is of one inspection. */
static gboolean
gather_record (FgStore                *store,
               FgActor                *actor,
               const FgNoticeRequest  *request,
               Draft                  *draft,
               const char            **venue_id,
               GError                **error)
{
  if (request->inspection_id == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Say which inspection the record is of."));
      return FALSE;
    }
  draft->inspection = fg_inspection_load (store, actor, request->inspection_id, error);
  if (draft->inspection == NULL || !fg_notice_content_check_record (draft->inspection, error))
    return FALSE;
  *venue_id = fg_inspection_get_venue_id (draft->inspection);
  return TRUE;
}

/* An order to correct by a deadline needs one after the day of issue;
 * one to correct at once is due the day it is issued. */
static gboolean
gather_deadline (const FgNoticeRequest  *request,
                 Draft                  *draft,
                 GError                **error)
{
  g_autoptr(GDate) date = NULL;
  g_autoptr(GError) date_error = NULL;

  if (request->kind == FG_NOTICE_KIND_CORRECT_NOW)
    {
      draft->deadline = g_strdup (draft->issued_on);
      return TRUE;
    }

  if (request->deadline == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Give the deadline for the correction."));
      return FALSE;
    }
  date = fg_calendar_parse_date (request->deadline, &date_error);
  if (date == NULL)
    {
      g_set_error_literal (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, date_error->message);
      return FALSE;
    }
  if (g_date_compare (date, draft->today) <= 0)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The deadline %s must come after the day of issue (%s)."),
                   request->deadline, draft->issued_on);
      return FALSE;
    }
  /* at most a year ahead, as every deadline an event sets */
  if (!fg_hazard_check_deadline_reach (draft->issued_on, request->deadline, &date_error))
    {
      g_set_error_literal (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, date_error->message);
      return FALSE;
    }
  draft->deadline = g_strdup (request->deadline);
  return TRUE;
}

/**
 * fg_notice_check_order_fields:
 * @request: an order to correct, as a form holds it
 * @deadline_error: (out) (optional) (nullable): what is wrong with its deadline
 * @hazards_error: (out) (optional) (nullable): what is wrong with its choice of hazards
 *
 * Checks what a person types or chooses for an order to correct, every
 * field of it, as fg_notice_issue() does, so a form can mark all the
 * wrong ones at once. fg_notice_issue() checks more (the hazards' venue
 * and state, who issues).
 *
 * Returns: the number of wrong fields
 */
guint
fg_notice_check_order_fields (FgStore                *store,
                              const FgNoticeRequest  *request,
                              GError                **deadline_error,
                              GError                **hazards_error)
{
  g_auto(Draft) draft = { 0, };
  guint n_wrong = 0;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (request != NULL, 0);

  draft.today = request->today != NULL ? g_date_copy (request->today) : fg_store_today (store);
  draft.issued_on = fg_calendar_format_date (draft.today);
  if (!gather_deadline (request, &draft, deadline_error))
    n_wrong++;
  if (request->hazard_ids == NULL || request->hazard_ids[0] == NULL)
    {
      g_set_error (hazards_error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Choose the hazards the notice orders corrected."));
      n_wrong++;
    }
  return n_wrong;
}

/* An order to correct names hazards of one venue that may get a notice now. */
static gboolean
gather_order (FgStore                *store,
              FgActor                *actor,
              const FgNoticeRequest  *request,
              Draft                  *draft,
              const char            **venue_id,
              GError                **error)
{
  if (request->hazard_ids == NULL || request->hazard_ids[0] == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Choose the hazards the notice orders corrected."));
      return FALSE;
    }
  draft->hazards = load_hazards (store, actor, request->hazard_ids, error);
  if (draft->hazards == NULL)
    return FALSE;
  *venue_id = fg_hazard_get_venue_id (g_ptr_array_index (draft->hazards, 0));
  for (guint i = 0; i < draft->hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (draft->hazards, i);

      if (!g_str_equal (fg_hazard_get_venue_id (hazard), *venue_id))
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("A notice goes to one venue: the hazards chosen are at different venues."));
          return FALSE;
        }
      if (!check_notice_allowed (hazard, error))
        return FALSE;
    }

  return gather_deadline (request, draft, error);
}

/* A re-inspection opinion follows a notice, and is about its hazards. */
static gboolean
gather_reinspection (FgStore                *store,
                     FgActor                *actor,
                     const FgNoticeRequest  *request,
                     Draft                  *draft,
                     const char            **venue_id,
                     GError                **error)
{
  if (request->follows_id == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Say which notice was re-inspected."));
      return FALSE;
    }
  draft->follows = fg_notice_load (store, actor, request->follows_id, error);
  if (draft->follows == NULL)
    return FALSE;
  draft->hazards = load_hazards (store, actor, (const char * const *) draft->follows->hazard_ids, error);
  if (draft->hazards == NULL)
    return FALSE;
  *venue_id = draft->follows->venue_id;
  return TRUE;
}

/* What the request names, read and checked, and whether the actor may
 * issue for that venue. Nothing is written yet. */
static gboolean
gather_request (FgStore                *store,
                FgActor                *actor,
                const FgNoticeRequest  *request,
                Draft                  *draft,
                GError                **error)
{
  const char *venue_id = NULL;
  gboolean gathered = FALSE;

  /* a role that may not issue at all is refused (and the refusal logged)
   * before anything is read; the scope is checked once the venue is known */
  if (!fg_actor_can (actor, FG_ACTION_NOTICE_ISSUE))
    {
      if (!fg_permission_check (store, actor, FG_ACTION_NOTICE_ISSUE, NULL, NULL, error))
        return FALSE;
    }

  draft->kind = request->kind;
  draft->today = request->today != NULL ? g_date_copy (request->today) : fg_store_today (store);
  draft->issued_on = fg_calendar_format_date (draft->today);

  switch (request->kind)
    {
    case FG_NOTICE_KIND_INSPECTION_RECORD:
      gathered = gather_record (store, actor, request, draft, &venue_id, error);
      break;

    case FG_NOTICE_KIND_CORRECT_NOW:
    case FG_NOTICE_KIND_CORRECT_BY_DEADLINE:
      gathered = gather_order (store, actor, request, draft, &venue_id, error);
      break;

    case FG_NOTICE_KIND_REINSPECTION:
      gathered = gather_reinspection (store, actor, request, draft, &venue_id, error);
      break;

    case FG_NOTICE_KIND_MAJOR_HAZARD_LETTER:
    case FG_NOTICE_KIND_TRANSFER:
      draft->recipient_kind = request->recipient_kind;
      draft->recipient = request->recipient;
      gathered = fg_notice_transfer_gather (store, actor, request, &draft->hazards, &venue_id, error);
      break;

    case FG_NOTICE_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (!gathered)
    return FALSE;

  draft->venue = fg_venue_load (store, actor, venue_id, error);
  if (draft->venue == NULL)
    return FALSE;
  draft->settings = fg_notice_settings_load (store, error);
  if (draft->settings == NULL)
    return FALSE;
  /* refused before a number is taken */
  if ((request->kind == FG_NOTICE_KIND_CORRECT_NOW || request->kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE) &&
      !fg_notice_settings_check_orders (draft->settings, error))
    return FALSE;

  return venue_place (store, venue_id, &draft->township_id, &draft->region_code, error) &&
         fg_permission_check (store, actor, FG_ACTION_NOTICE_ISSUE, draft->region_code, venue_id, error);
}

/* The hazards' states again, inside the write transaction: another
 * window or program may have issued their notice meanwhile. */
static gboolean
recheck_hazards (FgStore  *store,
                 FgActor  *actor,
                 Draft    *draft,
                 GError  **error)
{
  if (draft->kind == FG_NOTICE_KIND_REINSPECTION)
    return TRUE;
  if (draft->kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER || draft->kind == FG_NOTICE_KIND_TRANSFER)
    return fg_notice_transfer_recheck (store, actor, draft->kind, draft->hazards, error);

  for (guint i = 0; draft->hazards != NULL && i < draft->hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (draft->hazards, i);
      g_autoptr(FgHazard) now_hazard = fg_hazard_load (store, actor, fg_hazard_get_id (hazard), error);

      if (now_hazard == NULL || !check_notice_allowed (now_hazard, error))
        return FALSE;
    }

  return TRUE;
}

/* What the document says, frozen as printed text with its SHA-256;
 * once it is numbered, since the number is part of it. */
static gboolean
freeze_content (FgStore  *store,
                FgActor  *actor,
                Draft    *draft,
                GError  **error)
{
  g_autoptr(GVariant) content = NULL;
  GVariantDict dict;
  gboolean built = FALSE;

  g_variant_dict_init (&dict, NULL);
  fg_notice_content_add_common (&dict, draft->settings, draft->kind, draft->number, draft->issued_on, draft->venue);
  switch (draft->kind)
    {
    case FG_NOTICE_KIND_INSPECTION_RECORD:
      built = fg_notice_content_add_record (store, actor, draft->inspection, &dict, error);
      break;

    case FG_NOTICE_KIND_CORRECT_NOW:
    case FG_NOTICE_KIND_CORRECT_BY_DEADLINE:
      built = fg_notice_content_add_order (store, actor, draft->hazards, draft->deadline, &dict, error);
      break;

    case FG_NOTICE_KIND_REINSPECTION:
      built = fg_notice_content_add_reinspection (store, actor, draft->follows, draft->hazards, &dict, error);
      break;

    case FG_NOTICE_KIND_MAJOR_HAZARD_LETTER:
    case FG_NOTICE_KIND_TRANSFER:
      built = fg_notice_content_add_transfer (store, actor, draft->kind, draft->hazards, draft->settings,
                                              draft->recipient_kind, draft->recipient, &dict, error);
      break;

    case FG_NOTICE_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  if (!built)
    {
      g_variant_dict_clear (&dict);
      return FALSE;
    }

  content = g_variant_ref_sink (g_variant_dict_end (&dict));
  draft->content = g_variant_print (content, TRUE);
  draft->digest = digest_of (draft->content);
  return TRUE;
}

/* Every character the document will print must be in a font for
 * documents before a number is taken: its content is made once with a
 * number of its series, whose characters all its numbers share. */
static gboolean
check_printable (FgStore  *store,
                 FgActor  *actor,
                 Draft    *draft,
                 GError  **error)
{
  g_autoptr(GVariant) content = NULL;
  gboolean printable;

  draft->number = fg_notice_number_format (draft->settings->issuer_short, draft->settings->codes[draft->kind],
                                           g_date_get_year (draft->today), 0);
  printable = freeze_content (store, actor, draft, error);
  if (printable)
    {
      content = g_variant_parse (G_VARIANT_TYPE_VARDICT, draft->content, NULL, NULL, NULL);
      printable = fg_notice_check_printable (draft->settings, draft->kind, content, error);
    }
  g_clear_pointer (&draft->number, g_free);
  g_clear_pointer (&draft->content, g_free);
  g_clear_pointer (&draft->digest, g_free);
  return printable;
}

/* The document's row, under a new id. */
static gboolean
store_notice (FgStore  *store,
              FgActor  *actor,
              Draft    *draft,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stamp = NULL;

  draft->id = fg_uuid_new ();
  now = fg_store_now_iso8601 (store);
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "INSERT INTO notice (id, kind, township_id, year, number_seq, number, venue_id,"
                           "  inspection_id, follows_id, issued_on, issued_at, actor, actor_name, deadline,"
                           "  content, digest, origin_node, stamp)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, draft->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind_ids[draft->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, draft->township_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, g_date_get_year (draft->today));
  sqlite3_bind_int (stmt, 5, draft->seq);
  sqlite3_bind_text (stmt, 6, draft->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, fg_venue_get_id (draft->venue), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, draft->inspection != NULL ? fg_inspection_get_id (draft->inspection) : NULL,
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, draft->follows != NULL ? draft->follows->id : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, draft->issued_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, fg_actor_get_display_name (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, draft->deadline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, draft->content, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, draft->digest, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, stamp, -1, SQLITE_STATIC);
  return fg_store_step_done (store, stmt, error);
}

/* The hazards the document is about, in their order, and for an
 * order to correct each one's "notice issued" event with the deadline. */
static gboolean
store_hazard_events (FgStore  *store,
                     FgActor  *actor,
                     Draft    *draft,
                     GError  **error)
{
  gboolean is_order = draft->kind == FG_NOTICE_KIND_CORRECT_NOW ||
                      draft->kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE;

  for (guint i = 0; draft->hazards != NULL && i < draft->hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (draft->hazards, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      const FgHazardEventDetails details = {
        .note = draft->number,
        .deadline = draft->deadline,
        .notice_id = draft->id,
      };

      stmt = fg_store_prepare (store,
                               "INSERT INTO notice_hazard (notice_id, hazard_id, position) VALUES (?1, ?2, ?3)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, draft->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, fg_hazard_get_id (hazard), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      if (!fg_store_step_done (store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, fg_stmt_release);

      if (is_order &&
          !fg_hazard_append_event (store, actor, fg_hazard_get_id (hazard),
                                   FG_HAZARD_EVENT_NOTICE_ISSUED, &details, error))
        return FALSE;
      if (!is_order && !fg_notice_transfer_record_event (store, actor, draft->kind, fg_hazard_get_id (hazard),
                                                         draft->id, draft->number, draft->recipient_kind, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * fg_notice_issue:
 * @store: the store
 * @actor: who issues (township staff)
 * @request: what to issue
 * @error: return location for an error
 *
 * Issues a document: allocates its number, freezes its content and, for
 * an order to correct, records "notice issued" on each of its hazards
 * with the deadline (today, for an order to correct at once) — all in one
 * transaction, so there is never a number without its document nor a
 * document without its events. A document that could not be printed
 * (a character no font for documents has) is refused before its number
 * is taken (%FG_NOTICE_ERROR_FONT).
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
FgNotice *
fg_notice_issue (FgStore                *store,
                 FgActor                *actor,
                 const FgNoticeRequest  *request,
                 GError                **error)
{
  g_auto(Draft) draft = { 0, };
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (request != NULL && request->kind < FG_NOTICE_N_KINDS, NULL);

  if (!gather_request (store, actor, request, &draft, error) ||
      !fg_node_check_issues_documents (store, error))
    return NULL;

  if (!fg_store_begin (store, error))
    return NULL;
  if (!recheck_hazards (store, actor, &draft, error) ||
      !check_printable (store, actor, &draft, error))
    goto failed;
  /* the numbering rule is at fg_notice_number_allocate() */
  draft.number = fg_notice_number_allocate (store, draft.settings, draft.township_id, draft.kind,
                                            g_date_get_year (draft.today), &draft.seq, error);
  if (draft.number == NULL ||
      !freeze_content (store, actor, &draft, error) ||
      !store_notice (store, actor, &draft, error) ||
      !store_hazard_events (store, actor, &draft, error))
    goto failed;
  after = fg_audit_dup_row (store, "notice", draft.id);
  if (!fg_audit_record_change (store, actor, "notice-issue", draft.id, NULL, after, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return NULL;

  return fg_notice_load (store, actor, draft.id, error);

failed:
  fg_store_rollback (store);
  return NULL;
}

/**
 * fg_notice_check_void_reason:
 * @reason: (nullable): why a document is voided, as typed
 *
 * Returns: whether fg_notice_void() takes @reason; if not, @error says why
 */
gboolean
fg_notice_check_void_reason (const char  *reason,
                             GError     **error)
{
  if (reason == NULL || !g_utf8_validate (reason, -1, NULL) || fg_text_is_blank (reason) ||
      g_utf8_strlen (reason, -1) > 500)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Give the reason for voiding the document (at most 500 characters)."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_notice_void:
 * @reason: why (a misprint, the wrong venue …)
 *
 * Marks a document void. It keeps its number, which is never given again.
 * An order to correct can be voided while its hazards are still being
 * corrected under it; they go back to "found", for a right notice. A
 * letter to the brigade or a transfer can be voided while nothing was
 * recorded for its hazards since it was sent; each goes back to where it
 * stood before it (an order's deadline running again, or found).
 */
gboolean
fg_notice_void (FgStore     *store,
                FgActor     *actor,
                FgNotice    *self,
                const char  *reason,
                GError     **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stamp = NULL;
  gboolean is_order;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_NOTICE (self), FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_NOTICE_ISSUE, self->region_code, self->id, error) ||
      !fg_node_check_issues_documents (store, error))
    return FALSE;
  if (self->voided_at != NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID,
                   _("The document %s is void already."), self->number);
      return FALSE;
    }
  if (!fg_notice_check_void_reason (reason, error))
    return FALSE;

  is_order = self->kind == FG_NOTICE_KIND_CORRECT_NOW || self->kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE;
  if (is_order)
    {
      hazards = load_hazards (store, actor, (const char * const *) self->hazard_ids, error);
      if (hazards == NULL)
        return FALSE;
      for (guint i = 0; i < hazards->len; i++)
        {
          FgHazard *hazard = g_ptr_array_index (hazards, i);
          GPtrArray *events = fg_hazard_get_events (hazard);
          const char *current = NULL;

          for (guint e = 0; e < events->len; e++)
            {
              const FgHazardEvent *event = g_ptr_array_index (events, e);

              if (event->kind == FG_HAZARD_EVENT_NOTICE_ISSUED || event->kind == FG_HAZARD_EVENT_REINSPECTED_FAIL ||
                  event->kind == FG_HAZARD_EVENT_DEADLINE_EXTENDED || event->kind == FG_HAZARD_EVENT_REOPENED)
                current = event->kind == FG_HAZARD_EVENT_NOTICE_ISSUED ? event->notice_id : NULL;
            }
          if (fg_hazard_get_state (hazard) != FG_HAZARD_STATE_RECTIFYING || g_strcmp0 (current, self->id) != 0)
            {
              g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                           _("The notice %s can no longer be voided: its hazards have moved on since "
                             "(re-inspected, extended or closed). Record what happened to them instead."),
                           self->number);
              return FALSE;
            }
        }
    }
  else if (self->kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER || self->kind == FG_NOTICE_KIND_TRANSFER)
    {
      hazards = fg_notice_transfer_load_for_void (store, actor, self, error);
      if (hazards == NULL)
        return FALSE;
    }

  before = fg_audit_dup_row (store, "notice", self->id);
  now = fg_store_now_iso8601 (store);

  if (!fg_store_begin (store, error))
    return FALSE;

  /* the stamp orders this voiding among those other offices may send */
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "UPDATE notice SET voided_at = ?1, voided_by = ?2, void_reason = ?3, void_stamp = ?5"
                           " WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, fg_actor_get_login (actor), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  for (guint i = 0; hazards != NULL && i < hazards->len; i++)
    {
      g_autofree char *note = is_order ? g_strdup_printf (_("Notice %s voided: %s"), self->number, reason)
                                       : g_strdup_printf (_("%s voided: %s"), self->number, reason);
      const FgHazardEventDetails details = { .note = note, .notice_id = self->id };

      if (!fg_hazard_append_event (store, actor, fg_hazard_get_id (g_ptr_array_index (hazards, i)),
                                   FG_HAZARD_EVENT_NOTICE_VOIDED, &details, error))
        goto failed;
    }

  after = fg_audit_dup_row (store, "notice", self->id);
  if (!fg_audit_record_change (store, actor, "notice-void", self->id, before, after, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return FALSE;

  g_free (self->voided_at);
  self->voided_at = g_steal_pointer (&now);
  g_free (self->void_reason);
  self->void_reason = g_strdup (reason);
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

/* The event a service gives each hazard still being corrected under
 * the notice; served needs the one who took it. */
static gboolean
service_event_kind (FgNoticeService     service,
                    const char         *recipient,
                    FgHazardEventKind  *kind,
                    GError            **error)
{
  switch (service)
    {
    case FG_NOTICE_SERVICE_SERVED:
      *kind = FG_HAZARD_EVENT_NOTICE_SERVED;
      if (recipient == NULL || fg_text_is_blank (recipient))
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("Say to whom the notice was served."));
          return FALSE;
        }
      return TRUE;
    case FG_NOTICE_SERVICE_REFUSED:
      *kind = FG_HAZARD_EVENT_NOTICE_REFUSED;
      return TRUE;
    case FG_NOTICE_SERVICE_UNREACHABLE:
      *kind = FG_HAZARD_EVENT_OPERATOR_UNREACHABLE;
      return TRUE;
    case FG_NOTICE_SERVICE_NONE:
    default:
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Say whether the notice was served, refused, or found nobody to serve it on."));
      return FALSE;
    }
}

/* The day of service, YYYY-MM-DD: @served_on or today, neither still to
 * come nor before the day of issue. */
static char *
service_day (FgStore     *store,
             FgNotice    *self,
             const char  *served_on,
             GError     **error)
{
  g_autoptr(GDate) day = NULL;
  g_autoptr(GDate) today = fg_store_today (store);
  g_autofree char *day_text = NULL;

  if (served_on != NULL)
    {
      g_autoptr(GError) date_error = NULL;

      day = fg_calendar_parse_date (served_on, &date_error);
      if (day == NULL)
        {
          g_set_error_literal (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, date_error->message);
          return NULL;
        }
    }
  else
    day = g_date_copy (today);
  day_text = fg_calendar_format_date (day);

  if (g_date_compare (day, today) > 0)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("A document cannot be served on a day still to come (%s)."), day_text);
      return NULL;
    }
  if (strcmp (day_text, self->issued_on) < 0)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("A document is served on or after the day it was issued (%s)."), self->issued_on);
      return NULL;
    }

  return g_steal_pointer (&day_text);
}

/**
 * fg_notice_check_service_fields:
 * @self: the notice served
 * @service: how it went
 * @recipient: (nullable): who received it, as typed
 * @served_on: (nullable): the day, as typed (%NULL: today)
 * @note: (nullable): the note, as typed
 * @recipient_error: (out) (optional) (nullable): what is wrong with the recipient
 * @day_error: (out) (optional) (nullable): what is wrong with the day
 * @note_error: (out) (optional) (nullable): what is wrong with the note
 *
 * Checks each field of a service as fg_notice_record_service() does,
 * every one of them, so a form can mark all the wrong ones at once.
 *
 * Returns: the number of wrong fields
 */
guint
fg_notice_check_service_fields (FgStore          *store,
                                FgNotice         *self,
                                FgNoticeService   service,
                                const char       *recipient,
                                const char       *served_on,
                                const char       *note,
                                GError          **recipient_error,
                                GError          **day_error,
                                GError          **note_error)
{
  g_autofree char *day_text = NULL;
  FgHazardEventKind kind;
  guint n_wrong = 0;

  g_return_val_if_fail (FG_IS_STORE (store), 0);
  g_return_val_if_fail (FG_IS_NOTICE (self), 0);

  if (!service_event_kind (service, recipient, &kind, recipient_error))
    n_wrong++;
  else if (recipient != NULL && g_utf8_strlen (recipient, -1) > 100)
    {
      g_set_error (recipient_error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The recipient’s name or the note is too long."));
      n_wrong++;
    }
  day_text = service_day (store, self, served_on, day_error);
  n_wrong += day_text == NULL;
  if (note != NULL && g_utf8_strlen (note, -1) > 400)
    {
      g_set_error (note_error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The recipient’s name or the note is too long."));
      n_wrong++;
    }
  return n_wrong;
}

/**
 * fg_notice_record_service:
 * @service: served, refused, or nobody to serve it on
 * @recipient: (nullable): who took it (needed when served)
 * @served_on: (nullable): the day, YYYY-MM-DD; today when %NULL
 * @note: (nullable): anything else (witnesses, where it was left)
 *
 * Records the service of a document (送达) on the venue: refused for a
 * letter to the brigade or a transfer, which go to another authority.
 * For an order to correct, each of its hazards still being corrected gets
 * the matching event. A refusal to sign is served by leaving the document
 * (留置送达); a notice that found nobody to serve it on is to be served
 * another way.
 */
gboolean
fg_notice_record_service (FgStore          *store,
                          FgActor          *actor,
                          FgNotice         *self,
                          FgNoticeService   service,
                          const char       *recipient,
                          const char       *served_on,
                          const char       *note,
                          GError          **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *event_note = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stamp = NULL;
  FgHazardEventKind kind;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (FG_IS_NOTICE (self), FALSE);

  if (!fg_permission_check (store, actor, FG_ACTION_NOTICE_SERVE, self->region_code, self->id, error) ||
      !fg_node_check_issues_documents (store, error))
    return FALSE;
  if (self->voided_at != NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID,
                   _("The document %s was voided: it is not served."), self->number);
      return FALSE;
    }
  if (self->kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER || self->kind == FG_NOTICE_KIND_TRANSFER)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("%s is a “%s”: it is sent to the authority it is addressed to, not served on the venue "
                     "with a proof of service."),
                   self->number, fg_notice_kind_get_label (self->kind));
      return FALSE;
    }

  if (!service_event_kind (service, recipient, &kind, error))
    return FALSE;
  day_text = service_day (store, self, served_on, error);
  if (day_text == NULL)
    return FALSE;
  if ((recipient != NULL && g_utf8_strlen (recipient, -1) > 100) ||
      (note != NULL && g_utf8_strlen (note, -1) > 400))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The recipient’s name or the note is too long."));
      return FALSE;
    }

  if (self->kind == FG_NOTICE_KIND_CORRECT_NOW || self->kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    {
      hazards = load_hazards (store, actor, (const char * const *) self->hazard_ids, error);
      if (hazards == NULL)
        return FALSE;
    }

  event_note = g_strdup_printf ("%s %s%s%s%s%s", self->number, day_text,
                                recipient != NULL && *recipient != '\0' ? " " : "",
                                recipient != NULL ? recipient : "",
                                note != NULL && *note != '\0' ? " " : "",
                                note != NULL ? note : "");
  before = fg_audit_dup_row (store, "notice", self->id);

  if (!fg_store_begin (store, error))
    return FALSE;

  /* the last service recorded is the one with the latest stamp, wherever it was recorded */
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store, "UPDATE notice SET service = ?1, served_at = ?2, service_stamp = ?4 WHERE id = ?3",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, service_ids[service], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  for (guint i = 0; hazards != NULL && i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      const FgHazardEventDetails details = { .note = event_note, .notice_id = self->id };

      /* a hazard corrected meanwhile needs no service any more */
      if (!fg_hazard_event_allowed (fg_hazard_get_state (hazard), kind))
        continue;
      if (!fg_hazard_append_event (store, actor, fg_hazard_get_id (hazard), kind, &details, error))
        goto failed;
    }

  after = fg_audit_dup_row (store, "notice", self->id);
  if (!fg_audit_record_change (store, actor, "notice-serve", self->id, before, after, error))
    goto failed;
  if (!fg_store_commit (store, error))
    return FALSE;

  self->service = service;
  g_free (self->served_at);
  self->served_at = g_steal_pointer (&day_text);
  return TRUE;

failed:
  fg_store_rollback (store);
  return FALSE;
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * fg_notice_verify:
 * @code: what a QR code holds, or a number and the check code printed
 *   under the QR code, typed ("冢头消限字〔2026〕第0003号 3F2A-91C0-7B1E")
 * @notice: (out) (optional) (transfer full): the document, when the
 *   number is known here
 *
 * Tells whether a paper document is one of ours and says what was issued.
 *
 * Returns: the verdict; %FG_NOTICE_UNKNOWN with @error set when the code
 *   cannot be read at all
 */
FgNoticeVerdict
fg_notice_verify (FgStore     *store,
                  FgActor     *actor,
                  const char  *code,
                  FgNotice   **notice,
                  GError     **error)
{
  g_autoptr(FgNotice) found = NULL;
  g_autofree char *number = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(GError) local_error = NULL;
  FgNoticeVerdict verdict;

  g_return_val_if_fail (FG_IS_STORE (store), FG_NOTICE_UNKNOWN);
  g_return_val_if_fail (actor != NULL, FG_NOTICE_UNKNOWN);
  g_return_val_if_fail (code != NULL, FG_NOTICE_UNKNOWN);

  if (notice != NULL)
    *notice = NULL;

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, NULL, NULL, error))
    return FG_NOTICE_UNKNOWN;

  if (g_str_has_prefix (code, PAYLOAD_PREFIX))
    {
      const char *rest = code + strlen (PAYLOAD_PREFIX);
      const char *slash = strrchr (rest, '/');

      if (slash != NULL)
        {
          g_autofree char *hex = g_strstrip (g_strdup (slash + 1));

          number = g_strndup (rest, slash - rest);
          digest = g_ascii_strdown (hex, -1);
        }
    }
  else if (g_utf8_validate (code, -1, NULL))
    {
      /* a number, and perhaps the check code after it */
      g_autofree char *text = g_strstrip (g_strdup (code));
      const char *space = strrchr (text, ' ');

      if (space != NULL)
        {
          g_autofree char *check = g_strdup (space + 1);
          g_autoptr(GString) hex = g_string_new (NULL);

          for (const char *p = check; *p != '\0'; p++)
            if (*p != '-')
              g_string_append_c (hex, g_ascii_tolower (*p));
          if (hex->len >= 8 && is_hex (hex->str, hex->len))
            {
              number = g_strndup (text, space - text);
              digest = g_strdup (hex->str);
            }
        }
      if (number == NULL)
        number = g_steal_pointer (&text);
    }

  if (number == NULL || *number == '\0' || (digest != NULL && !is_hex (digest, strlen (digest))) ||
      !g_utf8_validate (number, -1, NULL))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("This is not a document code: scan the QR code of a document, or type its number "
                     "and the check code printed under the QR code."));
      return FG_NOTICE_UNKNOWN;
    }

  normalized = fg_notice_number_normalize (number);
  found = find_notice (store, normalized, digest != NULL ? digest : "", &local_error);
  if (found == NULL || !g_str_equal (normalized, found->number))
    {
      if (found == NULL && !g_error_matches (local_error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FG_NOTICE_UNKNOWN;
        }
      return FG_NOTICE_UNKNOWN;
    }

  /* a document outside the actor's area is not theirs to see */
  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_READ, found->region_code, found->id, error))
    return FG_NOTICE_UNKNOWN;

  /* a number is printed on every copy, altered or not: only the check
   * code tells them apart (unless the record itself was tampered with) */
  if (digest == NULL && found->content_intact)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The number %s is ours, but a number alone does not show that the paper is unchanged: "
                     "type the check code printed under the QR code after it, or scan the QR code."),
                   found->number);
      return FG_NOTICE_UNKNOWN;
    }

  if (!found->content_intact || strlen (digest) > 64 || !g_str_has_prefix (found->digest, digest))
    verdict = FG_NOTICE_ALTERED;
  else if (found->voided_at != NULL)
    verdict = FG_NOTICE_VOIDED;
  else
    verdict = FG_NOTICE_GENUINE;

  if (notice != NULL)
    *notice = g_steal_pointer (&found);
  return verdict;
}

const char *
fg_notice_private_get_region_code (FgNotice *self)
{
  return self->region_code;
}
