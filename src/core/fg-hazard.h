/* fg-hazard.h — hazards (隐患) found by inspections
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "fg-actor.h"
#include "fg-checklist.h"
#include "fg-store.h"

G_BEGIN_DECLS

typedef enum
{
  FG_HAZARD_GRADE_ON_SPOT,         /* 可当场改正 */
  FG_HAZARD_GRADE_DEADLINE,        /* 火灾隐患, corrected by a deadline */
  FG_HAZARD_GRADE_MAJOR_PROPOSED,  /* may be 重大火灾隐患: a person confirms */
} FgHazardGrade;

#define FG_HAZARD_ERROR (fg_hazard_error_quark ())

typedef enum
{
  FG_HAZARD_ERROR_NOT_FOUND,
  FG_HAZARD_ERROR_NOT_ALLOWED,     /* the event does not follow from the state */
  FG_HAZARD_ERROR_INVALID_EVENT,   /* a missing or wrong deadline, reason … */
  FG_HAZARD_ERROR_NO_LEVEL,        /* an escalation names no level the chain knows */
  FG_HAZARD_ERROR_NO_TARGET,       /* a transfer names neither police station nor regulator */
} FgHazardError;

/* Where a hazard stands: the fold of its events. */
typedef enum
{
  FG_HAZARD_STATE_OPEN,            /* found, no notice yet */
  FG_HAZARD_STATE_RECTIFYING,      /* notice served, deadline running (整改中) */
  FG_HAZARD_STATE_REPORTED_FIXED,  /* the venue says it is fixed: re-inspect */
  FG_HAZARD_STATE_VERIFIED,        /* re-inspected and fixed: may be closed */
  FG_HAZARD_STATE_ESCALATED,       /* handed up the chain (督办) */
  FG_HAZARD_STATE_TRANSFERRED,     /* handed sideways (police station, regulator) */
  FG_HAZARD_STATE_CLOSED,          /* 销号 */
  FG_HAZARD_N_STATES
} FgHazardState;

typedef enum
{
  FG_HAZARD_EVENT_FOUND,
  FG_HAZARD_EVENT_RECTIFIED_ON_SPOT,
  FG_HAZARD_EVENT_NOTICE_ISSUED,
  FG_HAZARD_EVENT_DEADLINE_EXTENDED,
  FG_HAZARD_EVENT_REPORTED_FIXED,
  FG_HAZARD_EVENT_REINSPECTED_PASS,
  FG_HAZARD_EVENT_REINSPECTED_FAIL,
  FG_HAZARD_EVENT_ESCALATED,
  FG_HAZARD_EVENT_TRANSFERRED,
  FG_HAZARD_EVENT_CONFIRMED_MAJOR,
  FG_HAZARD_EVENT_CLOSED,
  FG_HAZARD_EVENT_REOPENED,
  FG_HAZARD_EVENT_NOTICE_SERVED,        /* the notice reached the venue (送达) */
  FG_HAZARD_EVENT_NOTICE_REFUSED,       /* refused to sign: left at the venue (留置送达), served */
  FG_HAZARD_EVENT_OPERATOR_UNREACHABLE, /* nobody to serve it on: to be served another way */
  FG_HAZARD_EVENT_NOTICE_VOIDED,        /* the notice was voided: back to found, or a letter or
                                         * transfer voided: back to where it was before */
  FG_HAZARD_EVENT_MAJOR_NOT_CONFIRMED,  /* the brigade found it is not a major hazard */
  FG_HAZARD_EVENT_SUPERVISED,           /* the county's instruction (挂牌督办): a text and a deadline */
  FG_HAZARD_EVENT_SUPERVISION_REPLIED,  /* the township's reply to that instruction (督办回复) */
  FG_HAZARD_N_EVENTS
} FgHazardEventKind;

#define FG_TYPE_HAZARD_EVENT (fg_hazard_event_get_type ())

typedef struct _FgHazardEvent FgHazardEvent;

struct _FgHazardEvent
{
  char              *id;
  FgHazardEventKind  kind;
  char              *at;        /* ISO 8601 */
  char              *actor;     /* login */
  char              *actor_name;
  char              *note;
  char              *deadline;  /* nullable, YYYY-MM-DD */
  char              *level;     /* nullable: escalation level */
  char              *target;    /* nullable: transfer target */
  char              *stamp;     /* orders the fold */
  char              *notice_id; /* nullable: the document the event belongs to */
  char             **photos;    /* the SHA-256 of each photo, for fg_inspection_load_photo() */
  /* a brigade's decision (confirmed major or not): nullable otherwise */
  char              *decision_number;    /* its document number */
  char              *decision_date;      /* its date, YYYY-MM-DD */
  char              *decision_authority; /* who decided: 郏县消防救援大队 */
};

/* What a new event carries besides its kind: which fields an event needs
 * depends on the kind (a notice needs a deadline, an extension a later
 * deadline and a reason, an escalation a level, a transfer a target). */
typedef struct
{
  const char *note;
  const char *deadline;
  const char *level;
  const char *target;
  const char *notice_id;
  GPtrArray  *photos;     /* (element-type GBytes) (nullable): JPEG or PNG photos */
  /* the brigade's decision, which confirmed-major and major-not-confirmed
   * need: its document number, its date (YYYY-MM-DD), who decided */
  const char *decision_number;
  const char *decision_date;
  const char *decision_authority;
} FgHazardEventDetails;

#define FG_HAZARD_EVENT_MAX_PHOTOS 9

typedef struct _FgHazardFold FgHazardFold;

struct _FgHazardFold
{
  FgHazardState state;
  char         *deadline;         /* nullable */
  gboolean      major_confirmed;
  gboolean      major_not_confirmed; /* the brigade's last decision said it is not major */
  gboolean      sent_to_brigade;  /* it went up to the county brigade (a letter, an escalation) */
  char         *escalation_level; /* nullable */
  char         *escalated_on;     /* nullable: YYYY-MM-DD of the last escalation */
  char         *reported_fixed_on; /* nullable: YYYY-MM-DD the venue last reported it fixed */
  gboolean      service_failed;   /* the last service of a notice found nobody to serve it on */
  guint         n_applied;
  guint         n_skipped;        /* events the state did not allow (merged histories) */
  /* nullable: the document (a letter to the brigade, a transfer) whose
   * event was the last applied, and where the hazard stood before it:
   * voiding that document brings the hazard back there */
  char         *sent_by;
  FgHazardFold *before_sent;
  /* nullable: the id of the county's last instruction (挂牌督办) and of
   * the township's reply to it; an instruction without a reply is open */
  char         *supervision_id;
  char         *supervision_reply_id;
};

#define FG_TYPE_HAZARD (fg_hazard_get_type ())

G_DECLARE_FINAL_TYPE (FgHazard, fg_hazard, FG, HAZARD, GObject)

GQuark             fg_hazard_error_quark        (void);
GType              fg_hazard_event_get_type     (void) G_GNUC_CONST;
FgHazardEvent     *fg_hazard_event_copy         (const FgHazardEvent *self);
void               fg_hazard_event_free         (FgHazardEvent       *self);
const char        *fg_hazard_state_to_string    (FgHazardState        state);
const char        *fg_hazard_state_get_label    (FgHazardState        state);
const char        *fg_hazard_event_kind_to_string (FgHazardEventKind  kind);
gboolean           fg_hazard_event_kind_from_string (const char      *text,
                                                     FgHazardEventKind *kind);
const char        *fg_hazard_event_kind_get_label (FgHazardEventKind  kind);
gboolean           fg_hazard_event_allowed      (FgHazardState        state,
                                                 FgHazardEventKind    kind);
gboolean           fg_hazard_event_can_record   (const FgActor       *actor,
                                                 FgHazardEventKind    kind);
void               fg_hazard_fold               (GPtrArray           *events,
                                                 FgHazardFold        *fold);
void               fg_hazard_fold_clear         (FgHazardFold        *fold);

FgHazardGrade  fg_hazard_grade_propose       (FgChecklistItem *item);
const char    *fg_hazard_grade_to_string     (FgHazardGrade    grade);
const char    *fg_hazard_grade_get_label     (FgHazardGrade    grade);

const char    *fg_hazard_get_id              (FgHazard        *self);
const char    *fg_hazard_get_venue_id        (FgHazard        *self);
const char    *fg_hazard_get_inspection_id   (FgHazard        *self);
const char    *fg_hazard_get_item_code       (FgHazard        *self);
FgHazardGrade  fg_hazard_get_grade           (FgHazard        *self);
guint          fg_hazard_get_deadline_days   (FgHazard        *self);
const char    *fg_hazard_get_note            (FgHazard        *self);
const char    *fg_hazard_get_found_at        (FgHazard        *self);

const char    *fg_hazard_get_venue_name      (FgHazard        *self);
const char    *fg_hazard_get_village_name    (FgHazard        *self);
const char    *fg_hazard_get_township_name   (FgHazard        *self);
const char    *fg_hazard_get_grid_name       (FgHazard        *self);
const char    *fg_hazard_get_village_id      (FgHazard        *self);
const char    *fg_hazard_get_grid_id         (FgHazard        *self);
const char    *fg_hazard_get_campaign_id     (FgHazard        *self);
const char    *fg_hazard_get_item_text       (FgHazard        *self);
const char    *fg_hazard_get_item_text_zh    (FgHazard        *self);
const char    *fg_hazard_get_finding         (FgHazard        *self);
const char    *fg_hazard_get_finding_zh      (FgHazard        *self);
int            fg_hazard_count_overdue       (FgStore         *store,
                                              FgHazard        *self,
                                              const GDate     *today);
char          *fg_hazard_propose_deadline    (FgStore         *store,
                                              FgHazard        *self,
                                              FgHazardEventKind kind,
                                              const GDate     *today);
FgHazardState  fg_hazard_get_state           (FgHazard        *self);
const char    *fg_hazard_get_deadline        (FgHazard        *self);
gboolean       fg_hazard_get_major_confirmed (FgHazard        *self);
const char    *fg_hazard_get_escalation_level (FgHazard       *self);
gboolean       fg_hazard_get_service_failed  (FgHazard        *self);
gboolean       fg_hazard_awaits_other_service (FgHazard       *self);
const char    *fg_hazard_get_escalated_on    (FgHazard        *self);
const char    *fg_hazard_get_reported_fixed_on (FgHazard      *self);
GPtrArray     *fg_hazard_get_events          (FgHazard        *self);
const FgHazardEvent *fg_hazard_get_major_decision (FgHazard     *self);
gboolean       fg_hazard_is_possibly_major   (FgHazard        *self);
gboolean       fg_hazard_awaits_decision     (FgHazard        *self);
const FgHazardEvent *fg_hazard_get_supervision (FgHazard      *self);
const FgHazardEvent *fg_hazard_get_supervision_reply (FgHazard *self);
gboolean       fg_hazard_awaits_supervision_reply (FgHazard   *self);
gboolean       fg_hazard_may_record          (FgHazard        *self,
                                              const FgActor   *actor,
                                              FgHazardEventKind kind);

FgHazard      *fg_hazard_load                (FgStore         *store,
                                              FgActor         *actor,
                                              const char      *id,
                                              GError         **error);
gboolean       fg_hazard_add_event           (FgStore         *store,
                                              FgActor         *actor,
                                              FgHazard        *self,
                                              FgHazardEventKind kind,
                                              const FgHazardEventDetails *details,
                                              GError         **error);
guint          fg_hazard_check_event_fields  (FgStore         *store,
                                              FgHazard        *self,
                                              FgHazardEventKind kind,
                                              const FgHazardEventDetails *details,
                                              GError         **deadline_error,
                                              GError         **note_error);
guint          fg_hazard_check_decision_fields (FgStore       *store,
                                              FgHazard        *self,
                                              const FgHazardEventDetails *details,
                                              GError         **number_error,
                                              GError         **date_error,
                                              GError         **authority_error);
GPtrArray     *fg_hazard_list                (FgStore         *store,
                                              FgActor         *actor,
                                              const char      *venue_id,
                                              const char      *campaign_id,
                                              int              state,
                                              GError         **error);
GPtrArray     *fg_hazard_list_for_inspection (FgStore         *store,
                                              FgActor         *actor,
                                              const char      *inspection_id,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FgHazardEvent, fg_hazard_event_free)

G_END_DECLS
