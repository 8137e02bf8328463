/* fg-sync-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This office's identity and check code (the key's fingerprint, read out
 * by phone), the offices it is paired with (peers) with what was last
 * sent and received and what waits to be sent, sync files (bundles)
 * exported and imported by hand (an import is first run dry, and who sent
 * it and what it holds shown before anything is written), and the
 * conflicts a person resolves. A first pairing is walked step by step in
 * FgPairingDialog. What cannot act now is insensitive, and the page says
 * why beside it.
 *
 * Exports, imports and sync passes run in a worker thread with their own
 * connection to the database (the core's _async functions), behind a
 * dialog with a progress bar and a Cancel button. The sync folders are processed when the window opens,
 * when the network comes back, when a drive is plugged in, and every ten
 * minutes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "fg-conflict-row.h"
#include "fg-pairing-dialog.h"
#include "fg-peer-row.h"
#include "fg-sync-page.h"

#define SYNC_INTERVAL_SECONDS (10 * 60)

struct _FgSyncPage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *self_group;
  AdwActionRow *self_row;
  AdwActionRow *fingerprint_row;
  GtkLabel *fingerprint_label;
  AdwPreferencesGroup *peers_group;
  AdwPreferencesGroup *conflicts_group;

  GPtrArray *peer_rows;
  GPtrArray *peers;          /* FgNodeInfo of the peer rows, in their order */
  GHashTable *pending;       /* peer id → changes waiting, once counted */
  GHashTable *missing;       /* peer id → its bundles that have not arrived, in words */
  GCancellable *counting;
  GPtrArray *conflict_rows;

  FgStore *store;
  FgActor *actor;
  GCancellable *job;         /* the export, import or sync pass running */
  GtkWidget *job_dialog;
  GtkProgressBar *job_bar;
  guint job_pulse;
  guint n_peers;
  guint n_folders;           /* peers with a sync folder */
  FgNodeKind kind;           /* this office's */
  guint n_conflicts;
  guint timer;
  GVolumeMonitor *volumes;
};

G_DEFINE_FINAL_TYPE (FgSyncPage, fg_sync_page, GTK_TYPE_WIDGET)

static void
toast (FgSyncPage *self,
       const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (FgSyncPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present_message (FgSyncPage *self,
                 const char *heading,
                 const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_report (const FgBundleReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u record added", "%u records added", report->added),
                          report->added);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u record changed", "%u records changed",
                                             report->changed),
                          report->changed);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u record already here", "%u records already here",
                                             report->unchanged),
                          report->unchanged);
  if (report->conflicts > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict to look at",
                                                 "%u conflicts to look at", report->conflicts),
                              report->conflicts);
    }
  if (report->photos > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u photo", "%u photos", report->photos),
                              report->photos);
    }
  if (report->audit > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u audit record of an office below this one",
                                                 "%u audit records of offices below this one", report->audit),
                              report->audit);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "3 venues, 2 inspections, 1 hazard and 1 document": what a sync file
 * holds, as a person counts it; NULL when it holds none of them. */
static char *
describe_kinds (const FgBundleReport *report)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  if (report->venues > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u venue", "%u venues", report->venues),
                                             report->venues));
  if (report->inspections > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u inspection", "%u inspections",
                                                          report->inspections),
                                             report->inspections));
  if (report->hazards > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hazard", "%u hazards",
                                                          report->hazards),
                                             report->hazards));
  if (report->notices > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                          report->notices),
                                             report->notices));
  if (parts->len == 0)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      /* Translators: between the counts of a list, "3 venues, 2 inspections and 1 hazard" */
      if (i > 0)
        g_string_append (text, i + 1 < parts->len ? _(", ") : _(" and "));
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The confirmation before an import: who sent the file, that its
 * signature was checked, what it holds by kind, and what it would change
 * here. */
static char *
describe_import (const FgBundleInfo   *info,
                 const FgNodeInfo     *sender,
                 const FgBundleReport *report)
{
  const char *who = sender != NULL ? sender->scope_label : info->sender_name;
  g_autofree char *kinds = describe_kinds (report);
  g_autofree char *here = describe_report (report);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("%s wrote this sync file on %.10s (its number %u)."), who,
                          info->created_at != NULL ? info->created_at : "", info->sequence);
  g_string_append (text, " ");
  g_string_append_printf (text, _("Its signature was checked: it comes from %s and was not changed on the way."),
                          who);
  g_string_append (text, "\n\n");
  if (kinds != NULL)
    g_string_append_printf (text, _("It holds %s."), kinds);
  else
    g_string_append (text, _("It holds no venues, inspections, hazards or documents."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Here, importing it would mean:"));
  g_string_append (text, "\n");
  g_string_append (text, here);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Jobs in a worker thread: the core's _async functions */

typedef enum
{
  JOB_EXPORT,
  JOB_DRY_RUN,
  JOB_IMPORT,
  JOB_SYNC,
} JobKind;

/* What the page remembers of a job until it is done; it holds the page,
 * so the page outlives the job's progress and result. */
typedef struct
{
  FgSyncPage *page;
  JobKind kind;
  char *path;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->page);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Until the job says how far it is (and for a sync pass, which cannot
 * tell) the bar pulses. */
static gboolean
pulse_job_bar (gpointer user_data)
{
  FgSyncPage *self = user_data;

  gtk_progress_bar_pulse (self->job_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_job_progress (double   fraction,
                 gpointer user_data)
{
  FgSyncPage *self = user_data;

  if (self->job_bar == NULL)
    return;
  g_clear_handle_id (&self->job_pulse, g_source_remove);
  gtk_progress_bar_set_fraction (self->job_bar, MAX (fraction, 0.001));
}

static void
on_job_dialog_response (AdwMessageDialog *dialog,
                        const char       *response,
                        FgSyncPage       *self)
{
  if (g_strcmp0 (response, "cancel") == 0 && self->job != NULL)
    g_cancellable_cancel (self->job);
}

static void
present_job_dialog (FgSyncPage *self,
                    const char *heading)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  self->job_bar = GTK_PROGRESS_BAR (g_object_ref_sink (bar));
  self->job_pulse = g_timeout_add (120, pulse_job_bar, self);

  self->job_dialog = adw_message_dialog_new (parent_window (self), heading, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self->job_dialog), bar);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->job_dialog), "cancel", _("_Cancel"));
  g_signal_connect_object (self->job_dialog, "response", G_CALLBACK (on_job_dialog_response), self, 0);
  g_object_add_weak_pointer (G_OBJECT (self->job_dialog), (gpointer *) &self->job_dialog);
  gtk_window_present (GTK_WINDOW (self->job_dialog));
}

static void
end_job (FgSyncPage *self)
{
  g_clear_object (&self->job);
  g_clear_handle_id (&self->job_pulse, g_source_remove);
  g_clear_object (&self->job_bar);
  if (self->job_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->job_dialog));
}

static void job_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data);

/* Starts a job behind a dialog with a progress bar and Cancel; a quiet job
 * (the automatic sync passes) shows nothing until it has news. */
static void
start_job (FgSyncPage *self,
           JobKind     kind,
           const char *peer,
           const char *path,
           const char *heading,
           gboolean    quiet)
{
  Job *job;

  if (self->job != NULL || self->store == NULL)
    return;

  job = g_new0 (Job, 1);
  job->page = g_object_ref (self);
  job->kind = kind;
  job->path = g_strdup (path);
  self->job = g_cancellable_new ();
  if (!quiet)
    present_job_dialog (self, heading);

  switch (kind)
    {
    case JOB_EXPORT:
      fg_bundle_export_async (self->store, self->actor, peer, path, on_job_progress, self, self->job,
                              job_done, job);
      break;
    case JOB_DRY_RUN:
    case JOB_IMPORT:
      fg_bundle_import_async (self->store, self->actor, path, kind == JOB_DRY_RUN, on_job_progress, self,
                              self->job, job_done, job);
      break;
    case JOB_SYNC:
      fg_sync_run_async (self->store, self->actor, self->job, job_done, job);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void present_import_summary (FgSyncPage           *self,
                                    const char           *path,
                                    const FgBundleInfo   *info,
                                    const FgBundleReport *report);

static void
job_failed (FgSyncPage   *self,
            JobKind       kind,
            const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, _("Stopped; nothing was written"));
  else if (kind == JOB_EXPORT && g_error_matches (error, FG_BUNDLE_ERROR, FG_BUNDLE_ERROR_NOTHING_TO_SEND))
    toast (self, error->message);
  else if (kind != JOB_SYNC)
    present_message (self, kind == JOB_EXPORT ? _("The Sync File Was Not Written") : _("Nothing Was Imported"),
                     error->message);
}

static void
sync_done (FgSyncPage   *self,
           FgSyncReport *sync)
{
  if (sync->sent + sync->received > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Synced: %u sync files sent, %u received"), sync->sent,
                                               sync->received);

      toast (self, text);
    }
  if (sync->received > 0)
    g_signal_emit_by_name (self, "changed");
  if (sync->problems != NULL && sync->problems->len > 0)
    {
      g_autofree char *problems = NULL;

      g_ptr_array_add (sync->problems, NULL);
      problems = g_strjoinv ("\n\n", (char **) sync->problems->pdata);
      g_ptr_array_remove_index (sync->problems, sync->problems->len - 1);
      present_message (self, _("Some Sync Files Were Refused"), problems);
    }
}

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  FgSyncPage *self = job->page;
  g_autoptr(GError) error = NULL;
  g_auto(FgSyncReport) sync = { 0 };
  FgBundleReport report = { 0 };
  g_autofree char *text = NULL;
  gboolean ok;

  end_job (self);

  if (job->kind == JOB_EXPORT)
    ok = fg_bundle_export_finish (result, &report, &error);
  else if (job->kind == JOB_SYNC)
    ok = fg_sync_run_finish (result, &sync, &error);
  else
    ok = fg_bundle_import_finish (result, &report, &error);

  if (!ok)
    job_failed (self, job->kind, error);
  else if (job->kind == JOB_EXPORT)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sync file written: %u record", "Sync file written: %u records",
                                           report.added),
                              report.added);
      toast (self, text);
    }
  else if (job->kind == JOB_DRY_RUN)
    {
      g_autoptr(FgBundleInfo) info = fg_bundle_import_dup_info (result);

      present_import_summary (self, job->path, info, &report);
    }
  else if (job->kind == JOB_IMPORT)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sync file imported: %u record added or changed",
                                           "Sync file imported: %u records added or changed",
                                           report.added + report.changed),
                              report.added + report.changed);
      toast (self, text);
      g_signal_emit_by_name (self, "changed");
    }
  else
    sync_done (self, &sync);

  fg_sync_page_reload (self);
}

/* Importing */

static void
on_summary_response (AdwMessageDialog *dialog,
                     const char       *response,
                     FgSyncPage       *self)
{
  if (g_strcmp0 (response, "import") != 0)
    return;

  start_job (self, JOB_IMPORT, NULL, g_object_get_data (G_OBJECT (dialog), "fg-path"), _("Importing the Sync File…"),
             FALSE);
}

/* What a dry run found, before anything is written. */
static void
present_import_summary (FgSyncPage           *self,
                        const char           *path,
                        const FgBundleInfo   *info,
                        const FgBundleReport *report)
{
  g_autoptr(FgNodeInfo) sender = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_assert (info != NULL);
  sender = fg_node_find_peer (self->store, self->actor, info->sender, NULL);
  body = describe_import (info, sender, report);
  heading = g_strdup_printf (_("Import the Sync File From %s?"),
                             sender != NULL ? sender->scope_label : info->sender_name);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_summary_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * fg_sync_page_import_file:
 *
 * Runs an import of @file dry, then asks before writing.
 */
void
fg_sync_page_import_file (FgSyncPage *self,
                          GFile      *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (FG_IS_SYNC_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  start_job (self, JOB_DRY_RUN, NULL, path, _("Checking the Sync File…"), FALSE);
}

typedef void (*ChosenFunc) (FgSyncPage *self,
                            GFile      *file,
                            const char *data);

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     FgSyncPage      *self)
{
  ChosenFunc chosen = (ChosenFunc) g_object_get_data (G_OBJECT (chooser), "fg-chosen");
  const char *data = g_object_get_data (G_OBJECT (chooser), "fg-data");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      chosen (self, file, data);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose (FgSyncPage           *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *suggested_name,
        ChosenFunc            chosen,
        const char           *data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent_window (self), action, accept,
                                                               _("_Cancel"));

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "fg-chosen", (gpointer) chosen);
  g_object_set_data_full (G_OBJECT (chooser), "fg-data", g_strdup (data), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_chosen (FgSyncPage *self,
               GFile      *file,
               const char *data)
{
  fg_sync_page_import_file (self, file);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose (FG_SYNC_PAGE (widget), _("Import a Sync File"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
          import_chosen, NULL);
}

/* Exporting */

static void
export_chosen (FgSyncPage *self,
               GFile      *file,
               const char *peer)
{
  g_autofree char *path = g_file_get_path (file);

  start_job (self, JOB_EXPORT, peer, path, _("Writing the Sync File…"), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  const char *peer = g_variant_get_string (parameter, NULL);
  g_autoptr(FgNodeInfo) info = fg_node_find_peer (self->store, self->actor, peer, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("%s-%s.fgbundle", info != NULL ? info->scope_name : peer, day);

  choose (self, _("Save the Sync File"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, export_chosen, peer);
}

/* Sync folders */

static void
folder_chosen (FgSyncPage *self,
               GFile      *file,
               const char *peer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (!fg_sync_set_folder (self->store, self->actor, peer, path, &error))
    {
      present_message (self, _("The Folder Was Not Set"), error->message);
      return;
    }
  fg_sync_page_reload (self);
  fg_sync_page_sync_folders (self);
}

static void
folder_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose (FG_SYNC_PAGE (widget), _("Choose the Sync Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
          NULL, folder_chosen, g_variant_get_string (parameter, NULL));
}

static void
sync_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_job (FG_SYNC_PAGE (widget), JOB_SYNC, NULL, NULL, _("Syncing…"), FALSE);
}

/**
 * fg_sync_page_sync_folders:
 *
 * A quiet pass over the sync folders, if any is set and nothing else runs.
 */
void
fg_sync_page_sync_folders (FgSyncPage *self)
{
  g_autoptr(GPtrArray) peers = NULL;
  gboolean any = FALSE;

  g_return_if_fail (FG_IS_SYNC_PAGE (self));

  if (self->store == NULL || self->job != NULL || !fg_actor_can (self->actor, FG_ACTION_SYNC))
    return;
  peers = fg_node_list_peers (self->store, self->actor, NULL);
  for (guint i = 0; peers != NULL && i < peers->len; i++)
    any |= ((FgNodeInfo *) g_ptr_array_index (peers, i))->sync_folder != NULL;
  if (!any)
    return;

  start_job (self, JOB_SYNC, NULL, NULL, NULL, TRUE);
}

static gboolean
on_sync_timer (gpointer user_data)
{
  fg_sync_page_sync_folders (FG_SYNC_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_network_changed (FgSyncPage *self)
{
  if (g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    fg_sync_page_sync_folders (self);
}

/* Peers */

static void
save_peer_file_chosen (FgSyncPage *self,
                       GFile      *file,
                       const char *data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = fg_node_write_peer_file (self->store, self->actor, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      present_message (self, _("The Pairing File Was Not Saved"), error->message);
      return;
    }
  toast (self, _("Pairing file saved: give it to the other office, then read them the check code"));
}

static void
save_peer_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  g_autoptr(FgNodeInfo) node = fg_node_get_self (self->store, self->actor, NULL);
  g_autofree char *name = g_strdup_printf ("%s.fgpeer", node != NULL ? node->scope_name : "firegrid");

  choose (self, _("Save the Pairing File"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), name, save_peer_file_chosen, NULL);
}

/* A first pairing, step by step */
static void
on_paired (FgPairingDialog  *dialog,
           const FgNodeInfo *peer,
           FgSyncPage       *self)
{
  g_autofree char *text = g_strdup_printf (_("Paired with %s"), peer->scope_label);

  toast (self, text);
  fg_sync_page_reload (self);
}

static void
resend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!fg_sync_resend (self->store, self->actor, g_variant_get_string (parameter, NULL), &error))
    {
      present_message (self, _("Nothing Was Changed"), error->message);
      return;
    }
  toast (self, _("The next sync file to this office carries everything again"));
  fg_sync_page_reload (self);
}

static void
on_remove_peer_response (AdwMessageDialog *dialog,
                         const char       *response,
                         FgSyncPage       *self)
{
  const char *peer = g_object_get_data (G_OBJECT (dialog), "fg-peer");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!fg_node_remove_peer (self->store, self->actor, peer, &error))
    {
      present_message (self, _("The Pairing Was Not Ended"), error->message);
      return;
    }
  toast (self, _("Pairing ended: its sync files will be refused"));
  fg_sync_page_reload (self);
  g_signal_emit_by_name (self, "changed");
}

static void
remove_peer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  const char *peer = g_variant_get_string (parameter, NULL);
  g_autoptr(FgNodeInfo) info = fg_node_find_peer (self->store, self->actor, peer, NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (info == NULL)
    return;
  heading = g_strdup_printf (_("End the Pairing With %s?"), info->scope_label);
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Sync files from this office will be refused from now on, and nothing more is "
                                     "sent to it. What it sent stays here. End the pairing with an office whose "
                                     "laptop was lost or that no longer syncs; to sync with it again, pair with it "
                                     "again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_End Pairing"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-peer", g_strdup (info->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_peer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_replace_peer_response (AdwMessageDialog *dialog,
                          const char       *response,
                          FgSyncPage       *self)
{
  const char *old = g_object_get_data (G_OBJECT (dialog), "fg-peer");
  const FgNodeInfo *replacement = g_object_get_data (G_OBJECT (dialog), "fg-replacement");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "replace") != 0)
    return;
  if (!fg_node_replace_peer (self->store, self->actor, old, replacement, &error))
    {
      present_message (self, _("The Office Was Not Replaced"), error->message);
      return;
    }
  /* Translators: the township */
  text = g_strdup_printf (_("The new installation is the office of %s: write it a sync file"),
                          replacement->scope_label);
  toast (self, text);
  fg_sync_page_reload (self);
  g_signal_emit_by_name (self, "changed");
}

/**
 * fg_sync_page_replace_peer_with_file:
 * @peer_id: a township office paired with this county
 * @file: the pairing file of the installation that takes over
 *
 * Reads @file and asks, saying what happens, before the new installation
 * becomes the township's office in place of @peer_id.
 */
void
fg_sync_page_replace_peer_with_file (FgSyncPage *self,
                                     const char *peer_id,
                                     GFile      *file)
{
  g_autoptr(FgNodeInfo) old = NULL;
  g_autoptr(FgNodeInfo) replacement = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (FG_IS_SYNC_PAGE (self));
  g_return_if_fail (peer_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  old = fg_node_find_peer (self->store, self->actor, peer_id, &error);
  if (old == NULL)
    {
      present_message (self, _("The Office Was Not Replaced"), error->message);
      return;
    }
  name = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    replacement = fg_node_read_peer_file_named (bytes, name, &error);
  if (replacement == NULL)
    {
      present_message (self, _("The Office Was Not Replaced"), error->message);
      return;
    }

  heading = g_strdup_printf (_("Replace the Office of %s?"), old->scope_label);
  /* Translators: the new installation's check code, then the old one's */
  body = g_strdup_printf (_("Compare the new installation’s check code with what its office reads out: %s. It "
                            "becomes the township’s office. Sync files signed by the old one (check code %s) are "
                            "refused from now on, even those still on their way: import them first. The next sync "
                            "file to the new office carries everything held here of the township, its documents "
                            "included; with it, the new office takes over and numbers its documents after the "
                            "highest here."),
                          replacement->fingerprint, old->fingerprint);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fg-peer", g_strdup (old->id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "fg-replacement", g_steal_pointer (&replacement),
                          (GDestroyNotify) fg_node_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_peer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replace_peer_chosen (FgSyncPage *self,
                     GFile      *file,
                     const char *peer_id)
{
  fg_sync_page_replace_peer_with_file (self, peer_id, file);
}

static void
replace_peer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose (FG_SYNC_PAGE (widget), _("Choose the New Installation’s Pairing File"), GTK_FILE_CHOOSER_ACTION_OPEN,
          _("_Open"), NULL, replace_peer_chosen, g_variant_get_string (parameter, NULL));
}

static void
add_peer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  FgPairingDialog *dialog = fg_pairing_dialog_new (parent_window (self), self->store, self->actor);

  g_signal_connect_object (dialog, "paired", G_CALLBACK (on_paired), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Conflicts */

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FgSyncPage *self = FG_SYNC_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gboolean take_lost;

  g_variant_get (parameter, "(xb)", &id, &take_lost);
  if (!fg_sync_resolve_conflict (self->store, self->actor, id, take_lost, &error))
    {
      present_message (self, _("The Conflict Was Not Resolved"), error->message);
      return;
    }
  toast (self, take_lost ? _("The other version is back; it goes to every office with the next bundle")
                         : _("Kept as it is"));
  fg_sync_page_reload (self);
  g_signal_emit_by_name (self, "changed");
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static char *
short_time (const char *iso)
{
  g_autofree char *text = iso != NULL ? g_strndup (iso, 16) : NULL;

  if (text == NULL)
    return g_strdup (_("never"));
  if (strlen (text) > 10)
    text[10] = ' ';
  return g_steal_pointer (&text);
}

/* How offices stand to each other: a county above its townships, a
 * township above its grid stations. */
static int
kind_rank (FgNodeKind kind)
{
  return kind == FG_NODE_KIND_COUNTY ? 2 : kind == FG_NODE_KIND_TOWNSHIP ? 1 : 0;
}

/* "Office above (County office)": a peer as this office stands to it */
static char *
relation_label (FgNodeKind self_kind,
                FgNodeKind peer_kind)
{
  const char *kind = fg_node_kind_get_label (peer_kind);

  if (kind_rank (peer_kind) > kind_rank (self_kind))
    return g_strdup_printf (_("Office above (%s)"), kind);
  if (kind_rank (peer_kind) < kind_rank (self_kind))
    return g_strdup_printf (_("Office below (%s)"), kind);
  return g_strdup (kind);
}

static char *
peer_subtitle (FgSyncPage *self,
               FgNodeInfo *peer)
{
  g_autofree char *sent = short_time (peer->last_sent_at);
  g_autofree char *received = short_time (peer->last_received_at);
  g_autofree char *waiting = NULL;
  g_autofree char *relation = NULL;
  g_autofree char *subtitle = NULL;
  const char *missing = NULL;
  gpointer pending;

  if (self->pending != NULL && g_hash_table_lookup_extended (self->pending, peer->id, NULL, &pending))
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change waiting", "%u changes waiting",
                                            GPOINTER_TO_UINT (pending)),
                               GPOINTER_TO_UINT (pending));
  else
    waiting = g_strdup (_("counting the changes waiting…"));

  /* a workstation is shown as such, beside the township's office */
  relation = peer->role == FG_NODE_ROLE_WORKSTATION ? g_strdup (fg_node_get_role_label (peer))
                                                    : relation_label (self->kind, peer->kind);
  subtitle = g_strdup_printf (_("%s · last sent %s · last received %s · %s · sync folder: %s"),
                              relation, sent, received, waiting,
                              peer->sync_folder != NULL ? peer->sync_folder : _("none"));

  if (self->missing != NULL)
    missing = g_hash_table_lookup (self->missing, peer->id);
  if (missing == NULL)
    return g_steal_pointer (&subtitle);
  /* Translators: a peer's subtitle, then which of its bundles have not arrived */
  return g_strdup_printf (_("%s · %s"), subtitle, missing);
}

/* The count does not hold the page: a page that goes away cancels its
 * count first (see dispose), and a cancelled count touches nothing. */
static void
count_pending_done (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GHashTable *counts = fg_sync_count_pending_all_finish (result, &error);
  FgSyncPage *self;

  /* cancelled: a newer count is on its way, or the page is gone */
  if (counts == NULL)
    return;

  self = FG_SYNC_PAGE (user_data);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  self->pending = counts;
  for (guint i = 0; i < self->peers->len && i < self->peer_rows->len; i++)
    {
      g_autofree char *subtitle = peer_subtitle (self, g_ptr_array_index (self->peers, i));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (g_ptr_array_index (self->peer_rows, i)), subtitle);
    }
}

/* A county office's change log holds every township's rows: counting
 * what waits for each peer reads all of it, away from the window. */
static void
count_pending_in_worker (FgSyncPage *self)
{
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  if (self->peers->len == 0)
    return;

  self->counting = g_cancellable_new ();
  fg_sync_count_pending_all_async (self->store, self->actor, self->counting, count_pending_done, self);
}

/**
 * fg_sync_page_get_n_pending:
 * @peer_id: a peer's node id
 *
 * Returns: the changes waiting for @peer_id, as the page shows them, or
 *   -1 while they are being counted
 */
int
fg_sync_page_get_n_pending (FgSyncPage *self,
                            const char *peer_id)
{
  gpointer pending;

  g_return_val_if_fail (FG_IS_SYNC_PAGE (self), -1);

  if (self->pending == NULL || !g_hash_table_lookup_extended (self->pending, peer_id, NULL, &pending))
    return -1;
  return (int) GPOINTER_TO_UINT (pending);
}

/* What cannot act is insensitive, and the page says why beside it: with
 * no office paired there is nobody to sync with and no sync file this
 * office would accept; without a sync folder, Sync Now has nowhere to go. */
static void
update_sensitivity (FgSyncPage *self)
{
  const char *reason = NULL;

  if (self->n_peers == 0)
    reason = _("Sync Now and Import wait for a first pairing: pair with an office, then its sync files can "
               "come and go.");
  else if (self->n_folders == 0)
    reason = _("Sync Now needs a sync folder: choose one on a paired office’s row (a shared folder or a USB "
               "stick), or write and import sync files by hand.");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.now", self->n_folders > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.import", self->n_peers > 0);
  adw_preferences_group_set_description (self->peers_group, reason);
}

/**
 * fg_sync_page_reload:
 *
 * Reads this office, its peers and the conflicts again.
 */
void
fg_sync_page_reload (FgSyncPage *self)
{
  g_autoptr(FgNodeInfo) node = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean may_pair;

  g_return_if_fail (FG_IS_SYNC_PAGE (self));

  if (self->store == NULL)
    return;

  node = fg_node_get_self (self->store, self->actor, &error);
  if (node == NULL)
    {
      adw_action_row_set_subtitle (self->self_row, error->message);
      return;
    }
  self->kind = node->kind;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->self_row), node->scope_label);
  /* Translators: this office's kind and division code, e.g. "Township office · 410425101" */
  title = g_strdup_printf (_("%s · division code %s"),
                           node->role == FG_NODE_ROLE_WORKSTATION ? fg_node_get_role_label (node)
                                                                   : fg_node_kind_get_label (node->kind),
                           node->scope_code);
  adw_action_row_set_subtitle (self->self_row, title);
  gtk_label_set_label (self->fingerprint_label, node->fingerprint);

  may_pair = fg_actor_can (self->actor, FG_ACTION_SETTINGS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.add-peer", may_pair);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.remove-peer", may_pair);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.replace-peer", may_pair && node->kind == FG_NODE_KIND_COUNTY);
  clear_rows (self->peers_group, self->peer_rows);
  peers = fg_node_list_peers (self->store, self->actor, NULL);
  self->n_peers = peers != NULL ? peers->len : 0;
  self->n_folders = 0;
  g_ptr_array_set_size (self->peers, 0);
  for (guint i = 0; peers != NULL && i < peers->len; i++)
    g_ptr_array_add (self->peers, fg_node_info_copy (g_ptr_array_index (peers, i)));
  count_pending_in_worker (self);

  /* bundles lost on the way, or held back, until they arrive */
  g_clear_pointer (&self->missing, g_hash_table_unref);
  self->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      FgNodeInfo *peer = g_ptr_array_index (peers, i);
      g_autoptr(GArray) gaps = fg_node_list_missing_bundles (self->store, self->actor, peer->id, NULL);
      char *words = fg_node_describe_missing_bundles (gaps);

      if (words != NULL)
        g_hash_table_insert (self->missing, g_strdup (peer->id), words);
    }

  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      FgNodeInfo *peer = g_ptr_array_index (peers, i);
      GtkWidget *row = fg_peer_row_new (peer);
      g_autofree char *subtitle = peer_subtitle (self, peer);

      self->n_folders += peer->sync_folder != NULL;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      fg_peer_row_set_may_remove (FG_PEER_ROW (row), may_pair);
      fg_peer_row_set_may_replace (FG_PEER_ROW (row), fg_node_may_replace_peer (self->actor, node, peer));
      adw_preferences_group_add (self->peers_group, row);
      g_ptr_array_add (self->peer_rows, row);
    }
  if (self->n_peers == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *hint;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not paired with any office yet"));
      switch (node->kind)
        {
        case FG_NODE_KIND_COUNTY:
          hint = _("Pair with each township office to receive its records.");
          break;
        case FG_NODE_KIND_GRID:
          hint = _("Pair with your township office: its first sync file brings the grid’s names and venues.");
          break;
        case FG_NODE_KIND_TOWNSHIP:
        default:
          hint = _("Pair with the county office above this township, or with a grid station below it, to sync "
                   "with it.");
          break;
        }
      /* trusting another office's key is an administrator's decision */
      if (!may_pair)
        hint = _("An administrator of this office pairs it with another: ask yours to do it.");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hint);
      if (may_pair)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Pair…"));

          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sync.add-peer");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Pair with an office"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->peers_group, row);
      g_ptr_array_add (self->peer_rows, row);
    }

  if (self->n_peers > 0 && may_pair)
    {
      /* another pairing, at the end of the list */
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Pair With Another Office…"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pair"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "sync.add-peer");
      adw_preferences_group_add (self->peers_group, row);
      g_ptr_array_add (self->peer_rows, row);
    }
  update_sensitivity (self);

  clear_rows (self->conflicts_group, self->conflict_rows);
  conflicts = fg_sync_list_conflicts (self->store, self->actor, NULL);
  self->n_conflicts = conflicts != NULL ? conflicts->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), self->n_conflicts > 0);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      FgConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *found = short_time (conflict->found_at);
      g_autofree char *subtitle = g_strdup_printf (_("Two offices changed it at once (%s). The other version: “%s”"),
                                                   found, conflict->lost_title);
      GtkWidget *row = fg_conflict_row_new (conflict, subtitle);

      adw_preferences_group_add (self->conflicts_group, row);
      g_ptr_array_add (self->conflict_rows, row);
    }
}

static void
fg_sync_page_dispose (GObject *object)
{
  FgSyncPage *self = (FgSyncPage *)object;

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_handle_id (&self->job_pulse, g_source_remove);
  g_clear_object (&self->job_bar);
  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->volumes != NULL)
    g_signal_handlers_disconnect_by_data (self->volumes, self);
  g_clear_object (&self->volumes);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_SYNC_PAGE);

  G_OBJECT_CLASS (fg_sync_page_parent_class)->dispose (object);
}

static void
fg_sync_page_finalize (GObject *object)
{
  FgSyncPage *self = (FgSyncPage *)object;

  g_clear_pointer (&self->peer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->peers, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);

  G_OBJECT_CLASS (fg_sync_page_parent_class)->finalize (object);
}

static void
fg_sync_page_class_init (FgSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_sync_page_dispose;
  object_class->finalize = fg_sync_page_finalize;

  /**
   * FgSyncPage::changed:
   *
   * A bundle brought records: the other pages read them again.
   */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sync.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "sync.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "sync.folder", "s", folder_action);
  gtk_widget_class_install_action (widget_class, "sync.now", NULL, sync_now_action);
  gtk_widget_class_install_action (widget_class, "sync.save-peer-file", NULL, save_peer_file_action);
  gtk_widget_class_install_action (widget_class, "sync.add-peer", NULL, add_peer_action);
  gtk_widget_class_install_action (widget_class, "sync.remove-peer", "s", remove_peer_action);
  gtk_widget_class_install_action (widget_class, "sync.replace-peer", "s", replace_peer_action);
  gtk_widget_class_install_action (widget_class, "sync.resend", "s", resend_action);
  gtk_widget_class_install_action (widget_class, "sync.resolve", "(xb)", resolve_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, self_group);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, self_row);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, peers_group);
  gtk_widget_class_bind_template_child (widget_class, FgSyncPage, conflicts_group);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgsyncpage");
}

static void
fg_sync_page_init (FgSyncPage *self)
{
  self->peer_rows = g_ptr_array_new ();
  self->peers = g_ptr_array_new_with_free_func ((GDestroyNotify) fg_node_info_free);
  self->conflict_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * fg_sync_page_set_store:
 * @actor: the person logged in; syncs run in their name
 *
 * Shows the page for @store and starts the automatic sync passes.
 */
void
fg_sync_page_set_store (FgSyncPage *self,
                        FgStore    *store,
                        FgActor    *actor)
{
  g_return_if_fail (FG_IS_SYNC_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);

  if (!fg_actor_can (actor, FG_ACTION_SYNC))
    return;

  fg_sync_page_reload (self);

  if (self->timer == 0)
    {
      self->timer = g_timeout_add_seconds (SYNC_INTERVAL_SECONDS, on_sync_timer, self);
      g_signal_connect_object (g_network_monitor_get_default (), "notify::network-available",
                               G_CALLBACK (on_network_changed), self, G_CONNECT_SWAPPED);
      self->volumes = g_volume_monitor_get ();
      g_signal_connect_object (self->volumes, "mount-added", G_CALLBACK (fg_sync_page_sync_folders), self,
                               G_CONNECT_SWAPPED);
    }
  fg_sync_page_sync_folders (self);
}

gboolean
fg_sync_page_get_busy (FgSyncPage *self)
{
  g_return_val_if_fail (FG_IS_SYNC_PAGE (self), FALSE);
  return self->job != NULL;
}

guint
fg_sync_page_get_n_peers (FgSyncPage *self)
{
  g_return_val_if_fail (FG_IS_SYNC_PAGE (self), 0);
  return self->n_peers;
}

guint
fg_sync_page_get_n_conflicts (FgSyncPage *self)
{
  g_return_val_if_fail (FG_IS_SYNC_PAGE (self), 0);
  return self->n_conflicts;
}
