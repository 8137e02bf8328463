/* fg-cli-password.c — passwords from the environment or the terminal
 *
 * Copyright 2026 The Firegrid authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A script gives the password in an environment variable; a person types
 * it on the terminal, which does not echo it. It is read from /dev/tty, not
 * from standard input, so that input and output may still be redirected.
 * No password is ever printed, and each is wiped before it is freed.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#ifdef G_OS_UNIX
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#endif

#include "fg-cli.h"

/* Longer than any password a person types; more is refused, not cut. */
#define MAX_PASSWORD_BYTES 1024

static void
wipe (char  *buffer,
      gsize  length)
{
  volatile char *p = buffer;

  while (length-- > 0)
    *p++ = '\0';
}

void
fg_cli_password_free (FgCliPassword *password)
{
  if (password == NULL)
    return;

  wipe (password, strlen (password));
  g_free (password);
}

#ifdef G_OS_UNIX

/* The terminal's settings while echo is off, so that an interrupt (Ctrl+C)
 * does not leave the terminal without echo. */
static int tty_fd = -1;
static struct termios tty_saved;

static const int interrupting_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static void
restore_and_raise (int signal_number)
{
  if (tty_fd >= 0)
    tcsetattr (tty_fd, TCSAFLUSH, &tty_saved);
  signal (signal_number, SIG_DFL);
  raise (signal_number);
}

static void
write_all (int         fd,
           const char *text)
{
  gsize length = strlen (text);

  while (length > 0)
    {
      gssize written = write (fd, text, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return;
      text += written;
      length -= written;
    }
}

/* Reads one line from the terminal with echo off; NULL with @error set
 * when there is no terminal or nothing could be read. */
static FgCliPassword *
read_from_terminal (const char  *prompt,
                    GError     **error)
{
  struct sigaction previous[G_N_ELEMENTS (interrupting_signals)];
  struct sigaction action = { 0 };
  struct termios quiet;
  char buffer[MAX_PASSWORD_BYTES + 1];
  gsize length = 0;
  gboolean too_long = FALSE;
  gboolean ended = FALSE;
  int saved_errno = 0;
  int fd;

  fd = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0 || tcgetattr (fd, &tty_saved) != 0)
    {
      if (fd >= 0)
        close (fd);
      return NULL;
    }

  write_all (fd, prompt);

  action.sa_handler = restore_and_raise;
  sigemptyset (&action.sa_mask);
  tty_fd = fd;
  for (guint i = 0; i < G_N_ELEMENTS (interrupting_signals); i++)
    sigaction (interrupting_signals[i], &action, &previous[i]);

  quiet = tty_saved;
  quiet.c_lflag &= ~(ECHO | ECHOE | ECHOK);
  quiet.c_lflag |= ECHONL | ICANON;
  tcsetattr (fd, TCSAFLUSH, &quiet);

  while (!ended)
    {
      char c;
      gssize n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        saved_errno = errno;
      if (n <= 0 || c == '\n')
        {
          ended = TRUE;
          if (n <= 0 && length == 0)
            saved_errno = saved_errno != 0 ? saved_errno : EIO;
        }
      else if (length < MAX_PASSWORD_BYTES)
        buffer[length++] = c;
      else
        too_long = TRUE;
    }

  tcsetattr (fd, TCSAFLUSH, &tty_saved);
  tty_fd = -1;
  for (guint i = 0; i < G_N_ELEMENTS (interrupting_signals); i++)
    sigaction (interrupting_signals[i], &previous[i], NULL);
  close (fd);

  if (length > 0 && buffer[length - 1] == '\r')
    length--;
  buffer[length] = '\0';

  if (saved_errno != 0 || too_long)
    {
      wipe (buffer, sizeof buffer);
      if (too_long)
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("The password is too long: it may have at most %d bytes."),
                     MAX_PASSWORD_BYTES);
      else
        g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                     _("No password was typed."));
      return NULL;
    }

  {
    FgCliPassword *password = g_strndup (buffer, length);

    wipe (buffer, sizeof buffer);
    return password;
  }
}

#endif /* G_OS_UNIX */

/* The password typed at @prompt, or NULL with @error set; without a
 * terminal the error says how to give it instead. */
static FgCliPassword *
ask (const char  *prompt,
     const char  *variable,
     GError     **error)
{
  FgCliPassword *password = NULL;
  GError *local_error = NULL;

#ifdef G_OS_UNIX
  password = read_from_terminal (prompt, &local_error);
#endif

  if (password == NULL && local_error == NULL)
    g_set_error (&local_error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                 /* TRANSLATORS: %s is the name of an environment variable */
                 _("A password is needed, and there is no terminal to type it on. "
                   "Give it in the environment variable %s."),
                 variable);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return password;
}

/**
 * fg_cli_password_read:
 * @variable: the environment variable that may hold the password
 * @login: the account the password is for, named in the prompt
 * @error: return location for an error
 *
 * Returns: (transfer full): the password, from @variable if it is set,
 *   else typed on the terminal; or %NULL with @error set
 */
FgCliPassword *
fg_cli_password_read (const char  *variable,
                      const char  *login,
                      GError     **error)
{
  const char *given = g_getenv (variable);
  g_autofree char *prompt = NULL;

  if (given != NULL)
    return g_strdup (given);

  /* TRANSLATORS: %s is a login name */
  prompt = g_strdup_printf (_("Password for %s: "), login);
  return ask (prompt, variable, error);
}

/**
 * fg_cli_password_read_new:
 * @variable: the environment variable that may hold the new password
 * @login: the account the password is for, named in the prompt
 * @error: return location for an error
 *
 * A new password is typed twice, so that a slip of the finger does not
 * lock anyone out.
 *
 * Returns: (transfer full): the new password, or %NULL with @error set
 */
FgCliPassword *
fg_cli_password_read_new (const char  *variable,
                          const char  *login,
                          GError     **error)
{
  const char *given = g_getenv (variable);
  g_autoptr(FgCliPassword) first = NULL;
  g_autoptr(FgCliPassword) second = NULL;
  g_autofree char *prompt = NULL;

  if (given != NULL)
    return g_strdup (given);

  /* TRANSLATORS: %s is a login name */
  prompt = g_strdup_printf (_("New password for %s: "), login);
  first = ask (prompt, variable, error);
  if (first == NULL)
    return NULL;
  second = ask (_("Type the new password again: "), variable, error);
  if (second == NULL)
    return NULL;

  if (!g_str_equal (first, second))
    {
      g_set_error (error, FG_CLI_ERROR, FG_CLI_ERROR_FAILED,
                   _("The two passwords differ. Nothing was changed; try again."));
      return NULL;
    }

  return g_steal_pointer (&first);
}
