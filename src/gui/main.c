/* main.c: caiji-kiosk, the exam registration capture kiosk */
#include "caiji-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "caiji-application.h"

/* The interface language: GSettings "language" when the schema is
 * installed, else the kiosk's default, zh_CN. */
static char *
configured_language (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *language = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL || !g_settings_schema_has_key (schema, "language"))
    return g_strdup ("zh_CN");
  settings = g_settings_new (APP_ID);
  language = g_settings_get_string (settings, "language");
  return language[0] != '\0' ? g_steal_pointer (&language) : g_strdup ("zh_CN");
}

/* An environment that names a language wins; otherwise the kiosk speaks
 * Chinese even on a machine set up in C or English. */
static void
set_up_language (void)
{
  const char *messages;

  if (g_getenv ("LANGUAGE") == NULL && g_getenv ("LC_ALL") == NULL &&
      g_getenv ("LC_MESSAGES") == NULL)
    {
      g_autofree char *language = configured_language ();

      g_setenv ("LANGUAGE", language, FALSE);
    }

  /* gettext ignores LANGUAGE in the plain C locale, which is what a bare
   * kiosk session (no LANG) gets; C.UTF-8 is always there and is not. */
  messages = setlocale (LC_ALL, "") != NULL ? setlocale (LC_MESSAGES, NULL) : NULL;
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CAIJI_LOCALEDIR") != NULL ? g_getenv ("CAIJI_LOCALEDIR")
                                                                         : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaijiApplication) application = NULL;

  set_up_language ();
  /* GTK would call setlocale (LC_ALL, "") again and undo the fallback. */
  gtk_disable_setlocale ();

  application = caiji_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
