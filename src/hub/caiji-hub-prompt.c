/* caiji-hub-prompt.c: a new reviewer password, typed twice
 *
 * On a terminal the echo is turned off while it is typed; from a pipe
 * (scripts, tests) the first two lines are read.  The password never
 * appears on the command line, where `ps` would show it.
 */
#include "caiji-config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "caiji-hub-db.h"
#include "caiji-hub-prompt.h"

#define LINE_MAX_BYTES 1024

static char *
read_line (const char *prompt,
           gboolean    on_terminal)
{
  char line[LINE_MAX_BYTES];
  struct termios saved, quiet;
  gboolean got;

  if (on_terminal)
    {
      fprintf (stderr, "%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  got = fgets (line, sizeof line, stdin) != NULL;
  if (on_terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (stderr, "\n");
    }
  if (!got)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  {
    char *copy = g_strdup (line);

    sodium_memzero (line, sizeof line);
    return copy;
  }
}

static void
forget (char *password)
{
  if (password == NULL)
    return;
  sodium_memzero (password, strlen (password));
  g_free (password);
}

char *
caiji_hub_prompt_new_password (GError **error)
{
  gboolean on_terminal = isatty (STDIN_FILENO);
  char *first = read_line (_("New password: "), on_terminal);
  char *second = first != NULL ? read_line (_("The same password again: "), on_terminal) : NULL;

  if (second == NULL || !g_str_equal (first, second))
    {
      g_set_error (error, CAIJI_HUB_ERROR, CAIJI_HUB_ERROR_INVALID,
                   second == NULL ? _("The password must be given twice, on two lines.")
                                  : _("The two passwords differ; nothing was changed."));
      forget (first);
      forget (second);
      return NULL;
    }
  forget (second);
  return first;
}
