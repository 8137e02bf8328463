/* fg-cli-hazard.c — hazard list|show|event: the hazard ledger (隐患台账); escalate
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
parse_state (const char  *text,
             int         *state,
             GError     **error)
{
  *state = -1;
  if (text == NULL)
    return TRUE;

  for (int i = 0; i < FG_HAZARD_N_STATES; i++)
    {
      if (g_str_equal (text, fg_hazard_state_to_string (i)))
        {
          *state = i;
          return TRUE;
        }
    }

  fg_cli_set_usage_error (error, _("“%s” is not a hazard state. The states are: open, rectifying, "
                                   "reported-fixed, verified, escalated, transferred, closed."), text);
  return FALSE;
}

static gboolean
hazard_list (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *venue_id = NULL;
  g_autofree char *campaign_id = NULL;
  g_autoptr(GDate) today = NULL;
  gboolean reinspection_late = FALSE;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  int state;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text,
      N_("Only hazards in this state (open, rectifying, reported-fixed, verified, escalated, transferred, closed)"),
      N_("STATE") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue_id, N_("Only this venue’s hazards"), N_("ID") },
    { "campaign", 0, 0, G_OPTION_ARG_STRING, &campaign_id,
      N_("Only hazards found by this campaign’s inspections"), N_("ID") },
    { "reinspection-late", 0, 0, G_OPTION_ARG_NONE, &reinspection_late,
      N_("Only hazards reported fixed whose re-inspection by the office is late"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "hazard list", "",
                                       _("Lists the hazards (隐患台账) in your area, the latest found first."),
                                       _("With --format tsv, each line holds: id, found, venue id, item code, "
                                         "grade, state, deadline, major (yes/no), finding; tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error) ||
      !parse_state (state_text, &state, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (campaign_id != NULL && !fg_cli_check_campaign (store, actor, campaign_id, error))
    return FALSE;

  hazards = fg_hazard_list (store, actor, venue_id, campaign_id,
                            reinspection_late ? FG_HAZARD_STATE_REPORTED_FIXED : state, error);
  if (hazards == NULL)
    return FALSE;

  /* the office's own duty, late: as the window's ledger filters it */
  today = fg_store_today (store);
  for (guint i = hazards->len; reinspection_late && i-- > 0;)
    if (fg_escalation_count_reinspection_late (store, g_ptr_array_index (hazards, i), today) <= 0)
      g_ptr_array_remove_index (hazards, i);

  if (format == FG_CLI_FORMAT_TSV)
    tsv = g_string_new (NULL);
  else
    {
      table = fg_cli_table_new ();
      fg_cli_table_add_column (table, _("ID"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Found"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Item"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Grade"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("State"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Deadline"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_set_fit (table, fg_cli_table_add_column (table, _("Finding"), FG_CLI_ALIGN_LEFT, TRUE),
                            8, 0);
    }

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      const char *deadline = fg_hazard_get_deadline (hazard) != NULL ? fg_hazard_get_deadline (hazard) : "";
      g_autofree char *found = g_strndup (fg_hazard_get_found_at (hazard), 10);

      if (tsv != NULL)
        fg_cli_tsv_append_row (tsv, 9, fg_hazard_get_id (hazard), found, fg_hazard_get_venue_id (hazard),
                               fg_hazard_get_item_code (hazard),
                               fg_hazard_grade_to_string (fg_hazard_get_grade (hazard)),
                               fg_hazard_state_to_string (fg_hazard_get_state (hazard)),
                               deadline, fg_hazard_get_major_confirmed (hazard) ? "yes" : "no",
                               fg_hazard_get_finding (hazard));
      else
        fg_cli_table_add_row (table, fg_hazard_get_id (hazard), found, fg_hazard_get_item_code (hazard),
                              fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)),
                              fg_hazard_state_get_label (fg_hazard_get_state (hazard)), deadline,
                              fg_hazard_get_finding (hazard));
    }

  if (tsv != NULL)
    fputs (tsv->str, stdout);
  else
    {
      fg_cli_table_print (table);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard.\n", "%u hazards.\n", hazards->len), hazards->len);
    }

  return TRUE;
}

/* What is waiting: the office's re-inspection of a hazard reported fixed,
 * or another way of serving a notice that found nobody. */
static void
hazard_show_next_step (FgStore  *store,
                       FgHazard *hazard)
{
  g_autofree char *due = fg_escalation_dup_reinspection_due (store, hazard);

  if (fg_hazard_get_escalation_level (hazard) != NULL)
    printf ("%s: %s\n", _("Escalated to"), fg_escalation_level_get_label (fg_hazard_get_escalation_level (hazard)));

  if (due != NULL)
    {
      g_autoptr(GDate) today = fg_store_today (store);
      int late = fg_escalation_count_reinspection_late (store, hazard, today);

      if (late > 0)
        printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s (late %d working day)\n",
                             "%s: %s (late %d working days)\n", late),
                _("Re-inspection by the office"), due, late);
      else
        printf ("%s: %s\n", _("Re-inspection by the office"), due);
    }

  if (fg_hazard_get_supervision (hazard) != NULL)
    {
      const FgHazardEvent *instruction = fg_hazard_get_supervision (hazard);
      const FgHazardEvent *reply = fg_hazard_get_supervision_reply (hazard);

      /* Translators: the county's instruction, who gave it and by when to act */
      printf (_("County’s instruction: %s (%s, by %s)\n"), instruction->note, instruction->actor_name,
              instruction->deadline != NULL ? instruction->deadline : "");
      if (reply != NULL)
        printf (_("Township’s reply: %s (%s)\n"), reply->note, reply->actor_name);
      else
        printf ("%s\n", _("Township’s reply: none yet"));
    }

  if (fg_hazard_awaits_other_service (hazard))
    printf ("%s: %s\n", _("Next step"),
            _("the notice found nobody to serve it on: serve it by post or by public announcement"));
}

static gboolean
hazard_show (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  FgStore *store;
  FgActor *actor;
  GPtrArray *events;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "hazard show", _("ID"),
                                       _("Shows a hazard and its timeline of events."), NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the hazard’s id."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  hazard = fg_hazard_load (store, actor, argv[1], error);
  if (hazard == NULL)
    return FALSE;

  printf ("%s: %s\n", _("Item"), fg_hazard_get_item_code (hazard));
  printf ("%s: %s\n", _("Finding"), fg_hazard_get_finding (hazard));
  printf ("%s: %s\n", _("Grade"), fg_hazard_grade_get_label (fg_hazard_get_grade (hazard)));
  printf ("%s: %s%s\n", _("State"), fg_hazard_state_get_label (fg_hazard_get_state (hazard)),
          fg_hazard_get_major_confirmed (hazard) ? _(" (major hazard)") : "");
  if (fg_hazard_get_deadline (hazard) != NULL)
    printf ("%s: %s\n", _("Deadline"), fg_hazard_get_deadline (hazard));
  hazard_show_next_step (store, hazard);
  fg_cli_print_decision (hazard);
  printf ("\n");

  events = fg_hazard_get_events (hazard);
  for (guint i = 0; i < events->len; i++)
    {
      FgHazardEvent *event = g_ptr_array_index (events, i);
      g_autofree char *when = g_strndup (event->at, 16);

      when[10] = ' ';
      printf ("%s  %s  %s", when, fg_hazard_event_kind_get_label (event->kind), event->actor_name);
      if (event->deadline != NULL)
        printf ("  → %s", event->deadline);
      if (event->level != NULL)
        printf ("  → %s", event->level);
      if (event->target != NULL)
        printf ("  → %s", event->target);
      if (event->note != NULL && *event->note != '\0')
        printf ("  %s", event->note);
      if (event->photos != NULL)
        printf (g_dngettext (GETTEXT_PACKAGE, "  (%u photo)", "  (%u photos)", g_strv_length (event->photos)),
                g_strv_length (event->photos));
      printf ("\n");
    }

  return TRUE;
}

static gboolean
hazard_event (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgHazard) hazard = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *note = NULL;
  g_autofree char *level = NULL;
  g_autofree char *target = NULL;
  g_auto(GStrv) photo_files = NULL;
  g_autoptr(GPtrArray) photos = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  FgHazardEventDetails details = { NULL, };
  FgHazardEventKind kind;
  gboolean confirmed = FALSE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline,
      N_("The deadline (notice-issued, deadline-extended, reinspected-fail; supervised: the day by which "
         "the township is to act)"), N_("DATE") },
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirmed,
      N_("Set the deadline even though it is far beyond the checklist’s periods, or in a year whose holidays "
         "are not installed"), NULL },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note,
      N_("A note; the reason, for an extension; the instruction (supervised) or the reply (supervision-replied)"),
      N_("TEXT") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_("Where it goes (escalated): township-enforcement, police-station, county-brigade, county-government"),
      N_("LEVEL") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("To whom (transferred): police-station or regulator"), N_("TARGET") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &photo_files,
      N_("A JPEG or PNG photo of what was seen (repeat for several)"), N_("FILE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "hazard event", _("ID EVENT"),
                                       _("Records what happened to a hazard."),
                                       _("EVENT is one of: rectified-on-spot, notice-issued, deadline-extended, "
                                         "reported-fixed, reinspected-pass, reinspected-fail, escalated, "
                                         "transferred, closed, reopened; a county office: supervised (挂牌督办, "
                                         "with --note and --deadline); a township answering it: "
                                         "supervision-replied (with --note). "
                                         "Which events may follow depends on the hazard's state. The fire-rescue "
                                         "brigade's decision on a possibly major hazard is recorded with "
                                         "“hazard decision”. A deadline far beyond the checklist’s period, or in "
                                         "a year whose holidays are not installed, is refused with a warning "
                                         "unless --confirm is given."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error) ||
      !fg_cli_check_text ("--note", note, error))
    return FALSE;
  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the hazard’s id and the event, e.g. “hazard event ID closed”."));
      return FALSE;
    }
  if (!fg_hazard_event_kind_from_string (argv[2], &kind))
    {
      fg_cli_set_usage_error (error, _("“%s” is not a hazard event. Run “firegrid-cli hazard event --help” for the list."),
                              argv[2]);
      return FALSE;
    }

  for (guint i = 0; photo_files != NULL && photo_files[i] != NULL; i++)
    {
      /* a device or a huge file is refused before it is read */
      GBytes *photo = fg_photo_read_file (photo_files[i], error);

      if (photo == NULL)
        return FALSE;
      g_ptr_array_add (photos, photo);
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  hazard = fg_hazard_load (store, actor, argv[1], error);
  if (hazard == NULL)
    return FALSE;

  /* a period to correct in asks to be confirmed; a county's instruction sets none */
  if (deadline != NULL && kind != FG_HAZARD_EVENT_SUPERVISED)
    {
      const char *ids[] = { argv[1], NULL };

      if (!fg_cli_confirm_deadline (store, actor, ids, kind, NULL, deadline, confirmed, error))
        return FALSE;
    }

  details.photos = photos->len > 0 ? photos : NULL;
  details.note = note;
  details.deadline = deadline;
  details.level = level;
  details.target = target;
  if (!fg_hazard_add_event (store, actor, hazard, kind, &details, error))
    return FALSE;

  printf ("%s\n", fg_hazard_state_get_label (fg_hazard_get_state (hazard)));
  return TRUE;
}

/* escalate: the escalation rules, run now (or as on another day) */
gboolean
fg_cli_command_escalate (FgCli   *cli,
                         int      argc,
                         char   **argv,
                         GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *today_text = NULL;
  FgEscalationReport report;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Judge the deadlines as on this day (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "escalate", "",
                                       _("Applies the escalation rules (data/escalation/rules.xml): an order "
                                         "still not corrected climbs one step up the chain (the township’s "
                                         "enforcement, the police station or the county fire-rescue brigade, "
                                         "the county government) after each step’s working days, and an item "
                                         "that failed again at a venue goes to the first step."),
                                       _("A hazard reported fixed is not escalated: the office re-inspects it, "
                                         "and late re-inspections are counted. The escalations are dated on "
                                         "--today; running twice on a day adds nothing. The window does this "
                                         "when it starts and once a day. For the township administrator and staff."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (today_text != NULL)
    {
      today = fg_calendar_parse_date (today_text, error);
      if (today == NULL)
        {
          g_prefix_error (error, "--today: ");
          return FALSE;
        }
    }
  else
    {
      today = g_date_new ();
      g_date_set_time_t (today, time (NULL));
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (!fg_escalation_run (store, actor, today, &report, error))
    return FALSE;

  printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard escalated for being overdue.\n",
                       "%u hazards escalated for being overdue.\n", report.n_overdue),
          report.n_overdue);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard escalated for failing again.\n",
                       "%u hazards escalated for failing again.\n", report.n_repeated),
          report.n_repeated);
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%u hazard whose notice found nobody to serve it on: serve it by post or by public "
                       "announcement.\n",
                       "%u hazards whose notices found nobody to serve them on: serve them by post or by public "
                       "announcement.\n",
                       report.n_unserved),
          report.n_unserved);
  printf (g_dngettext (GETTEXT_PACKAGE,
                       "%u hazard reported fixed waits longer than %u working days for the office’s "
                       "re-inspection.\n",
                       "%u hazards reported fixed wait longer than %u working days for the office’s "
                       "re-inspection.\n",
                       report.n_reinspection_late),
          report.n_reinspection_late, fg_escalation_get_reinspection_days (store));
  return TRUE;
}

static const FgCliCommand hazard_commands[] = {
  { "list", N_("List the hazards"), hazard_list },
  { "show", N_("Show a hazard and its timeline"), hazard_show },
  { "event", N_("Record what happened to a hazard"), hazard_event },
  { "decision", N_("Record the fire-rescue brigade’s decision on a possibly major hazard"), fg_cli_hazard_decision },
};

gboolean
fg_cli_command_hazard (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  return fg_cli_run_group (cli, "hazard",
                           _("The hazard ledger: hazards found by inspections and what happened to them."),
                           hazard_commands, G_N_ELEMENTS (hazard_commands),
                           argc, argv, error);
}
