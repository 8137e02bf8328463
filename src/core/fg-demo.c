/* fg-demo.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a township that looks like a real one, so that a newcomer's first
 * start shows a working program and benchmarks have data of any size. The
 * names are made up from common parts; a fixed seed makes every demo of the
 * same size the same, and its weeks of work (inspections, notices, fixes,
 * escalations) tell the same story whatever day it is made on.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "fg-account.h"
#include "fg-audit-private.h"
#include "fg-calendar.h"
#include "fg-campaign.h"
#include "fg-category.h"
#include "fg-checklist-private.h"
#include "fg-credit-code.h"
#include "fg-demo.h"
#include "fg-demo-private.h"
#include "fg-escalation.h"
#include "fg-hazard.h"
#include "fg-inspection.h"
#include "fg-notice.h"
#include "fg-office.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-venue.h"
#include "fg-venue-private.h"
#include "fg-venue-upkeep-private.h"

#define DEMO_SEED 20261129
#define DEMO_TOWNSHIP_CODE "410425101"
#define HISTORY_WORKDAYS 30  /* how far back the demo's inspections go */

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
  "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
  "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
  "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎",
};

static const char * const given_names[] = {
  "建国", "建华", "国强", "秀英", "桂英", "秀兰", "玉兰", "志强", "海燕", "红霞",
  "丽娟", "伟", "敏", "静", "磊", "军", "勇", "杰", "娜", "强", "涛", "明", "超",
  "俊杰", "晓东", "金凤", "春花", "文博", "子涵", "浩然", "雨萱", "欣怡", "宇航",
  "喆", "堃", "昇", "珺", "赟", "淑珍", "振华", "卫东", "新民", "保国", "长青",
};

static const char * const village_stems[] = {
  "庄", "楼", "湾", "营", "沟", "寨", "岗", "店", "集", "洼", "坡", "屯", "桥", "河",
};

static const char * const community_names[] = {
  "东街社区", "西街社区", "南关社区", "北关社区", "新华社区", "建设路社区",
  "人民路社区", "幸福里社区", "文化路社区", "育才社区",
};

static const char * const roads[] = {
  "人民路", "建设路", "解放路", "文化路", "中心街", "新华街", "工业路", "育才路",
  "民主路", "商贸街", "府前街", "车站路", "团结路", "胜利街", "东大街", "西大街",
};

static const char * const grid_names[] = {
  "第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格",
};

typedef struct
{
  const char *category;
  int weight;          /* how common the kind is */
  const char * const *suffixes;
  double area_min;
  double area_max;
  int sleeping_max;
} Kind;

static const char * const school_suffixes[] = { "幼儿园", "托管中心", "培训学校", "小学附属幼儿园", NULL };
static const char * const clinic_suffixes[] = { "诊所", "卫生室", "中医诊所", "口腔诊所", "门诊部", NULL };
static const char * const shop_suffixes[] = { "超市", "便利店", "百货商店", "烟酒店", "五金店", "日杂店", "小卖部", NULL };
static const char * const restaurant_suffixes[] = { "烧烤", "面馆", "饺子馆", "烩面馆", "快餐店", "火锅店", "胡辣汤", "小吃店", NULL };
static const char * const hotel_suffixes[] = { "宾馆", "旅社", "快捷酒店", "招待所", "民宿", NULL };
static const char * const entertainment_suffixes[] = { "KTV", "歌厅", "量贩式KTV", "舞厅", NULL };
static const char * const cafe_suffixes[] = { "网吧", "网咖", "电竞馆", NULL };
static const char * const beauty_suffixes[] = { "美发店", "足浴店", "洗浴中心", "美容院", "理发店", NULL };
static const char * const production_suffixes[] = { "木器加工厂", "服装加工厂", "面粉加工厂", "塑料制品厂", "纸箱厂", NULL };
static const char * const three_suffixes[] = { "五金店(前店后宅)", "批发部(住人)", "加工点(住人)", NULL };
static const char * const mixed_suffixes[] = { "综合商贸楼", "商住综合楼", "多业态商业体", NULL };
static const char * const rental_suffixes[] = { "出租屋", "群租房", "公寓", NULL };
static const char * const ebike_suffixes[] = { "小区电动车充电棚", "电动车集中充电点", NULL };
static const char * const street_suffixes[] = { "门市部", "建材门市", "家电门市", "粮油门市", NULL };
static const char * const workshop_suffixes[] = { "馒头作坊", "豆腐作坊", "粉条作坊", "手工作坊", NULL };
static const char * const residential_suffixes[] = { "家属院", "老旧小区", "职工宿舍", NULL };

static const Kind kinds[] = {
  { "school", 3, school_suffixes, 80, 600, 0 },
  { "clinic", 4, clinic_suffixes, 30, 200, 0 },
  { "shop", 22, shop_suffixes, 20, 300, 2 },
  { "restaurant", 18, restaurant_suffixes, 20, 250, 2 },
  { "hotel", 5, hotel_suffixes, 100, 800, 60 },
  { "entertainment", 2, entertainment_suffixes, 100, 500, 0 },
  { "internet-cafe", 2, cafe_suffixes, 80, 400, 0 },
  { "beauty-bath", 8, beauty_suffixes, 20, 300, 2 },
  { "small-production", 6, production_suffixes, 200, 2000, 0 },
  { "three-in-one", 5, three_suffixes, 40, 300, 6 },
  { "mixed-business", 2, mixed_suffixes, 300, 3000, 20 },
  { "rental-housing", 6, rental_suffixes, 60, 600, 30 },
  { "ebike-charging", 3, ebike_suffixes, 20, 200, 0 },
  { "street-shop", 8, street_suffixes, 20, 200, 2 },
  { "family-workshop", 3, workshop_suffixes, 20, 200, 4 },
  { "old-residential", 2, residential_suffixes, 1000, 20000, 0 },
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static const Kind *
pick_kind (GRand *rand)
{
  int total = 0;
  int r;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    total += kinds[i].weight;

  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (r < kinds[i].weight)
        return &kinds[i];
      r -= kinds[i].weight;
    }

  return &kinds[0];
}

static char *
person_name (GRand *rand)
{
  return g_strconcat (PICK (rand, surnames), PICK (rand, given_names), NULL);
}

static char *
phone_number (GRand *rand)
{
  static const char * const prefixes[] = { "133", "135", "137", "138", "139", "150", "151", "155", "158", "176", "183", "186", "189", "199" };

  return g_strdup_printf ("%s%08d", PICK (rand, prefixes), g_rand_int_range (rand, 0, 100000000));
}

static char *
credit_code (GRand *rand)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  char code[19];

  /* 92: an individual business (个体工商户), registered in this county */
  memcpy (code, "92410425", 8);
  for (guint i = 8; i < 17; i++)
    code[i] = alphabet[g_rand_int_range (rand, 0, 31)];
  code[17] = fg_credit_code_check_char (code);
  code[18] = '\0';
  return g_strdup (code);
}

typedef struct
{
  GPtrArray *villages;  /* FgRegion */
  GPtrArray *grids;     /* FgRegion, each with its village at the same index in grid_villages */
  GPtrArray *grid_villages;
} Places;

static gboolean
add_places (FgStore     *store,
            FgActor     *actor,
            GRand       *rand,
            const char  *township_id,
            guint        n_villages,
            Places      *places,
            GError     **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_communities = MIN (n_villages / 3 + 1, G_N_ELEMENTS (community_names));

  for (guint i = 0; i < n_villages; i++)
    {
      g_autoptr(FgRegion) village = NULL;
      g_autofree char *code = NULL;
      g_autofree char *name = NULL;
      guint n_grids;

      if (i < n_communities)
        {
          code = g_strdup_printf (DEMO_TOWNSHIP_CODE "%03u", i + 1);
          name = g_strdup (community_names[i]);
        }
      else
        {
          code = g_strdup_printf (DEMO_TOWNSHIP_CODE "%03u", 200 + i - n_communities);
          do
            {
              g_free (name);
              name = g_strconcat (PICK (rand, surnames), PICK (rand, village_stems), "村", NULL);
            }
          while (g_hash_table_contains (used, name) && g_hash_table_size (used) < 1000);

          /* past the names the parts can make, number them */
          if (g_hash_table_contains (used, name))
            {
              char *numbered = g_strdup_printf ("%s%u", name, i);
              g_free (name);
              name = numbered;
            }
        }
      g_hash_table_add (used, g_strdup (name));

      village = fg_region_add_village (store, actor, township_id, code, name, error);
      if (village == NULL)
        return FALSE;

      n_grids = (guint) g_rand_int_range (rand, 2, 5);
      for (guint j = 0; j < n_grids; j++)
        {
          FgRegion *grid = fg_region_add_grid (store, actor, fg_region_get_id (village),
                                               grid_names[j], error);
          if (grid == NULL)
            return FALSE;
          g_ptr_array_add (places->grids, grid);
          g_ptr_array_add (places->grid_villages, g_object_ref (village));
        }

      g_ptr_array_add (places->villages, g_steal_pointer (&village));
    }

  return TRUE;
}

static const FgDemoAccount demo_accounts[] = {
  { "admin", "demo-admin", "张伟", FG_ROLE_TOWNSHIP_ADMIN },
  { "staff", "demo-staff", "李明", FG_ROLE_TOWNSHIP_STAFF },
  { "grid", "demo-grid", "王芳", FG_ROLE_GRID_WORKER },
  { "village", "demo-village", "赵建国", FG_ROLE_VILLAGE_COMMITTEE },
  { "county", "demo-county", "郭晓东", FG_ROLE_COUNTY },
};

/**
 * fg_demo_get_accounts:
 * @n_accounts: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_accounts): the demo's accounts,
 *   one per role, the administrator first
 */
const FgDemoAccount *
fg_demo_get_accounts (guint *n_accounts)
{
  g_return_val_if_fail (n_accounts != NULL, NULL);

  *n_accounts = G_N_ELEMENTS (demo_accounts);
  return demo_accounts;
}

/* The grid worker gets the first grid, the village committee its village.
 * The first account must be the administrator: from then on the others
 * need one. */
static gboolean
add_accounts (FgStore     *store,
              FgActor     *installer,
              Places      *places,
              GError     **error)
{
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgRegion) township = fg_region_find (store, fg_store_get_home_region_id (store), error);

  if (township == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_accounts); i++)
    {
      const FgDemoAccount *demo = &demo_accounts[i];
      g_autoptr(FgAccount) account = NULL;
      const char *scope_id;

      switch (demo->role)
        {
        case FG_ROLE_GRID_WORKER:
        case FG_ROLE_GRID_ADMIN:
          scope_id = fg_region_get_id (g_ptr_array_index (places->grids, 0));
          break;
        case FG_ROLE_VILLAGE_COMMITTEE:
          scope_id = fg_region_get_id (g_ptr_array_index (places->grid_villages, 0));
          break;
        case FG_ROLE_COUNTY:
        case FG_ROLE_COUNTY_ADMIN:
          scope_id = fg_region_get_parent_id (township);
          break;
        case FG_ROLE_TOWNSHIP_ADMIN:
        case FG_ROLE_TOWNSHIP_STAFF:
        case FG_N_ROLES:
        default:
          scope_id = fg_region_get_id (township);
          break;
        }

      account = fg_account_create (store, admin != NULL ? admin : installer, demo->login,
                                   demo->display_name, demo->role, scope_id,
                                   demo->password, error);
      if (account == NULL)
        return FALSE;

      if (admin == NULL)
        {
          admin = fg_account_login (store, demo->login, demo->password, error);
          if (admin == NULL)
            return FALSE;
        }
      /* the township's officers inspect in twos, each with a certificate
       * number, made up as everything here is, and marked as such */
      if (demo->role == FG_ROLE_TOWNSHIP_ADMIN || demo->role == FG_ROLE_TOWNSHIP_STAFF)
        {
          g_autofree char *number = g_strdup_printf ("演示-%04u", i + 1);

          if (!fg_account_set_certificate (store, admin, demo->login, number, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* An e-bike campaign (the provincial policy's 电动自行车 专项整治) whose
 * focus is the checklists' e-bike items, running from the start of the
 * demo's history to a month from @today. */
static FgCampaign *
add_campaign (FgStore      *store,
              FgActor      *admin,
              const GDate  *start,
              const GDate  *today,
              GError      **error)
{
  g_autoptr(FgChecklist) checklist = fg_checklist_load_for_category (store, "ebike-charging", error);
  g_autoptr(GPtrArray) focus = g_ptr_array_new ();
  g_autoptr(GDate) end = g_date_copy (today);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  GListModel *items;

  if (checklist == NULL)
    return NULL;

  items = fg_checklist_get_items (checklist);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (fg_checklist_item_get_section_id (item), "ebike"))
        g_ptr_array_add (focus, (gpointer) g_intern_string (fg_checklist_item_get_code (item)));
    }
  g_ptr_array_add (focus, NULL);

  g_date_add_days (end, 30);
  start_text = fg_calendar_format_date (start);
  end_text = fg_calendar_format_date (end);

  return fg_campaign_create (store, admin, "电动自行车消防安全专项整治", start_text, end_text,
                             (const char * const *) focus->pdata, error);
}

/* The demo's past weeks, written day by day as they would have happened:
 * inspections, and for the hazards they found a notice, its service, the
 * venue's report that it is fixed, the re-inspection and the closing. The
 * steps wait in a queue ordered by day, so that records, document numbers
 * and the audit log follow the calendar; a step that would fall after
 * today has not happened yet. */
typedef enum
{
  STEP_INSPECT,
  STEP_ISSUE_NOTICE,
  STEP_SERVE,
  STEP_REPORT_FIXED,
  STEP_REINSPECT,
  STEP_CLOSE,
} StepKind;

/* what becomes of a notice */
typedef enum
{
  FATE_CLOSED,       /* fixed, re-inspected and closed (most of them) */
  FATE_RECTIFYING,   /* served, nothing since: overdue once the deadline passes */
  FATE_REPORTED,     /* the venue says it is fixed: waiting for the re-inspection */
  FATE_REFUSED,      /* the operator refused to sign: left at the venue (留置送达), served */
} Fate;

typedef struct
{
  int       day;        /* working days before the latest */
  guint     order;      /* steps of one day in the order they were planned */
  StepKind  kind;
  Fate      fate;
  char     *id;         /* the venue inspected, or the notice */
  gboolean  in_campaign;
} Step;

typedef struct
{
  FgStore    *store;
  FgActor    *admin;
  FgActor    *staff;
  GRand      *rand;       /* the inspections' results */
  GRand      *fates;      /* what follows from them, drawn apart: the
                           * results do not depend on how it goes */
  FgCampaign *campaign;
  GPtrArray  *workdays;   /* the last working days, the latest first */
  GSequence  *steps;
  guint       n_planned;
  guint       n_inspected;
  guint       n_late;     /* notices given a deadline that has just passed */
  guint       n_major;    /* hazards confirmed as major */
} History;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->id);
  g_free (step);
}

static int
compare_steps (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Step *x = a;
  const Step *y = b;

  if (x->day != y->day)
    return x->day > y->day ? -1 : 1;  /* longer ago first */
  return x->order < y->order ? -1 : x->order > y->order;
}

/* The working day @days_ago working days before the last one up to
 * today. */
static const GDate *
history_date (History *history,
              int      days_ago)
{
  g_assert (days_ago >= 0 && (guint) days_ago < history->workdays->len);

  return g_ptr_array_index (history->workdays, days_ago);
}

/* How many working days before the last one up to today @date is;
 * negative for a day still to come. */
static int
history_days_ago (History     *history,
                  const GDate *date)
{
  return fg_calendar_count_workdays (history->store, date, history_date (history, 0));
}

/* Plans a step for @days_ago working days back; a step that falls after
 * today has not happened yet and is dropped. */
static void
history_plan (History    *history,
              int         days_ago,
              StepKind    kind,
              Fate        fate,
              const char *id,
              gboolean    in_campaign)
{
  Step *step;

  if (days_ago < 0)
    return;
  days_ago = MIN (days_ago, (int) history->workdays->len - 1);

  step = g_new0 (Step, 1);
  step->day = days_ago;
  step->order = history->n_planned++;
  step->kind = kind;
  step->fate = fate;
  step->id = g_strdup (id);
  step->in_campaign = in_campaign;
  g_sequence_insert_sorted (history->steps, step, compare_steps, NULL);
}

static gboolean
history_add_events (History           *history,
                    const char * const *hazard_ids,
                    FgHazardEventKind  kind,
                    const char        *note,
                    GError           **error)
{
  const FgHazardEventDetails details = { .note = note };

  for (guint i = 0; hazard_ids != NULL && hazard_ids[i] != NULL; i++)
    {
      g_autoptr(FgHazard) hazard = fg_hazard_load (history->store, history->admin, hazard_ids[i], error);

      if (hazard == NULL ||
          !fg_hazard_add_event (history->store, history->admin, hazard, kind, &details, error))
        return FALSE;
    }

  return TRUE;
}

/* An inspection, most of them clean, some with a failed item or two; a
 * hazard that can be put right at once is, while the inspector waits. */

/* The township sends a possibly major hazard to the county brigade with
 * its letter, and records the brigade's written decision, which confirms
 * it, the same day. */
static gboolean
history_send_to_brigade (History     *history,
                         const char  *hazard_id,
                         GError     **error)
{
  const char * const ids[] = { hazard_id, NULL };
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_MAJOR_HAZARD_LETTER, .hazard_ids = ids };
  g_autoptr(FgNotice) letter = fg_notice_issue (history->store, history->admin, &request, error);
  g_autoptr(FgHazard) hazard = NULL;
  g_autoptr(GDate) today = fg_store_today (history->store);
  g_autofree char *day = fg_calendar_format_date (today);
  g_autofree char *number = g_strdup_printf ("郏消隐判字〔%u〕第%u号", g_date_get_year (today), history->n_major + 1);
  const FgHazardEventDetails decision = {
    .note = "经集体讨论，判定为重大火灾隐患",
    .decision_number = number,
    .decision_date = day,
    .decision_authority = "郏县消防救援大队",
  };

  if (letter == NULL)
    return FALSE;
  hazard = fg_hazard_load (history->store, history->admin, hazard_id, error);
  return hazard != NULL &&
         fg_hazard_add_event (history->store, history->admin, hazard, FG_HAZARD_EVENT_CONFIRMED_MAJOR, &decision,
                              error);
}
static gboolean
history_inspect (History     *history,
                 const Step  *step,
                 GError     **error)
{
  gboolean by_staff = history->n_inspected++ % 3 == 2;
  FgActor *inspector = by_staff ? history->staff : history->admin;
  FgActor *colleague = by_staff ? history->admin : history->staff;
  g_autoptr(FgInspection) inspection = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  GListModel *items;
  guint n_items;
  guint n_waiting = 0;
  int n_failed = g_rand_int_range (history->rand, 0, 10) < 5 ? 0 : g_rand_int_range (history->rand, 1, 3);

  inspection = fg_inspection_start (history->store, inspector, step->id,
                                    step->in_campaign ? FG_INSPECTION_KIND_CAMPAIGN : FG_INSPECTION_KIND_ROUTINE,
                                    step->in_campaign ? fg_campaign_get_id (history->campaign) : NULL,
                                    error);
  if (inspection == NULL ||
      !fg_inspection_set_second_inspector (history->store, inspector, inspection, fg_actor_get_login (colleague),
                                           error))
    return FALSE;

  items = fg_inspection_get_items (inspection);
  n_items = g_list_model_get_n_items (items);
  for (guint j = 0; j < n_items; j++)
    {
      g_autoptr(FgChecklistItem) item = g_list_model_get_item (items, j);
      FgOutcome outcome = FG_OUTCOME_PASS;

      /* a task of the township makes no hazard: the demo fails what a venue must correct */
      if (n_failed > 0 && g_rand_int_range (history->rand, 0, n_items) < 3 &&
          fg_checklist_item_get_kind (item) == FG_CHECKLIST_ITEM_KIND_ORDER)
        {
          outcome = FG_OUTCOME_FAIL;
          n_failed--;
        }
      else if (g_rand_int_range (history->rand, 0, 12) == 0 && fg_checklist_item_get_na_allowed (item))
        outcome = FG_OUTCOME_NA;

      if (!fg_inspection_record (history->store, inspector, inspection, fg_checklist_item_get_code (item),
                                 outcome, outcome == FG_OUTCOME_FAIL ? "现场检查发现" : NULL, error))
        return FALSE;
    }

  if (!fg_inspection_finish (history->store, inspector, inspection, error))
    return FALSE;

  hazards = fg_hazard_list_for_inspection (history->store, history->admin,
                                           fg_inspection_get_id (inspection), error);
  if (hazards == NULL)
    return FALSE;

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      const FgHazardEventDetails fixed = { .note = "经营者当场整改，检查人员现场确认" };

      switch (fg_hazard_get_grade (hazard))
        {
        case FG_HAZARD_GRADE_ON_SPOT:
          if (g_rand_int_range (history->fates, 0, 5) > 0)
            {
              if (!fg_hazard_add_event (history->store, history->admin, hazard,
                                        FG_HAZARD_EVENT_RECTIFIED_ON_SPOT, &fixed, error))
                return FALSE;
              continue;
            }
          break;
        case FG_HAZARD_GRADE_MAJOR_PROPOSED:
          /* a person confirms the first, and some of the others */
          if ((history->n_major == 0 || g_rand_int_range (history->fates, 0, 2) == 0))
            {
              if (!history_send_to_brigade (history, fg_hazard_get_id (hazard), error))
                return FALSE;
              history->n_major++;
            }
          break;
        case FG_HAZARD_GRADE_DEADLINE:
        default:
          break;
        }
      n_waiting++;
    }

  if (hazards->len > 0)
    {
      FgNoticeRequest record = {
        .kind = FG_NOTICE_KIND_INSPECTION_RECORD,
        .inspection_id = fg_inspection_get_id (inspection),
      };
      g_autoptr(FgNotice) notice = fg_notice_issue (history->store, history->admin, &record, error);
      g_autoptr(FgVenue) venue = NULL;

      /* signed for by the operator, who keeps a copy */
      if (notice != NULL)
        venue = fg_venue_load (history->store, history->admin, step->id, error);
      if (venue == NULL ||
          !fg_notice_record_service (history->store, history->admin, notice, FG_NOTICE_SERVICE_SERVED,
                                     fg_venue_get_operator_name (venue), NULL, NULL, error))
        return FALSE;
    }

  /* the notice a working day or two later, back at the office */
  if (n_waiting > 0)
    history_plan (history, step->day - g_rand_int_range (history->fates, 1, 3),
                  STEP_ISSUE_NOTICE, 0, step->id, FALSE);

  return TRUE;
}

/* A notice to correct by a deadline, for the venue's hazards waiting for
 * one; what becomes of it is drawn here. */
static gboolean
history_issue_notice (History     *history,
                      const Step  *step,
                      GError     **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GDate) today = fg_store_today (history->store);
  g_autoptr(FgNotice) notice = NULL;
  g_autofree char *deadline = NULL;
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_CORRECT_BY_DEADLINE };
  int draw = g_rand_int_range (history->fates, 0, 20);
  Fate fate;

  hazards = fg_hazard_list (history->store, history->admin, step->id, NULL, -1, error);
  if (hazards == NULL)
    return FALSE;

  /* the venue's hazards waiting for a notice: found, or escalated at once
   * (a major one) */
  for (guint i = hazards->len; i-- > 0;)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);

      if (!fg_hazard_event_allowed (fg_hazard_get_state (hazard), FG_HAZARD_EVENT_NOTICE_ISSUED) ||
          fg_hazard_get_deadline (hazard) != NULL)
        g_ptr_array_remove_index (hazards, i);
    }
  if (hazards->len == 0)
    return TRUE;

  for (guint i = 0; i < hazards->len; i++)
    {
      FgHazard *hazard = g_ptr_array_index (hazards, i);
      g_autofree char *proposed = fg_hazard_propose_deadline (history->store, hazard,
                                                              FG_HAZARD_EVENT_NOTICE_ISSUED, today);

      g_ptr_array_add (ids, (gpointer) fg_hazard_get_id (hazard));
      if (g_strcmp0 (proposed, deadline) > 0)
        {
          g_free (deadline);
          deadline = g_steal_pointer (&proposed);
        }
    }
  g_ptr_array_add (ids, NULL);

  fate = draw < 11 ? FATE_CLOSED : draw < 16 ? FATE_RECTIFYING : draw < 19 ? FATE_REPORTED : FATE_REFUSED;

  /* a major hazard takes its time, under the county's eye */
  for (guint i = 0; i < hazards->len; i++)
    if (fg_hazard_get_major_confirmed (g_ptr_array_index (hazards, i)))
      fate = FATE_RECTIFYING;

  /* The first two venues that will let their deadline pass get a short
   * one, passed a working day or two ago: the ledger has overdue rows
   * that the escalation rules have not yet taken up. */
  if (fate == FATE_RECTIFYING && history->n_late < 2 && step->day >= 5)
    {
      g_free (deadline);
      deadline = fg_calendar_format_date (history_date (history, (int) ++history->n_late));
    }

  request.hazard_ids = (const char * const *) ids->pdata;
  request.deadline = deadline;
  notice = fg_notice_issue (history->store, history->admin, &request, error);
  if (notice == NULL)
    return FALSE;

  history_plan (history, step->day - g_rand_int_range (history->fates, 0, 2),
                STEP_SERVE, fate, fg_notice_get_id (notice), FALSE);

  return TRUE;
}

static gboolean
history_serve (History     *history,
               const Step  *step,
               GError     **error)
{
  g_autoptr(FgNotice) notice = fg_notice_load (history->store, history->admin, step->id, error);
  g_autoptr(FgVenue) venue = NULL;
  g_autoptr(GDate) deadline = NULL;
  int deadline_day;

  if (notice == NULL)
    return FALSE;
  venue = fg_venue_load (history->store, history->admin, fg_notice_get_venue_id (notice), error);
  if (venue == NULL)
    return FALSE;

  /* served all the same; the deadline runs, and the rules press it */
  if (step->fate == FATE_REFUSED)
    return fg_notice_record_service (history->store, history->admin, notice, FG_NOTICE_SERVICE_REFUSED,
                                     NULL, NULL, "经营者拒绝签收，执法人员在见证人见证下将文书留置于经营场所", error);

  if (!fg_notice_record_service (history->store, history->admin, notice, FG_NOTICE_SERVICE_SERVED,
                                 fg_venue_get_operator_name (venue), NULL, NULL, error))
    return FALSE;

  deadline = fg_calendar_parse_date (fg_notice_get_deadline (notice), error);
  if (deadline == NULL)
    return FALSE;
  deadline_day = history_days_ago (history, deadline);

  switch (step->fate)
    {
    case FATE_CLOSED:
      {
        /* some days on, and before the deadline */
        int fixed_day = step->day - 2 - g_rand_int_range (history->fates, 0, 6);

        history_plan (history, MAX (deadline_day + 1, fixed_day), STEP_REPORT_FIXED, step->fate, step->id, FALSE);
      }
      break;
    case FATE_REPORTED:
      history_plan (history, step->day - 3, STEP_REPORT_FIXED, step->fate, step->id, FALSE);
      break;
    case FATE_RECTIFYING:
    case FATE_REFUSED:
    default:
      break;
    }

  return TRUE;
}

static gboolean
history_report_fixed (History     *history,
                      const Step  *step,
                      GError     **error)
{
  g_autoptr(FgNotice) notice = fg_notice_load (history->store, history->admin, step->id, error);

  if (notice == NULL ||
      !history_add_events (history, fg_notice_get_hazard_ids (notice), FG_HAZARD_EVENT_REPORTED_FIXED,
                           "经营者电话报告已整改完毕，申请复查", error))
    return FALSE;

  if (step->fate == FATE_CLOSED)
    history_plan (history, step->day - 1 - g_rand_int_range (history->fates, 0, 2),
                  STEP_REINSPECT, step->fate, step->id, FALSE);

  return TRUE;
}

/* The re-inspection, its opinion (复查意见书), and the closing soon after. */
static gboolean
history_reinspect (History     *history,
                   const Step  *step,
                   GError     **error)
{
  g_autoptr(FgNotice) notice = fg_notice_load (history->store, history->admin, step->id, error);
  FgNoticeRequest request = { .kind = FG_NOTICE_KIND_REINSPECTION, .follows_id = step->id };
  g_autoptr(FgNotice) opinion = NULL;
  g_autoptr(FgVenue) venue = NULL;

  if (notice == NULL ||
      !history_add_events (history, fg_notice_get_hazard_ids (notice), FG_HAZARD_EVENT_REINSPECTED_PASS,
                           "复查合格，隐患已整改", error))
    return FALSE;

  opinion = fg_notice_issue (history->store, history->admin, &request, error);
  if (opinion == NULL)
    return FALSE;

  /* handed over on the spot */
  venue = fg_venue_load (history->store, history->admin, fg_notice_get_venue_id (opinion), error);
  if (venue == NULL ||
      !fg_notice_record_service (history->store, history->admin, opinion, FG_NOTICE_SERVICE_SERVED,
                                 fg_venue_get_operator_name (venue), NULL, NULL, error))
    return FALSE;

  history_plan (history, step->day - g_rand_int_range (history->fates, 0, 3),
                STEP_CLOSE, step->fate, step->id, FALSE);
  return TRUE;
}

static gboolean
history_close (History     *history,
               const Step  *step,
               GError     **error)
{
  g_autoptr(FgNotice) notice = fg_notice_load (history->store, history->admin, step->id, error);

  return notice != NULL &&
         history_add_events (history, fg_notice_get_hazard_ids (notice), FG_HAZARD_EVENT_CLOSED,
                             "整改到位，予以销号", error);
}

static gboolean
history_run_step (History     *history,
                  const Step  *step,
                  GError     **error)
{
  switch (step->kind)
    {
    case STEP_INSPECT:
      return history_inspect (history, step, error);
    case STEP_ISSUE_NOTICE:
      return history_issue_notice (history, step, error);
    case STEP_SERVE:
      return history_serve (history, step, error);
    case STEP_REPORT_FIXED:
      return history_report_fixed (history, step, error);
    case STEP_REINSPECT:
      return history_reinspect (history, step, error);
    case STEP_CLOSE:
      return history_close (history, step, error);
    default:
      g_assert_not_reached ();
    }
}

/* Inspections of the first @n_inspections venues over the past weeks, and
 * what followed from them, with the escalation rules run each day as the
 * program runs them. In a year whose holiday arrangement is not installed
 * only weekends are days off, here as everywhere in the program. */
static gboolean
add_history (FgStore     *store,
             FgActor     *admin,
             FgActor     *staff,
             GRand       *rand,
             guint        n_inspections,
             GError     **error)
{
  g_autoptr(GDate) today = fg_store_today (store);
  g_autoptr(GDate) day = g_date_copy (today);
  g_autoptr(FgCampaign) campaign = NULL;
  g_autoptr(GPtrArray) venue_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) workdays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_free);
  g_autoptr(GRand) fates = g_rand_new_with_seed (DEMO_SEED + 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  History history = {
    .store = store,
    .admin = admin,
    .staff = staff,
    .rand = rand,
    .fates = fates,
    .workdays = workdays,
  };
  GTimeSpan clock_offset = fg_store_get_clock_offset (store);
  int rules_day = -1;
  gboolean ok = FALSE;

  /* Steps are planned in working days, so that the demo of any day of
   * the year tells the same story: the same hazards are open, overdue or
   * closed. */
  while (workdays->len <= HISTORY_WORKDAYS)
    {
      if (fg_calendar_is_workday (store, day))
        g_ptr_array_add (workdays, g_date_copy (day));
      g_date_subtract_days (day, 1);
    }

  campaign = add_campaign (store, admin, g_ptr_array_index (workdays, workdays->len - 1), today, error);
  if (campaign == NULL)
    return FALSE;
  history.campaign = campaign;

  stmt = fg_store_prepare (store, "SELECT id FROM venue WHERE status = 'active' ORDER BY seq LIMIT ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) n_inspections);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (venue_ids, g_strdup (fg_stmt_text (stmt, 0)));
  g_clear_pointer (&stmt, fg_stmt_release);

  history.steps = g_sequence_new (step_free);

  /* the inspections spread over the weeks, the latest on the last
   * working day */
  for (guint i = 0; i < venue_ids->len; i++)
    {
      int days_ago = (int) ((venue_ids->len - 1 - i) * (workdays->len - 1) / venue_ids->len);

      history_plan (&history, days_ago, STEP_INSPECT, 0, g_ptr_array_index (venue_ids, i), i % 4 == 0);
    }

  while (g_sequence_get_length (history.steps) > 0)
    {
      GSequenceIter *first = g_sequence_get_begin_iter (history.steps);
      Step *step = g_sequence_get (first);
      const GDate *date = history_date (&history, step->day);
      int days_back = g_date_days_between (date, today);

      fg_store_set_clock_offset (store, clock_offset - (GTimeSpan) days_back * G_TIME_SPAN_DAY);

      /* the escalation rules run first thing each day, as the program
       * runs them when it starts */
      if (step->day != rules_day)
        {
          if (!fg_escalation_run (store, admin, date, NULL, error))
            goto out;
          rules_day = step->day;
        }

      if (!history_run_step (&history, step, error))
        goto out;
      g_sequence_remove (first);
    }

  /* and for today */
  fg_store_set_clock_offset (store, clock_offset);
  ok = fg_escalation_run (store, admin, today, NULL, error);

out:
  fg_store_set_clock_offset (store, clock_offset);
  g_sequence_free (history.steps);
  return ok;
}

static FgVenue *
make_venue (GRand      *rand,
            FgRegion   *grid,
            FgRegion   *village)
{
  const Kind *kind = pick_kind (rand);
  g_autoptr(FgVenue) venue = fg_venue_new ();
  g_autofree char *operator_name = person_name (rand);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = phone_number (rand);
  const char *categories[3] = { kind->category, NULL, NULL };
  const char *suffix;
  guint n_suffixes = 0;
  int style = g_rand_int_range (rand, 0, 3);

  while (kind->suffixes[n_suffixes] != NULL)
    n_suffixes++;
  suffix = kind->suffixes[g_rand_int_range (rand, 0, n_suffixes)];

  /* 老王烧烤, 张记面馆, 冢头幸福超市 */
  if (style == 0)
    name = g_strconcat ("老", PICK (rand, surnames), suffix, NULL);
  else if (style == 1)
    name = g_strconcat (PICK (rand, surnames), "记", suffix, NULL);
  else
    name = g_strconcat (PICK (rand, roads), suffix, NULL);

  address = g_strdup_printf ("%s%s%d号", fg_region_get_name (village),
                             PICK (rand, roads), g_rand_int_range (rand, 1, 300));

  /* one in twelve venues mixes kinds: a shop with a restaurant, a hotel with karaoke */
  if (g_rand_int_range (rand, 0, 12) == 0)
    {
      const Kind *other = pick_kind (rand);
      if (other != kind)
        categories[1] = other->category;
    }

  fg_venue_set_name (venue, name);
  fg_venue_set_address (venue, address);
  fg_venue_set_region_id (venue, fg_region_get_id (grid));
  fg_venue_set_categories (venue, categories);
  fg_venue_set_operator_name (venue, operator_name);
  fg_venue_set_phone (venue, phone);
  if (g_rand_int_range (rand, 0, 10) < 6)
    {
      g_autofree char *code = credit_code (rand);
      fg_venue_set_credit_code (venue, code);
    }
  fg_venue_set_floor_area (venue, (double) g_rand_int_range (rand, (int) kind->area_min, (int) kind->area_max + 1));
  fg_venue_set_floors (venue, g_rand_int_range (rand, 1, 4));
  fg_venue_set_sleeping (venue, kind->sleeping_max > 0 ? g_rand_int_range (rand, 0, kind->sleeping_max + 1) : 0);
  fg_venue_set_key_unit (venue, kind->area_max >= 800 && g_rand_int_range (rand, 0, 4) == 0);
  fg_venue_set_smoke_alarm (venue, g_rand_int_range (rand, 0, 10) < 7);
  if (g_rand_int_range (rand, 0, 40) == 0)
    fg_venue_set_status (venue, FG_VENUE_STATUS_CLOSED);

  return g_steal_pointer (&venue);
}

/* One by one, the demo commits its venues this many at a time (memory
 * stays bounded, and the work done so far is on disk); in bulk it reports
 * its progress as often. */
#define VENUES_A_COMMIT 20000

/* From this many venues on, fg_demo_populate() writes them in bulk. */
#define BULK_FROM 1000

/* Each venue saved as a person's would be (fg_venue_save()): its own
 * checks, statement, triggers and audit record. */
static gboolean
add_venues_one_by_one (FgStore         *store,
                       FgActor         *actor,
                       GRand           *rand,
                       Places          *places,
                       guint            n_venues,
                       FgDemoProgress   progress,
                       gpointer         user_data,
                       GError         **error)
{
  for (guint i = 0; i < n_venues; i++)
    {
      guint g = (guint) g_rand_int_range (rand, 0, places->grids->len);
      g_autoptr(FgVenue) venue = make_venue (rand, g_ptr_array_index (places->grids, g),
                                             g_ptr_array_index (places->grid_villages, g));

      if (!fg_venue_save (store, actor, venue, error))
        {
          fg_store_rollback (store);
          return FALSE;
        }

      if ((i + 1) % VENUES_A_COMMIT == 0)
        {
          if (!fg_store_commit (store, error) || !fg_store_begin (store, error))
            return FALSE;
          if (progress != NULL)
            progress (i + 1, n_venues, user_data);
        }
    }
  return TRUE;
}

/* The venues of @n written last (their seq from @first), each as the
 * audit log records a venue added: the record fg_venue_save() writes. */
static gboolean
audit_new_venues (FgStore       *store,
                  FgActor       *actor,
                  FgAuditChain  *chain,
                  FgVenue      **venues,
                  guint          n,
                  gint64         first,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT * FROM venue WHERE seq >= ?1 ORDER BY seq LIMIT ?2",
                                                   error);
  guint i = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int (stmt, 2, (int) n);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && i < n)
    {
      g_autofree char *after = fg_audit_row_to_json (stmt);
      const char *id = fg_venue_get_id (venues[i]);

      /* the rows are the venues just written, in their order */
      g_assert (g_strcmp0 (fg_stmt_text (stmt, 1), id) == 0);
      if (!fg_audit_chain_append (chain, actor, "venue-add", id, NULL, after, error))
        return FALSE;
      i++;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fg_store_set_error (store, rc, error);
      return FALSE;
    }
  g_assert (i == n);
  return TRUE;
}

/* The same venues as add_venues_one_by_one(), the same rows and audit
 * records, written in bulk in one transaction: their checks made as
 * fg_venue_save() makes them, the permission checked once for each grid,
 * FG_VENUE_WRITE_MAX venues to a statement, the indexes of the venue table
 * built at the end (fg_venue_drop_indexes(): each built once, sorted,
 * instead of kept up a venue at a time in random places of a file larger
 * than the page cache, which made a million venues take a quarter of an hour), the trigger that keeps their
 * categories, search terms and region counts set aside and its work done
 * once (fg-venue-upkeep.c), their audit records chained without reading
 * and writing the log's head for each (and the statement journals in
 * memory: see fg_demo_populate_with()). A failure rolls everything back,
 * indexes and trigger with it. */
static gboolean
add_venues_in_bulk (FgStore         *store,
                    FgActor         *actor,
                    GRand           *rand,
                    Places          *places,
                    guint            n_venues,
                    FgDemoProgress   progress,
                    gpointer         user_data,
                    GError         **error)
{
  sqlite3 *db = fg_store_get_db (store);
  const char *township_id = fg_store_get_home_region_id (store);
  g_autoptr(FgRegion) township = NULL;
  g_autofree FgVenuePath *grid_paths = g_new0 (FgVenuePath, places->grids->len);
  g_autoptr(GPtrArray) indexes = NULL;
  FgVenue *venues[FG_VENUE_WRITE_MAX] = { NULL };
  FgVenuePath paths[FG_VENUE_WRITE_MAX];
  FgVenueUpkeep upkeep = { 0 };
  g_autoptr(FgAuditChain) chain = NULL;
  guint done = 0;
  gboolean ok = FALSE;

  if (!fg_permission_check (store, actor, FG_ACTION_VENUE_EDIT, NULL, NULL, error))
    goto failed;
  township = fg_region_find (store, township_id, error);
  if (township == NULL)
    goto failed;
  for (guint g = 0; g < places->grids->len; g++)
    {
      FgRegion *grid = g_ptr_array_index (places->grids, g);
      g_autoptr(FgRegion) checked = fg_region_load_for_change (store, actor, FG_ACTION_VENUE_EDIT,
                                                               fg_region_get_id (grid), 0, error);

      if (checked == NULL)
        goto failed;
      grid_paths[g] = (FgVenuePath) {
        fg_region_get_id (grid),
        fg_region_get_parent_id (township),
        township_id,
        fg_region_get_id (g_ptr_array_index (places->grid_villages, g)),
        fg_region_get_id (grid),
      };
    }

  indexes = fg_venue_drop_indexes (store, FALSE, error);
  if (indexes == NULL || !fg_venue_upkeep_defer (store, &upkeep, error))
    goto failed;
  chain = fg_audit_chain_begin (store);

  while (done < n_venues)
    {
      guint n = MIN (n_venues - done, FG_VENUE_WRITE_MAX);
      gint64 first;

      for (guint i = 0; i < n; i++)
        {
          guint g = (guint) g_rand_int_range (rand, 0, places->grids->len);
          g_autoptr(GPtrArray) faults = NULL;

          venues[i] = make_venue (rand, g_ptr_array_index (places->grids, g),
                                  g_ptr_array_index (places->grid_villages, g));
          faults = fg_venue_normalize (venues[i]);
          if (faults->len > 0)
            {
              g_propagate_error (error, g_ptr_array_steal_index (faults, 0));
              goto failed;
            }
          paths[i] = grid_paths[g];
        }
      if (!fg_venue_write_new (store, venues, paths, n, error))
        goto failed;
      first = sqlite3_last_insert_rowid (db) - n + 1;
      if (!audit_new_venues (store, actor, chain, venues, n, first, error))
        goto failed;
      for (guint i = 0; i < n; i++)
        g_clear_object (&venues[i]);

      /* progress as often as the venues one by one commit */
      if ((done + n) / VENUES_A_COMMIT > done / VENUES_A_COMMIT && progress != NULL)
        progress (done + n, n_venues, user_data);
      done += n;
    }

  if (!fg_venue_upkeep_end (store, &upkeep, error) ||
      !fg_audit_chain_end (g_steal_pointer (&chain), error))
    goto failed;
  for (guint i = 0; i < indexes->len; i++)
    if (!fg_store_exec (store, g_ptr_array_index (indexes, i), error))
      goto failed;
  ok = TRUE;
  goto out;

failed:
  fg_store_rollback (store);
out:
  for (guint i = 0; i < G_N_ELEMENTS (venues); i++)
    g_clear_object (&venues[i]);
  /* the trigger came back with the rollback, if it was set aside */
  fg_venue_upkeep_clear (&upkeep);
  return ok;
}

/**
 * fg_demo_populate:
 * @store: a store that has not been set up
 * @actor: who creates the demo
 * @n_venues: how many venues to register
 * @progress: (nullable) (scope call): called now and then with the venues done
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Sets up the demo township 冢头镇 of 郏县 with villages, communities,
 * grids and @n_venues venues of every category. About one village per 300
 * venues, so a county-sized demo stays plausible. It has one account per
 * role, with published passwords: admin/demo-admin, staff/demo-staff,
 * grid/demo-grid (the first grid), village/demo-village (that grid's
 * village) and county/demo-county. The first venues (one in six, up to
 * 150) were inspected over the last 30 working days, and what followed
 * from their hazards is recorded up to today.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_demo_populate (FgStore         *store,
                  FgActor         *actor,
                  guint            n_venues,
                  FgDemoProgress   progress,
                  gpointer         user_data,
                  GError         **error)
{
  return fg_demo_populate_with (store, actor, n_venues, n_venues >= BULK_FROM, progress, user_data, error);
}

/**
 * fg_demo_populate_with: (skip)
 * @bulk: whether to write the venues in bulk (add_venues_in_bulk()) or
 *   one by one, as a person's: the same database either way
 *
 * fg_demo_populate(), the way of writing its venues chosen.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_demo_populate_with (FgStore         *store,
                       FgActor         *actor,
                       guint            n_venues,
                       gboolean         bulk,
                       FgDemoProgress   progress,
                       gpointer         user_data,
                       GError         **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(FgActor) admin = NULL;
  g_autoptr(FgActor) staff = NULL;
  Places places = { 0 };
  guint n_villages;
  gboolean ok = FALSE;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (fg_store_is_set_up (store))
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED,
                   _("The demo can only be created in a new, empty database."));
      return FALSE;
    }

  places.villages = g_ptr_array_new_with_free_func (g_object_unref);
  places.grids = g_ptr_array_new_with_free_func (g_object_unref);
  places.grid_villages = g_ptr_array_new_with_free_func (g_object_unref);

  n_villages = CLAMP (n_venues / 300, 8, 799);

  /* A statement that writes a venue keeps the pages it changes in a
   * statement journal, in a file once past 64 KiB (see
   * keep_statement_journals_in_memory() in fg-bundle-read.c); in bulk they
   * stay in memory. The setting is taken up at the next transaction. */
  if (bulk)
    sqlite3_exec (fg_store_get_db (store), "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);

  if (!fg_store_begin (store, error))
    goto out;

  if (!fg_office_set_up_township (store, actor, DEMO_TOWNSHIP_CODE, "冢头镇", "郏县", error) ||
      !add_places (store, actor, rand, fg_store_get_home_region_id (store),
                   n_villages, &places, error))
    {
      fg_store_rollback (store);
      goto out;
    }

  if (!(bulk ? add_venues_in_bulk : add_venues_one_by_one) (store, actor, rand, &places, n_venues,
                                                            progress, user_data, error))
    goto out;

  if (!add_accounts (store, actor, &places, error) ||
      !fg_store_set_setting (store, "demo", "1", error))
    {
      fg_store_rollback (store);
      goto out;
    }

  admin = fg_account_login (store, demo_accounts[0].login, demo_accounts[0].password, error);
  if (admin != NULL)
    staff = fg_account_login (store, demo_accounts[1].login, demo_accounts[1].password, error);
  if (admin == NULL || staff == NULL ||
      !add_history (store, admin, staff, rand, MIN (n_venues / 6, 150), error))
    {
      fg_store_rollback (store);
      goto out;
    }

  if (!fg_store_commit (store, error))
    goto out;

  /* Statistics for the query planner, so that a filter by category or a
   * search starts from the few matching venues instead of the township's
   * whole index. */
  if (!fg_store_exec (store, "ANALYZE", error))
    goto out;

  if (progress != NULL)
    progress (n_venues, n_venues, user_data);
  ok = TRUE;

out:
  if (bulk)
    sqlite3_exec (fg_store_get_db (store), "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
  g_ptr_array_unref (places.villages);
  g_ptr_array_unref (places.grids);
  g_ptr_array_unref (places.grid_villages);
  return ok;
}
