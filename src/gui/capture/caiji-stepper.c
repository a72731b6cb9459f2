/* caiji-stepper.c: 证件识别 · 照片识别 · 人脸识别, with the current step marked
 *
 * Done steps carry a check mark and the current one the accent colour, so
 * a candidate sees at a glance how far along they are.
 */
#include "caiji-config.h"

#include "caiji-stepper.h"
#include "caiji-texts.h"

#define N_STEPS 3

struct _CaijiStepper {
  AdwBin    parent_instance;

  guint     step;
  GtkLabel *step1;
  GtkLabel *step2;
  GtkLabel *step3;
};

G_DEFINE_FINAL_TYPE (CaijiStepper, caiji_stepper, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (CaijiStepper *self)
{
  static const CaijiText titles[N_STEPS] = { CAIJI_TEXT_STEP_CARD, CAIJI_TEXT_STEP_PHOTO, CAIJI_TEXT_STEP_FACE };
  GtkLabel *labels[N_STEPS] = { self->step1, self->step2, self->step3 };

  for (guint i = 0; i < N_STEPS; i++)
    {
      guint number = i + 1;
      g_autofree char *text = number < self->step ? g_strdup_printf ("✓ %s", caiji_text (titles[i]))
                                                  : g_strdup_printf ("%u %s", number, caiji_text (titles[i]));

      gtk_label_set_text (labels[i], text);
      if (number == self->step)
        gtk_widget_add_css_class (GTK_WIDGET (labels[i]), "current");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (labels[i]), "current");
      if (number < self->step)
        gtk_widget_add_css_class (GTK_WIDGET (labels[i]), "done");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (labels[i]), "done");
    }
}

static void
caiji_stepper_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STEP:
      caiji_stepper_set_step (CAIJI_STEPPER (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_stepper_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, CAIJI_STEPPER (object)->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caiji_stepper_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAIJI_TYPE_STEPPER);
  G_OBJECT_CLASS (caiji_stepper_parent_class)->dispose (object);
}

static void
caiji_stepper_class_init (CaijiStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caiji_stepper_dispose;
  object_class->set_property = caiji_stepper_set_property;
  object_class->get_property = caiji_stepper_get_property;

  properties[PROP_STEP] = g_param_spec_uint ("step", NULL, NULL, 1, N_STEPS, 1,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/caiji/Kiosk/ui/caiji-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, CaijiStepper, step1);
  gtk_widget_class_bind_template_child (widget_class, CaijiStepper, step2);
  gtk_widget_class_bind_template_child (widget_class, CaijiStepper, step3);
}

static void
caiji_stepper_init (CaijiStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->step = 1;
  update_labels (self);
}

void
caiji_stepper_set_step (CaijiStepper *self,
                        guint         step)
{
  g_return_if_fail (CAIJI_IS_STEPPER (self));
  g_return_if_fail (step >= 1 && step <= N_STEPS);

  if (self->step == step)
    return;
  self->step = step;
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}
