/* fg-cli-notice.c — notice issue|render|list|void|serve|verify|settings: documents (文书)
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fg-cli.h"

static gboolean
parse_kind (const char    *text,
            FgNoticeKind  *kind,
            GError       **error)
{
  if (text == NULL)
    {
      fg_cli_set_usage_error (error, _("Say which document with --kind: inspection-record, correct-now, "
                                       "correct-by-deadline, reinspection, major-hazard-letter or transfer."));
      return FALSE;
    }
  if (!fg_notice_kind_from_string (text, kind))
    {
      fg_cli_set_usage_error (error, _("“%s” is not a kind of document. The kinds are: inspection-record, "
                                       "correct-now, correct-by-deadline, reinspection, major-hazard-letter, "
                                       "transfer."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_date (const char   *option,
            const char   *text,
            GDate       **date,
            GError      **error)
{
  g_autoptr(GError) date_error = NULL;

  *date = NULL;
  if (text == NULL)
    return TRUE;
  *date = fg_calendar_parse_date (text, &date_error);
  if (*date == NULL)
    {
      fg_cli_set_usage_error (error, "%s: %s", option, date_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes the PDF under its final name only once it is complete. */
static gboolean
write_pdf (const char  *path,
           GBytes      *pdf,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &local_error))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The PDF could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
render_to (FgStore    *store,
           FgActor    *actor,
           GPtrArray  *notices,
           const char *path,
           GError    **error)
{
  g_autoptr(GBytes) pdf = fg_notice_render (store, actor, notices, error);

  return pdf != NULL && write_pdf (path, pdf, error);
}

static gboolean
notice_issue (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *inspection_id = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *follows = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *recipient_kind = NULL;
  g_autofree char *recipient = NULL;
  g_auto(GStrv) hazard_ids = NULL;
  gboolean confirmed = FALSE;
  FgNoticeRequest request = { 0 };
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("inspection-record, correct-now, correct-by-deadline, reinspection, major-hazard-letter or transfer"),
      N_("KIND") },
    { "hazard", 0, 0, G_OPTION_ARG_STRING_ARRAY, &hazard_ids,
      N_("A hazard the document names (repeat for several, all of one venue)"), N_("ID") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &recipient_kind,
      N_("Where a transfer goes: police-station or regulator"), N_("TARGET") },
    { "recipient", 0, 0, G_OPTION_ARG_STRING, &recipient,
      N_("The police station or regulator by name (transfer), e.g. 冢头派出所"), N_("NAME") },
    { "inspection", 0, 0, G_OPTION_ARG_STRING, &inspection_id,
      N_("The finished inspection (inspection-record)"), N_("ID") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline,
      N_("The deadline (correct-by-deadline)"), N_("DATE") },
    { "follows", 0, 0, G_OPTION_ARG_STRING, &follows,
      N_("The notice re-inspected (reinspection)"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of issue (default: today)"), N_("DATE") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Also write the document as a PDF"), N_("FILE") },
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirmed,
      N_("Set the deadline even though it is far beyond the checklist’s periods, or in a year whose holidays "
         "are not installed"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice issue", "",
                                       _("Issues a document under the next number of its kind and year."),
                                       _("Prints the number given. An order to correct records “notice issued” "
                                         "on each of its hazards. A deadline more than 20 working days away and "
                                         "more than twice the longest period the checklist gives its hazards, "
                                         "or in a year whose holidays are not installed, is refused with a "
                                         "warning unless --confirm is given. An order whose hazards were found "
                                         "by an officer inspecting alone is issued with a warning: have two "
                                         "officers confirm the facts before serving it. A letter on possibly "
                                         "major hazards (major-hazard-letter) sends them to the county’s "
                                         "fire-rescue brigade; a transfer sends them to a police station or a "
                                         "regulator."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !parse_kind (kind_text, &request.kind, error) ||
      !parse_date ("--date", date_text, &today, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  request.inspection_id = inspection_id;
  request.hazard_ids = (const char * const *) hazard_ids;
  request.deadline = deadline;
  request.follows_id = follows;
  request.today = today;
  if (request.kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE &&
      !fg_cli_confirm_deadline (store, actor, request.hazard_ids, FG_HAZARD_EVENT_NOTICE_ISSUED, today, deadline,
                                confirmed, error))
    return FALSE;
  request.recipient_kind = recipient_kind;
  request.recipient = recipient;
  notice = fg_notice_issue (store, actor, &request, error);
  if (notice == NULL)
    return FALSE;
  if (request.kind == FG_NOTICE_KIND_CORRECT_NOW || request.kind == FG_NOTICE_KIND_CORRECT_BY_DEADLINE)
    {
      g_autofree char *warning = fg_notice_describe_lone_inspections (store, actor, request.hazard_ids, NULL);
      g_autofree char *unsupported = fg_notice_describe_missing_bases (store, actor, request.hazard_ids, NULL);

      /* TRANSLATORS: a warning on the terminal; the order was issued all the same */
      if (warning != NULL)
        fprintf (stderr, _("Warning: %s\n"), warning);
      if (unsupported != NULL)
        fprintf (stderr, _("Warning: %s\n"), unsupported);
    }

  printf ("%s\t%s\n", fg_notice_get_number (notice), fg_notice_get_id (notice));

  if (out != NULL)
    {
      g_autoptr(GPtrArray) notices = g_ptr_array_new ();

      g_ptr_array_add (notices, notice);
      if (!render_to (store, actor, notices, out, error))
        {
          g_prefix_error (error, _("The document was issued, but not written: "));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
notice_render (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autofree char *out = NULL;
  g_autofree char *region = NULL;
  g_autofree char *day = NULL;
  gboolean open_only = FALSE;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region,
      N_("Every document of a village or grid (with --open: its open notices)"), N_("ID") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("Every document issued that day"), N_("DATE") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only,
      N_("Only notices whose hazards are still being corrected"), NULL },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice render", _("[NUMBER…]"),
                                       _("Writes documents as they were issued into one PDF, for printing."),
                                       _("Name documents by number (or id), or choose them with --region, --day "
                                         "and --open."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error))
    return FALSE;
  if (out == NULL)
    {
      fg_cli_set_usage_error (error, _("Say where to write the PDF with --out FILE."));
      return FALSE;
    }
  if (argc < 2 && region == NULL && day == NULL && !open_only)
    {
      fg_cli_set_usage_error (error, _("Name the documents, or choose them with --region, --day or --open."));
      return FALSE;
    }
  if (day != NULL)
    {
      g_autoptr(GDate) date = NULL;

      if (!parse_date ("--day", day, &date, error))
        return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (argc >= 2)
    {
      notices = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 1; i < argc; i++)
        {
          FgNotice *notice = fg_notice_load (store, actor, argv[i], error);

          if (notice == NULL)
            return FALSE;
          g_ptr_array_add (notices, notice);
        }
    }
  else
    {
      if (region != NULL)
        {
          g_autoptr(FgRegion) found = fg_region_lookup (store, actor, region, error);

          if (found == NULL)
            return FALSE;
          g_free (region);
          region = g_strdup (fg_region_get_id (found));
        }
      notices = fg_notice_list (store, actor, region, NULL, day, open_only, error);
      if (notices == NULL)
        return FALSE;
      if (notices->len == 0)
        {
          g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("No documents match."));
          return FALSE;
        }
      /* in the order they were issued */
      for (guint i = 0; i < notices->len / 2; i++)
        {
          gpointer first = notices->pdata[i];

          notices->pdata[i] = notices->pdata[notices->len - 1 - i];
          notices->pdata[notices->len - 1 - i] = first;
        }
    }

  if (!render_to (store, actor, notices, out, error))
    return FALSE;

  printf (g_dngettext (GETTEXT_PACKAGE, "%u document written to %s.\n", "%u documents written to %s.\n",
                       notices->len),
          notices->len, out);
  return TRUE;
}

static gboolean
notice_list (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(FgCliTable) table = NULL;
  g_autoptr(GString) tsv = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *venue_id = NULL;
  g_autofree char *region = NULL;
  g_autofree char *day = NULL;
  gboolean open_only = FALSE;
  FgCliFormat format;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue_id, N_("Only this venue’s documents"), N_("ID") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only documents of this village or grid"), N_("ID") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("Only documents issued that day"), N_("DATE") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only,
      N_("Only notices whose hazards are still being corrected"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("“table” (the default) or “tsv”"), N_("FORMAT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice list", "",
                                       _("Lists the documents issued in your area, the latest first."),
                                       _("With --format tsv, each line holds: number, kind, issued, venue, "
                                         "deadline, service (served, refused, unreachable or none), void (yes/no), "
                                         "id; tab-separated."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error) ||
      !fg_cli_parse_format (format_text, &format, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  if (region != NULL)
    {
      g_autoptr(FgRegion) found = fg_region_lookup (store, actor, region, error);

      if (found == NULL)
        return FALSE;
      g_free (region);
      region = g_strdup (fg_region_get_id (found));
    }

  notices = fg_notice_list (store, actor, region, venue_id, day, open_only, error);
  if (notices == NULL)
    return FALSE;

  if (format == FG_CLI_FORMAT_TSV)
    tsv = g_string_new (NULL);
  else
    {
      table = fg_cli_table_new ();
      fg_cli_table_add_column (table, _("Number"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Document"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Issued"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Venue"), FG_CLI_ALIGN_LEFT, TRUE);
      fg_cli_table_add_column (table, _("Deadline"), FG_CLI_ALIGN_LEFT, FALSE);
      fg_cli_table_add_column (table, _("Service"), FG_CLI_ALIGN_LEFT, TRUE);
    }

  for (guint i = 0; i < notices->len; i++)
    {
      FgNotice *notice = g_ptr_array_index (notices, i);
      static const char * const services[] = { "none", "served", "refused", "unreachable" };
      const char *deadline = fg_notice_get_deadline (notice) != NULL ? fg_notice_get_deadline (notice) : "";

      if (tsv != NULL)
        fg_cli_tsv_append_row (tsv, 8, fg_notice_get_number (notice),
                               fg_notice_kind_to_string (fg_notice_get_kind (notice)),
                               fg_notice_get_issued_on (notice), fg_notice_get_venue_name (notice), deadline,
                               services[fg_notice_get_service (notice)],
                               fg_notice_get_voided (notice) ? "yes" : "no", fg_notice_get_id (notice));
      else
        fg_cli_table_add_row (table, fg_notice_get_number (notice),
                              fg_notice_kind_get_label (fg_notice_get_kind (notice)),
                              fg_notice_get_issued_on (notice), fg_notice_get_venue_name (notice), deadline,
                              fg_notice_get_voided (notice) ? _("Void")
                                                            : fg_notice_service_get_label (fg_notice_get_service (notice)));
    }

  if (tsv != NULL)
    fputs (tsv->str, stdout);
  else
    {
      fg_cli_table_print (table);
      printf (g_dngettext (GETTEXT_PACKAGE, "%u document.\n", "%u documents.\n", notices->len), notices->len);
    }

  return TRUE;
}

static gboolean
notice_void (FgCli   *cli,
             int      argc,
             char   **argv,
             GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *reason = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the document is void"), N_("TEXT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice void", _("NUMBER"),
                                       _("Voids a document. It keeps its number, which is never given again."),
                                       NULL, entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error) ||
      !fg_cli_check_text ("--reason", reason, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the document’s number."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  notice = fg_notice_load (store, actor, argv[1], error);
  if (notice == NULL || !fg_notice_void (store, actor, notice, reason, error))
    return FALSE;

  printf (_("%s is void.\n"), fg_notice_get_number (notice));
  return TRUE;
}

static gboolean
notice_serve (FgCli   *cli,
              int      argc,
              char   **argv,
              GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GDate) day = NULL;
  g_autofree char *recipient = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *note = NULL;
  FgNoticeService service;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &recipient, N_("Who took the document (served)"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day (default: today)"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Witnesses, where it was left …"), N_("TEXT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice serve", _("NUMBER RESULT"),
                                       _("Records the service of a document (送达)."),
                                       _("RESULT is served, refused or unreachable. A refusal to sign is "
                                         "served by leaving the document at the venue (留置送达): say who "
                                         "witnessed it with --note. A notice that found nobody to serve it on "
                                         "is to be served another way: by post or by public announcement."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 2, error) ||
      !fg_cli_check_text ("--to", recipient, error) ||
      !fg_cli_check_text ("--note", note, error) ||
      !parse_date ("--date", date_text, &day, error))
    return FALSE;
  if (argc < 3)
    {
      fg_cli_set_usage_error (error, _("Give the document’s number and the result: served, refused or unreachable."));
      return FALSE;
    }
  if (g_str_equal (argv[2], "served"))
    service = FG_NOTICE_SERVICE_SERVED;
  else if (g_str_equal (argv[2], "refused"))
    service = FG_NOTICE_SERVICE_REFUSED;
  else if (g_str_equal (argv[2], "unreachable"))
    service = FG_NOTICE_SERVICE_UNREACHABLE;
  else
    {
      fg_cli_set_usage_error (error, _("“%s” is not a result of service: say served, refused or unreachable."),
                              argv[2]);
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  notice = fg_notice_load (store, actor, argv[1], error);
  if (notice == NULL ||
      !fg_notice_record_service (store, actor, notice, service, recipient, date_text, note, error))
    return FALSE;

  printf ("%s: %s\n", fg_notice_get_number (notice), fg_notice_service_get_label (service));
  return TRUE;
}

static gboolean
notice_corrected (FgCli   *cli,
                  int      argc,
                  char   **argv,
                  GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *at = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("When it was found corrected (default: now)"), N_("HH:MM") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice corrected-on-spot", _("NUMBER"),
                                       _("Records that an order to correct at once was complied with while the "
                                         "inspectors were there (当场改正)."),
                                       _("The day the order was issued only. Each of its hazards is re-inspected "
                                         "as fixed, “当场改正” with the time, and closed. An order not complied "
                                         "with on the spot stays due that day and is escalated like any order "
                                         "past its deadline."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 1, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the order’s number."));
      return FALSE;
    }

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  notice = fg_notice_load (store, actor, argv[1], error);
  if (notice == NULL || !fg_notice_record_corrected_on_spot (store, actor, notice, at, error))
    return FALSE;

  /* TRANSLATORS: a document's number */
  printf (_("%s: corrected on the spot; its hazards are closed.\n"), fg_notice_get_number (notice));
  return TRUE;
}

static gboolean
notice_verify (FgCli   *cli,
               int      argc,
               char   **argv,
               GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *code = NULL;
  FgNoticeVerdict verdict;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice verify", _("CODE"),
                                       _("Tells whether a paper document is genuine."),
                                       _("CODE is what the document’s QR code holds, or its number followed by "
                                         "the check code printed under the QR code. The exit status is 0 for "
                                         "a genuine document and 1 otherwise."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error))
    return FALSE;
  if (argc < 2)
    {
      fg_cli_set_usage_error (error, _("Give the code to check."));
      return FALSE;
    }
  code = g_strjoinv (" ", argv + 1);

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;

  verdict = fg_notice_verify (store, actor, code, &notice, error);
  if (verdict == FG_NOTICE_UNKNOWN && error != NULL && *error != NULL)
    return FALSE;

  printf ("%s\n", fg_notice_verdict_get_label (verdict));
  if (notice != NULL)
    printf ("%s  %s  %s  %s\n", fg_notice_get_number (notice), fg_notice_kind_get_label (fg_notice_get_kind (notice)),
            fg_notice_get_venue_name (notice), fg_notice_get_issued_on (notice));

  if (verdict != FG_NOTICE_GENUINE)
    {
      g_set_error_literal (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED, _("The document is not genuine."));
      return FALSE;
    }
  return TRUE;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
notice_settings (FgCli   *cli,
                 int      argc,
                 char   **argv,
                 GError **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(FgNoticeSettings) settings = NULL;
  g_autofree char *issuer_name = NULL;
  g_autofree char *issuer_short = NULL;
  g_autofree char *font = NULL;
  g_autofree char *self_name = NULL;
  g_autofree char *review_body = NULL;
  g_autofree char *court = NULL;
  g_autofree char *brigade = NULL;
  g_autofree char *authority = NULL;
  g_auto(GStrv) codes = NULL;
  FgStore *store;
  FgActor *actor;
  const GOptionEntry entries[] = {
    { "issuer-name", 0, 0, G_OPTION_ARG_STRING, &issuer_name,
      N_("The issuer as printed on documents (郏县冢头镇人民政府)"), N_("NAME") },
    { "issuer-short", 0, 0, G_OPTION_ARG_STRING, &issuer_short,
      N_("The issuer’s short name in numbers (冢头)"), N_("NAME") },
    { "code", 0, 0, G_OPTION_ARG_STRING_ARRAY, &codes,
      N_("A kind’s code in numbers, e.g. correct-by-deadline=消限 (repeat for several)"), N_("KIND=CODE") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font,
      N_("The font family documents are set in (empty: the best installed)"), N_("FAMILY") },
    { "self-name", 0, 0, G_OPTION_ARG_STRING, &self_name,
      N_("How the office names itself in documents (我镇, 我乡, 本机关)"), N_("NAME") },
    { "review-body", 0, 0, G_OPTION_ARG_STRING, &review_body,
      N_("Who hears an administrative review of an order (郏县人民政府; empty: the county’s government)"),
      N_("NAME") },
    { "court", 0, 0, G_OPTION_ARG_STRING, &court,
      N_("The court that hears an administrative suit against an order (郏县人民法院; empty: the county’s)"),
      N_("NAME") },
    { "brigade", 0, 0, G_OPTION_ARG_STRING, &brigade,
      N_("The county’s fire-rescue brigade, to which possibly major hazards go (郏县消防救援大队; empty: the "
         "county’s)"),
      N_("NAME") },
    { "authority-basis", 0, 0, G_OPTION_ARG_STRING, &authority,
      N_("On what authority orders are given, printed after 根据 (empty: orders cite none)"), N_("TEXT") },
    { NULL }
  };

  context = fg_cli_option_context_new (cli, "notice settings", "",
                                       _("Shows or changes the document settings."),
                                       _("Without options, shows them. Changing them needs an administrator.\n\n"
                                         "Orders name who hears a challenge to them: the county’s people’s government "
                                         "reviews a township’s acts, and the court is the county’s unless the province "
                                         "sends administrative cases of the county to another court (集中管辖): then "
                                         "enter that court with --court.\n\n"
                                         "--authority-basis is printed in orders and re-inspection opinions as "
                                         "“根据TEXT，我镇…”: the articles of 《中华人民共和国消防法》 and "
                                         "《河南省消防条例》 and the province’s decision that empowers townships, "
                                         "by name and document number, as the office has checked them. Until it "
                                         "is set, orders cite no authority."),
                                       entries);
  if (!fg_cli_option_context_parse (cli, context, &argc, &argv, error) ||
      !fg_cli_check_extra_args (argc, argv, 0, error))
    return FALSE;

  if (!fg_cli_open_logged_in (cli, &store, &actor, error))
    return FALSE;
  settings = fg_notice_settings_load (store, error);
  if (settings == NULL)
    return FALSE;

  if (issuer_name != NULL || issuer_short != NULL || codes != NULL || font != NULL ||
      self_name != NULL || review_body != NULL || court != NULL || brigade != NULL || authority != NULL)
    {
      if (brigade != NULL)
        replace_str (&settings->brigade, brigade);
      if (authority != NULL)
        replace_str (&settings->authority_basis, g_strstrip (authority));
      if (self_name != NULL)
        replace_str (&settings->self_name, self_name);
      if (review_body != NULL)
        replace_str (&settings->review_body, review_body);
      if (court != NULL)
        replace_str (&settings->court, court);
      if (issuer_name != NULL)
        replace_str (&settings->issuer_name, issuer_name);
      if (issuer_short != NULL)
        replace_str (&settings->issuer_short, issuer_short);
      if (font != NULL)
        replace_str (&settings->font, *font != '\0' ? font : NULL);
      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (codes[i], "=", 2);
          FgNoticeKind kind;

          if (g_strv_length (parts) != 2 || !fg_notice_kind_from_string (parts[0], &kind))
            {
              fg_cli_set_usage_error (error, _("--code takes KIND=CODE, e.g. correct-by-deadline=消限."));
              return FALSE;
            }
          replace_str (&settings->codes[kind], parts[1]);
        }
      if (!fg_notice_settings_save (store, actor, settings, error))
        return FALSE;
    }

  printf ("%s: %s\n", _("Issuer"), settings->issuer_name);
  printf ("%s: %s\n", _("Short name"), settings->issuer_short);
  for (guint i = 0; i < FG_NOTICE_N_KINDS; i++)
    printf ("%s (%s): %s\n", fg_notice_kind_get_label (i), fg_notice_kind_to_string (i), settings->codes[i]);
  printf ("%s: %s\n", _("Font"), settings->font != NULL ? settings->font : _("the best installed"));
  printf ("%s: %s\n", _("The office in the text"), settings->self_name);
  printf ("%s: %s\n", _("Administrative review body"),
          *settings->review_body != '\0' ? settings->review_body : _("not set (orders cannot be issued)"));
  printf ("%s: %s\n", _("Court"), *settings->court != '\0' ? settings->court : _("not set (orders cannot be issued)"));
  printf ("%s: %s\n", _("Fire-rescue brigade"),
          *settings->brigade != '\0' ? settings->brigade : _("not set (no letter on a major hazard can be issued)"));
  printf ("%s: %s\n", _("Legal basis of orders"),
          *settings->authority_basis != '\0' ? settings->authority_basis : _("not set (orders cite none)"));
  if (*settings->authority_basis == '\0')
    /* TRANSLATORS: %s is a citation such as 《河南省消防条例》第十五条 */
    printf (_("  suggested: %s, with the province’s decision that empowers townships, by name and number\n"),
            fg_notice_authority_suggestion ());
  return TRUE;
}

static const FgCliCommand notice_commands[] = {
  { "issue", N_("Issue a document under the next number"), notice_issue },
  { "render", N_("Write documents as issued into a PDF"), notice_render },
  { "list", N_("List the documents"), notice_list },
  { "void", N_("Void a document"), notice_void },
  { "serve", N_("Record the service of a document"), notice_serve },
  { "corrected-on-spot", N_("Record that an order to correct at once was complied with"), notice_corrected },
  { "verify", N_("Tell whether a paper document is genuine"), notice_verify },
  { "settings", N_("Show or change the issuer, codes and font"), notice_settings },
};

gboolean
fg_cli_command_notice (FgCli   *cli,
                       int      argc,
                       char   **argv,
                       GError **error)
{
  return fg_cli_run_group (cli, "notice",
                           _("Documents (文书): inspection records, orders to correct, re-inspection opinions."),
                           notice_commands, G_N_ELEMENTS (notice_commands),
                           argc, argv, error);
}
