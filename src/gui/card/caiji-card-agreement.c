/* caiji-card-agreement.c: a camera read of the portrait side counts once two frames agree */
#include "caiji-config.h"

#include "caiji-card-agreement.h"

struct _CaijiCardAgreement {
  GPtrArray *readings;   /* of CaijiCardReading, one per frame read so far */
};

CaijiCardAgreement *
caiji_card_agreement_new (void)
{
  CaijiCardAgreement *self = g_new0 (CaijiCardAgreement, 1);

  self->readings = g_ptr_array_new_with_free_func ((GDestroyNotify) caiji_card_reading_free);
  return self;
}

void
caiji_card_agreement_free (CaijiCardAgreement *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->readings);
  g_free (self);
}

void
caiji_card_agreement_clear (CaijiCardAgreement *self)
{
  g_ptr_array_set_size (self->readings, 0);
}

gboolean
caiji_card_agreement_needed (const CaijiCardReading *reading)
{
  return reading != NULL && reading->side == CAIJI_CARD_SIDE_FRONT && reading->id_number != NULL;
}

static gboolean
same_card (const CaijiCardReading *a,
           const CaijiCardReading *b)
{
  return a->side == b->side && g_strcmp0 (a->id_number, b->id_number) == 0 &&
         g_strcmp0 (a->name, b->name) == 0;
}

gboolean
caiji_card_agreement_add (CaijiCardAgreement     *self,
                          const CaijiCardReading *reading)
{
  g_return_val_if_fail (reading != NULL, FALSE);

  for (guint i = 0; i < self->readings->len; i++)
    if (same_card (g_ptr_array_index (self->readings, i), reading))
      return TRUE;
  g_ptr_array_add (self->readings, caiji_card_reading_copy (reading));
  return FALSE;
}

/* How many frames have been read without two agreeing. */
guint
caiji_card_agreement_frames (CaijiCardAgreement *self)
{
  return self->readings->len;
}
