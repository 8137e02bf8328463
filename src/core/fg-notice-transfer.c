/* fg-notice-transfer.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents by which a township hands a case to another authority:
 *
 * - 重大火灾隐患报告（移送）函, to the county's fire-rescue brigade. A
 *   township does not decide that a hazard is major: the brigade
 *   determines it under GB 35181-2025. The letter sends it the venue's
 *   possibly major hazards, what was found, who found it and when, and
 *   what the township has done (its orders, by number), and asks it to
 *   determine and deal with them. Its hazards go up to the brigade
 *   (an escalation), until the brigade's decision comes back.
 * - 移送书, to a police station or a regulator (market regulation …),
 *   for a case within the recipient's duties. Its hazards are transferred.
 *
 * Each kind has its own series of numbers. What they say is frozen at
 * issue like every document's (fg-notice.c); they are laid out here from
 * that content alone.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-checklist.h"
#include "fg-hazard-private.h"
#include "fg-inspection.h"
#include "fg-notice-private.h"
#include "fg-region.h"
#include "fg-store-private.h"

static const char * const recipient_kinds[] = { "police-station", "regulator", NULL };

static GVariant *
str (const char *text)
{
  return g_variant_new_string (text != NULL ? text : "");
}

/* The name of the authority a document is addressed to: 2 to 40
 * characters and no division code, as every authority's name. */
static gboolean
check_recipient (const char  *name,
                 GError     **error)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL) || fg_text_is_blank (name) ||
      g_utf8_strlen (name, -1) < 2 || g_utf8_strlen (name, -1) > 40 || fg_region_name_has_digits (name))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Name the police station or regulator the case goes to, as documents print it "
                     "(2 to 40 characters, no digits), e.g. 冢头派出所 or 冢头市场监督管理所."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_notice_check_recipient:
 * @name: (nullable): the police station or regulator a transfer goes to, as typed
 *
 * Returns: whether a transfer takes @name; if not, @error says why
 */
gboolean
fg_notice_check_recipient (const char  *name,
                           GError     **error)
{
  return check_recipient (name, error);
}

/* Whether @hazard may go where @kind sends it. */
static gboolean
check_hazard_may_go (FgHazard      *hazard,
                     FgNoticeKind   kind,
                     GError       **error)
{
  FgHazardEventKind event = kind == FG_NOTICE_KIND_TRANSFER ? FG_HAZARD_EVENT_TRANSFERRED : FG_HAZARD_EVENT_ESCALATED;

  if (fg_hazard_event_allowed (fg_hazard_get_state (hazard), event))
    return TRUE;

  g_set_error (error, FG_HAZARD_ERROR, FG_HAZARD_ERROR_NOT_ALLOWED,
               _("“%s” cannot be sent on now: the hazard is “%s”."),
               fg_hazard_get_item_text (hazard), fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
  return FALSE;
}

/* The letter to the brigade is about a hazard that may be major: the
 * brigade's name must be known, and one of the hazards possibly major
 * (the others of the venue may go with it: GB 35181 counts several
 * elements together). */
static gboolean
check_letter (FgStore    *store,
              GPtrArray  *hazards,
              GError    **error)
{
  g_autoptr(FgNoticeSettings) settings = fg_notice_settings_load (store, error);
  gboolean possibly_major = FALSE;

  if (settings == NULL)
    return FALSE;
  if (settings->brigade == NULL || *settings->brigade == '\0')
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_BRIGADE,
                   _("The county’s fire-rescue brigade is not known, as the county’s name is not: an "
                     "administrator enters it in Document Settings."));
      return FALSE;
    }
  for (guint i = 0; i < hazards->len; i++)
    possibly_major |= fg_hazard_is_possibly_major (g_ptr_array_index (hazards, i));
  if (!possibly_major)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("None of these hazards may be a major fire hazard (by its checklist item, or since the "
                     "brigade decided it is not one): a letter to the fire-rescue brigade is for those that may."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_notice_transfer_gather:
 * @request: a request for a letter to the brigade or a transfer
 * @hazards: (out) (transfer full): the hazards it names
 * @venue_id: (out) (transfer none): their venue, valid as long as @hazards
 *
 * Reads and checks what the request names; nothing is written.
 */
gboolean
fg_notice_transfer_gather (FgStore                *store,
                           FgActor                *actor,
                           const FgNoticeRequest  *request,
                           GPtrArray             **hazards,
                           const char            **venue_id,
                           GError                **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  if (request->hazard_ids == NULL || request->hazard_ids[0] == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("Choose the hazards the document sends on."));
      return FALSE;
    }
  if (request->kind == FG_NOTICE_KIND_TRANSFER &&
      (!g_strv_contains (recipient_kinds, request->recipient_kind != NULL ? request->recipient_kind : "") ||
       !check_recipient (request->recipient, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_NO_RECIPIENT,
                     _("Choose to whom the case goes: the police station or the regulator of the venue’s "
                       "trade."));
      return FALSE;
    }

  for (guint i = 0; request->hazard_ids[i] != NULL; i++)
    {
      FgHazard *hazard = fg_hazard_load (store, actor, request->hazard_ids[i], error);

      if (hazard == NULL)
        return FALSE;
      g_ptr_array_add (found, hazard);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (request->hazard_ids[i], request->hazard_ids[j]))
          {
            g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID, _("A hazard is named twice."));
            return FALSE;
          }
      if (!g_str_equal (fg_hazard_get_venue_id (hazard), fg_hazard_get_venue_id (g_ptr_array_index (found, 0))))
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("A document goes about one venue: the hazards chosen are at different venues."));
          return FALSE;
        }
      if (!check_hazard_may_go (hazard, request->kind, error))
        return FALSE;
    }

  if (request->kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER && !check_letter (store, found, error))
    return FALSE;

  *venue_id = fg_hazard_get_venue_id (g_ptr_array_index (found, 0));
  *hazards = g_steal_pointer (&found);
  return TRUE;
}

/* The hazards' states again, inside the write transaction. */
gboolean
fg_notice_transfer_recheck (FgStore       *store,
                            FgActor       *actor,
                            FgNoticeKind   kind,
                            GPtrArray     *hazards,
                            GError       **error)
{
  for (guint i = 0; i < hazards->len; i++)
    {
      g_autoptr(FgHazard) now = fg_hazard_load (store, actor, fg_hazard_get_id (g_ptr_array_index (hazards, i)), error);

      if (now == NULL || !check_hazard_may_go (now, kind, error))
        return FALSE;
    }
  return TRUE;
}

/* Each hazard of a letter goes up to the county brigade; each of a
 * transfer goes sideways to its recipient. */
gboolean
fg_notice_transfer_record_event (FgStore       *store,
                                 FgActor       *actor,
                                 FgNoticeKind   kind,
                                 const char    *hazard_id,
                                 const char    *notice_id,
                                 const char    *number,
                                 const char    *recipient_kind,
                                 GError       **error)
{
  FgHazardEventDetails details = { .note = number, .notice_id = notice_id };

  if (kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER)
    {
      details.level = "county-brigade";
      return fg_hazard_append_event (store, actor, hazard_id, FG_HAZARD_EVENT_ESCALATED, &details, error);
    }
  if (kind == FG_NOTICE_KIND_TRANSFER)
    {
      details.target = recipient_kind;
      return fg_hazard_append_event (store, actor, hazard_id, FG_HAZARD_EVENT_TRANSFERRED, &details, error);
    }
  return TRUE;
}

/* What was recorded for @hazard after the event of the document
 * @notice_id, by its label. */
static const char *
step_after (FgHazard   *hazard,
            const char *notice_id)
{
  GPtrArray *events = fg_hazard_get_events (hazard);
  gboolean sent = FALSE;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const FgHazardEvent *event = g_ptr_array_index (events, i);

      if (sent)
        return fg_hazard_event_kind_get_label (event->kind);
      sent = (event->kind == FG_HAZARD_EVENT_ESCALATED || event->kind == FG_HAZARD_EVENT_TRANSFERRED) &&
             g_strcmp0 (event->notice_id, notice_id) == 0;
    }
  return "";
}

/**
 * fg_notice_transfer_load_for_void:
 * @notice: a letter to the brigade or a transfer, not voided
 *
 * The hazards @notice sent on, when voiding it may bring each back where
 * it stood before: nothing may have been recorded for any of them since
 * (the brigade's decision, an order, a further escalation, closing),
 * for voiding would then undo that step too.
 *
 * Returns: (transfer full): the hazards, or %NULL with @error set
 */
GPtrArray *
fg_notice_transfer_load_for_void (FgStore   *store,
                                  FgActor   *actor,
                                  FgNotice  *notice,
                                  GError   **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *ids = fg_notice_get_hazard_ids (notice);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      FgHazard *hazard = fg_hazard_load (store, actor, ids[i], error);

      if (hazard == NULL)
        return NULL;
      g_ptr_array_add (hazards, hazard);
      if (g_strcmp0 (fg_hazard_get_sent_by (hazard), fg_notice_get_id (notice)) == 0)
        continue;
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("%s can no longer be voided: since it was sent, “%s” was recorded for the hazard “%s”, "
                     "which voiding would undo. Record what follows instead."),
                   fg_notice_get_number (notice), step_after (hazard, fg_notice_get_id (notice)),
                   fg_hazard_get_finding (hazard) != NULL ? fg_hazard_get_finding (hazard)
                                                          : fg_hazard_get_item_code (hazard));
      return NULL;
    }
  return g_steal_pointer (&hazards);
}

/* Content */

/* The orders to correct the township issued for @hazards, not voided, in
 * the order they were issued: (title, number, issued on, deadline, kind,
 * served on). */
static GVariant *
orders_of (FgStore     *store,
           FgActor     *actor,
           GPtrArray   *hazards,
           GError     **error)
{
  g_autoptr(GPtrArray) orders = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantBuilder builder;

  for (guint i = 0; i < hazards->len; i++)
    {
      GPtrArray *events = fg_hazard_get_events (g_ptr_array_index (hazards, i));

      for (guint e = 0; events != NULL && e < events->len; e++)
        {
          const FgHazardEvent *event = g_ptr_array_index (events, e);
          gboolean known = FALSE;
          FgNotice *order;

          if (event->kind != FG_HAZARD_EVENT_NOTICE_ISSUED || event->notice_id == NULL)
            continue;
          for (guint j = 0; j < orders->len; j++)
            known |= g_str_equal (fg_notice_get_id (g_ptr_array_index (orders, j)), event->notice_id);
          if (known)
            continue;
          order = fg_notice_load (store, actor, event->notice_id, error);
          if (order == NULL)
            return NULL;
          if (fg_notice_get_voided (order))
            g_object_unref (order);
          else
            g_ptr_array_add (orders, order);
        }
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssssss)"));
  for (guint i = 0; i < orders->len; i++)
    {
      FgNotice *order = g_ptr_array_index (orders, i);

      g_variant_builder_add (&builder, "(ssssss)", fg_notice_kind_get_title (fg_notice_get_kind (order)),
                             fg_notice_get_number (order), fg_notice_get_issued_on (order),
                             fg_notice_get_deadline (order) != NULL ? fg_notice_get_deadline (order) : "",
                             fg_notice_kind_to_string (fg_notice_get_kind (order)),
                             fg_notice_get_service (order) == FG_NOTICE_SERVICE_SERVED &&
                             fg_notice_get_served_at (order) != NULL ? fg_notice_get_served_at (order) : "");
    }
  return g_variant_builder_end (&builder);
}

/* The inspection records issued of @inspection_id, not voided: their
 * numbers, to name as attachments. */
static gboolean
add_records (FgStore          *store,
             const char       *inspection_id,
             GVariantBuilder  *attachments,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT number FROM notice WHERE inspection_id = ?1 AND kind = 'inspection-record'"
                           " AND voided_at IS NULL ORDER BY seq",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, inspection_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_variant_builder_add (attachments, "(ss)", "现场检查记录", fg_stmt_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The findings: (finding, the inspector's note) of each hazard, who
 * found them and on which day, and the records of those inspections. */
static gboolean
add_findings (FgStore          *store,
              FgActor          *actor,
              GPtrArray        *hazards,
              GVariantDict     *dict,
              GVariantBuilder  *attachments,
              GError          **error)
{
  g_autoptr(FgNoticeInspections) inspections = fg_notice_inspections_gather (store, actor, hazards, error);
  GVariantBuilder findings;

  if (inspections == NULL)
    return FALSE;
  for (guint i = 0; i < inspections->distinct->len; i++)
    if (!add_records (store, fg_inspection_get_id (g_ptr_array_index (inspections->distinct, i)), attachments, error))
      return FALSE;

  g_variant_builder_init (&findings, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      FgChecklistItem *item = fg_inspection_find_item (g_ptr_array_index (inspections->by_hazard, i),
                                                       fg_hazard_get_item_code (hazard));

      g_variant_builder_add (&findings, "(ss)", item != NULL ? fg_checklist_item_get_finding_zh (item) : fg_hazard_get_item_code (hazard),
                             fg_hazard_get_note (hazard) != NULL ? fg_hazard_get_note (hazard) : "");
    }

  g_variant_dict_insert_value (dict, "findings", g_variant_builder_end (&findings));
  g_variant_dict_insert_value (dict, "inspected-on", str (inspections->inspected_on));
  g_variant_dict_insert_value (dict, "inspectors", str (inspections->officers));
  return TRUE;
}

/**
 * fg_notice_content_add_transfer:
 * @kind: a letter to the brigade or a transfer
 * @hazards: the hazards it sends on, read with their events
 * @settings: the township's document settings (the brigade's name)
 * @recipient_kind: (nullable): a transfer's: police-station or regulator
 * @recipient: (nullable): a transfer's recipient by name
 *
 * What the letter or the transfer says: to whom, about which venue, what
 * was found there by whom and when, what the township has done, and the
 * documents attached.
 */
gboolean
fg_notice_content_add_transfer (FgStore                 *store,
                                FgActor                 *actor,
                                FgNoticeKind             kind,
                                GPtrArray               *hazards,
                                const FgNoticeSettings  *settings,
                                const char              *recipient_kind,
                                const char              *recipient,
                                GVariantDict            *dict,
                                GError                 **error)
{
  GVariantBuilder attachments;
  GVariant *orders;
  GVariantIter iter;
  const char *title, *number, *unused;

  g_variant_builder_init (&attachments, G_VARIANT_TYPE ("a(ss)"));
  if (!add_findings (store, actor, hazards, dict, &attachments, error))
    {
      g_variant_builder_clear (&attachments);
      return FALSE;
    }
  orders = orders_of (store, actor, hazards, error);
  if (orders == NULL)
    {
      g_variant_builder_clear (&attachments);
      return FALSE;
    }
  g_variant_iter_init (&iter, orders);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s&s)", &title, &number, &unused, &unused, &unused, &unused))
    g_variant_builder_add (&attachments, "(ss)", title, number);

  if (kind == FG_NOTICE_KIND_MAJOR_HAZARD_LETTER)
    {
      g_variant_dict_insert_value (dict, "addressee", str (settings->brigade));
      g_variant_dict_insert_value (dict, "recipient-kind", str ("county-brigade"));
    }
  else
    {
      g_variant_dict_insert_value (dict, "addressee", str (recipient));
      g_variant_dict_insert_value (dict, "recipient-kind", str (recipient_kind));
    }
  g_variant_dict_insert_value (dict, "orders", orders);
  g_variant_dict_insert_value (dict, "attachments", g_variant_builder_end (&attachments));
  g_variant_dict_insert_value (dict, "contact", str (fg_actor_get_display_name (actor)));
  return TRUE;
}

/* Layout */

static const char *
content_str (GVariant   *content,
             const char *key)
{
  const char *value = NULL;

  if (!g_variant_lookup (content, key, "&s", &value))
    return "";
  return value;
}

static const char *
self_name (GVariant *content)
{
  const char *name = content_str (content, "self-name");

  return *name != '\0' ? name : "我单位";
}

/* What the township has done: each order by title and number, what it
 * ordered and, once signed for, when it was served. */
static char *
orders_paragraph (GVariant *content)
{
  g_autoptr(GVariant) orders = g_variant_lookup_value (content, "orders", G_VARIANT_TYPE ("a(ssssss)"));
  g_autoptr(GString) text = g_string_new (NULL);
  const char *title, *number, *issued_on, *deadline, *kind, *served_on;
  GVariantIter iter;

  if (orders == NULL || g_variant_n_children (orders) == 0)
    return g_strdup_printf ("%s尚未就上述问题下达责令改正通知书。", self_name (content));

  g_variant_iter_init (&iter, orders);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s&s)", &title, &number, &issued_on, &deadline, &kind, &served_on))
    {
      g_autofree char *issued = fg_notice_format_date (issued_on);
      g_autofree char *until = fg_notice_format_date (deadline);
      g_autofree char *served = fg_notice_format_date (served_on);

      g_string_append_printf (text, "%s%s于%s向该场所下达《%s》（%s），", text->len > 0 ? "；" : "",
                              text->len > 0 ? "" : self_name (content), issued, title, number);
      if (g_str_equal (kind, "correct-now"))
        g_string_append (text, "责令其立即改正");
      else
        g_string_append_printf (text, "责令其于%s前改正", until);
      if (*served_on != '\0')
        g_string_append_printf (text, "，该通知书已于%s送达", served);
    }
  g_string_append (text, "。");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* 附件：1. 现场检查记录（…） … one line each, under the request. */
static void
draw_attachments (FgPdf    *pdf,
                  GVariant *content)
{
  g_autoptr(GVariant) attachments = g_variant_lookup_value (content, "attachments", G_VARIANT_TYPE ("a(ss)"));
  gsize n = attachments != NULL ? g_variant_n_children (attachments) : 0;

  if (n == 0)
    return;
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);
  for (gsize i = 0; i < n; i++)
    {
      const char *title, *number;
      g_autofree char *line = NULL;

      g_variant_get_child (attachments, i, "(&s&s)", &title, &number);
      if (n == 1)
        line = g_strdup_printf ("附件：%s（%s）", title, number);
      else
        line = g_strdup_printf ("%s%" G_GSIZE_FORMAT ". %s（%s）", i == 0 ? "附件：" : "　　　", i + 1, title, number);
      fg_pdf_paragraph (pdf, line, FG_PDF_SIZE_BODY, 2);
    }
}

typedef struct
{
  GVariant *content;
  const char *request;
} TransferClosing;

/* The request, the attachments, the seal and date, and who to ask:
 * measured first, so that the findings' last row goes with it. */
static void
draw_transfer_closing (FgPdf    *pdf,
                       gpointer  data)
{
  const TransferClosing *closing = data;
  g_autofree char *inspectors = g_strdup_printf ("检查人员：%s。", content_str (closing->content, "inspectors"));
  g_autofree char *orders = orders_paragraph (closing->content);
  g_autofree char *contact = g_strdup_printf ("（联系人：%s    联系电话：              ）",
                                              content_str (closing->content, "contact"));

  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.25);
  fg_pdf_paragraph (pdf, inspectors, FG_PDF_SIZE_BODY, 2);
  fg_pdf_paragraph (pdf, orders, FG_PDF_SIZE_BODY, 2);
  fg_pdf_paragraph (pdf, closing->request, FG_PDF_SIZE_BODY, 2);
  draw_attachments (pdf, closing->content);
  fg_notice_render_signature (pdf, content_str (closing->content, "issuer"),
                              content_str (closing->content, "issued-on"));
  fg_pdf_skip (pdf, FG_PDF_SIZE_BODY * 0.5);
  fg_pdf_line_text (pdf, contact, FG_PDF_SIZE_SMALL, FG_PDF_ALIGN_LEFT, FALSE);
}

/**
 * fg_notice_transfer_draw:
 *
 * Lays out a letter to the brigade (重大火灾隐患报告（移送）函) or a
 * transfer (移送书) from its frozen content.
 */
void
fg_notice_transfer_draw (FgPdf    *pdf,
                         FgNotice *notice,
                         GVariant *content)
{
  g_autoptr(GVariant) findings = g_variant_lookup_value (content, "findings", G_VARIANT_TYPE ("a(ss)"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *addressee = g_strconcat (content_str (content, "addressee"), "：", NULL);
  g_autofree char *inspected = fg_notice_format_date (content_str (content, "inspected-on"));
  g_autofree char *who = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *request = NULL;
  gboolean letter = g_str_equal (content_str (content, "kind"), "major-hazard-letter");
  const char *recipient_kind = content_str (content, "recipient-kind");
  const FgPdfColumn columns[] = {
    { "序号", 0.08, FG_PDF_ALIGN_CENTER },
    { "发现的问题", 0.56, FG_PDF_ALIGN_LEFT },
    { "情况说明", 0.36, FG_PDF_ALIGN_LEFT },
  };
  TransferClosing closing;
  const char *finding, *note;
  GVariantIter iter;
  guint n = 0;

  fg_notice_render_begin (pdf, notice, content);
  fg_pdf_line_text (pdf, addressee, FG_PDF_SIZE_BODY, FG_PDF_ALIGN_LEFT, FALSE);

  if (*content_str (content, "operator") != '\0')
    who = g_strdup_printf ("%s（地址：%s；负责人：%s）", content_str (content, "venue"),
                           content_str (content, "address"), content_str (content, "operator"));
  else
    who = g_strdup_printf ("%s（地址：%s）", content_str (content, "venue"), content_str (content, "address"));
  opening = g_strdup_printf (letter ? "%s于%s对%s进行消防安全检查时，发现该场所存在下列问题，可能构成重大火灾隐患："
                                    : "%s于%s对%s进行消防安全检查时，发现该场所存在下列消防安全违法行为（火灾隐患）：",
                             self_name (content), inspected, who);
  fg_pdf_paragraph (pdf, opening, FG_PDF_SIZE_BODY, 2);
  fg_pdf_skip (pdf, 4);

  if (findings != NULL)
    {
      g_variant_iter_init (&iter, findings);
      while (g_variant_iter_next (&iter, "(&s&s)", &finding, &note))
        {
          g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
          g_autofree char *number = g_strdup_printf ("%u", ++n);

          g_strv_builder_add_many (cells, number, finding, note, NULL);
          g_ptr_array_add (rows, g_strv_builder_end (cells));
        }
    }

  /* the standard by its title and number only: which of its clauses
   * applies is for the brigade to say */
  if (letter)
    request = g_strdup_printf ("现将上述情况报送你队，请依照《重大火灾隐患判定规则》（GB 35181-2025）"
                               "依法认定并处理，并将认定结果书面告知%s。",
                               self_name (content));
  else
    request = g_strdup_printf ("现将上述情况移送你%s，请依法处理，并将处理结果书面告知%s。",
                               g_str_equal (recipient_kind, "police-station") ? "所" : "单位", self_name (content));
  closing = (TransferClosing) { content, request };
  fg_pdf_table_before (pdf, columns, G_N_ELEMENTS (columns), rows, FG_PDF_SIZE_TABLE,
                       fg_pdf_measure (pdf, draw_transfer_closing, &closing));
  draw_transfer_closing (pdf, &closing);
  fg_pdf_end_document (pdf);
}
