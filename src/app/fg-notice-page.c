/* fg-notice-page.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents of the region chosen in the sidebar, the latest first. The
 * one selected is shown as it prints: its pages rendered from the PDF the
 * core makes, the number as the title, and what can be done with it —
 * print, save as PDF, record its service, record that an order to correct
 * at once was complied with on the spot, follow it with a re-inspection
 * opinion, void it. The list pages the documents from the store
 * (fg_notice_query_list_new()): a county's tens of thousands cost one
 * count to open. A batch (the open notices of a village, the documents of
 * a day) is printed as one PDF, made by the core in a worker thread.
 *
 * The window opens on the venues: the documents' view is given its rows
 * when the page is first shown (fg_notice_page_map()), so the window's
 * first frame makes none of them and reads no page of documents; the list
 * and its count are there from the start.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "fg-accessible.h"
#include "fg-date-row.h"
#include "fg-form.h"
#include "fg-list-layout.h"
#include "fg-notice-page.h"
#include "fg-sort-probe.h"
#include "fg-toast.h"

/* poppler-glib 22 declares no cleanup functions of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

struct _FgNoticePage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *list_side;
  GtkWidget *detail_side;
  GtkDropDown *filter_dropdown;
  GtkLabel *count_label;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkColumnViewColumn *township_column;
  GtkColumnViewColumn *issued_column;
  FgSortProbe *sort_probe;
  FgNoticeSort sort;
  gboolean reversed;
  FgPagedList *notices;  /* FgNotice, paged from the store */
  GtkSingleSelection *selection;
  GtkStack *detail_stack;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkBox *pages_box;
  AdwStatusPage *error_page;
  GtkWidget *on_spot_button;
  GtkWidget *serve_button;
  GtkWidget *more_button;

  FgStore *store;
  FgActor *actor;
  char *region_id;
  FgNotice *shown;
  GBytes *shown_pdf;
  PopplerDocument *shown_document;
  guint n_preview_pages;
  GCancellable *batch;
  gboolean viewed;  /* the view has its rows: the page was shown */
};

G_DEFINE_FINAL_TYPE (FgNoticePage, fg_notice_page, GTK_TYPE_WIDGET)

#define PREVIEW_WIDTH 420

void
fg_notice_page_toast (FgNoticePage *self,
                      const char   *text)
{
  g_return_if_fail (FG_IS_NOTICE_PAGE (self));

  fg_toast_show (GTK_WIDGET (self->toast_overlay), text, 5);
}

static GtkWindow *
parent_window (FgNoticePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The list */

typedef const char *(*NoticeText) (FgNotice *notice);

static const char *
notice_kind_label (FgNotice *notice)
{
  return fg_notice_kind_get_label (fg_notice_get_kind (notice));
}

static const char *
notice_deadline (FgNotice *notice)
{
  return fg_notice_get_deadline (notice) != NULL ? fg_notice_get_deadline (notice) : "";
}

static const char *
notice_state (FgNotice *notice)
{
  if (fg_notice_get_voided (notice))
    return C_("document", "Void");
  return fg_notice_service_get_label (fg_notice_get_service (notice));
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

/* Orders and opinions are served on the venue, with a proof of service;
 * an inspection record is signed on the spot, and a letter to the
 * brigade or a transfer goes to another authority. */
static gboolean
is_served_on_venue (FgNotice *notice)
{
  switch (fg_notice_get_kind (notice))
    {
    case FG_NOTICE_KIND_CORRECT_NOW:
    case FG_NOTICE_KIND_CORRECT_BY_DEADLINE:
    case FG_NOTICE_KIND_REINSPECTION:
      return TRUE;
    case FG_NOTICE_KIND_INSPECTION_RECORD:
    case FG_NOTICE_KIND_MAJOR_HAZARD_LETTER:
    case FG_NOTICE_KIND_TRANSFER:
    case FG_NOTICE_N_KINDS:
    default:
      return FALSE;
    }
}

static void
bind_label (GtkListItem *item,
            NoticeText   text)
{
  FgNotice *notice = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *value = notice != NULL ? text (notice) : "";

  gtk_label_set_label (GTK_LABEL (label), value);
  gtk_widget_set_tooltip_text (label, value);
  /* a void document is dim, an unserved or refused one stands out */
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_remove_css_class (label, "warning");
  if (notice == NULL)
    return;
  if (fg_notice_get_voided (notice))
    gtk_widget_add_css_class (label, "dim-label");
  else if (text == notice_state && fg_notice_get_service (notice) != FG_NOTICE_SERVICE_SERVED &&
           is_served_on_venue (notice))
    gtk_widget_add_css_class (label, "warning");
}

/* The columns' factories (ui/fg-notice-page.ui), one for each text. */

static void
bind_number (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  bind_label (item, fg_notice_get_number);
  fg_accessible_name_row (gtk_list_item_get_child (item));
}

static void
bind_venue (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  bind_label (item, fg_notice_get_venue_name);
  fg_accessible_name_row (gtk_list_item_get_child (item));
}

static void
bind_service (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  bind_label (item, notice_state);
  fg_accessible_name_row (gtk_list_item_get_child (item));
}

static void
bind_township (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  bind_label (item, fg_notice_get_township_name);
}

static void
bind_kind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  bind_label (item, notice_kind_label);
  fg_accessible_name_row (gtk_list_item_get_child (item));
}

static void
bind_issued (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  bind_label (item, fg_notice_get_issued_on);
}

static void
bind_deadline (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  bind_label (item, notice_deadline);
}

static void
update_count (FgNoticePage *self)
{
  guint n = self->notices != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->notices)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-page.print-all", n > 0);
}

/* The documents the sidebar's region and the filter choose. */
static FgNoticeQuery *
dup_query (FgNoticePage *self)
{
  FgNoticeQuery *query = fg_notice_query_new ();
  FgNoticeFilter filter = gtk_drop_down_get_selected (self->filter_dropdown);

  query->region_id = g_strdup (self->region_id);
  query->open_only = filter == FG_NOTICE_FILTER_OPEN;
  query->unserved_only = filter == FG_NOTICE_FILTER_UNSERVED;
  query->sort = self->sort;
  query->reversed = self->reversed;
  if (filter == FG_NOTICE_FILTER_TODAY)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      query->day = g_date_time_format (now, "%Y-%m-%d");
    }

  return query;
}

/**
 * fg_notice_page_reload:
 *
 * Counts the documents again, keeping the one shown when it is still
 * listed.
 */
void
fg_notice_page_reload (FgNoticePage *self)
{
  g_autoptr(FgNoticeQuery) query = NULL;
  g_autofree char *shown_id = NULL;

  g_return_if_fail (FG_IS_NOTICE_PAGE (self));

  if (self->notices == NULL)
    return;

  if (self->shown != NULL)
    shown_id = g_strdup (fg_notice_get_id (self->shown));

  query = dup_query (self);
  if (fg_notice_query_equal (fg_paged_list_get_query (self->notices), query))
    fg_paged_list_reload (self->notices);
  else
    fg_paged_list_set_query (self->notices, query);
  update_count (self);

  if (shown_id == NULL || !fg_notice_page_show_notice (self, shown_id))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The preview */

static void
clear_preview (FgNoticePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  g_clear_object (&self->shown_document);
  g_clear_pointer (&self->shown_pdf, g_bytes_unref);
  self->n_preview_pages = 0;
}

/* A page as a picture, at twice its size in points for a sharp preview. */
static GdkTexture *
render_page (PopplerPage *page)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;
  GdkTexture *texture;

  poppler_page_get_size (page, &width, &height);
  pixel_width = (int) (width * 2);
  pixel_height = (int) (height * 2);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
update_actions (FgNoticePage *self)
{
  gboolean shown = self->shown != NULL && self->shown_document != NULL;
  gboolean live = shown && !fg_notice_get_voided (self->shown);
  gboolean order = live && (fg_notice_get_kind (self->shown) == FG_NOTICE_KIND_CORRECT_NOW ||
                            fg_notice_get_kind (self->shown) == FG_NOTICE_KIND_CORRECT_BY_DEADLINE);
  gboolean servable = live && is_served_on_venue (self->shown);
  /* an order to correct at once, on its day, while its hazards wait */
  gboolean on_spot = live && fg_notice_get_kind (self->shown) == FG_NOTICE_KIND_CORRECT_NOW &&
                     fg_actor_can (self->actor, FG_ACTION_HAZARD_MANAGE) &&
                     fg_notice_awaits_check_on_spot (self->store, self->actor, self->shown);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.print",
                                 shown && fg_actor_can (self->actor, FG_ACTION_NOTICE_PRINT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.save", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.serve",
                                 servable && fg_actor_can (self->actor, FG_ACTION_NOTICE_SERVE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.reinspect",
                                 order && fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.void",
                                 live && fg_actor_can (self->actor, FG_ACTION_NOTICE_ISSUE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice.corrected-on-spot", on_spot);
  gtk_widget_set_visible (self->on_spot_button, on_spot);
}

/* The preview is there while it shows a document, or says why it cannot. */
static void
on_detail_changed (FgNoticePage *self)
{
  fg_list_layout_show_pane (self->detail_side, GTK_WIDGET (self->column_view),
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "none") != 0);
}

static void
show_selected (FgNoticePage *self)
{
  FgNotice *notice = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) one = NULL;

  clear_preview (self);
  g_set_object (&self->shown, notice);

  if (notice == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }

  gtk_label_set_label (self->title_label, fg_notice_get_number (notice));
  if (fg_notice_get_voided (notice))
    subtitle = g_strdup_printf (_("%s · %s · void: %s"), fg_notice_kind_get_label (fg_notice_get_kind (notice)),
                                fg_notice_get_venue_name (notice), fg_notice_get_void_reason (notice));
  else
    subtitle = g_strdup_printf ("%s · %s · %s", fg_notice_kind_get_label (fg_notice_get_kind (notice)),
                                fg_notice_get_venue_name (notice), notice_state (notice));
  gtk_label_set_label (self->subtitle_label, subtitle);

  one = g_ptr_array_new ();
  g_ptr_array_add (one, notice);
  self->shown_pdf = fg_notice_render (self->store, self->actor, one, &error);
  if (self->shown_pdf != NULL)
    self->shown_document = poppler_document_new_from_bytes (self->shown_pdf, NULL, &error);

  if (self->shown_document == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      update_actions (self);
      return;
    }

  for (int i = 0; i < poppler_document_get_n_pages (self->shown_document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->shown_document, i);
      g_autoptr(GdkTexture) texture = render_page (page);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), i + 1,
                                                poppler_document_get_n_pages (self->shown_document));

      /* a page at a fixed width, A4's proportions, as on a desk */
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, PREVIEW_WIDTH, (int) (PREVIEW_WIDTH * 297.0 / 210.0));
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "card");
      gtk_widget_add_css_class (picture, "document-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
      self->n_preview_pages++;
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "preview");
  update_actions (self);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_side);
}

/**
 * fg_notice_page_show_notice:
 *
 * Selects and shows a document, if the list holds it.
 *
 * Returns: whether it did
 */
gboolean
fg_notice_page_show_notice (FgNoticePage *self,
                            const char   *notice_id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (FG_IS_NOTICE_PAGE (self), FALSE);

  if (self->notices == NULL || notice_id == NULL)
    return FALSE;

  /* found in SQL: the documents before it need not be read */
  if (!fg_notice_query_find (self->store, self->actor, fg_paged_list_get_query (self->notices),
                             notice_id, &position, &error))
    {
      if (error != NULL)
        fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 5);
      return FALSE;
    }
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->notices)))
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) == position)
    show_selected (self);
  else
    gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* Printing and saving */

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PopplerDocument   *document)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  poppler_page_get_size (page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
}

static void
print_document (FgNoticePage    *self,
                PopplerDocument *document,
                const char      *job_name)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* the documents carry their own margins */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), document, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent_window (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("The document could not be printed: %s"), error->message);

      fg_toast_show (GTK_WIDGET (self->toast_overlay), text, 5);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  if (self->shown_document != NULL)
    print_document (self, self->shown_document, fg_notice_get_number (self->shown));
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  FgNoticePage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *pdf = g_object_get_data (G_OBJECT (chooser), "fg-pdf");

  if (response == GTK_RESPONSE_ACCEPT && pdf != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      /* written to a temporary file and renamed: never half a PDF */
      if (!g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        {
          g_autofree char *text = g_strdup_printf (_("The PDF could not be saved: %s"), error->message);

          fg_toast_show (GTK_WIDGET (self->toast_overlay), text, 5);
        }
      else
        fg_toast_show (GTK_WIDGET (self->toast_overlay), _("PDF saved"), 5);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_pdf (FgNoticePage *self,
          GBytes       *pdf,
          const char   *name)
{
  GtkFileChooserNative *chooser;
  g_autofree char *file_name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* a number has no character a file name cannot hold but “/” */
  file_name = g_strdelimit (g_strconcat (name, ".pdf", NULL), "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "fg-pdf", g_bytes_ref (pdf), (GDestroyNotify) g_bytes_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  if (self->shown_pdf != NULL)
    save_pdf (self, self->shown_pdf, fg_notice_get_number (self->shown));
}

static void
on_batch_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FgNoticePage) self = user_data;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  pdf = fg_notice_render_batch_finish (FG_STORE (source), result, &error);
  g_clear_object (&self->batch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-page.print-all", TRUE);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  if (pdf == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 5);
      return;
    }

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  if (document == NULL)
    {
      fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 5);
      return;
    }
  print_document (self, document, _("Documents"));
}

/* Every document the filter shows, not only the pages the list has read;
 * the void ones are left out (fg_notice_render_batch_async()). */
static void
print_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  if (self->notices == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->notices)) == 0 ||
      self->batch != NULL)
    return;

  self->batch = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "notice-page.print-all", FALSE);
  gtk_widget_set_cursor_from_name (widget, "progress");
  fg_notice_render_batch_async (self->store, self->actor, fg_paged_list_get_query (self->notices),
                                self->batch, on_batch_ready, g_object_ref (self));
}

/* Service, voiding, re-inspection */

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

/* A list of a dialog's fields, read as @name */
static GtkWidget *
boxed_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  fg_accessible_name_lists (list, name);
  return list;
}

static const char *
row_text (AdwMessageDialog *dialog,
          const char       *key)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);

  return row != NULL ? gtk_editable_get_text (row) : NULL;
}

static void present_service_dialog (FgNoticePage *self,
                                    const char   *problem);

static void
on_service_response (AdwMessageDialog *dialog,
                     const char       *response,
                     FgNoticePage     *self)
{
  g_autoptr(GError) error = NULL;
  AdwComboRow *result_row = g_object_get_data (G_OBJECT (dialog), "fg-result");
  FgNoticeService service;
  const char *recipient;
  const char *day;
  const char *note;

  if (g_strcmp0 (response, "record") != 0 || self->shown == NULL)
    return;

  service = FG_NOTICE_SERVICE_SERVED + adw_combo_row_get_selected (result_row);
  recipient = row_text (dialog, "fg-recipient");
  day = row_text (dialog, "fg-day");
  note = row_text (dialog, "fg-note");

  if (!fg_notice_record_service (self->store, self->actor, self->shown, service,
                                 recipient, day != NULL && *day != '\0' ? day : NULL, note, &error))
    {
      /* what was typed is asked for again, with what was wrong */
      g_object_set_data_full (G_OBJECT (self), "fg-service-typed",
                              g_strdup_printf ("%u\n%s\n%s\n%s", adw_combo_row_get_selected (result_row),
                                               recipient, day, note),
                              g_free);
      present_service_dialog (self, error->message);
      return;
    }

  g_object_set_data (G_OBJECT (self), "fg-service-typed", NULL);
  fg_toast_show (GTK_WIDGET (self->toast_overlay),
                 service == FG_NOTICE_SERVICE_SERVED ? _("Service recorded")
                 : service == FG_NOTICE_SERVICE_REFUSED ? _("Recorded: served by leaving the document at the venue")
                 : _("Recorded: serve it another way, by post or public announcement"),
                 5);
  g_signal_emit_by_name (self, "changed");
  fg_notice_page_reload (self);
}

/* Shows @dialog, whose fields are in @box, with Cancel and Record
 * (the default); @on_response gets its answer. */
static void
present_record_dialog (FgNoticePage *self,
                       GtkWidget    *dialog,
                       GtkWidget    *box,
                       GCallback     on_response)
{
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", on_response, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Marks who received the notice, the day and the note when the core
 * would refuse them, and says why above the fields. */
static guint
check_service (gpointer data)
{
  GtkWidget *dialog = data;
  FgNoticePage *self = g_object_get_data (G_OBJECT (dialog), "fg-page");
  AdwComboRow *result_row = g_object_get_data (G_OBJECT (dialog), "fg-result");
  GtkWidget *label = g_object_get_data (G_OBJECT (dialog), "fg-problem");
  GtkWidget *rows[] = { g_object_get_data (G_OBJECT (dialog), "fg-recipient"),
                        g_object_get_data (G_OBJECT (dialog), "fg-day"),
                        g_object_get_data (G_OBJECT (dialog), "fg-note") };
  GError *errors[G_N_ELEMENTS (rows)] = { NULL, };
  const char *day = row_text (ADW_MESSAGE_DIALOG (dialog), "fg-day");

  if (self->shown == NULL)
    return 0;
  fg_notice_check_service_fields (self->store, self->shown,
                                  FG_NOTICE_SERVICE_SERVED + adw_combo_row_get_selected (result_row),
                                  row_text (ADW_MESSAGE_DIALOG (dialog), "fg-recipient"),
                                  day != NULL && *day != '\0' ? day : NULL,
                                  row_text (ADW_MESSAGE_DIALOG (dialog), "fg-note"),
                                  &errors[0], &errors[1], &errors[2]);
  return fg_form_show_problems (rows, errors, G_N_ELEMENTS (rows), label);
}

static void
present_service_dialog (FgNoticePage *self,
                        const char   *problem)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = boxed_list (_("Record Service"));
  GtkWidget *row;
  const char *typed = g_object_get_data (G_OBJECT (self), "fg-service-typed");
  g_auto(GStrv) fields = typed != NULL && problem != NULL ? g_strsplit (typed, "\n", 4) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);

  dialog = adw_message_dialog_new (parent_window (self), _("Record Service"), fg_notice_get_number (self->shown));
  g_object_set_data (G_OBJECT (dialog), "fg-page", self);

  {
    /* why the core refused what was typed, or what Enter found wrong */
    GtkWidget *label = gtk_label_new (problem);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_widget_add_css_class (label, "error");
    gtk_widget_set_visible (label, problem != NULL);
    gtk_box_append (GTK_BOX (box), label);
    g_object_set_data (G_OBJECT (dialog), "fg-problem", label);
  }

  gtk_string_list_append (results, fg_notice_service_get_label (FG_NOTICE_SERVICE_SERVED));
  gtk_string_list_append (results, fg_notice_service_get_label (FG_NOTICE_SERVICE_REFUSED));
  gtk_string_list_append (results, fg_notice_service_get_label (FG_NOTICE_SERVICE_UNREACHABLE));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Result"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (results));
  if (fields != NULL && g_strv_length (fields) == 4)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) g_ascii_strtoull (fields[0], NULL, 10));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), "fg-result", row);

  g_object_set_data (G_OBJECT (dialog), "fg-recipient",
                     entry_row (list, _("Received by"), fields != NULL && g_strv_length (fields) == 4 ? fields[1] : NULL));
  row = fg_date_row_new (_("Date of service"));
  gtk_editable_set_text (GTK_EDITABLE (row), fields != NULL && g_strv_length (fields) == 4 ? fields[2] : today);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_object_set_data (G_OBJECT (dialog), "fg-day", row);
  g_object_set_data (G_OBJECT (dialog), "fg-note",
                     entry_row (list, _("Note (witnesses, where it was left)"),
                                fields != NULL && g_strv_length (fields) == 4 ? fields[3] : NULL));

  gtk_box_append (GTK_BOX (box), list);
  /* Enter records a right service; a wrong one is marked, and stays */
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-recipient"), check_service, dialog);
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-day"), check_service, dialog);
  fg_form_check_on_enter (g_object_get_data (G_OBJECT (dialog), "fg-note"), check_service, dialog);
  if (problem != NULL && check_service (dialog) == 0)
    {
      gtk_label_set_label (g_object_get_data (G_OBJECT (dialog), "fg-problem"), problem);
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (dialog), "fg-problem"), TRUE);
    }
  present_record_dialog (self, dialog, box, G_CALLBACK (on_service_response));
}

static void
serve_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  g_object_set_data (G_OBJECT (self), "fg-service-typed", NULL);
  if (self->shown != NULL)
    present_service_dialog (self, NULL);
}

static void
on_void_response (AdwMessageDialog *dialog,
                  const char       *response,
                  FgNoticePage     *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "void") != 0 || self->shown == NULL)
    return;

  if (!fg_notice_void (self->store, self->actor, self->shown, row_text (dialog, "fg-reason"), &error))
    {
      fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 5);
      return;
    }

  fg_toast_show (GTK_WIDGET (self->toast_overlay), _("Document voided; its number stays taken"), 5);
  g_signal_emit_by_name (self, "changed");
  fg_notice_page_reload (self);
}

/* Marks the reason for voiding when the core would refuse it, and says
 * why below it. */
static guint
check_void_reason (gpointer data)
{
  GtkWidget *dialog = data;
  GtkWidget *reason = g_object_get_data (G_OBJECT (dialog), "fg-reason");
  GError *error = NULL;

  fg_notice_check_void_reason (gtk_editable_get_text (GTK_EDITABLE (reason)), &error);
  return fg_form_show_problems (&reason, &error, 1, g_object_get_data (G_OBJECT (dialog), "fg-reason-error"));
}

static void
void_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = boxed_list (_("Void the Document?"));
  GtkWidget *reason;
  GtkWidget *label;
  g_autofree char *body = NULL;

  if (self->shown == NULL)
    return;

  body = g_strdup_printf (_("%s keeps its number, which is never given again. "
                            "An order to correct that is voided leaves its hazards to be ordered again; "
                            "a letter to the brigade or a transfer that is voided brings its hazards "
                            "back to where they stood before it."),
                          fg_notice_get_number (self->shown));
  dialog = adw_message_dialog_new (parent_window (self), _("Void the Document?"), body);
  reason = entry_row (list, _("Reason"), NULL);
  g_object_set_data (G_OBJECT (dialog), "fg-reason", reason);
  gtk_box_append (GTK_BOX (box), list);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (dialog), "fg-reason-error", label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "void", _("_Void"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "void", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter in the reason voids, once there is one: typing it is the decision */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "void");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  fg_form_check_on_enter (reason, check_void_reason, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_void_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reinspect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);
  g_autoptr(FgNotice) opinion = NULL;
  g_autoptr(GError) error = NULL;
  FgNoticeRequest request = { FG_NOTICE_KIND_REINSPECTION };

  if (self->shown == NULL)
    return;

  request.follows_id = fg_notice_get_id (self->shown);
  opinion = fg_notice_issue (self->store, self->actor, &request, &error);
  if (opinion == NULL)
    {
      fg_toast_show (GTK_WIDGET (self->toast_overlay), error->message, 5);
      return;
    }

  g_signal_emit_by_name (self, "changed");
  fg_notice_page_reload (self);
  fg_notice_page_show_notice (self, fg_notice_get_id (opinion));
}

/* The check on the spot of an order to correct at once: the time the
 * inspectors found every hazard of it put right. */

static void present_on_spot_dialog (FgNoticePage *self,
                                    const char   *problem,
                                    const char   *typed);

static void
on_on_spot_response (AdwMessageDialog *dialog,
                     const char       *response,
                     FgNoticePage     *self)
{
  g_autoptr(GError) error = NULL;
  const char *time = row_text (dialog, "fg-time");

  if (g_strcmp0 (response, "record") != 0 || self->shown == NULL)
    return;

  if (!fg_notice_record_corrected_on_spot (self->store, self->actor, self->shown,
                                           time != NULL && *time != '\0' ? time : NULL, &error))
    {
      /* asked again, with what was wrong */
      present_on_spot_dialog (self, error->message, time);
      return;
    }

  fg_toast_show (GTK_WIDGET (self->toast_overlay), _("Corrected on the spot: its hazards are closed"), 5);
  g_signal_emit_by_name (self, "changed");
  fg_notice_page_reload (self);
}

static void
present_on_spot_dialog (FgNoticePage *self,
                        const char   *problem,
                        const char   *typed)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = boxed_list (_("Corrected on the Spot?"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M");
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("Record that the venue corrected every hazard of %s while the inspectors were "
                            "there. Each is recorded as re-inspected and fixed, with the time, and closed."),
                          fg_notice_get_number (self->shown));
  dialog = adw_message_dialog_new (parent_window (self), _("Corrected on the Spot?"), body);
  if (problem != NULL)
    {
      GtkWidget *label = gtk_label_new (problem);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  g_object_set_data (G_OBJECT (dialog), "fg-time",
                     entry_row (list, _("Time of the check (HH:MM)"), typed != NULL ? typed : time));
  gtk_box_append (GTK_BOX (box), list);
  present_record_dialog (self, dialog, box, G_CALLBACK (on_on_spot_response));
}

static void
on_spot_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  if (self->shown != NULL)
    present_on_spot_dialog (self, NULL, NULL);
}

/* Verification */

static void
on_verify_response (AdwMessageDialog *dialog,
                    const char       *response,
                    FgNoticePage     *self)
{
  g_autoptr(FgNotice) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *code = row_text (dialog, "fg-code");
  FgNoticeVerdict verdict;
  GtkWidget *answer;

  if (g_strcmp0 (response, "verify") != 0)
    return;

  verdict = fg_notice_verify (self->store, self->actor, code, &notice, &error);
  if (error != NULL)
    body = g_strdup (error->message);
  else if (notice != NULL)
    body = g_strdup_printf ("%s\n\n%s\n%s · %s · %s", fg_notice_verdict_get_label (verdict),
                            fg_notice_get_number (notice), fg_notice_kind_get_label (fg_notice_get_kind (notice)),
                            fg_notice_get_venue_name (notice), fg_notice_get_issued_on (notice));
  else
    body = g_strdup (fg_notice_verdict_get_label (verdict));

  answer = adw_message_dialog_new (parent_window (self),
                                   error == NULL && verdict == FG_NOTICE_GENUINE ? _("Genuine Document")
                                   : error == NULL && verdict == FG_NOTICE_VOIDED ? _("Voided Document")
                                   : _("Not a Genuine Document"),
                                   body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (answer), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (answer));

  if (notice != NULL)
    fg_notice_page_show_notice (self, fg_notice_get_id (notice));
}

/* Enter or a click on Verify with what is no document code (or a number
 * without its check code) marks the field and says why above it, instead
 * of closing the dialog for an answer that only repeats it. Verifying
 * changes nothing. */
static guint
check_verify_code (gpointer data)
{
  GtkWidget *dialog = data;
  FgNoticePage *self = g_object_get_data (G_OBJECT (dialog), "fg-page");
  GtkWidget *row = g_object_get_data (G_OBJECT (dialog), "fg-code");
  GError *error = NULL;

  fg_notice_verify (self->store, self->actor, gtk_editable_get_text (GTK_EDITABLE (row)), NULL, &error);
  return fg_form_show_problems (&row, &error, 1, g_object_get_data (G_OBJECT (dialog), "fg-problem"));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *list = boxed_list (_("Verify a Document"));
  GtkWidget *row;

  dialog = adw_message_dialog_new (parent_window (self), _("Verify a Document"),
                                   _("Scan the QR code of a paper document into the field, or type its number "
                                     "and the check code printed under the QR code."));
  /* what Enter found wrong */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), list);
  row = entry_row (list, _("Code or number"), NULL);
  g_object_set_data (G_OBJECT (dialog), "fg-code", row);
  g_object_set_data (G_OBJECT (dialog), "fg-problem", label);
  /* the dialog is modal over the page's window, which outlives it */
  g_object_set_data (G_OBJECT (dialog), "fg-page", self);
  fg_form_check_on_enter (row, check_verify_code, dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "verify", _("_Verify"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "verify", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "verify");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  fg_form_check_response (ADW_MESSAGE_DIALOG (dialog), "verify", check_verify_code, dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_verify_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_side);
}

/* The first time the page is shown, the view gets its rows: a
 * GtkColumnView makes up to 200 of them as soon as it has a model,
 * shown or not. */
static void
fg_notice_page_map (GtkWidget *widget)
{
  FgNoticePage *self = FG_NOTICE_PAGE (widget);

  if (!self->viewed)
    {
      self->viewed = TRUE;
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }

  GTK_WIDGET_CLASS (fg_notice_page_parent_class)->map (widget);
}

static void
fg_notice_page_dispose (GObject *object)
{
  FgNoticePage *self = (FgNoticePage *)object;

  if (self->batch != NULL)
    g_cancellable_cancel (self->batch);
  g_clear_object (&self->batch);
  clear_preview (self);
  g_clear_object (&self->shown);
  if (self->column_view != NULL)
    /* its columns go with it, and its sorter changes: no query then */
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FG_TYPE_NOTICE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->notices);
  g_clear_pointer (&self->sort_probe, fg_sort_probe_unref);

  G_OBJECT_CLASS (fg_notice_page_parent_class)->dispose (object);
}

static void
fg_notice_page_finalize (GObject *object)
{
  FgNoticePage *self = (FgNoticePage *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  g_free (self->region_id);

  G_OBJECT_CLASS (fg_notice_page_parent_class)->finalize (object);
}

static void
fg_notice_page_class_init (FgNoticePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fg_notice_page_dispose;
  object_class->finalize = fg_notice_page_finalize;
  widget_class->map = fg_notice_page_map;

  /**
   * FgNoticePage::changed:
   *
   * A document was served, voided or issued here: hazards changed too.
   */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "notice.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "notice.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "notice.serve", NULL, serve_action);
  gtk_widget_class_install_action (widget_class, "notice.void", NULL, void_action);
  gtk_widget_class_install_action (widget_class, "notice.reinspect", NULL, reinspect_action);
  gtk_widget_class_install_action (widget_class, "notice.corrected-on-spot", NULL, on_spot_action);
  gtk_widget_class_install_action (widget_class, "notice-page.print-all", NULL, print_all_action);
  gtk_widget_class_install_action (widget_class, "notice-page.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "notice-page.show-list", NULL, show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "notice.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "notice.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/firegrid/Firegrid/fg-notice-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, list_side);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, detail_side);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, township_column);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, issued_column);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, on_spot_button);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, serve_button);
  gtk_widget_class_bind_template_child (widget_class, FgNoticePage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, fg_notice_page_reload);
  gtk_widget_class_bind_template_callback (widget_class, setup_label);
  gtk_widget_class_bind_template_callback (widget_class, bind_number);
  gtk_widget_class_bind_template_callback (widget_class, bind_venue);
  gtk_widget_class_bind_template_callback (widget_class, bind_service);
  gtk_widget_class_bind_template_callback (widget_class, bind_kind);
  gtk_widget_class_bind_template_callback (widget_class, bind_township);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_changed);
  gtk_widget_class_bind_template_callback (widget_class, bind_issued);
  gtk_widget_class_bind_template_callback (widget_class, bind_deadline);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fgnoticepage");
}

/* A click on the header of the township's or the issue date's column:
 * the list is read again in that order, in SQL. */
static void
on_view_sorter_changed (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        FgNoticePage    *self)
{
  int column_sort;
  gboolean descending;
  /* no column: the latest first */
  FgNoticeSort sort = FG_NOTICE_SORT_LATEST;
  gboolean reversed = FALSE;

  if (fg_sort_probe_read (self->sort_probe, sorter, &column_sort, &descending))
    {
      sort = (FgNoticeSort) column_sort;
      /* the latest first is the issue date's descending order */
      reversed = sort == FG_NOTICE_SORT_LATEST ? !descending : descending;
    }

  if (self->sort == sort && self->reversed == reversed)
    return;

  self->sort = sort;
  self->reversed = reversed;
  fg_notice_page_reload (self);
}

static void
fg_notice_page_init (FgNoticePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the view has it when the page is first shown */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_selected), self);

  self->sort_probe = fg_sort_probe_new ();
  fg_sort_probe_attach (self->sort_probe, self->township_column, FG_NOTICE_SORT_TOWNSHIP);
  fg_sort_probe_attach (self->sort_probe, self->issued_column, FG_NOTICE_SORT_LATEST);
  /* the arrow on the issue date says what the query does anyway */
  gtk_column_view_sort_by_column (self->column_view, self->issued_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, 0);

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  update_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notice-page.print-all", FALSE);
}

/**
 * fg_notice_page_set_store:
 * @actor: the person logged in: the documents they may see
 */
void
fg_notice_page_set_store (FgNoticePage *self,
                          FgStore      *store,
                          FgActor      *actor)
{
  g_autoptr(FgNoticeQuery) query = NULL;

  g_return_if_fail (FG_IS_NOTICE_PAGE (self));
  g_return_if_fail (FG_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  g_set_object (&self->store, store);
  g_clear_pointer (&self->actor, fg_actor_unref);
  self->actor = fg_actor_ref (actor);
  gtk_column_view_column_set_visible (self->township_column,
                                      fg_list_layout_spans_townships (store, actor));

  /* what the role may never do is not offered: a village committee
   * records service but issues nothing, a county only reads */
  gtk_widget_set_visible (self->serve_button, fg_actor_can (actor, FG_ACTION_NOTICE_SERVE));
  gtk_widget_set_visible (self->more_button, fg_actor_can (actor, FG_ACTION_NOTICE_ISSUE) ||
                                             fg_actor_can (actor, FG_ACTION_HAZARD_MANAGE));

  /* counted once, for the filter and region already chosen */
  query = dup_query (self);
  g_clear_object (&self->notices);
  self->notices = fg_notice_query_list_new (store, actor, query);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->notices));
  update_count (self);
}

/**
 * fg_notice_page_set_region:
 * @region_id: (nullable): the region chosen in the sidebar
 */
void
fg_notice_page_set_region (FgNoticePage *self,
                           const char   *region_id)
{
  g_return_if_fail (FG_IS_NOTICE_PAGE (self));

  if (g_strcmp0 (self->region_id, region_id) == 0)
    return;
  g_free (self->region_id);
  self->region_id = g_strdup (region_id);
  fg_notice_page_reload (self);
}

void
fg_notice_page_set_filter (FgNoticePage   *self,
                           FgNoticeFilter  filter)
{
  g_return_if_fail (FG_IS_NOTICE_PAGE (self));
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

/**
 * fg_notice_page_get_model:
 *
 * Returns: (transfer none) (nullable): the documents listed (#FgNotice),
 *   paged from the store; %NULL until the page has a store
 */
GListModel *
fg_notice_page_get_model (FgNoticePage *self)
{
  g_return_val_if_fail (FG_IS_NOTICE_PAGE (self), NULL);
  return G_LIST_MODEL (self->notices);
}

/**
 * fg_notice_page_get_shown_notice:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
FgNotice *
fg_notice_page_get_shown_notice (FgNoticePage *self)
{
  g_return_val_if_fail (FG_IS_NOTICE_PAGE (self), NULL);
  return self->shown;
}

/**
 * fg_notice_page_get_n_preview_pages:
 *
 * Returns: how many pages the preview shows
 */
guint
fg_notice_page_get_n_preview_pages (FgNoticePage *self)
{
  g_return_val_if_fail (FG_IS_NOTICE_PAGE (self), 0);
  return self->n_preview_pages;
}
