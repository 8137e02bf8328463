/* fg-account.c
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords are kept only as libsodium's crypto_pwhash_str (Argon2id with
 * a salt of its own), never in clear and never in a message or a log.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sodium.h>

#include "fg-account-private.h"
#include "fg-actor-private.h"
#include "fg-audit-private.h"
#include "fg-permission-private.h"
#include "fg-region-private.h"
#include "fg-store-private.h"
#include "fg-text-private.h"

struct _FgAccount
{
  GObject parent_instance;

  char *id;
  char *login;
  char *display_name;
  FgRole role;
  char *scope_region_id;
  char *scope_name;
  char *scope_label;  /* a grid with its village: 神垕村 › 第一网格 */
  char *certificate;
  gboolean active;
};

enum {
  PROP_0,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_ROLE_LABEL,
  PROP_SCOPE_NAME,
  PROP_ACTIVE,
  PROP_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (FgAccount, fg_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (fg-account-error-quark, fg_account_error)

#define ACCOUNT_COLUMNS \
  "a.id, a.login, a.display_name, a.role, a.scope_region_id, a.active, r.name, a.certificate," \
  " (SELECT v.name FROM region v WHERE v.id = r.parent_id AND r.level = 4)"
#define ACCOUNT_FROM "account a JOIN region r ON r.id = a.scope_region_id"

static void
fg_account_finalize (GObject *object)
{
  FgAccount *self = (FgAccount *)object;

  g_free (self->id);
  g_free (self->login);
  g_free (self->display_name);
  g_free (self->scope_region_id);
  g_free (self->scope_name);
  g_free (self->scope_label);
  g_free (self->certificate);

  G_OBJECT_CLASS (fg_account_parent_class)->finalize (object);
}

static void
fg_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FgAccount *self = FG_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE_LABEL:
      g_value_set_string (value, fg_role_get_label (self->role));
      break;

    case PROP_SCOPE_NAME:
      g_value_set_string (value, self->scope_name);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_CERTIFICATE:
      g_value_set_string (value, self->certificate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fg_account_class_init (FgAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fg_account_finalize;
  object_class->get_property = fg_account_get_property;

  properties[PROP_LOGIN] = g_param_spec_string ("login", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE_LABEL] = g_param_spec_string ("role-label", NULL, NULL, NULL, flags);
  properties[PROP_SCOPE_NAME] = g_param_spec_string ("scope-name", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, flags);
  properties[PROP_CERTIFICATE] = g_param_spec_string ("certificate", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fg_account_init (FgAccount *self)
{
}

static FgAccount *
account_from_row (sqlite3_stmt *stmt)
{
  FgAccount *self = g_object_new (FG_TYPE_ACCOUNT, NULL);

  self->id = g_strdup (fg_stmt_text (stmt, 0));
  self->login = g_strdup (fg_stmt_text (stmt, 1));
  self->display_name = g_strdup (fg_stmt_text (stmt, 2));
  if (!fg_role_from_string (fg_stmt_text (stmt, 3), &self->role))
    self->role = FG_ROLE_COUNTY;  /* the role that can change least */
  self->scope_region_id = g_strdup (fg_stmt_text (stmt, 4));
  self->active = sqlite3_column_int (stmt, 5) != 0;
  self->scope_name = g_strdup (fg_stmt_text (stmt, 6));
  self->certificate = g_strdup (fg_stmt_text (stmt, 7));
  self->scope_label = sqlite3_column_type (stmt, 8) != SQLITE_NULL
                    ? fg_region_format_label (FG_REGION_LEVEL_GRID, self->scope_name, fg_stmt_text (stmt, 8))
                    : g_strdup (self->scope_name);

  return self;
}

const char *
fg_account_get_id (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->id;
}

const char *
fg_account_get_login (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->login;
}

const char *
fg_account_get_display_name (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->display_name;
}

FgRole
fg_account_get_role (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), FG_ROLE_COUNTY);
  return self->role;
}

const char *
fg_account_get_scope_region_id (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->scope_region_id;
}

const char *
fg_account_get_scope_name (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->scope_name;
}

/**
 * fg_account_get_scope_label:
 *
 * Returns: the account's area as people read it: a grid with its village
 *   ("神垕村 › 第一网格"), any other area by its name
 */
const char *
fg_account_get_scope_label (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->scope_label;
}

gboolean
fg_account_get_active (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), FALSE);
  return self->active;
}

/**
 * fg_account_get_certificate:
 *
 * Returns: the number of the person's enforcement certificate (执法证号),
 *   "" when they hold none or it was not entered
 */
const char *
fg_account_get_certificate (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), NULL);
  return self->certificate;
}

static void
ensure_sodium (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

static char *
hash_password (const char  *password,
               GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  ensure_sodium ();

  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_FAILED,
                   _("There is not enough memory to protect the password. Close other programs and try again."));
      return NULL;
    }

  return g_strdup (hash);
}

static gboolean
verify_password (const char *hash,
                 const char *password)
{
  ensure_sodium ();
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

/* An unknown login costs as much time as a wrong password, so that timing
 * does not tell which logins exist. */
static void
spend_verify_time (const char *password)
{
  static char *dummy_hash;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      dummy_hash = hash_password ("firegrid-no-such-account", NULL);
      g_once_init_leave (&initialized, 1);
    }

  if (dummy_hash != NULL)
    verify_password (dummy_hash, password);
}

static gboolean
check_login_name (const char  *login,
                  GError     **error)
{
  gsize len = login != NULL ? strlen (login) : 0;

  if (len == 0 || len > 32)
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN,
                   _("A login name has 1 to 32 characters."));
      return FALSE;
    }

  /* Latin letters, digits, dot, dash and underscore: typed the same way
   * on every keyboard and input method. */
  for (const char *p = login; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
        {
          g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_LOGIN,
                       _("A login name has Latin letters, digits, dots, dashes and underscores only, for example wang.li or grid-03."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_password (const char  *password,
                const char  *login,
                GError     **error)
{
  if (password == NULL || g_utf8_strlen (password, -1) < FG_ACCOUNT_MIN_PASSWORD_LENGTH)
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD,
                   _("A password has at least %d characters."), FG_ACCOUNT_MIN_PASSWORD_LENGTH);
      return FALSE;
    }
  if (!g_utf8_validate (password, -1, NULL))
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD,
                   _("The password is not valid text. Type it again."));
      return FALSE;
    }
  if (login != NULL && g_ascii_strcasecmp (password, login) == 0)
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WEAK_PASSWORD,
                   _("The password must not be the login name."));
      return FALSE;
    }

  return TRUE;
}

/**
 * fg_account_check_login_and_password: (skip)
 * @login: a new account's login name
 * @password: its password
 * @error: return location for an error
 *
 * The checks fg_account_create() makes of a login name and a password,
 * for a caller that wants them before it writes anything else.
 *
 * Returns: whether both are acceptable
 */
gboolean
fg_account_check_login_and_password (const char  *login,
                                     const char  *password,
                                     GError     **error)
{
  return check_login_name (login, error) && check_password (password, login, error);
}

/**
 * fg_account_check_login: (skip)
 *
 * The check fg_account_create() makes of a login name.
 */
gboolean
fg_account_check_login (const char  *login,
                        GError     **error)
{
  return check_login_name (login, error);
}

/**
 * fg_account_check_password: (skip)
 * @login: (nullable): the login the password belongs to
 *
 * The check fg_account_create() makes of a password.
 */
gboolean
fg_account_check_password (const char  *password,
                           const char  *login,
                           GError     **error)
{
  return check_password (password, login, error);
}

/**
 * fg_account_check_display_name: (skip)
 * @display_name: (nullable): a person's name as typed, e.g. "王丽"
 * @error: return location for an error
 *
 * The check fg_account_create() makes of a person's name.
 *
 * Returns: (transfer full): the name, trimmed, or %NULL with @error set
 */
char *
fg_account_check_display_name (const char  *display_name,
                               GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (display_name != NULL ? display_name : ""));

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 50)
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME,
                   _("Enter the person’s name, up to 50 characters."));
      return NULL;
    }
  /* the name goes on every record the person writes, and with them in bundles */
  if (fg_text_check_visible (name) != NULL)
    {
      g_set_error_literal (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_NAME, fg_text_check_visible (name));
      return NULL;
    }
  return g_steal_pointer (&name);
}

/**
 * fg_account_check_fields:
 * @login: a login name
 * @display_name: (nullable): the person's name, or %NULL not to check it
 * @password: a new password for @login
 * @errors: (array fixed-size=3) (out caller-allocates): %FG_ACCOUNT_N_FIELDS
 *   places for errors, all %NULL
 *
 * Makes every check fg_account_create() makes of what a person types,
 * without the store, so that a form can mark all wrong fields at once:
 * the error of each wrong field is put at its #FgAccountField.
 *
 * Returns: how many fields are wrong
 */
guint
fg_account_check_fields (const char  *login,
                         const char  *display_name,
                         const char  *password,
                         GError     **errors)
{
  guint n_wrong = 0;

  g_return_val_if_fail (errors != NULL, 0);
  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    g_return_val_if_fail (errors[i] == NULL, 0);

  check_login_name (login, &errors[FG_ACCOUNT_FIELD_LOGIN]);
  if (display_name != NULL)
    g_free (fg_account_check_display_name (display_name, &errors[FG_ACCOUNT_FIELD_NAME]));
  check_password (password, login, &errors[FG_ACCOUNT_FIELD_PASSWORD]);

  for (guint i = 0; i < FG_ACCOUNT_N_FIELDS; i++)
    n_wrong += errors[i] != NULL;
  return n_wrong;
}

/* 30 s after the fifth wrong password in a row, doubling up to 15 min. */
static gint64
lock_seconds (int failed_logins)
{
  int over = failed_logins - FG_ACCOUNT_MAX_FAILED_LOGINS;

  if (over < 0)
    return 0;

  return MIN ((gint64) 30 << MIN (over, 5), 15 * 60);
}

static FgActor *
actor_for_account (FgStore     *store,
                   const char  *id,
                   const char  *login,
                   const char  *display_name,
                   FgRole       role,
                   const char  *scope_region_id,
                   GError     **error)
{
  g_autoptr(FgRegion) scope = fg_region_find (store, scope_region_id, error);
  g_autoptr(FgRegion) village = NULL;
  g_autofree char *label = NULL;

  if (scope == NULL)
    return NULL;

  /* a grid worker's area reads 神垕村 › 第一网格: each village has its 第一网格 */
  if (fg_region_get_level (scope) == FG_REGION_LEVEL_GRID)
    village = fg_region_find (store, fg_region_get_parent_id (scope), NULL);
  label = fg_region_format_label (fg_region_get_level (scope), fg_region_get_name (scope),
                                  village != NULL ? fg_region_get_name (village) : NULL);

  return fg_actor_new_account (id, login, display_name, role, scope_region_id,
                               fg_region_get_code (scope), label);
}

static gboolean
update_login_state (FgStore     *store,
                    const char  *id,
                    int          failed_logins,
                    gint64       locked_until,
                    const char  *new_hash,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!fg_store_begin (store, error))
    return FALSE;

  stmt = fg_store_prepare (store,
                           "UPDATE account SET failed_logins = ?1, locked_until = ?2,"
                           "  password_hash = coalesce (?3, password_hash)"
                           " WHERE id = ?4",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, failed_logins);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  sqlite3_bind_text (stmt, 3, new_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

static void
refuse_login (FgStore    *store,
              const char *login,
              const char *account_id,
              GError     *refusal)
{
  /* The audit names who tried, with no role: nobody logged in. */
  g_autoptr(FgActor) someone = fg_actor_new_account ("-", login, NULL, FG_ROLE_COUNTY, NULL, "", NULL);

  fg_audit_record_refusal (store, someone, "login", account_id, refusal->message);
}

/**
 * fg_account_login:
 * @store: the store
 * @login: the login name
 * @password: the password
 * @error: return location for an error
 *
 * Checks a password and, if it is right, returns the actor that the core's
 * calls then take: the account's role and scope go with it. After
 * %FG_ACCOUNT_MAX_FAILED_LOGINS wrong passwords in a row, each further try
 * must wait (30 seconds, doubling up to 15 minutes); even the right
 * password is refused during the wait. Every refusal is audited.
 *
 * Returns: (transfer full): the logged-in actor, or %NULL with @error set
 */
FgActor *
fg_account_login (FgStore     *store,
                  const char  *login,
                  const char  *password,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *id = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *scope_region_id = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *new_hash = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 locked_until;
  int failed_logins;
  gboolean active;
  FgRole role;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);

  if (login == NULL || password == NULL)
    login = password = "";

  stmt = fg_store_prepare (store,
                           "SELECT id, display_name, role, scope_region_id, active, password_hash,"
                           "       failed_logins, locked_until"
                           " FROM account WHERE login = ?1 AND deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        {
          fg_store_set_error (store, rc, error);
          return NULL;
        }
      spend_verify_time (password);
      g_set_error (&refusal, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD,
                   _("The login name or the password is wrong. Check them and try again."));
      refuse_login (store, login, NULL, refusal);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }

  id = g_strdup (fg_stmt_text (stmt, 0));
  display_name = g_strdup (fg_stmt_text (stmt, 1));
  if (!fg_role_from_string (fg_stmt_text (stmt, 2), &role))
    role = FG_ROLE_COUNTY;
  scope_region_id = g_strdup (fg_stmt_text (stmt, 3));
  active = sqlite3_column_int (stmt, 4) != 0;
  hash = g_strdup (fg_stmt_text (stmt, 5));
  failed_logins = sqlite3_column_int (stmt, 6);
  locked_until = sqlite3_column_int64 (stmt, 7);
  g_clear_pointer (&stmt, fg_stmt_release);

  if (locked_until > now)
    {
      g_set_error (&refusal, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LOCKED,
                   _("Too many wrong passwords in a row. Wait %d seconds, then try again."),
                   (int) (locked_until - now));
      refuse_login (store, login, id, refusal);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }

  if (!verify_password (hash, password))
    {
      failed_logins++;
      locked_until = failed_logins >= FG_ACCOUNT_MAX_FAILED_LOGINS ? now + lock_seconds (failed_logins) : 0;
      if (!update_login_state (store, id, failed_logins, locked_until, NULL, error))
        return NULL;

      if (locked_until > now)
        g_set_error (&refusal, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LOCKED,
                     _("The password is wrong again (%d times in a row). Wait %d seconds, then try again."),
                     failed_logins, (int) (locked_until - now));
      else
        g_set_error (&refusal, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_WRONG_PASSWORD,
                     _("The login name or the password is wrong. Check them and try again."));
      refuse_login (store, login, id, refusal);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }

  if (!active)
    {
      g_set_error (&refusal, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INACTIVE,
                   _("This account has been switched off. Ask the township administrator to switch it on."));
      refuse_login (store, login, id, refusal);
      g_propagate_error (error, g_steal_pointer (&refusal));
      return NULL;
    }

  /* stronger limits in a newer libsodium: store the hash again */
  if (crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    new_hash = hash_password (password, NULL);

  if ((failed_logins != 0 || locked_until != 0 || new_hash != NULL) &&
      !update_login_state (store, id, 0, 0, new_hash, error))
    return NULL;

  return actor_for_account (store, id, login, display_name, role, scope_region_id, error);
}

/* The kind of this installation's node: 'township', 'county' or 'grid'. */
static char *
dup_node_kind (FgStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = fg_store_prepare (store, "SELECT kind FROM node WHERE id = ?1", NULL);

  if (stmt == NULL || fg_store_get_node_id (store) == NULL)
    return g_strdup ("township");
  sqlite3_bind_text (stmt, 1, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  return g_strdup (sqlite3_step (stmt) == SQLITE_ROW ? fg_stmt_text (stmt, 0) : "township");
}

/* The administrator an installation of this kind starts with. */
static FgRole
admin_role_of (const char *node_kind)
{
  if (g_str_equal (node_kind, "county"))
    return FG_ROLE_COUNTY_ADMIN;
  if (g_str_equal (node_kind, "grid"))
    return FG_ROLE_GRID_ADMIN;
  return FG_ROLE_TOWNSHIP_ADMIN;
}

static gboolean
role_fits_node (FgRole      role,
                const char *node_kind)
{
  if (g_str_equal (node_kind, "county"))
    return role == FG_ROLE_COUNTY || role == FG_ROLE_COUNTY_ADMIN;
  if (g_str_equal (node_kind, "grid"))
    return role == FG_ROLE_GRID_WORKER || role == FG_ROLE_GRID_ADMIN;
  return role != FG_ROLE_COUNTY_ADMIN && role != FG_ROLE_GRID_ADMIN;
}

/**
 * fg_account_get_admin_role:
 * @store: the store
 *
 * Returns: the role of this installation's administrators: a township's,
 *   a county office's or a grid station's
 */
FgRole
fg_account_get_admin_role (FgStore *store)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FG_ROLE_TOWNSHIP_ADMIN);

  kind = dup_node_kind (store);
  return admin_role_of (kind);
}

/**
 * fg_account_role_fits:
 * @store: the store
 * @role: a role
 *
 * Whether accounts of @role belong on this installation: a county
 * office's has county accounts, a grid station's grid accounts, a
 * township's the rest.
 *
 * Returns: %TRUE if @role may be given here
 */
gboolean
fg_account_role_fits (FgStore *store,
                      FgRole   role)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (role < FG_N_ROLES, FALSE);

  kind = dup_node_kind (store);
  return role_fits_node (role, kind);
}

/* The level a role's scope must have. */
static FgRegionLevel
scope_level (FgRole role)
{
  switch (role)
    {
    case FG_ROLE_TOWNSHIP_ADMIN:
    case FG_ROLE_TOWNSHIP_STAFF:
      return FG_REGION_LEVEL_TOWNSHIP;
    case FG_ROLE_GRID_WORKER:
    case FG_ROLE_GRID_ADMIN:
      return FG_REGION_LEVEL_GRID;
    case FG_ROLE_VILLAGE_COMMITTEE:
      return FG_REGION_LEVEL_VILLAGE;
    case FG_ROLE_COUNTY:
    case FG_ROLE_COUNTY_ADMIN:
    case FG_N_ROLES:
    default:
      return FG_REGION_LEVEL_COUNTY;
    }
}

static const char *
scope_level_message (FgRole role)
{
  switch (role)
    {
    case FG_ROLE_TOWNSHIP_ADMIN:
    case FG_ROLE_TOWNSHIP_STAFF:
      return _("Township accounts cover the whole township: choose the township as the account’s area.");
    case FG_ROLE_GRID_WORKER:
    case FG_ROLE_GRID_ADMIN:
      return _("A grid worker’s account covers one grid: choose the grid.");
    case FG_ROLE_VILLAGE_COMMITTEE:
      return _("A village committee’s account covers its village or community: choose it.");
    case FG_ROLE_COUNTY:
    case FG_ROLE_COUNTY_ADMIN:
    case FG_N_ROLES:
    default:
      return _("A county account covers the county: choose the county.");
    }
}

static FgAccount *
load_account (FgStore     *store,
              const char  *login,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = fg_store_prepare (store,
                           "SELECT " ACCOUNT_COLUMNS " FROM " ACCOUNT_FROM
                           " WHERE a.login = ?1 AND a.deleted = 0",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return account_from_row (stmt);

  if (rc != SQLITE_DONE)
    fg_store_set_error (store, rc, error);
  else
    g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_NOT_FOUND,
                 _("There is no account “%s”."), login);
  return NULL;
}

/* An account may be managed by an administrator whose scope covers the
 * account's area; a county account, above the township, by the township's
 * administrator too (so that a visiting county officer can be given one). */
static gboolean
check_manage (FgStore     *store,
              FgActor     *actor,
              FgRegion    *scope,
              const char  *record,
              GError     **error)
{
  const char *code = fg_region_get_code (scope);

  if (fg_region_get_level (scope) == FG_REGION_LEVEL_COUNTY && fg_actor_sees_code (actor, code))
    code = NULL;

  return fg_permission_check (store, actor, FG_ACTION_ACCOUNT_MANAGE, code, record, error);
}

/**
 * fg_account_create:
 * @store: the store
 * @actor: who creates it (a township administrator; or, for the first
 *   account, the installer)
 * @login: the login name (Latin letters, digits, . - _)
 * @display_name: the person's name, e.g. "王丽"
 * @role: the role
 * @scope_region_id: the region the account covers (id or code): the
 *   township for township roles, a grid, a village, or the county
 * @password: the first password
 * @error: return location for an error
 *
 * The first account of an installation must be its administrator: a
 * township's, a county office's or a grid station's (see
 * fg_account_get_admin_role()).
 *
 * Returns: (transfer full): the new account, or %NULL with @error set
 */
FgAccount *
fg_account_create (FgStore     *store,
                   FgActor     *actor,
                   const char  *login,
                   const char  *display_name,
                   FgRole       role,
                   const char  *scope_region_id,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(FgRegion) scope = NULL;
  g_autoptr(FgAccount) existing = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *id = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *node_kind = NULL;
  gboolean first;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (role < FG_N_ROLES, NULL);

  if (!fg_store_is_set_up (store))
    {
      g_set_error (error, FG_STORE_ERROR, FG_STORE_ERROR_NOT_SET_UP,
                   _("Set up the township first."));
      return NULL;
    }

  if (!check_login_name (login, error))
    return NULL;
  name = fg_account_check_display_name (display_name, error);
  if (name == NULL)
    return NULL;
  if (!check_password (password, login, error))
    return NULL;

  scope = fg_region_find (store, scope_region_id != NULL ? scope_region_id : "", NULL);
  if (scope == NULL || fg_region_get_level (scope) != scope_level (role))
    {
      g_set_error_literal (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE,
                           scope_level_message (role));
      return NULL;
    }

  /* a county office's installation has county accounts, a grid
   * station's grid accounts, a township's the others */
  node_kind = dup_node_kind (store);
  if (!role_fits_node (role, node_kind))
    {
      const char *message;

      if (g_str_equal (node_kind, "county"))
        message = _("A county office’s installation has county accounts only.");
      else if (g_str_equal (node_kind, "grid"))
        message = _("A grid station’s installation has grid accounts only: a grid worker or its administrator.");
      else if (role == FG_ROLE_COUNTY_ADMIN)
        message = _("A county administrator is an account of a county office’s installation.");
      else
        message = _("A grid station administrator is an account of a grid station’s installation.");
      g_set_error_literal (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE, message);
      return NULL;
    }

  first = !fg_store_has_accounts (store);
  if (first && (role != admin_role_of (node_kind) ||
                g_strcmp0 (fg_region_get_id (scope), fg_store_get_home_region_id (store)) != 0))
    {
      const char *message;

      if (g_str_equal (node_kind, "county"))
        message = _("The first account must be an administrator of the county.");
      else if (g_str_equal (node_kind, "grid"))
        message = _("The first account must be the grid station’s administrator, for its grid.");
      else
        message = _("The first account must be an administrator of the township.");
      g_set_error_literal (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_SCOPE, message);
      return NULL;
    }

  if (!check_manage (store, actor, scope, login, error))
    return NULL;

  existing = load_account (store, login, NULL);
  if (existing != NULL)
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_DUPLICATE_LOGIN,
                   _("The login name “%s” is taken. Choose another."), login);
      return NULL;
    }

  hash = hash_password (password, error);
  if (hash == NULL)
    return NULL;

  id = fg_uuid_new ();
  created_at = fg_store_now_iso8601 (store);

  if (!fg_store_begin (store, error))
    return NULL;

  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "INSERT INTO account (id, login, display_name, role, scope_region_id,"
                           "  password_hash, created_at, origin_node, stamp)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, login, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, fg_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fg_region_get_id (scope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, fg_store_get_node_id (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, stamp, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  {
    g_autofree char *after = fg_audit_dup_row (store, "account", id);
    if (!fg_audit_record_change (store, actor, "account-add", id, NULL, after, error))
      goto failed;
  }

  if (!fg_store_commit (store, error))
    return NULL;

  sodium_memzero (hash, strlen (hash));
  return load_account (store, login, error);

failed:
  fg_store_rollback (store);
  return NULL;
}

/**
 * fg_account_list_areas:
 * @store: the store
 * @actor: who would create the account
 * @role: the new account's role
 * @error: return location for an error
 *
 * The regions an account of @role may cover: the township for township
 * roles, its county for the county, its villages for village committees,
 * its grids for grid workers — those the actor may give.
 *
 * Returns: (transfer full) (element-type FgRegion): the regions, by code
 */
GPtrArray *
fg_account_list_areas (FgStore     *store,
                       FgActor     *actor,
                       FgRole       role,
                       GError     **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FgRegion) township = NULL;
  g_autoptr(GPtrArray) villages = NULL;
  FgRegionLevel level;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (role < FG_N_ROLES, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_ACCOUNT_MANAGE, NULL, NULL, error))
    return NULL;

  township = fg_region_find (store, fg_store_get_home_region_id (store) != NULL
                                    ? fg_store_get_home_region_id (store) : "", error);
  if (township == NULL)
    return NULL;

  level = scope_level (role);
  if (!fg_account_role_fits (store, role))
    return g_steal_pointer (&areas);
  /* a township's, a county office's or a grid station's own area */
  if (level == fg_region_get_level (township))
    {
      g_ptr_array_add (areas, g_steal_pointer (&township));
      return g_steal_pointer (&areas);
    }
  if (level == FG_REGION_LEVEL_COUNTY)
    {
      FgRegion *county = fg_region_find (store, fg_region_get_parent_id (township), error);

      if (county == NULL)
        return NULL;
      g_ptr_array_add (areas, county);
      return g_steal_pointer (&areas);
    }

  villages = fg_region_list_children (store, actor, fg_region_get_id (township), FALSE, error);
  if (villages == NULL)
    return NULL;

  for (guint i = 0; i < villages->len; i++)
    {
      FgRegion *village = g_ptr_array_index (villages, i);
      g_autoptr(GPtrArray) grids = NULL;

      if (level == FG_REGION_LEVEL_VILLAGE)
        {
          g_ptr_array_add (areas, g_object_ref (village));
          continue;
        }

      grids = fg_region_list_children (store, actor, fg_region_get_id (village), FALSE, error);
      if (grids == NULL)
        return NULL;
      for (guint j = 0; j < grids->len; j++)
        g_ptr_array_add (areas, g_object_ref (g_ptr_array_index (grids, j)));
    }

  return g_steal_pointer (&areas);
}

/**
 * fg_account_list:
 * @store: the store
 * @actor: who asks (an administrator)
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type FgAccount): the accounts whose
 *   area lies in the actor's scope (and county accounts), by login
 */
GPtrArray *
fg_account_list (FgStore     *store,
                 FgActor     *actor,
                 GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_ACCOUNT_MANAGE, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " ACCOUNT_COLUMNS ", r.code FROM " ACCOUNT_FROM
                           " WHERE a.deleted = 0 ORDER BY a.login",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (fg_actor_sees_code (actor, fg_stmt_text (stmt, 9)))
        g_ptr_array_add (accounts, account_from_row (stmt));
    }

  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

static gboolean
store_password (FgStore     *store,
                FgActor     *actor,
                const char  *action,
                const char  *account_id,
                const char  *password,
                GError     **error)
{
  g_autofree char *hash = hash_password (password, error);
  g_autofree char *stamp = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (hash == NULL)
    return FALSE;

  if (!fg_store_begin (store, error))
    return FALSE;

  /* a new password also lifts a lock */
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store,
                           "UPDATE account SET password_hash = ?1, failed_logins = 0,"
                           "  locked_until = 0, stamp = ?2 WHERE id = ?3",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, account_id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error) ||
      !fg_audit_record_change (store, actor, action, account_id, NULL, NULL, error))
    goto failed;

  sodium_memzero (hash, strlen (hash));
  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_account_change_password:
 * @store: the store
 * @actor: the logged-in person, who changes their own password
 * @old_password: the current password
 * @new_password: the new one
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
fg_account_change_password (FgStore     *store,
                            FgActor     *actor,
                            const char  *old_password,
                            const char  *new_password,
                            GError     **error)
{
  g_autoptr(FgActor) checked = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (fg_actor_get_account_id (actor) == NULL)
    {
      g_set_error (error, FG_PERMISSION_ERROR, FG_PERMISSION_ERROR_LOGIN_NEEDED,
                   _("Log in to change your password."));
      return FALSE;
    }

  if (!check_password (new_password, fg_actor_get_login (actor), error))
    return FALSE;

  /* the current password, counted like a login: no guessing through here */
  checked = fg_account_login (store, fg_actor_get_login (actor), old_password, error);
  if (checked == NULL)
    return FALSE;

  return store_password (store, actor, "account-change-password",
                         fg_actor_get_account_id (actor), new_password, error);
}

/**
 * fg_account_reset_password:
 * @store: the store
 * @actor: an administrator whose scope covers the account
 * @login: the account whose password is forgotten
 * @new_password: the password to give the person
 * @error: return location for an error
 *
 * Sets a new password and lifts a lock after wrong passwords.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_account_reset_password (FgStore     *store,
                           FgActor     *actor,
                           const char  *login,
                           const char  *new_password,
                           GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgRegion) scope = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  account = load_account (store, login != NULL ? login : "", error);
  if (account == NULL)
    return FALSE;
  scope = fg_region_find (store, account->scope_region_id, error);
  if (scope == NULL || !check_manage (store, actor, scope, account->id, error))
    return FALSE;
  if (!check_password (new_password, login, error))
    return FALSE;

  return store_password (store, actor, "account-reset-password", account->id, new_password, error);
}

/**
 * fg_account_is_officer:
 *
 * Whether the account's role is one of an enforcement officer's, who may
 * be one of the two inspectors of a law-enforcement inspection: township
 * administrators and staff, and county officers. Grid workers and village
 * committees find and report; they hold no power to order anything.
 *
 * Returns: %TRUE for an officer's role
 */
gboolean
fg_account_is_officer (FgAccount *self)
{
  g_return_val_if_fail (FG_IS_ACCOUNT (self), FALSE);
  return self->role == FG_ROLE_TOWNSHIP_ADMIN || self->role == FG_ROLE_TOWNSHIP_STAFF ||
         self->role == FG_ROLE_COUNTY;
}

FgAccount *
fg_account_private_load (FgStore     *store,
                         const char  *login,
                         GError     **error)
{
  return load_account (store, login != NULL ? login : "", error);
}

/* An enforcement certificate's number as entered, trimmed; %NULL with
 * @error set when it cannot be one. "" clears it. */
static char *
check_certificate (const char  *certificate,
                   GError     **error)
{
  g_autofree char *number = g_strstrip (g_strdup (certificate != NULL ? certificate : ""));

  if (!g_utf8_validate (number, -1, NULL) || g_utf8_strlen (number, -1) > FG_ACCOUNT_MAX_CERTIFICATE_LENGTH)
    goto invalid;
  for (const char *p = number; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || !g_unichar_isgraph (c))
        goto invalid;
    }
  return g_steal_pointer (&number);

invalid:
  g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE,
               _("Enter the number of the enforcement certificate as printed on it, without spaces, "
                 "up to %d characters."),
               FG_ACCOUNT_MAX_CERTIFICATE_LENGTH);
  return NULL;
}

/* Loads the account @login for @actor to set its certificate to
 * @certificate; the number as it would be stored in @number. */
static FgAccount *
load_for_certificate (FgStore     *store,
                      FgActor     *actor,
                      const char  *login,
                      const char  *certificate,
                      char       **number,
                      GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgRegion) scope = NULL;
  g_autofree char *checked = NULL;

  account = load_account (store, login != NULL ? login : "", error);
  if (account == NULL)
    return NULL;
  scope = fg_region_find (store, account->scope_region_id, error);
  if (scope == NULL || !check_manage (store, actor, scope, account->id, error))
    return NULL;
  checked = check_certificate (certificate, error);
  if (checked == NULL)
    return NULL;
  if (*checked != '\0' && !fg_account_is_officer (account))
    {
      g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_INVALID_CERTIFICATE,
                   _("%s is a %s: only an officer’s account (township or county) holds an enforcement certificate."),
                   account->display_name, fg_role_get_label (account->role));
      return NULL;
    }
  *number = g_steal_pointer (&checked);
  return g_steal_pointer (&account);
}

/**
 * fg_account_check_certificate:
 * @store: the store
 * @actor: an administrator whose scope covers the account
 * @login: the account
 * @certificate: a number of an enforcement certificate, or ""
 * @error: return location for why fg_account_set_certificate() would
 *   refuse it
 *
 * Says whether fg_account_set_certificate() would take @certificate for
 * @login, without storing anything, so a form can mark the field.
 *
 * Returns: %TRUE when it would be taken
 */
gboolean
fg_account_check_certificate (FgStore     *store,
                              FgActor     *actor,
                              const char  *login,
                              const char  *certificate,
                              GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  account = load_for_certificate (store, actor, login, certificate, &number, error);
  return account != NULL;
}

/**
 * fg_account_set_certificate:
 * @store: the store
 * @actor: an administrator whose scope covers the account
 * @login: the account
 * @certificate: the number of the person's enforcement certificate
 *   (执法证号), or "" when they hold none
 * @error: return location for an error
 *
 * Records the number printed, with the person's name, on the inspection
 * records of the inspections they take part in. Only an officer's account
 * (fg_account_is_officer()) holds one.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_account_set_certificate (FgStore     *store,
                            FgActor     *actor,
                            const char  *login,
                            const char  *certificate,
                            GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *number = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  account = load_for_certificate (store, actor, login, certificate, &number, error);
  if (account == NULL)
    return FALSE;
  if (g_str_equal (number, account->certificate))
    return TRUE;

  if (!fg_store_begin (store, error))
    return FALSE;

  before = fg_audit_dup_row (store, "account", account->id);
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store, "UPDATE account SET certificate = ?1, stamp = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, account->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  after = fg_audit_dup_row (store, "account", account->id);
  if (!fg_audit_record_change (store, actor, "account-certificate", account->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}

/**
 * fg_account_list_officers:
 * @store: the store
 * @actor: the inspector who looks for a colleague
 * @error: return location for an error
 *
 * The active officers' accounts (fg_account_is_officer()) other than the
 * actor's, by name in pinyin order: those who may be the second inspector of an
 * inspection. Each says whether it holds a certificate number.
 *
 * Returns: (transfer full) (element-type FgAccount): the accounts
 */
GPtrArray *
fg_account_list_officers (FgStore     *store,
                          FgActor     *actor,
                          GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FG_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  if (!fg_permission_check (store, actor, FG_ACTION_INSPECTION_RECORD, NULL, NULL, error))
    return NULL;

  stmt = fg_store_prepare (store,
                           "SELECT " ACCOUNT_COLUMNS " FROM " ACCOUNT_FROM
                           " WHERE a.deleted = 0 AND a.active = 1 AND a.login <> ?1"
                           " ORDER BY fg_collate_key (a.display_name), a.login",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fg_actor_get_login (actor), -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(FgAccount) account = account_from_row (stmt);

      if (fg_account_is_officer (account))
        g_ptr_array_add (accounts, g_steal_pointer (&account));
    }
  if (rc != SQLITE_DONE)
    {
      fg_store_set_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

/**
 * fg_account_set_active:
 * @store: the store
 * @actor: an administrator whose scope covers the account
 * @login: the account
 * @active: whether it may log in
 * @error: return location for an error
 *
 * Switches an account off (a person who left) or on again. Accounts are
 * never deleted: the records keep saying who did what. The last active
 * township administrator cannot be switched off.
 *
 * Returns: %TRUE on success
 */
gboolean
fg_account_set_active (FgStore     *store,
                       FgActor     *actor,
                       const char  *login,
                       gboolean     active,
                       GError     **error)
{
  g_autoptr(FgAccount) account = NULL;
  g_autoptr(FgRegion) scope = NULL;
  g_autoptr(sqlite3_stmt) admins = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (FG_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  account = load_account (store, login != NULL ? login : "", error);
  if (account == NULL)
    return FALSE;
  scope = fg_region_find (store, account->scope_region_id, error);
  if (scope == NULL || !check_manage (store, actor, scope, account->id, error))
    return FALSE;
  if (account->active == !!active)
    return TRUE;

  if (!active && account->role == FG_ROLE_TOWNSHIP_ADMIN)
    {
      admins = fg_store_prepare (store,
                                 "SELECT count(*) FROM account WHERE role = 'township-admin'"
                                 " AND active = 1 AND deleted = 0",
                                 error);
      if (admins == NULL)
        return FALSE;
      if (sqlite3_step (admins) == SQLITE_ROW && sqlite3_column_int (admins, 0) <= 1)
        {
          g_set_error (error, FG_ACCOUNT_ERROR, FG_ACCOUNT_ERROR_LAST_ADMIN,
                       _("%s is the last township administrator. Make another administrator first."),
                       account->display_name);
          return FALSE;
        }
    }

  if (!fg_store_begin (store, error))
    return FALSE;

  before = fg_audit_dup_row (store, "account", account->id);
  stamp = fg_store_next_stamp (store);
  stmt = fg_store_prepare (store, "UPDATE account SET active = ?1, stamp = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, !!active);
  sqlite3_bind_text (stmt, 2, stamp, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, account->id, -1, SQLITE_STATIC);
  if (!fg_store_step_done (store, stmt, error))
    goto failed;

  after = fg_audit_dup_row (store, "account", account->id);
  if (!fg_audit_record_change (store, actor, active ? "account-switch-on" : "account-switch-off",
                               account->id, before, after, error))
    goto failed;

  return fg_store_commit (store, error);

failed:
  fg_store_rollback (store);
  return FALSE;
}
