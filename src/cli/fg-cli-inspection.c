/* fg-cli-inspection.c — inspection record, list, show, discard
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window records an inspection item by item; here a whole one is
 * recorded in one command, for scripts, tests and benchmarks.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static const char *
outcome_to_string (FgOutcome outcome)
{
  switch (outcome)
    {
    case FG_OUTCOME_PASS:
      return "pass";
    case FG_OUTCOME_FAIL:
      return "fail";
    case FG_OUTCOME_NA:
      return "na";
    case FG_OUTCOME_NONE:
    default:
      return "";
    }
}

/* "2026-05-01T10:23:11+08:00" → "2026-05-01 10:23" */
static char *
format_time (const char *iso8601)
{
  char *text;

  if (iso8601 == NULL)
    return g_strdup ("");

  text = g_strndup (iso8601, 16);
  if (strlen (text) > 10 && text[10] == 'T')
    text[10] = ' ';
  return text;
}

static char *
describe_deadline (guint days)
{
  /* TRANSLATORS: the default deadline for correcting a hazard */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u working day", "%u working days", days),
                          days);
}

/* The user's own draft for the venue: the one to discard. */
static FgInspection *
find_draft (FgStore     *store,
            FgActor     *actor,
            FgVenue     *venue,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  FgInspection *draft;

  draft = fg_inspection_find_draft (store, actor, fg_venue_get_id (venue), &local_error);
  if (draft == NULL && local_error == NULL)
    g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                 _("You have no unfinished inspection of %s."), fg_venue_get_name (venue));
  else if (draft == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return draft;
}

/* --- record ------------------------------------------------------------- */

typedef struct
{
  char *venue;
  char *kind;
  char *campaign;
  char **fail;
  char **na;
  char **notes;
  char **photos;
  char *with;
  char *started;
  char *ended;
  char *format;
} RecordOptions;

static void
record_options_clear (RecordOptions *options)
{
  g_free (options->venue);
  g_free (options->kind);
  g_free (options->campaign);
  g_strfreev (options->fail);
  g_strfreev (options->na);
  g_strfreev (options->notes);
  g_strfreev (options->photos);
  g_free (options->with);
  g_free (options->started);
  g_free (options->ended);
  g_free (options->format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RecordOptions, record_options_clear)

typedef struct
{
  char *code;
  char *path;
  GBytes *bytes;
} Photo;

static void
photo_free (Photo *photo)
{
  g_free (photo->code);
  g_free (photo->path);
  g_clear_pointer (&photo->bytes, g_bytes_unref);
  g_free (photo);
}

/* --fail and --na take comma-separated codes, and may be given again. */
static gboolean
collect_codes (const char  *option,
               char       **values,
               FgOutcome    outcome,
               GHashTable  *outcomes,
               GError     **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *code = g_strstrip (parts[j]);
          gpointer previous;

          if (*code == '\0')
            continue;
          if (!fg_cli_check_text (option, code, error))
            return FALSE;

          previous = g_hash_table_lookup (outcomes, code);
          if (previous != NULL && GPOINTER_TO_INT (previous) != (int) outcome)
            {
              fg_cli_set_usage_error (error, _("“%s” is given to both --fail and --na."), code);
              return FALSE;
            }
          g_hash_table_insert (outcomes, g_strdup (code), GINT_TO_POINTER (outcome));
        }
    }

  return TRUE;
}

/* Splits “CODE=VALUE”. */
static gboolean
split_assignment (const char  *option,
                  const char  *text,
                  char       **code,
                  char       **value,
                  GError     **error)
{
  const char *equals = strchr (text, '=');
  g_autofree char *name = NULL;

  if (equals != NULL)
    name = g_strstrip (g_strndup (text, equals - text));
  if (name == NULL || *name == '\0')
    {
      /* TRANSLATORS: %s is an option, e.g. --note; CODE and VALUE stay as they are */
      fg_cli_set_usage_error (error, _("%s takes CODE=VALUE, for example C-MGT-01=…; “%s” is not that."),
                              option, text);
      return FALSE;
    }

  *code = g_steal_pointer (&name);
  *value = g_strdup (equals + 1);
  return TRUE;
}

static gboolean
collect_notes (char       **values,
               GHashTable  *notes,
               GError     **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *note = NULL;

      if (!fg_cli_check_text ("--note", values[i], error) ||
          !split_assignment ("--note", values[i], &code, &note, error))
        return FALSE;
      if (g_hash_table_contains (notes, code))
        {
          fg_cli_set_usage_error (error, _("--note is given twice for “%s”: write one note."), code);
          return FALSE;
        }
      g_hash_table_insert (notes, g_steal_pointer (&code), g_steal_pointer (&note));
    }

  return TRUE;
}

/* The photos are read before the inspection starts: a missing file is
 * then refused without a draft to clean up. */
static gboolean
collect_photos (char       **values,
                GPtrArray   *photos,
                GError     **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      Photo *photo = g_new0 (Photo, 1);

      g_ptr_array_add (photos, photo);
      if (!split_assignment ("--photo", values[i], &photo->code, &photo->path, error))
        return FALSE;
      if (*photo->path == '\0')
        {
          fg_cli_set_usage_error (error, _("--photo takes CODE=FILE; no file is named for “%s”."),
                                  photo->code);
          return FALSE;
        }

      /* a device or a huge file is refused before it is read */
      photo->bytes = fg_photo_read_file (photo->path, error);
      if (photo->bytes == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_kind (RecordOptions     *options,
            FgInspectionKind  *kind,
            GError           **error)
{
  *kind = options->campaign != NULL ? FG_INSPECTION_KIND_CAMPAIGN : FG_INSPECTION_KIND_ROUTINE;

  if (options->kind != NULL && !fg_inspection_kind_from_string (options->kind, kind))
    {
      fg_cli_set_usage_error (error, _("--kind takes routine, campaign, reinspection or report, "
                                       "not “%s”."),
                              options->kind);
      return FALSE;
    }

  if (*kind == FG_INSPECTION_KIND_CAMPAIGN && options->campaign == NULL)
    {
      fg_cli_set_usage_error (error, _("A campaign inspection needs --campaign ID "
                                       "(“firegrid-cli campaign list” shows the ids)."));
      return FALSE;
    }
  if (*kind != FG_INSPECTION_KIND_CAMPAIGN && options->campaign != NULL)
    {
      fg_cli_set_usage_error (error, _("--campaign goes with --kind campaign only."));
      return FALSE;
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every code the command line names must be an item of the draft's
 * checklists; all unknown ones are named at once. */
static gboolean
check_codes (FgInspection  *draft,
             GHashTable    *outcomes,
             GHashTable    *notes,
             GPtrArray     *photos,
             GError       **error)
{
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) named = g_ptr_array_new ();
  g_autofree char *templates = NULL;
  g_autofree char *list = NULL;
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, outcomes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_ptr_array_add (named, code);
  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_ptr_array_add (named, code);
  for (guint i = 0; i < photos->len; i++)
    g_ptr_array_add (named, ((Photo *) g_ptr_array_index (photos, i))->code);

  for (guint i = 0; i < named->len; i++)
    {
      const char *name = g_ptr_array_index (named, i);

      if (fg_inspection_find_item (draft, name) == NULL &&
          !g_ptr_array_find_with_equal_func (unknown, name, g_str_equal, NULL))
        g_ptr_array_add (unknown, (gpointer) name);
    }

  if (unknown->len == 0)
    return TRUE;

  g_ptr_array_sort (unknown, compare_strings);
  g_ptr_array_add (unknown, NULL);
  list = g_strjoinv (", ", (char **) unknown->pdata);
  templates = fg_inspection_dup_templates (draft);
  g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
               /* TRANSLATORS: the codes, then the checklists, e.g. “restaurant v1” */
               g_dngettext (GETTEXT_PACKAGE,
                            "%s is not an item of this venue’s checklists (%s); "
                            "“firegrid-cli checklist show ID” lists the items.",
                            "%s are not items of this venue’s checklists (%s); "
                            "“firegrid-cli checklist show ID” lists the items.",
                            unknown->len - 1),
               list, templates);
  return FALSE;
}

/* Everything after the start: on failure the caller discards the draft. */
static gboolean
complete_draft (FgStore       *store,
                FgActor       *actor,
                FgInspection  *draft,
                GHashTable    *outcomes,
                GHashTable    *notes,
                GPtrArray     *photos,
                const char    *started,
                const char    *ended,
                GError       **error)
{
  GListModel *items = fg_inspection_get_items (draft);
  guint n_items = g_list_model_get_n_items (items);

  if (!check_codes (draft, outcomes, notes, photos, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      gpointer outcome = g_hash_table_lookup (outcomes, code);

      if (!fg_inspection_record (store, actor, draft, code,
                                 outcome != NULL ? GPOINTER_TO_INT (outcome) : FG_OUTCOME_PASS,
                                 g_hash_table_lookup (notes, code), error))
        return FALSE;
    }

  for (guint i = 0; i < photos->len; i++)
    {
      Photo *photo = g_ptr_array_index (photos, i);
      g_autofree char *sha256 = NULL;
      g_autoptr(GError) local_error = NULL;

      sha256 = fg_inspection_attach_photo (store, actor, draft, photo->code, photo->bytes, &local_error);
      if (sha256 == NULL)
        {
          g_autofree char *shown = g_filename_display_name (photo->path);

          /* TRANSLATORS: a file name, then why it was refused */
          g_set_error (error, local_error->domain, local_error->code,
                       _("“%s”: %s"), shown, local_error->message);
          return FALSE;
        }
    }

  return fg_inspection_finish_at (store, actor, draft, started, ended, error);
}

static void
print_record_result (FgInspection *inspection,
                     GPtrArray    *hazards,
                     FgCliFormat   format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(FgCliTable) table = NULL;

  g_string_append_printf (out, "%s\n", fg_inspection_get_id (inspection));

  if (format == FG_CLI_FORMAT_TSV)
    {
      for (guint i = 0; i < hazards->len; i++)
        {
          FgHazard *hazard = g_ptr_array_index (hazards, i);
          g_autofree char *days = g_strdup_printf ("%u", fg_hazard_get_deadline_days (hazard));

          fg_cli_tsv_append_row (out, 3, fg_hazard_get_item_code (hazard),
                                 fg_hazard_grade_to_string (fg_hazard_get_grade (hazard)), days);
        }
      fg_cli_print (out->str);
      return;
    }

  {
    g_autoptr(GPtrArray) tasks = fg_inspection_get_township_tasks (inspection);

    for (guint i = 0; i < tasks->len; i++)
      /* TRANSLATORS: a failed item that is the government's duty, not the venue's; code, then text */
      g_string_append_printf (out, _("Task for the township (no hazard): %s %s\n"),
                              fg_checklist_item_get_code (g_ptr_array_index (tasks, i)),
                              fg_checklist_item_get_text (g_ptr_array_index (tasks, i)));
  }
  fg_cli_print (out->str);
  if (hazards->len == 0)
    return;

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("Hazard"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Grade"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, _("Deadline"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Finding"), FG_CLI_ALIGN_LEFT, TRUE),
                        8, 0);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *deadline = describe_deadline (fg_hazard_get_deadline_days (hazard));

      fg_cli_table_add_row (table, fg_hazard_get_item_code (hazard),
                            fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)), deadline,
                            fg_hazard_get_finding (hazard));
    }
  fg_cli_table_print (table);
}

static gboolean
inspection_record (FgCli   *cli,
                   int      argc,
                   char   **argv,
                   GError **error)
{
  g_auto(RecordOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GHashTable) outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) draft = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) local_error = NULL;
  FgInspectionKind kind;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "venue", 0, 0, G_OPTION_ARG_STRING, &options.venue,
      N_("The venue inspected (required)"), N_("ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("routine (the default), campaign, reinspection or report (after a public report)"),
      N_("KIND") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &options.campaign,
      N_("The campaign (专项行动) a campaign inspection belongs to"), N_("ID") },
    { "fail", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.fail,
      N_("These items failed; each becomes a hazard"), N_("CODE,…") },
    { "na", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.na,
      N_("These items do not apply to the venue"), N_("CODE,…") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.notes,
      N_("What was seen at an item (printed on the notice for a failed one); may be repeated"),
      N_("CODE=TEXT") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.photos,
      N_("Attach a JPEG or PNG photo to an item; may be repeated"), N_("CODE=FILE") },
    { "with", 0, 0, G_OPTION_ARG_STRING, &options.with,
      N_("The second officer who inspected with you, named on the inspection record with "
         "their certificate number"), N_("LOGIN") },
    { "started", 0, 0, G_OPTION_ARG_STRING, &options.started,
      N_("When the inspection started, for one made on a paper form and typed in later "
         "(with --ended; the same day, at most 30 days ago)"), N_("“YYYY-MM-DD HH:MM”") },
    { "ended", 0, 0, G_OPTION_ARG_STRING, &options.ended,
      N_("When the inspection ended (with --started)"), N_("“YYYY-MM-DD HH:MM”") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "inspection record", "",
                                       _("Records a whole inspection of a venue at once, against "
                                         "the checklists of its categories, and finishes it."),
                                       _("Every item not given to --fail or --na passes. Either all "
                                         "of it is recorded or, when something is refused, none of "
                                         "it. “firegrid-cli checklist show ID” lists the item codes.\n"
                                         "Prints the new inspection’s id, then one line per hazard "
                                         "its failed items became: item code, grade, default deadline. "
                                         "With --format tsv the hazard lines hold: item code, grade "
                                         "(on-spot, deadline or major-proposed), deadline in working "
                                         "days; tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (options.format, &format, error))
    return FALSE;

  if (options.venue == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the venue with --venue ID."));
      return FALSE;
    }
  if (!parse_kind (&options, &kind, error) ||
      !collect_codes ("--fail", options.fail, FG_OUTCOME_FAIL, outcomes, error) ||
      !collect_codes ("--na", options.na, FG_OUTCOME_NA, outcomes, error) ||
      !collect_notes (options.notes, notes, error) ||
      !collect_photos (options.photos, photos, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  venue = fg_cli_load_venue (store, actor, options.venue, error);
  if (venue == NULL ||
      (options.campaign != NULL && !fg_cli_check_campaign (store, actor, options.campaign, error)))
    return FALSE;

  draft = fg_inspection_start (store, actor, fg_venue_get_id (venue), kind, options.campaign,
                               &local_error);
  if (draft == NULL)
    {
      if (g_error_matches (local_error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_DRAFT_EXISTS))
        {
          g_autoptr(FgInspection) existing = fg_inspection_find_draft (store, actor,
                                                                       fg_venue_get_id (venue), NULL);
          g_autofree char *started = format_time (existing != NULL ? fg_inspection_get_started_at (existing) : NULL);

          g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                       _("You have an unfinished inspection of %s, started %s: finish it in "
                         "Firegrid, or discard it with “firegrid-cli inspection discard --venue %s”."),
                       fg_venue_get_name (venue), started, fg_venue_get_id (venue));
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      return FALSE;
    }

  if ((options.with != NULL && !fg_inspection_set_second_inspector (store, actor, draft, options.with, error)) ||
      !complete_draft (store, actor, draft, outcomes, notes, photos, options.started, options.ended, error))
    {
      g_autoptr(GError) discard_error = NULL;

      /* all or nothing: the half-recorded draft goes */
      if (!fg_inspection_discard (store, actor, draft, &discard_error))
        g_prefix_error (error, _("The unfinished inspection could not be discarded (%s); "
                                 "discard it with “firegrid-cli inspection discard”. "),
                        discard_error->message);
      return FALSE;
    }

  hazards = fg_hazard_list_for_inspection (store, actor, fg_inspection_get_id (draft), error);
  if (hazards == NULL)
    return FALSE;

  print_record_result (draft, hazards, format);
  return TRUE;
}

/* --- list --------------------------------------------------------------- */

typedef struct
{
  guint pass;
  guint fail;
  guint na;
} Counts;

static Counts
count_outcomes (FgInspection *inspection)
{
  GListModel *items = fg_inspection_get_items (inspection);
  Counts counts = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      switch (fg_inspection_get_outcome (inspection, fg_checklist_item_get_code (item)))
        {
        case FG_OUTCOME_PASS:
          counts.pass++;
          break;
        case FG_OUTCOME_FAIL:
          counts.fail++;
          break;
        case FG_OUTCOME_NA:
          counts.na++;
          break;
        case FG_OUTCOME_NONE:
        default:
          break;
        }
    }

  return counts;
}

static gboolean
inspection_list (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autofree char *venue_id = NULL;
  g_autofree char *format_text = NULL;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue_id,
      N_("The venue (required)"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "inspection list", "",
                                       _("Lists a venue’s inspections, the newest first, "
                                         "unfinished ones included."),
                                       _("With --format tsv, each line holds: id, started (ISO 8601), "
                                         "finished (ISO 8601, empty for a draft), kind (routine, "
                                         "campaign, reinspection or report), inspector’s login, "
                                         "inspector’s name, status (finished or draft), items passed, "
                                         "failed, not applicable; tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (venue_id == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the venue with --venue ID."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  venue = fg_cli_load_venue (store, actor, venue_id, error);
  if (venue == NULL)
    return FALSE;
  inspections = fg_inspection_list_for_venue (store, actor, fg_venue_get_id (venue), error);
  if (inspections == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    {
      g_autoptr(GString) tsv = g_string_new (NULL);

      for (guint i = 0; i < inspections->len; i++)
        {
          FgInspection *inspection = g_ptr_array_index (inspections, i);
          Counts counts = count_outcomes (inspection);
          g_autofree char *pass = g_strdup_printf ("%u", counts.pass);
          g_autofree char *fail = g_strdup_printf ("%u", counts.fail);
          g_autofree char *na = g_strdup_printf ("%u", counts.na);

          fg_cli_tsv_append_row (tsv, 10,
                                 fg_inspection_get_id (inspection),
                                 fg_inspection_get_started_at (inspection),
                                 fg_inspection_get_finished_at (inspection),
                                 fg_inspection_kind_to_string (fg_inspection_get_kind (inspection)),
                                 fg_inspection_get_inspector (inspection),
                                 fg_inspection_get_inspector_name (inspection),
                                 fg_inspection_is_finished (inspection) ? "finished" : "draft",
                                 pass, fail, na);
        }
      fg_cli_print (tsv->str);
      return TRUE;
    }

  if (inspections->len == 0)
    {
      g_autofree char *line = g_strdup_printf (_("%s has not been inspected yet.\n"),
                                               fg_venue_get_name (venue));
      fg_cli_print (line);
      return TRUE;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Date"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Kind"), FG_CLI_ALIGN_LEFT, TRUE), 8, 1);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Inspector"), FG_CLI_ALIGN_LEFT, TRUE), 6, 0);
  fg_cli_table_add_column (table, _("Status"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, C_("outcome", "Pass"), FG_CLI_ALIGN_RIGHT, FALSE);
  fg_cli_table_add_column (table, C_("outcome", "Fail"), FG_CLI_ALIGN_RIGHT, FALSE);
  /* TRANSLATORS: a short column title: not applicable */
  fg_cli_table_add_column (table, _("N/A"), FG_CLI_ALIGN_RIGHT, FALSE);

  for (guint i = 0; i < inspections->len; i++)
    {
      FgInspection *inspection = g_ptr_array_index (inspections, i);
      Counts counts = count_outcomes (inspection);
      g_autofree char *date = g_strndup (fg_inspection_get_started_at (inspection), 10);
      g_autofree char *pass = g_strdup_printf ("%u", counts.pass);
      g_autofree char *fail = g_strdup_printf ("%u", counts.fail);
      g_autofree char *na = g_strdup_printf ("%u", counts.na);

      fg_cli_table_add_row (table,
                            fg_inspection_get_id (inspection),
                            date,
                            fg_inspection_kind_get_label (fg_inspection_get_kind (inspection)),
                            fg_inspection_get_inspector_name (inspection),
                            fg_inspection_is_finished (inspection) ? _("finished") : _("draft"),
                            pass, fail, na);
    }
  fg_cli_table_print (table);

  return TRUE;
}

/* --- show --------------------------------------------------------------- */

static char *
campaign_name (FgStore    *store,
               FgActor    *actor,
               const char *campaign_id)
{
  g_autoptr(GPtrArray) campaigns = NULL;

  if (campaign_id == NULL)
    return NULL;

  campaigns = fg_campaign_list (store, actor, NULL);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      FgCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (g_str_equal (fg_campaign_get_id (campaign), campaign_id))
        /* TRANSLATORS: a campaign's name and, in brackets, its id */
        return g_strdup_printf (_("%s (%s)"), fg_campaign_get_name (campaign), campaign_id);
    }

  return g_strdup (campaign_id);
}

static void
append_fields (GString    *out,
               const char *labels[],
               const char *values[],
               guint       n_fields)
{
  guint width = 0;

  /* labels are translated, so they are measured, not counted */
  for (guint i = 0; i < n_fields; i++)
    width = MAX (width, fg_cli_text_width (labels[i]));

  for (guint i = 0; i < n_fields; i++)
    {
      if (values[i] == NULL || *values[i] == '\0')
        continue;
      fg_cli_append_padded (out, labels[i], width + 2);
      g_string_append (out, values[i]);
      g_string_append_c (out, '\n');
    }
}

/* --format tsv: the facts as key–value rows, then one row per item and
 * one per hazard, each tagged with what it holds. */
static void
print_inspection_tsv (FgInspection *inspection,
                      FgVenue      *venue,
                      GPtrArray    *hazards,
                      const char   *templates)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GListModel *items = fg_inspection_get_items (inspection);
  const struct { const char *key; const char *value; } fields[] = {
    { "id", fg_inspection_get_id (inspection) },
    { "venue", fg_venue_get_id (venue) },
    { "venue_name", fg_venue_get_name (venue) },
    { "kind", fg_inspection_kind_to_string (fg_inspection_get_kind (inspection)) },
    { "campaign", fg_inspection_get_campaign_id (inspection) },
    { "inspector", fg_inspection_get_inspector (inspection) },
    { "inspector_name", fg_inspection_get_inspector_name (inspection) },
    { "started", fg_inspection_get_started_at (inspection) },
    { "finished", fg_inspection_get_finished_at (inspection) },
    { "status", fg_inspection_is_finished (inspection) ? "finished" : "draft" },
    { "checklists", templates },
    { "inspector_certificate", fg_inspection_get_inspector_certificate (inspection) },
    { "second_inspector", fg_inspection_get_second_inspector (inspection) },
    { "second_inspector_name", fg_inspection_get_second_inspector_name (inspection) },
    { "second_inspector_certificate", fg_inspection_get_second_inspector_certificate (inspection) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    fg_cli_tsv_append_row (out, 2, fields[i].key, fields[i].value);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      g_autofree char *photos = g_strjoinv (",", (char **) fg_inspection_get_photos (inspection, code));

      fg_cli_tsv_append_row (out, 5, "item", code,
                             outcome_to_string (fg_inspection_get_outcome (inspection, code)),
                             fg_inspection_get_note (inspection, code), photos);
    }

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *days = g_strdup_printf ("%u", fg_hazard_get_deadline_days (hazard));

      fg_cli_tsv_append_row (out, 6, "hazard", fg_hazard_get_item_code (hazard),
                             fg_hazard_grade_to_string (fg_hazard_get_grade (hazard)), days,
                             fg_hazard_get_note (hazard), fg_hazard_get_id (hazard));
    }

  fg_cli_print (out->str);
}

/* Who inspected which venue when, against which checklists. */
static void
print_inspection_facts (FgInspection *inspection,
                        FgVenue      *venue,
                        const char   *campaign,
                        const char   *templates)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *venue_text = NULL;
  g_autofree char *inspector = NULL;
  g_autofree char *second = NULL;
  g_autofree char *started = format_time (fg_inspection_get_started_at (inspection));
  g_autofree char *finished = NULL;
  const char *labels[] = {
    _("ID"), _("Venue"), _("Kind"), _("Campaign"), _("Inspector"), _("Second inspector"),
    _("Started"), _("Finished"), _("Checklists"),
  };
  const char *values[G_N_ELEMENTS (labels)];

  /* TRANSLATORS: a venue's name and, in brackets, its id */
  venue_text = g_strdup_printf (_("%s (%s)"), fg_venue_get_name (venue), fg_venue_get_id (venue));
  /* TRANSLATORS: a person's name and, in brackets, the login */
  inspector = g_strdup_printf (_("%s (%s)"), fg_inspection_get_inspector_name (inspection),
                               fg_inspection_get_inspector (inspection));
  if (fg_inspection_get_second_inspector (inspection) != NULL)
    second = g_strdup_printf (_("%s (%s)"), fg_inspection_get_second_inspector_name (inspection),
                              fg_inspection_get_second_inspector (inspection));
  else
    second = g_strdup (_("none: the inspector was alone"));
  finished = fg_inspection_is_finished (inspection)
               ? format_time (fg_inspection_get_finished_at (inspection))
               : g_strdup (_("not yet: a draft"));

  values[0] = fg_inspection_get_id (inspection);
  values[1] = venue_text;
  values[2] = fg_inspection_kind_get_label (fg_inspection_get_kind (inspection));
  values[3] = campaign;
  values[4] = inspector;
  values[5] = second;
  values[6] = started;
  values[7] = finished;
  values[8] = templates;
  append_fields (out, labels, values, G_N_ELEMENTS (labels));
  g_string_append_c (out, '\n');
  fg_cli_print (out->str);
}

/* Each item: its outcome, what was checked, the note and how many photos. */
static void
print_item_table (FgInspection *inspection)
{
  g_autoptr(FgCliTable) table = fg_cli_table_new ();
  GListModel *items = fg_inspection_get_items (inspection);

  fg_cli_table_add_column (table, _("Item"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Outcome"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Checked"), FG_CLI_ALIGN_LEFT, TRUE),
                        12, 1);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Note"), FG_CLI_ALIGN_LEFT, TRUE),
                        8, 0);
  fg_cli_table_add_column (table, _("Photos"), FG_CLI_ALIGN_RIGHT, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);
      const char *code = fg_checklist_item_get_code (item);
      const char * const *photos = fg_inspection_get_photos (inspection, code);
      g_autofree char *n_photos = NULL;

      n_photos = g_strv_length ((char **) photos) > 0
                   ? g_strdup_printf ("%u", g_strv_length ((char **) photos)) : g_strdup ("");
      fg_cli_table_add_row (table, code,
                            fg_outcome_get_label (fg_inspection_get_outcome (inspection, code)),
                            fg_checklist_item_get_text (item),
                            fg_inspection_get_note (inspection, code),
                            n_photos);
    }
  fg_cli_table_print (table);
}

/* The hazards found, or why there are none. */
static void
print_hazard_table (FgInspection *inspection,
                    GPtrArray    *hazards)
{
  g_autoptr(FgCliTable) table = NULL;

  if (hazards->len == 0)
    {
      fg_cli_print (fg_inspection_is_finished (inspection)
                      ? _("No hazards were found.\n")
                      : _("Hazards are recorded when the inspection is finished.\n"));
      return;
    }

  table = fg_cli_table_new ();
  fg_cli_table_add_column (table, _("Hazard"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_add_column (table, _("Grade"), FG_CLI_ALIGN_LEFT, TRUE);
  fg_cli_table_add_column (table, _("Deadline"), FG_CLI_ALIGN_LEFT, FALSE);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Finding"), FG_CLI_ALIGN_LEFT, TRUE),
                        8, 0);
  fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Note"), FG_CLI_ALIGN_LEFT, TRUE),
                        8, 0);
  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *deadline = describe_deadline (fg_hazard_get_deadline_days (hazard));

      fg_cli_table_add_row (table, fg_hazard_get_item_code (hazard),
                            fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)),
                            deadline, fg_hazard_get_finding (hazard), fg_hazard_get_note (hazard));
    }
  fg_cli_table_print (table);
}

static gboolean
inspection_show (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *templates = NULL;
  g_autofree char *campaign = NULL;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "inspection show", _("ID"),
                                       _("Shows an inspection: who inspected which venue when, "
                                         "against which checklist versions, each item’s outcome "
                                         "and note, and the hazards found."),
                                       _("“firegrid-cli inspection list --venue ID” shows the ids.\n"
                                         "With --format tsv, each line starts with what it holds: "
                                         "“key<TAB>value” for id, venue, venue_name, kind, campaign, "
                                         "inspector, inspector_name, started, finished, status, "
                                         "checklists, inspector_certificate, second_inspector, "
                                         "second_inspector_name, second_inspector_certificate; “item<TAB>code<TAB>outcome (pass, fail, na or "
                                         "empty)<TAB>note<TAB>photos (SHA-256, comma-separated)”; "
                                         "“hazard<TAB>item code<TAB>grade<TAB>deadline in working "
                                         "days<TAB>note<TAB>id”."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the inspection’s id."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  inspection = fg_inspection_load (store, actor, argv[1], &local_error);
  if (inspection == NULL)
    {
      if (g_error_matches (local_error, FG_INSPECTION_ERROR, FG_INSPECTION_ERROR_NOT_FOUND))
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("There is no inspection with the id “%s”. “firegrid-cli inspection list "
                       "--venue ID” shows the ids."),
                     argv[1]);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  venue = fg_cli_load_venue (store, actor, fg_inspection_get_venue_id (inspection), error);
  if (venue == NULL)
    return FALSE;
  hazards = fg_hazard_list_for_inspection (store, actor, fg_inspection_get_id (inspection), error);
  if (hazards == NULL)
    return FALSE;

  templates = fg_inspection_dup_templates (inspection);
  campaign = campaign_name (store, actor, fg_inspection_get_campaign_id (inspection));
  if (format == FG_CLI_FORMAT_TSV)
    {
      print_inspection_tsv (inspection, venue, hazards, templates);
      return TRUE;
    }

  print_inspection_facts (inspection, venue, campaign, templates);
  print_item_table (inspection);
  fg_cli_print ("\n");
  print_hazard_table (inspection, hazards);
  return TRUE;
}

/* --- discard ------------------------------------------------------------ */

static gboolean
inspection_discard (FgCli   *cli,
                    int      argc,
                    char   **argv,
                    GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(FgInspection) draft = NULL;
  g_autofree char *venue_id = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue_id,
      N_("The venue (required)"), N_("ID") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "inspection discard", "",
                                       _("Throws away your unfinished inspection of a venue."),
                                       _("Only a draft of the account of --user is discarded; a "
                                         "finished inspection never changes."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (venue_id == NULL)
    {
      fg_cli_set_usage_error (error, _("Give the venue with --venue ID."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  venue = fg_cli_load_venue (store, actor, venue_id, error);
  if (venue == NULL)
    return FALSE;
  draft = find_draft (store, actor, venue, error);
  if (draft == NULL)
    return FALSE;

  return fg_inspection_discard (store, actor, draft, error);
}

static const FgCliCommand inspection_commands[] = {
  { "record", N_("Record and finish a whole inspection"), inspection_record },
  { "list", N_("List a venue’s inspections"), inspection_list },
  { "show", N_("Show an inspection, its outcomes and hazards"), inspection_show },
  { "discard", N_("Throw away your unfinished inspection of a venue"), inspection_discard },
};

gboolean
fg_cli_command_inspection (FgCli   *cli,
                           int      argc,
                           char   **argv,
                           GError **error)
{
  return fg_cli_run_group (cli, "inspection",
                           _("Records and shows inspections (检查) of venues against their "
                             "checklists. Each command needs --user LOGIN once the database "
                             "has accounts."),
                           inspection_commands, G_N_ELEMENTS (inspection_commands),
                           argc, argv, error);
}
