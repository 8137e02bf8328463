/* fg-notice-content.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What each kind of document says, frozen when it is issued: a GVariant
 * dictionary of the texts printed on it, in Chinese whatever the language
 * of the interface. fg-notice-render.c lays out these keys and nothing
 * else, so a reprint says what the original said.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-calendar.h"
#include "fg-category.h"
#include "fg-checklist.h"
#include "fg-hazard-private.h"
#include "fg-inspection.h"
#include "fg-notice-private.h"

static GVariant *
str (const char *text)
{
  return g_variant_new_string (text != NULL ? text : "");
}

/* 2026-11-29 → 2026年11月29日, as documents write dates */
char *
fg_notice_format_date (const char *iso)
{
  g_autoptr(GDate) date = iso != NULL ? fg_calendar_parse_date (iso, NULL) : NULL;

  if (date == NULL)
    return g_strdup ("    年  月  日");
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* What 违反的规定 says: the item's confirmed norms only. A basis marked
 * unverified, or a standard or other background reference, is never
 * printed; the text check also holds for what older versions stored. */
static char *
join_bases (FgChecklistItem *item)
{
  const char * const *bases = item != NULL ? fg_checklist_item_get_bases (item) : NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; bases != NULL && bases[i] != NULL; i++)
    {
      if (!fg_checklist_basis_is_printable (bases[i]))
        continue;
      if (joined->len > 0)
        g_string_append (joined, "；");
      g_string_append (joined, bases[i]);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* What every document says of itself, its issuer and the venue. */
void
fg_notice_content_add_common (GVariantDict           *dict,
                              const FgNoticeSettings *settings,
                              FgNoticeKind            kind,
                              const char             *number,
                              const char             *issued_on,
                              FgVenue                *venue)
{
  const char * const *categories = fg_venue_get_categories (venue);
  const FgCategory *category = categories != NULL && categories[0] != NULL ? fg_category_lookup (categories[0]) : NULL;

  g_variant_dict_insert_value (dict, "kind", str (fg_notice_kind_to_string (kind)));
  g_variant_dict_insert_value (dict, "title", str (fg_notice_kind_get_title (kind)));
  g_variant_dict_insert_value (dict, "number", str (number));
  g_variant_dict_insert_value (dict, "issuer", str (settings->issuer_name));
  g_variant_dict_insert_value (dict, "issued-on", str (issued_on));
  g_variant_dict_insert_value (dict, "venue", str (fg_venue_get_name (venue)));
  g_variant_dict_insert_value (dict, "address", str (fg_venue_get_address (venue)));
  g_variant_dict_insert_value (dict, "operator", str (fg_venue_get_operator_name (venue)));
  g_variant_dict_insert_value (dict, "phone", str (fg_venue_get_phone (venue)));
  g_variant_dict_insert_value (dict, "credit-code", str (fg_venue_get_credit_code (venue)));
  g_variant_dict_insert_value (dict, "village", str (fg_venue_get_village_name (venue)));
  g_variant_dict_insert_value (dict, "category", str (category != NULL ? fg_category_get_name_zh (category) : ""));
  /* how the office names itself, and for an order who hears a challenge
   * to it; a document issued before these were part of the content has
   * none of these keys and prints as it did */
  g_variant_dict_insert_value (dict, "self-name", str (settings->self_name));
  /* an opinion that finds hazards still there sets them a new period: a
   * decision that can be challenged like the order it follows */
  if (kind == FG_NOTICE_KIND_CORRECT_NOW || kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE ||
      kind == FG_NOTICE_KIND_REINSPECTION)
    {
      g_variant_dict_insert_value (dict, "review-body", str (settings->review_body));
      g_variant_dict_insert_value (dict, "court", str (settings->court));
      /* on what authority, exactly as the office set it; "" cites nothing */
      g_variant_dict_insert_value (dict, "authority-basis", str (settings->authority_basis));
    }
  /* an order to correct at once is checked on the spot; an opinion has
   * a place for each of the two inspectors to sign */
  if (kind == FG_NOTICE_KIND_CORRECT_NOW)
    g_variant_dict_insert (dict, "on-spot-check", "b", TRUE);
  if (kind == FG_NOTICE_KIND_REINSPECTION)
    g_variant_dict_insert (dict, "inspector-signatures", "b", TRUE);
}

void
fg_notice_inspections_free (FgNoticeInspections *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_hazard, g_ptr_array_unref);
  g_clear_pointer (&self->distinct, g_ptr_array_unref);
  g_free (self->inspected_on);
  g_free (self->inspectors);
  g_free (self->officers);
  g_free (self);
}

/**
 * fg_notice_inspections_gather:
 * @hazards: (element-type FgHazard): the hazards a document names
 *
 * Reads the inspection that found each of @hazards, each once: the day
 * the earliest started, the inspector of each (as orders name them) and
 * both officers of each, every name once (as letters and transfers do).
 *
 * Returns: (transfer full): the inspections, or %NULL with @error set
 */
FgNoticeInspections *
fg_notice_inspections_gather (FgStore     *store,
                              FgActor     *actor,
                              GPtrArray   *hazards,
                              GError     **error)
{
  g_autoptr(FgNoticeInspections) self = g_new0 (FgNoticeInspections, 1);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) inspectors = g_strv_builder_new ();
  g_autoptr(GPtrArray) officers = g_ptr_array_new ();
  g_auto(GStrv) inspector_list = NULL;

  self->by_hazard = g_ptr_array_new_with_free_func (g_object_unref);
  self->distinct = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < hazards->len; i++)
    {
      const char *inspection_id = fg_hazard_get_inspection_id (g_ptr_array_index (hazards, i));
      FgInspection *inspection = g_hash_table_lookup (by_id, inspection_id);

      if (inspection == NULL)
        {
          inspection = fg_inspection_load (store, actor, inspection_id, error);
          if (inspection == NULL)
            return NULL;
          g_ptr_array_add (self->distinct, inspection);
          g_hash_table_insert (by_id, (char *) fg_inspection_get_id (inspection), inspection);
          if (self->inspected_on == NULL || strncmp (fg_inspection_get_started_at (inspection), self->inspected_on, 10) < 0)
            {
              g_free (self->inspected_on);
              self->inspected_on = g_strndup (fg_inspection_get_started_at (inspection), 10);
            }
          g_strv_builder_add (inspectors, fg_inspection_get_inspector_name (inspection));
          for (guint n = 0; n < 2; n++)
            {
              const char *name = n == 0 ? fg_inspection_get_inspector_name (inspection)
                                        : fg_inspection_get_second_inspector_name (inspection);

              if (name != NULL && !g_ptr_array_find_with_equal_func (officers, name, g_str_equal, NULL))
                g_ptr_array_add (officers, (char *) name);
            }
        }
      g_ptr_array_add (self->by_hazard, g_object_ref (inspection));
    }

  inspector_list = g_strv_builder_end (inspectors);
  self->inspectors = g_strjoinv ("、", inspector_list);
  g_ptr_array_add (officers, NULL);
  self->officers = g_strjoinv ("、", (char **) officers->pdata);
  return g_steal_pointer (&self);
}

/* The problems a notice names: (problem, what was seen, legal basis,
 * required action), from the hazards and the items they failed. The
 * problem is the item's finding, the violation as found, never the
 * requirement the item checks. */
static GVariant *
problems_of (GPtrArray            *hazards,
             FgNoticeInspections  *inspections,
             GError              **error)
{
  GVariantBuilder problems;

  g_variant_builder_init (&problems, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      FgInspection *inspection = g_ptr_array_index (inspections->by_hazard, i);
      FgChecklistItem *item = fg_inspection_find_item (inspection, fg_hazard_get_item_code (hazard));
      g_autofree char *bases = NULL;

      /* a hazard of a task of the township can only come from elsewhere
       * (an older program): it is still no order to the venue */
      if (item != NULL && fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK)
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("“%s” is a task of the township government, not a duty of the venue: "
                         "it cannot be part of an order."),
                       fg_checklist_item_get_text (item));
          g_variant_builder_clear (&problems);
          return NULL;
        }
      bases = join_bases (item);
      g_variant_builder_add (&problems, "(ssss)",
                             item != NULL ? fg_checklist_item_get_finding_zh (item) : fg_hazard_get_item_code (hazard),
                             fg_hazard_get_note (hazard) != NULL ? fg_hazard_get_note (hazard) : "",
                             bases,
                             item != NULL ? fg_checklist_item_get_action_zh (item) : "");
    }
  return g_variant_builder_end (&problems);
}

/* The content of an order to correct: the problems of @hazards, who
 * found them and when, and the deadline. */
gboolean
fg_notice_content_add_order (FgStore       *store,
                             FgActor       *actor,
                             GPtrArray     *hazards,
                             const char    *deadline,
                             GVariantDict  *dict,
                             GError       **error)
{
  g_autoptr(FgNoticeInspections) inspections = fg_notice_inspections_gather (store, actor, hazards, error);
  GVariant *problems;

  if (inspections == NULL)
    return FALSE;
  problems = problems_of (hazards, inspections, error);
  if (problems == NULL)
    return FALSE;
  g_variant_dict_insert_value (dict, "problems", problems);
  g_variant_dict_insert_value (dict, "inspected-on", str (inspections->inspected_on));
  g_variant_dict_insert_value (dict, "inspectors", str (inspections->inspectors));
  g_variant_dict_insert_value (dict, "deadline", str (deadline));
  return TRUE;
}

/* An inspection record is the record of a law-enforcement inspection,
 * made by at least two officers who show their certificates: it names
 * both, with their certificate numbers, and is refused for an inspection
 * made alone, before any number is taken. */
gboolean
fg_notice_content_check_record (FgInspection  *inspection,
                                GError       **error)
{
  if (fg_inspection_is_finished (inspection) && fg_inspection_get_second_inspector (inspection) == NULL)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("%s inspected alone: an inspection record names the two officers who inspected, "
                     "each with their enforcement certificate number. Choose the second inspector "
                     "when an inspection starts or is finished."),
                   fg_inspection_get_inspector_name (inspection));
      return FALSE;
    }
  return TRUE;
}

/**
 * fg_notice_describe_lone_inspections:
 * @store: the store
 * @actor: who would issue the order
 * @hazard_ids: the hazards an order would name
 * @error: return location for an error
 *
 * An order rests on the inspections that found its hazards, which two
 * officers make. An order is not refused when one was made alone (a
 * finished inspection cannot change, and inspections from before Firegrid
 * kept a second inspector have none): the office is warned, so that it can
 * have two officers confirm the facts first.
 *
 * Returns: (transfer full) (nullable): the warning, naming who inspected
 *   alone and when; %NULL when every inspection had two officers, or with
 *   @error set
 */
char *
fg_notice_describe_lone_inspections (FgStore             *store,
                                     FgActor             *actor,
                                     const char * const  *hazard_ids,
                                     GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) alone = g_string_new (NULL);

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  for (guint i = 0; hazard_ids != NULL && hazard_ids[i] != NULL; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (store, actor, hazard_ids[i], error);
      g_autoptr(FgInspection) inspection = NULL;

      if (hazard == NULL)
        return NULL;
      if (!g_hash_table_add (seen, g_strdup (fg_hazard_get_inspection_id (hazard))))
        continue;
      inspection = fg_inspection_load (store, actor, fg_hazard_get_inspection_id (hazard), error);
      if (inspection == NULL)
        return NULL;
      if (fg_inspection_get_second_inspector (inspection) != NULL)
        continue;
      /* Translators: who inspected alone, and the day, e.g. "王芳 (2026-12-07)" */
      g_string_append_printf (alone, _("%s%s (%.10s)"), alone->len > 0 ? _(", ") : "",
                              fg_inspection_get_inspector_name (inspection),
                              fg_inspection_get_started_at (inspection));
    }
  if (alone->len == 0)
    return NULL;

  return g_strdup_printf (_("The hazards were found by an inspection made alone: %s. A law-enforcement "
                            "inspection is made by at least two officers; have two officers confirm the "
                            "facts before the order is served."),
                          alone->str);
}

/**
 * fg_notice_describe_missing_bases:
 * @store: the store
 * @actor: who would issue the order
 * @hazard_ids: the hazards an order would name
 * @error: return location for an error
 *
 * An order prints under 违反的规定 only the norms the checklist holds as
 * confirmed. For an item whose only basis is still unverified that cell
 * stays blank: the office hears so before it issues the order, so that
 * the officer writes in the provision from the primary text, or corrects
 * it first in the checklist (`firegrid-cli checklist validate` lists
 * them).
 *
 * Returns: (transfer full) (nullable): the warning naming the findings
 *   without a confirmed provision; %NULL when every one has one, or with
 *   @error set
 */
char *
fg_notice_describe_missing_bases (FgStore             *store,
                                  FgActor             *actor,
                                  const char * const  *hazard_ids,
                                  GError             **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  for (guint i = 0; hazard_ids != NULL && hazard_ids[i] != NULL; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (store, actor, hazard_ids[i], error);
      g_autoptr(FgInspection) inspection = NULL;
      g_autofree char *bases = NULL;

      if (hazard == NULL)
        return NULL;
      inspection = fg_inspection_load (store, actor, fg_hazard_get_inspection_id (hazard), error);
      if (inspection == NULL)
        return NULL;
      bases = join_bases (fg_inspection_find_item (inspection, fg_hazard_get_item_code (hazard)));
      if (*bases != '\0')
        continue;
      /* Translators: a finding and its checklist code, e.g. "住人部位的外窗…（C-WIN-02）" */
      g_string_append_printf (missing, _("%s%s (%s)"), missing->len > 0 ? _("; ") : "",
                              fg_hazard_get_finding (hazard), fg_hazard_get_item_code (hazard));
    }
  if (missing->len == 0)
    return NULL;

  return g_strdup_printf (_("The checklist holds no confirmed legal provision for: %s. Their cell under "
                            "“violated provisions” stays blank: write in the provision from the text of the "
                            "law before the order is signed."),
                          missing->str);
}

/* When an inspection started and ended: the day and time of each, as
 * documents print them. */
static void
add_record_times (FgInspection *inspection,
                  GVariantDict *dict)
{
  const char *started = fg_inspection_get_started_at (inspection);
  const char *finished = fg_inspection_get_finished_at (inspection);
  g_autofree char *day = g_strndup (started, 10);
  g_autofree char *time = g_strndup (started + MIN (11, strlen (started)), 5);
  g_autofree char *end_day = g_strndup (finished, 10);
  g_autofree char *end_time = g_strndup (finished + MIN (11, strlen (finished)), 5);

  g_variant_dict_insert_value (dict, "inspected-on", str (day));
  g_variant_dict_insert_value (dict, "inspected-at", str (time));
  g_variant_dict_insert_value (dict, "finished-on", str (end_day));
  g_variant_dict_insert_value (dict, "finished-at", str (end_time));
}

/* What the record says of an item: for a failed one, what was found and
 * the inspector's note on it, as an order writes them; else the note. */
static char *
record_remark (FgChecklistItem *item,
               FgOutcome        outcome,
               const char      *note)
{
  note = note != NULL ? note : "";
  if (outcome != FG_OUTCOME_FAIL)
    return g_strdup (note);
  if (*note == '\0')
    return g_strdup (fg_checklist_item_get_finding_zh (item));
  return g_strdup_printf ("%s（%s）", fg_checklist_item_get_finding_zh (item), note);
}

/* The content of an inspection record: every item and its outcome; the
 * item is the question it asks, a failed one says what was found. */
gboolean
fg_notice_content_add_record (FgStore       *store,
                              FgActor       *actor,
                              FgInspection  *inspection,
                              GVariantDict  *dict,
                              GError       **error)
{
  GListModel *items = fg_inspection_get_items (inspection);
  GPtrArray *checklists = fg_inspection_get_checklists (inspection);
  g_autoptr(GString) templates = g_string_new (NULL);
  GVariantBuilder rows;
  guint n_fail = 0;
  guint n_pass = 0;
  guint n_na = 0;

  if (!fg_inspection_is_finished (inspection))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("The inspection is not finished yet: finish it before its record is issued."));
      return FALSE;
    }

  for (guint i = 0; i < checklists->len; i++)
    {
      FgChecklist *checklist = g_ptr_array_index (checklists, i);

      g_string_append_printf (templates, "%s%s（第%u版）", i > 0 ? "、" : "",
                              fg_checklist_get_title_zh (checklist), fg_checklist_get_version (checklist));
    }

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      FgOutcome outcome = fg_inspection_get_outcome (inspection, code);
      g_autofree char *remark = record_remark (item, outcome, fg_inspection_get_note (inspection, code));
      const char *label;

      switch (outcome)
        {
        case FG_OUTCOME_PASS:
          label = "合格";
          n_pass++;
          break;
        case FG_OUTCOME_FAIL:
          /* a failed task of the township is no fault of the venue's */
          label = fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_TOWNSHIP_TASK
                  ? "不合格（属政府职责，由乡镇落实）" : "不合格";
          n_fail++;
          break;
        case FG_OUTCOME_NA:
          label = "不适用";
          n_na++;
          break;
        case FG_OUTCOME_NONE:
        default:
          label = "未检查";
          break;
        }
      g_variant_builder_add (&rows, "(ssss)", fg_checklist_item_get_section_zh (item),
                             fg_checklist_item_get_text_zh (item), label, remark);
    }

  g_variant_dict_insert_value (dict, "template", str (templates->str));
  g_variant_dict_insert_value (dict, "items", g_variant_builder_end (&rows));
  g_variant_dict_insert (dict, "counts", "(uuu)", n_pass, n_fail, n_na);
  add_record_times (inspection, dict);
  g_variant_dict_insert_value (dict, "inspectors", str (fg_inspection_get_inspector_name (inspection)));
  /* the two officers with the numbers of their certificates, as kept
   * when the inspection was finished */
  {
    GVariantBuilder officers;

    g_variant_builder_init (&officers, G_VARIANT_TYPE ("a(ss)"));
    g_variant_builder_add (&officers, "(ss)", fg_inspection_get_inspector_name (inspection),
                           fg_inspection_get_inspector_certificate (inspection));
    g_variant_builder_add (&officers, "(ss)", fg_inspection_get_second_inspector_name (inspection),
                           fg_inspection_get_second_inspector_certificate (inspection));
    g_variant_dict_insert_value (dict, "officers", g_variant_builder_end (&officers));
  }
  g_variant_dict_insert_value (dict, "inspection-kind", str (fg_inspection_kind_to_string (fg_inspection_get_kind (inspection))));

  return TRUE;
}

/* The content of a re-inspection opinion: the result of each hazard of
 * @follows at its re-inspection. A hazard is named as the order named it:
 * its finding and the note of the inspector who found it. */
gboolean
fg_notice_content_add_reinspection (FgStore       *store,
                                    FgActor       *actor,
                                    FgNotice      *follows,
                                    GPtrArray     *hazards,
                                    GVariantDict  *dict,
                                    GError       **error)
{
  FgNoticeKind kind = fg_notice_get_kind (follows);
  const char *number = fg_notice_get_number (follows);
  GVariantBuilder results;
  gboolean all_fixed = TRUE;
  g_autofree char *last_day = NULL;

  if (kind != FG_NOTICE_KIND_CORRECT_NOW && kind != FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                   _("A re-inspection opinion follows an order to correct, not a “%s”."),
                   fg_notice_kind_get_label (kind));
      return FALSE;
    }
  if (fg_notice_get_voided (follows))
    {
      g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_VOID,
                   _("The notice %s was voided: there is nothing to re-inspect."), number);
      return FALSE;
    }

  g_variant_builder_init (&results, G_VARIANT_TYPE ("a(sss)"));
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      GPtrArray *events = fg_hazard_get_events (hazard);
      const FgHazardEvent *result = NULL;
      g_autoptr(FgInspection) inspection = NULL;
      FgChecklistItem *item;
      const char *note = fg_hazard_get_note (hazard);
      g_autofree char *text = NULL;

      for (guint e = 0; e < events->len; e++)
        {
          const FgHazardEvent *event = g_ptr_array_index (events, e);

          if (event->kind == FG_HAZARD_EVENT_REINSPECTED_PASS || event->kind == FG_HAZARD_EVENT_REINSPECTED_FAIL)
            result = event;
        }

      inspection = fg_inspection_load (store, actor, fg_hazard_get_inspection_id (hazard), error);
      if (inspection == NULL)
        {
          g_variant_builder_clear (&results);
          return FALSE;
        }
      item = fg_inspection_find_item (inspection, fg_hazard_get_item_code (hazard));
      text = g_strdup (item != NULL ? fg_checklist_item_get_finding_zh (item) : fg_hazard_get_item_code (hazard));
      if (note != NULL && *note != '\0')
        {
          g_autofree char *found = g_steal_pointer (&text);

          text = g_strdup_printf ("%s（%s）", found, note);
        }

      if (result == NULL)
        {
          g_set_error (error, FG_NOTICE_ERROR, FG_NOTICE_ERROR_INVALID,
                       _("Record the re-inspection of every hazard of %s first: “%s” has not been re-inspected."),
                       number, text);
          g_variant_builder_clear (&results);
          return FALSE;
        }

      if (result->kind == FG_HAZARD_EVENT_REINSPECTED_PASS)
        g_variant_builder_add (&results, "(sss)", text, "已改正", result->note != NULL ? result->note : "");
      else
        {
          g_autofree char *until = fg_notice_format_date (result->deadline);
          g_autofree char *verdict = g_strdup_printf ("未改正，限%s前改正", until);

          g_variant_builder_add (&results, "(sss)", text, verdict, result->note != NULL ? result->note : "");
          all_fixed = FALSE;
        }
      if (last_day == NULL || strncmp (result->at, last_day, 10) > 0)
        {
          g_free (last_day);
          last_day = g_strndup (result->at, 10);
        }
    }

  g_variant_dict_insert_value (dict, "follows", str (number));
  g_variant_dict_insert_value (dict, "follows-title", str (fg_notice_kind_get_title (kind)));
  g_variant_dict_insert_value (dict, "follows-issued-on", str (fg_notice_get_issued_on (follows)));
  g_variant_dict_insert_value (dict, "reinspected-on", str (last_day));
  g_variant_dict_insert_value (dict, "results", g_variant_builder_end (&results));
  g_variant_dict_insert (dict, "all-fixed", "b", all_fixed);

  return TRUE;
}
