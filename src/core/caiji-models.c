/* caiji-models.c: placeholder until its author lands it */
