/* fg-venue-page.h — the venue list with its filters and the detail pane
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "firegrid.h"

G_BEGIN_DECLS

#define FG_TYPE_VENUE_PAGE (fg_venue_page_get_type ())

G_DECLARE_FINAL_TYPE (FgVenuePage, fg_venue_page, FG, VENUE_PAGE, GtkWidget)

/* Why there is no venue to show, and what the empty page offers. */
typedef enum
{
  FG_VENUE_PAGE_EMPTY_ADD,             /* none registered yet: the first one */
  FG_VENUE_PAGE_EMPTY_NO_VILLAGE,      /* a township without villages: a village first */
  FG_VENUE_PAGE_EMPTY_FROM_TOWNSHIPS,  /* a county: they come with the townships' sync files */
} FgVenuePageEmpty;

FgPagedList        *fg_venue_page_get_venue_list     (FgVenuePage *self);
void                fg_venue_page_set_venue_list     (FgVenuePage *self,
                                                      FgPagedList *venue_list);
void                fg_venue_page_reload             (FgVenuePage *self);
FgVenue            *fg_venue_page_get_selected_venue (FgVenuePage *self);
FgVenue            *fg_venue_page_get_shown_venue    (FgVenuePage *self);
void                fg_venue_page_show_venue         (FgVenuePage *self,
                                                      FgVenue     *venue);
void                fg_venue_page_set_inspections    (FgVenuePage *self,
                                                      GListModel  *inspections);
void                fg_venue_page_set_region_id      (FgVenuePage *self,
                                                      const char  *region_id);
void                fg_venue_page_set_search_text    (FgVenuePage *self,
                                                      const char  *text);
void                fg_venue_page_set_category       (FgVenuePage *self,
                                                      const char  *category_id);
void                fg_venue_page_set_history_visible (FgVenuePage *self,
                                                       gboolean     visible);
void                fg_venue_page_set_empty          (FgVenuePage      *self,
                                                      FgVenuePageEmpty  empty,
                                                      gboolean          can_act);
void                fg_venue_page_set_allowed        (FgVenuePage *self,
                                                      gboolean     can_inspect,
                                                      gboolean     can_edit);

G_END_DECLS
