/* caiji-card-reading.c: what was read from one side of a resident ID card */
#include "caiji-card-reading.h"

CaijiCardReading *
caiji_card_reading_new (CaijiCardSide side)
{
  CaijiCardReading *reading = g_new0 (CaijiCardReading, 1);

  reading->side = side;
  return reading;
}

CaijiCardReading *
caiji_card_reading_copy (const CaijiCardReading *reading)
{
  CaijiCardReading *copy = caiji_card_reading_new (reading->side);

  copy->name = g_strdup (reading->name);
  copy->sex = g_strdup (reading->sex);
  copy->nation = g_strdup (reading->nation);
  copy->birth = g_strdup (reading->birth);
  copy->address = g_strdup (reading->address);
  copy->id_number = g_strdup (reading->id_number);
  copy->authority = g_strdup (reading->authority);
  copy->valid_from = g_strdup (reading->valid_from);
  copy->valid_to = g_strdup (reading->valid_to);
  return copy;
}

void
caiji_card_reading_free (CaijiCardReading *reading)
{
  if (reading == NULL)
    return;
  g_free (reading->name);
  g_free (reading->sex);
  g_free (reading->nation);
  g_free (reading->birth);
  g_free (reading->address);
  g_free (reading->id_number);
  g_free (reading->authority);
  g_free (reading->valid_from);
  g_free (reading->valid_to);
  g_free (reading);
}
